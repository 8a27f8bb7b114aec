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
		for (const script of ['prepare', 'preinstall', 'install', 'postinstall', 'prepublish'])
			expect(pkg.scripts[script]).toBeUndefined();
		expect(pkg.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	});

	test('every registered node and credential is built, with its icons', () => {
		for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes])
			expect(existsSync(join(root, file))).toBe(true);
		for (const icon of [
			'nodes/Coupa/coupa.svg',
			'nodes/Coupa/coupa.dark.svg',
			'credentials/coupa.svg',
			'credentials/coupa.dark.svg',
		]) {
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
			for (const [, name] of readFileSync(join(root, file), 'utf8').matchAll(
				/require\("([^"]+)"\)/g,
			))
				requires.add(name);
		}
		expect([...requires].filter((name) => !name.startsWith('.'))).toEqual(['n8n-workflow']);
	});

	test('never touches process, timers, files or the console', () => {
		for (const file of dist.filter((f) => f.endsWith('.js'))) {
			const code = readFileSync(join(root, file), 'utf8');
			expect({
				file,
				hits: code.match(
					/\bprocess\.|\bsetTimeout\(|\bsetInterval\(|console\.\w+\(|require\("(fs|http|https|child_process)"\)/g,
				),
			}).toEqual({ file, hits: null });
		}
	});
});

describe('release the way n8n requires (provenance from GitHub Actions)', () => {
	const read = (file) => readFileSync(join(root, file), 'utf8');
	const repo = pkg.repository.url.match(
		/^git\+https:\/\/github\.com\/([\w.-]+\/[\w.-]+)\.git$/,
	)?.[1];
	const base = `https://github.com/${repo}`;

	test('repository, homepage, bugs, author and the docs links name one GitHub repository', () => {
		expect(pkg.repository.type).toBe('git');
		expect(repo).toBeTruthy();
		expect(pkg.homepage).toBe(`${base}#readme`);
		expect(pkg.bugs).toEqual({ url: `${base}/issues` });
		expect(pkg.author.name).toBeTruthy();
		expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.\w+$/);
		const sources = [
			...filesUnder(join(root, 'credentials')).filter((file) => file.endsWith('.ts')),
			...filesUnder(join(root, 'nodes')).filter((file) => file.endsWith('.node.json')),
		];
		const links = sources.flatMap((file) =>
			[...read(relative(root, file)).matchAll(/https:\/\/github\.com\/[^'"#?\s)]+/g)].map(
				([url]) => url,
			),
		);
		expect(links.length).toBeGreaterThan(0);
		expect(links.filter((url) => url !== base && !url.startsWith(`${base}/`))).toEqual([]);
	});

	test("`npm run release` is n8n-node release (prepublishOnly keeps n8n-node's prerelease guard)", () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe('n8n-node prerelease');
		// Inside GitHub Actions, n8n-node release lints, builds and publishes with provenance on.
		const cli = readFileSync(
			join(root, 'node_modules', '@n8n', 'node-cli', 'dist', 'commands', 'release.js'),
			'utf8',
		);
		expect(cli).toMatch(/GITHUB_ACTIONS/);
		expect(cli).toMatch(/NPM_CONFIG_PROVENANCE: 'true'/);
	});

	test('publish.yml publishes a v* tag with provenance from GitHub Actions', () => {
		const workflow = read('.github/workflows/publish.yml');
		expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags:\n {6}- 'v\*\.\*\.\*'$/m);
		expect(workflow).toMatch(
			/^ {4}permissions:\n(?: {6}#.*\n)* {6}id-token: write\n {6}contents: read$/m,
		);
		expect(workflow).toMatch(/^ {8}run: npm ci$/m);
		expect(workflow).toMatch(/^ {10}npm run release$/m);
		expect(workflow).toMatch(/^ {10}NPM_CONFIG_PROVENANCE: 'true'$/m);
		expect(workflow).toMatch(/--provenance/);
		expect(workflow).toContain('$GITHUB_REF_NAME');
	});

	/** ci.yml's jobs by id, each as the text of its block (the lines indented under `jobs:`). */
	function ciJobs() {
		const workflow = read('.github/workflows/ci.yml');
		const jobs = workflow.slice(workflow.indexOf('\njobs:\n'));
		return Object.fromEntries(
			jobs
				.split(/^ {2}(?=[a-z][\w-]*:$)/m)
				.slice(1)
				.map((block) => [block.slice(0, block.indexOf(':')), block]),
		);
	}

	test('ci.yml has a fast lane (lint and npm test in at most 10 minutes) and slow lanes that need nothing from it', () => {
		const jobs = ciJobs();
		expect(Object.keys(jobs).sort()).toEqual(['browser', 'check', 'e2e', 'queue', 'slow']);
		expect(jobs.check).toMatch(/^ {8}run: npm run lint$/m);
		expect(jobs.check).toMatch(/^ {8}run: npm test$/m);
		expect(Number(jobs.check.match(/timeout-minutes: (\d+)/)[1])).toBeLessThanOrEqual(10);
		expect(jobs.check).not.toMatch(/test:e2e|test:queue|test:browser|test:slow|n8n-nodes-coupa/);
		expect(jobs.slow).toMatch(/^ {8}run: npm run test:slow$/m);
		expect(jobs.e2e).toMatch(/^ {8}run: npm run test:e2e -- \$\{\{ matrix\.files \}\}$/m);
		expect(jobs.queue).toMatch(/^ {8}run: npm run test:queue$/m);
		expect(jobs.queue).toMatch(/apt-get install -y redis-server/);
		expect(jobs.browser).toMatch(/^ {8}run: npm run test:browser$/m);
		expect(jobs.browser).toMatch(/apt-get install -y chromium/);
		for (const [id, job] of Object.entries(jobs)) {
			expect({ id, needs: /^ {4}needs:/m.test(job) }).toEqual({ id, needs: false });
			expect(Number(job.match(/timeout-minutes: (\d+)/)[1])).toBeLessThanOrEqual(40);
		}
		// Each slow lane restores the real n8n runtime from a cache keyed per n8n version.
		for (const id of ['e2e', 'queue', 'browser'])
			expect(jobs[id]).toMatch(
				/key: n8n-runtime-\$\{\{ runner\.os \}\}-(2\.40\.7|\$\{\{ matrix\.n8n \}\})-/,
			);
	});

	test('.ci/run stays the whole sequence: lint, npm test, then every end-to-end suite', () => {
		const run = read('.ci/run');
		const at = [
			'npm run lint',
			'npm test',
			'npm run test:e2e',
			'npm run test:queue',
			'npm run test:browser',
			'npm run test:slow',
		].map((command) => run.indexOf(`\n${command}`));
		expect(at.every((index) => index > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
	});
});

describe('pinned n8n installs (scripts/n8n-lock)', () => {
	const lockRoot = join(root, 'scripts', 'n8n-lock');
	const versions = readdirSync(lockRoot);
	let runtime;
	beforeAll(async () => {
		runtime = await import('../scripts/n8n-runtime.mjs');
	});

	test('the default n8n version and every pinned one run in .ci/run and in an e2e job of ci.yml', () => {
		expect(versions).toContain(runtime.N8N_VERSION);
		const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
		const workflow = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
		const inMatrix = [...workflow.matchAll(/^ {10}- n8n: (\S+)$/gm)].map((match) => match[1]);
		expect([...inMatrix].sort()).toEqual([...versions].sort());
		for (const version of versions.filter((v) => v !== runtime.N8N_VERSION)) {
			expect({ version, inCi: ci.includes(`COUPA_N8N_VERSION=${version} `) }).toEqual({
				version,
				inCi: true,
			});
		}
	});

	test.each(versions)(
		'n8n %s: the lockfile matches its manifest and needs only the npm registry',
		(version) => {
			const manifest = JSON.parse(readFileSync(join(lockRoot, version, 'package.json'), 'utf8'));
			expect(manifest).toEqual(runtime.runtimeManifest(version));
			const lock = JSON.parse(readFileSync(join(lockRoot, version, 'package-lock.json'), 'utf8'));
			expect(lock.packages[''].dependencies).toEqual({ n8n: version });
			expect(lock.packages['node_modules/n8n'].version).toBe(version);
			const packages = Object.entries(lock.packages).filter(([path]) => path);
			expect(packages.length).toBeGreaterThan(1000);
			const offRegistry = packages.filter(
				([, entry]) => !entry.link && !entry.resolved?.startsWith('https://registry.npmjs.org/'),
			);
			expect(offRegistry.map(([path, entry]) => `${path} ${entry.resolved}`)).toEqual([]);
			expect(
				packages.filter(([, entry]) => !entry.link && !entry.integrity).map(([path]) => path),
			).toEqual([]);
		},
	);
});
