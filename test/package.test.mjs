/** The rules n8n's verification applies to the package itself, checked on the build output. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function filesUnder(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? filesUnder(path) : [path];
	});
}

describe('package.json', () => {
	test('is a community node package with no runtime dependencies', () => {
		expect(pkg.name).toBe('n8n-nodes-coupa');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.files).toEqual(['dist']);
		expect(pkg.dependencies).toBeUndefined();
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish']) expect(pkg.scripts[script]).toBeUndefined();
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});

	test('every registered node and credential is built, with its icons', () => {
		for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) expect(existsSync(join(root, file))).toBe(true);
		for (const icon of ['nodes/Coupa/coupa.svg', 'nodes/Coupa/coupa.dark.svg', 'credentials/coupa.svg', 'credentials/coupa.dark.svg']) {
			expect(existsSync(join(root, 'dist', icon))).toBe(true);
		}
	});

	test('n8n-workflow is pinned to the version n8n 2.40.7 runs', () => {
		expect(pkg.devDependencies['n8n-workflow']).toBe('2.40.1');
	});
});

describe('build output', () => {
	const dist = filesUnder(join(root, 'dist')).map((file) => relative(root, file));

	test('holds no test code', () => {
		expect(dist.filter((file) => /test|fake-coupa|harness/i.test(file))).toEqual([]);
	});

	test('node and credential code requires only n8n-workflow and its own files', () => {
		const requires = new Set();
		for (const file of dist.filter((f) => f.endsWith('.js'))) {
			for (const [, name] of readFileSync(join(root, file), 'utf8').matchAll(/require\("([^"]+)"\)/g)) requires.add(name);
		}
		expect([...requires].filter((name) => !name.startsWith('.'))).toEqual(['n8n-workflow']);
	});

	test('never touches process, timers, files or the console', () => {
		for (const file of dist.filter((f) => f.endsWith('.js'))) {
			const code = readFileSync(join(root, file), 'utf8');
			expect({ file, hits: code.match(/\bprocess\.|\bsetTimeout\(|\bsetInterval\(|console\.\w+\(|require\("(fs|http|https|child_process)"\)/g) }).toEqual({ file, hits: null });
		}
	});
});
