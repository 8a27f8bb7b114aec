// Reads Coupa's published documents (the R39 OpenAPI specs and the OAuth scope map) into plain
// rows. A maintainer tool: generate.mjs calls it; tests and the node never do.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `0164-R39_Core_Platform_API.json` → `R39_Core_Platform_API.json`, as cited in contract rows. */
const specName = (file) => file.replace(/^\d+-/, '');

/** Every documented operation: { method, path (below /api), file, summary, required }. */
export function readSpecs(docsDir) {
	const dir = join(docsDir, 'r39');
	const operations = [];
	for (const file of readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		const spec = JSON.parse(readFileSync(join(dir, file), 'utf8'));
		for (const [path, item] of Object.entries(spec.paths)) {
			for (const method of METHODS) {
				const operation = item[method];
				if (!operation) continue;
				const body = (operation.parameters ?? []).find((parameter) => parameter.in === 'body');
				const ref = body?.schema?.$ref?.replace('#/definitions/', '');
				const required = ref ? [...(spec.definitions[ref]?.required ?? [])].sort() : [];
				operations.push({
					method: method.toUpperCase(),
					path,
					file: specName(file),
					summary: String(operation.summary ?? operation.description ?? '')
						.replace(/\s+/g, ' ')
						.trim(),
					required,
				});
			}
		}
	}
	return operations;
}

/**
 * The scope map: `## N. <scope>`, then `### N.M <resource title>`, then `- <Action> – <what>`.
 * Returns { scope, section, title, action } per listed action.
 */
export function readScopeMap(docsDir) {
	const text = readFileSync(join(docsDir, 'oauth-scopes.md'), 'utf8');
	const entries = [];
	let scope;
	let section;
	let title;
	for (const line of text.split('\n')) {
		const scopeLine = /^## \d+\.\s+(\S+)/.exec(line);
		if (scopeLine) {
			scope = scopeLine[1];
			title = undefined;
			continue;
		}
		const titleLine = /^### (\d+\.\d+)\s+(.+?)\s*$/.exec(line);
		if (titleLine) {
			[, section, title] = titleLine;
			continue;
		}
		const actionLine = /^- (.+?)(?:\s+[–-]\s+(.*))?$/.exec(line);
		if (actionLine && scope && title)
			entries.push({ scope, section, title, action: actionLine[1].trim() });
	}
	return entries;
}
