#!/usr/bin/env node
/**
 * The generated parts of the docs, rendered from the compiled catalogue: the resource list in
 * README.md, the scope and operations tables in docs/operations.md and the list of confirmable
 * actions in docs/reliability.md. Each sits between `<!-- name:start -->` and `<!-- name:end -->`.
 * `npm run docs` rewrites them; test/readme.test.mjs fails when a file and the catalogue disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// The catalogue folder's index.js.
const {
	CATALOG,
	actionsOf,
	createPathOf,
	scopesFor,
	BASE_SCOPES,
} = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/helpers/operations.js');

const fromRoot = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const code = (list) => list.map((item) => `\`${item}\``).join(', ');
/** An operation's scopes; none where Coupa's docs name none (the pre-check then lets the call through). */
const scopeCell = (list) => (list.length ? code(list) : 'not documented: Coupa decides');

/** README's one-line overview: every resource by name, linking to the full tables. */
function resourceList() {
	const names = CATALOG.map((object) => object.name).sort((a, b) => a.localeCompare(b));
	return `**${names.length} resources:** ${names.join(', ')}, and a Custom API Call.`;
}

function scopeTable() {
	const rows = CATALOG.map((object) => {
		const isRead = (entry) =>
			entry.value === 'get' || entry.value === 'getAll' || entry.catalogAction?.method === 'GET';
		const writeEntries = operationsOf(object).filter((entry) => !isRead(entry));
		const writes = new Set([
			...object.writeScopes,
			...writeEntries.flatMap((entry) => scopesFor(object, entry.value)),
		]);
		return `| ${object.name} | \`/api/${object.path}\` | ${scopeCell(object.readScopes)} | ${writeEntries.length ? scopeCell([...writes]) : 'none (read only)'} |`;
	});
	return [
		`Every connection needs ${code(BASE_SCOPES)}. An operation needs **any one** of the scopes listed for it.`,
		'',
		'| Object | Path | Read | Write and actions |',
		'|---|---|---|---|',
		...rows,
	].join('\n');
}

function requestOf(object, entry) {
	const base = `/api/${object.path}`;
	const standard = {
		get: `GET ${base}/{id}`,
		getAll: `GET ${base}`,
		create: `POST /api/${createPathOf(object).replace('{parentId}', '{id}')}`,
		update: `PUT ${base}/{id}`,
		delete: `DELETE ${base}/{id}`,
		markExported: `PUT ${base}/{id}?exported=true`,
	}[entry.value];
	if (standard) return standard;
	const action = entry.catalogAction;
	return `${action.method} ${base}/${action.path}`;
}

function operationsTable() {
	const rows = CATALOG.flatMap((object) =>
		operationsOf(object).map(
			(entry) =>
				`| ${object.name} | ${entry.name} | \`${requestOf(object, entry)}\` | ${scopeCell(scopesFor(object, entry.value))} |`,
		),
	);
	return [
		'| Resource | Operation | Coupa request | Scope (any one) |',
		'|---|---|---|---|',
		...rows,
		'| Custom API Call | Send Request | any method and `/api/...` path | the scope of that path |',
		'',
		...CATALOG.filter((object) => object.notes).map(
			(object) => `- **${object.name}:** ${object.notes}`,
		),
	].join('\n');
}

/** Which actions a lost answer can be confirmed for (they name the state they lead to), and which not. */
function confirmationList() {
	const confirmed = new Map();
	const unconfirmed = new Set();
	for (const object of CATALOG) {
		for (const action of actionsOf(object)) {
			if (action.method === 'GET' || action.binary) continue;
			if (!action.leadsTo) unconfirmed.add(action.name);
			else {
				const { field, values, notValues } = action.leadsTo;
				const state = values
					? `${field} ${values.map(String).join(' or ')}`
					: `${field} no longer ${notValues.map(String).join(' or ')}`;
				const states = confirmed.get(action.name) ?? new Set();
				confirmed.set(action.name, states.add(state));
			}
		}
	}
	const sorted = (list) => [...list].sort((a, b) => a.localeCompare(b));
	return [
		`- Confirmed by reading back (the state each leads to): ${sorted(confirmed.keys())
			.map((name) => `${name} (${[...confirmed.get(name)].join('; ')})`)
			.join(', ')}.`,
		`- Not confirmable, reported as "may have been applied": create, update, ${sorted(unconfirmed).join(', ')}, and Custom API Call writes.`,
	].join('\n');
}

/** Every file with generated sections, by its path from the repository root. */
export const GENERATED = {
	'README.md': { resources: resourceList },
	'docs/operations.md': { 'scope-table': scopeTable, 'operations-table': operationsTable },
	'docs/reliability.md': { confirmations: confirmationList },
};

export const pathOf = fromRoot;

/** `text` (the file at `file`) with each of its generated sections rendered anew. */
export function renderDoc(file, text) {
	return Object.entries(GENERATED[file]).reduce((doc, [name, render]) => {
		const section = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
		if (!section.test(doc)) throw new Error(`${file} has no <!-- ${name}:start/end --> markers`);
		return doc.replace(section, (_all, start, end) => `${start}\n${render()}\n${end}`);
	}, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	for (const file of Object.keys(GENERATED)) {
		writeFileSync(fromRoot(file), renderDoc(file, readFileSync(fromRoot(file), 'utf8')));
	}
	console.log(
		`Generated sections of ${Object.keys(GENERATED).join(', ')} rendered from the catalogue.`,
	);
}
