#!/usr/bin/env node
// `npm run test:e2e` (after `npm run build`): prepares the real n8n once (cached), packs the
// package once, then runs test/e2e/*.e2e.mjs with node's test runner. Each file makes its own
// fresh n8n user folder, ports and fake Coupa. Extra arguments go to `node --test`, e.g.
//   npm run test:e2e -- --test-name-pattern=token
//   npm run test:e2e -- test/e2e/server.e2e.mjs
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureRuntime } from './n8n-runtime.mjs';
import { packPackage, REPO_DIR } from './install-package.mjs';

const E2E_DIR = join(REPO_DIR, 'test', 'e2e');

const started = Date.now();
let tarball;
try {
	ensureRuntime();
	tarball = packPackage();
	console.log(`[test:e2e] packed ${tarball}`);
} catch (error) {
	console.error(`[test:e2e] ${error.message}`);
	process.exit(1);
}

// Test files given on the command line replace the default set; other arguments are options.
const args = process.argv.slice(2);
const chosen = args.filter((arg) => arg.endsWith('.e2e.mjs'));
const files = chosen.length
	? chosen
	: readdirSync(E2E_DIR)
			.filter((file) => file.endsWith('.e2e.mjs'))
			.map((file) => join('test', 'e2e', file));
const options = args.filter((arg) => !chosen.includes(arg));
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', ...options, ...files], {
	cwd: REPO_DIR,
	stdio: 'inherit',
	env: { ...process.env, COUPA_E2E_TARBALL: tarball },
});

const cleanup = () => rmSync(dirname(tarball), { recursive: true, force: true });
// Ctrl-C reaches the test processes through the terminal; just wait for them to finish.
process.on('SIGINT', () => {});
child.on('close', (code, signal) => {
	cleanup();
	console.log(
		`[test:e2e] ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	process.exit(code ?? (signal ? 1 : 0));
});
