#!/usr/bin/env node
/**
 * The README's scope and operations tables, generated from the compiled catalogue.
 * `npm run docs` rewrites them; test/readme.test.mjs fails when README and catalogue disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
	CATALOG,
	actionsOf,
	createPathOf,
	scopesFor,
	BASE_SCOPES,
} = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/shared/operations.js');

export const README = fileURLToPath(new URL('../README.md', import.meta.url));

const code = (list) => list.map((item) => `\`${item}\``).join(', ');
/** An operation's scopes; none where Coupa's docs name none (the pre-check then lets the call through). */
const scopeCell = (list) => (list.length ? code(list) : 'not documented: Coupa decides');

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

/** README with every generated section replaced. */
export function renderReadme(text) {
	return [
		['scope-table', scopeTable()],
		['operations-table', operationsTable()],
		['confirmations', confirmationList()],
	].reduce(
		(doc, [name, body]) =>
			doc.replace(
				new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`),
				`$1\n${body}\n$2`,
			),
		text,
	);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	writeFileSync(README, renderReadme(readFileSync(README, 'utf8')));
	console.log('README tables regenerated from the catalogue.');
}
