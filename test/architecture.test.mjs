/**
 * The shape of the shipped source: small files, imports that n8n's community-node rules allow,
 * and no import cycles (type-only imports included: a cycle of types is still a knot for a reader).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINES = 400;

function sourceFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

const FILES = ['nodes', 'credentials'].flatMap((dir) => sourceFiles(join(ROOT, dir)));
const IMPORT = /^(?:import|export)\s[^;]*?\sfrom\s+'([^']+)';/gms;

function importsOf(file) {
	return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1]);
}

function resolveImport(file, specifier) {
	const base = resolve(dirname(file), specifier);
	for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
		if (existsSync(candidate)) return candidate;
	}
	throw new Error(`${relative(ROOT, file)} imports ${specifier}, which is no source file`);
}

function relativeGraph() {
	const graph = new Map();
	for (const file of FILES) {
		graph.set(
			file,
			importsOf(file)
				.filter((specifier) => specifier.startsWith('.'))
				.map((specifier) => resolveImport(file, specifier)),
		);
	}
	return graph;
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
function cycles(graph) {
	const found = [];
	const state = new Map();
	const stack = [];
	const visit = (file) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (state.get(next) === 'open') found.push(stack.slice(stack.indexOf(next)).concat(next));
			else if (!state.has(next)) visit(next);
		}
		stack.pop();
		state.set(file, 'done');
	};
	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return found.map((cycle) => cycle.map((file) => relative(ROOT, file)).join(' → '));
}

test('the shipped source has files to check', () => {
	expect(FILES.length).toBeGreaterThan(50);
	expect(FILES.map((file) => relative(ROOT, file))).toContain('nodes/Coupa/catalog/index.ts');
});

test('no import cycles in nodes/ and credentials/', () => {
	const graph = relativeGraph();
	// The walk sees real edges: the catalogue's index reaches its objects.
	expect(graph.get(join(ROOT, 'nodes/Coupa/catalog/index.ts'))).toContain(
		join(ROOT, 'nodes/Coupa/catalog/objects/index.ts'),
	);
	expect(cycles(graph)).toEqual([]);
});

test('the cycle finder finds a planted cycle', () => {
	const graph = new Map([
		['a', ['b']],
		['b', ['c']],
		['c', ['a']],
	]);
	expect(cycles(graph)).toHaveLength(1);
});

test(`no file in nodes/ or credentials/ is over ${MAX_LINES} lines`, () => {
	const long = FILES.map((file) => ({
		file: relative(ROOT, file),
		lines: readFileSync(file, 'utf8').split('\n').length,
	})).filter(({ lines }) => lines > MAX_LINES);
	expect(long).toEqual([]);
});

test('node and credential code imports only n8n-workflow and relative files', () => {
	const foreign = FILES.flatMap((file) =>
		importsOf(file)
			.filter((specifier) => !specifier.startsWith('.') && specifier !== 'n8n-workflow')
			.map((specifier) => `${relative(ROOT, file)}: ${specifier}`),
	);
	expect(foreign).toEqual([]);
});
