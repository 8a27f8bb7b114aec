#!/usr/bin/env node
// `npm run test:browser` (after `npm run build`): the editor in headless Chromium against the n8n
// that `npm run dev` starts (scripts/n8n-sandbox.mjs), on free ports and a temporary user folder.
// Needs Debian's chromium (`apt-get install -y chromium`; .ci/run installs it). Screenshots of
// every step, and FAILED-<step>.png for a failing one, land in .cache/browser/.
//   npm run test:browser -- --test-name-pattern=credential
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './install-package.mjs';
import { ensureRuntime } from './n8n-runtime.mjs';

const BROWSER_DIR = join(REPO_DIR, 'test', 'browser');
const SCREENSHOTS = join(REPO_DIR, '.cache', 'browser');

const started = Date.now();
try {
	ensureRuntime();
} catch (error) {
	console.error(`[test:browser] ${error.message}`);
	process.exit(1);
}
rmSync(SCREENSHOTS, { recursive: true, force: true });

const args = process.argv.slice(2);
const chosen = args.filter((arg) => arg.endsWith('.browser.mjs'));
const files = chosen.length
	? chosen
	: readdirSync(BROWSER_DIR)
			.filter((file) => file.endsWith('.browser.mjs'))
			.map((file) => join('test', 'browser', file));
const options = args.filter((arg) => !chosen.includes(arg));
const child = spawn(
	process.execPath,
	['--test', '--test-reporter=spec', '--test-concurrency=1', ...options, ...files],
	{
		cwd: REPO_DIR,
		stdio: 'inherit',
	},
);
process.on('SIGINT', () => {});
child.on('close', (code, signal) => {
	console.log(
		`[test:browser] ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${SCREENSHOTS}`,
	);
	process.exit(code ?? (signal ? 1 : 0));
});
