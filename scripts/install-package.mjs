#!/usr/bin/env node
// Installs this package into an n8n user folder the way n8n installs a community package:
// `npm pack`, then the tarball extracted into <user folder>/.n8n/nodes/node_modules/<name>.
// n8n scans that folder at every start, so the node types are n8n-nodes-coupa.coupa etc., and
// `require('n8n-workflow')` resolves to n8n's own copy, as for a user's install.
//   node scripts/install-package.mjs <user folder>     (run `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv } from './n8n-runtime.mjs';

export const REPO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_NAME = JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8')).name;

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8' });
	if (result.status !== 0)
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
	return result.stdout;
}

/** Packs the built package (dist/ must exist) and returns the tarball's path. */
export function packPackage(destination = mkdtempSync(join(tmpdir(), 'coupa-pack-'))) {
	if (!existsSync(join(REPO_DIR, 'dist', 'nodes', 'Coupa', 'Coupa.node.js'))) {
		throw new Error('dist/ is missing: run `npm run build` first.');
	}
	mkdirSync(destination, { recursive: true });
	const output = run('npm', ['pack', '--silent', '--pack-destination', destination], REPO_DIR);
	return join(destination, output.trim().split('\n').pop());
}

/** Extracts `tarball` into the user folder's community-package folder, replacing an older copy. */
export function installTarball(userFolder, tarball) {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	// npm tarballs hold everything under package/; strip it like npm does.
	run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], REPO_DIR);
	return target;
}

export function installPackage(userFolder) {
	const tarball = packPackage();
	try {
		return installTarball(userFolder, tarball);
	} finally {
		rmSync(dirname(tarball), { recursive: true, force: true });
	}
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const userFolder = process.argv[2];
	if (!userFolder) {
		console.error('Usage: node scripts/install-package.mjs <n8n user folder>');
		process.exit(1);
	}
	console.log(`Installed ${PACKAGE_NAME} into ${installPackage(resolve(userFolder))}`);
}
