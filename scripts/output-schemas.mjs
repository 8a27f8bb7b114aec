#!/usr/bin/env node
/**
 * Output schemas for n8n's editor, generated from the fake Coupa's records (shaped as in
 * docs/coupa-docs.md, "Records have hyphenated keys, decimals as strings and timestamps with offsets") and the compiled catalogue. n8n serves
 * `<node dir>/__schema__/v<version>/<resource>/<operation>.json` at
 * /schemas/<package>.<node>/<version>/<resource>/<operation>.json (the trigger has no operation:
 * `<resource>.json`), so the editor can offer a node's output fields before its first run.
 * `n8n-node build` copies every `__schema__/**.json` into dist/.
 *   node scripts/output-schemas.mjs           rewrites nodes/Coupa/__schema__
 *   node scripts/output-schemas.mjs --check   fails when the committed files are stale
 */
import {
	mkdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
	existsSync,
	readdirSync,
	statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CLIENT, startFakeCoupa } from '../test/fake-coupa/index.mjs';

const require = createRequire(import.meta.url);
const { CATALOG } = require('../dist/nodes/Coupa/catalog');

export const SCHEMA_DIR = fileURLToPath(new URL('../nodes/Coupa/__schema__', import.meta.url));
export const VERSION_DIR = 'v1.0.0';
/** Operations whose output is the record itself. */
export const RECORD_OPERATIONS = ['get', 'getAll', 'create', 'update'];
const SAMPLE_SIZE = 50;

/** A JSON schema of one value, in the form n8n's own __schema__ files use. */
function schemaOf(value) {
	if (value === null || value === undefined) return { type: 'null' };
	if (Array.isArray(value)) {
		const items = value.map(schemaOf).reduce(mergeSchemas, undefined);
		return items ? { type: 'array', items } : { type: 'array' };
	}
	if (typeof value === 'object') {
		const properties = {};
		for (const key of Object.keys(value).sort()) properties[key] = schemaOf(value[key]);
		return { type: 'object', properties };
	}
	if (typeof value === 'number') return { type: Number.isInteger(value) ? 'integer' : 'number' };
	return { type: typeof value };
}

/** The union of two schemas of the same field seen in different records (null gives way). */
function mergeSchemas(a, b) {
	if (!a) return b;
	if (!b) return a;
	if (a.type === 'null') return b;
	if (b.type === 'null') return a;
	if (a.type === 'integer' && b.type === 'number') return b;
	if (a.type !== b.type) return a;
	if (a.type === 'object') {
		const properties = { ...a.properties };
		for (const [key, schema] of Object.entries(b.properties))
			properties[key] = mergeSchemas(properties[key], schema);
		return {
			type: 'object',
			properties: Object.fromEntries(
				Object.keys(properties)
					.sort()
					.map((key) => [key, properties[key]]),
			),
		};
	}
	if (a.type === 'array') {
		const items = mergeSchemas(a.items, b.items);
		return items ? { type: 'array', items } : { type: 'array' };
	}
	return a;
}

async function token(fake) {
	const response = await fetch(`${fake.url}/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: DEFAULT_CLIENT.clientId,
			client_secret: DEFAULT_CLIENT.clientSecret,
			scope: DEFAULT_CLIENT.scopes.join(' '),
		}),
	});
	return (await response.json()).access_token;
}

/** Every schema file: relative path → schema. */
export async function generateSchemas() {
	const fake = await startFakeCoupa({ seed: 'default', clock: '2026-01-15T12:00:00Z' });
	const files = new Map();
	try {
		const accessToken = await token(fake);
		for (const object of CATALOG) {
			if (!object.operations.get && !object.operations.getAll) continue;
			const response = await fetch(`${fake.url}/api/${object.path}?limit=${SAMPLE_SIZE}`, {
				headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
			});
			if (!response.ok) throw new Error(`GET /api/${object.path} answered ${response.status}`);
			const records = await response.json();
			if (!records.length) throw new Error(`The fake Coupa has no ${object.path} to describe`);
			const schema = records.map(schemaOf).reduce(mergeSchemas, undefined);
			for (const operation of RECORD_OPERATIONS) {
				if (object.operations[operation])
					files.set(`${VERSION_DIR}/${object.resource}/${operation}.json`, schema);
			}
			// The trigger has Resource but no Operation parameter.
			if (object.operations.getAll) files.set(`${VERSION_DIR}/${object.resource}.json`, schema);
		}
	} finally {
		await fake.close();
	}
	return files;
}

const serialize = (schema) => `${JSON.stringify(schema, null, '\t')}\n`;

function listFiles(dir, base = dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? listFiles(path, base) : [relative(base, path)];
	});
}

/** Paths (relative to SCHEMA_DIR) whose committed content differs from what is generated. */
export async function staleSchemas() {
	const files = await generateSchemas();
	const stale = [];
	for (const [path, schema] of files) {
		const file = join(SCHEMA_DIR, path);
		if (!existsSync(file) || readFileSync(file, 'utf8') !== serialize(schema)) stale.push(path);
	}
	for (const path of listFiles(SCHEMA_DIR)) if (!files.has(path)) stale.push(path);
	return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--check')) {
		const stale = await staleSchemas();
		if (stale.length) {
			console.error(
				`Output schemas are stale (${stale.length}): run npm run docs\n${stale.join('\n')}`,
			);
			process.exit(1);
		}
		console.log('Output schemas are up to date.');
	} else {
		const files = await generateSchemas();
		rmSync(SCHEMA_DIR, { recursive: true, force: true });
		for (const [path, schema] of files) {
			mkdirSync(dirname(join(SCHEMA_DIR, path)), { recursive: true });
			writeFileSync(join(SCHEMA_DIR, path), serialize(schema));
		}
		console.log(`Wrote ${files.size} output schemas to ${relative(process.cwd(), SCHEMA_DIR)}`);
	}
}
