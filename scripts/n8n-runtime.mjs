#!/usr/bin/env node
// The real n8n that `npm run dev` and `npm run test:e2e` use: n8n 2.40.7 on Node 24, both cached
// outside the repo so a second run starts in seconds. Recipe: n8n-conventions.md §6.3.
//   node scripts/n8n-runtime.mjs      installs (if needed) and prints the versions
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = process.env.COUPA_N8N_VERSION ?? '2.40.7';
// n8n >= 2.40 needs Node >= 24; the npm package node-<os>-<cpu> ships that Node with its headers,
// which the sqlite3 rebuild needs.
export const NODE_MAJOR = process.env.COUPA_N8N_NODE_MAJOR ?? '24';

export const CACHE_DIR =
	process.env.COUPA_N8N_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-coupa');
const NODE_DIR = join(CACHE_DIR, `node${NODE_MAJOR}`);
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');
const N8N_DIR = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
export const N8N_BIN = join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
const READY_MARKER = join(N8N_DIR, '.coupa-runtime-ready');

const log = (message) => console.log(`[n8n-runtime] ${message}`);

/**
 * The environment for npm and n8n children. `npm run` exports the repo's config (notably
 * ignore-scripts=true from .npmrc) as npm_config_* variables; they would leak into the cache
 * installs, so drop them and pass what each install needs explicitly.
 */
export function cleanEnv(extra = {}) {
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_(config|package|lifecycle)_/i.test(key)) env[key] = value;
	}
	// Node 24 first on PATH: npm's build steps (node-gyp) and n8n's task runner pick it up.
	env.PATH = `${dirname(NODE_BIN)}${process.platform === 'win32' ? ';' : ':'}${env.PATH ?? ''}`;
	return { ...env, ...extra };
}

function npm(args, cwd, what) {
	log(`${what}: npm ${args.join(' ')}`);
	const started = Date.now();
	// npm itself runs on Node 24 too (PATH), so engine checks and node-gyp target that version.
	const result = spawnSync('npm', args, { cwd, env: cleanEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) {
		throw new Error(
			`${what} failed (npm exit ${result.status}). Check the npm output above; a network or registry problem is the usual cause. ` +
				`Delete ${cwd} and run again to retry from scratch.`,
		);
	}
	log(`${what}: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

function versionOf(bin, args = ['--version']) {
	const result = spawnSync(bin, args, { env: cleanEnv(), encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim().split('\n').pop() : null;
}

function ensureNode() {
	if (versionOf(NODE_BIN)?.startsWith(`v${NODE_MAJOR}.`)) return;
	log(`installing Node ${NODE_MAJOR} (${NODE_PACKAGE}) into ${NODE_DIR}`);
	rmSync(NODE_DIR, { recursive: true, force: true });
	mkdirSync(NODE_DIR, { recursive: true });
	// Its own package.json keeps npm from reading the repo's .npmrc or package.json.
	writeFileSync(join(NODE_DIR, 'package.json'), JSON.stringify({ name: 'coupa-node-runtime', private: true }));
	npm(['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `${NODE_PACKAGE}@${NODE_MAJOR}`], NODE_DIR, `Node ${NODE_MAJOR}`);
	if (!versionOf(NODE_BIN)?.startsWith(`v${NODE_MAJOR}.`)) {
		throw new Error(`${NODE_BIN} does not run. Is ${NODE_PACKAGE} published for this machine? Delete ${NODE_DIR} and retry.`);
	}
}

/** A finished install: n8n at the right version, sqlite3 built for Node 24, and the CLI starts. */
function n8nReady() {
	return existsSync(READY_MARKER) && readFileSync(READY_MARKER, 'utf8').trim() === `${N8N_VERSION} ${versionOf(NODE_BIN)}`;
}

function ensureN8n() {
	if (n8nReady()) return;
	const installed = existsSync(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'))
		? JSON.parse(readFileSync(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8')).version
		: null;
	if (installed !== N8N_VERSION) {
		log(`installing n8n ${N8N_VERSION} into ${N8N_DIR} (first run only: 2-6 minutes, about 2,400 packages)`);
		rmSync(N8N_DIR, { recursive: true, force: true });
		mkdirSync(N8N_DIR, { recursive: true });
		writeFileSync(
			join(N8N_DIR, 'package.json'),
			JSON.stringify({ name: 'coupa-n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION } }, null, 2),
		);
		// Install scripts stay off: @confluentinc/kafka-javascript's native build fails and n8n
		// does not need it. sqlite3 is the one native module n8n needs; it is rebuilt below.
		npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], N8N_DIR, `n8n ${N8N_VERSION}`);
	}
	// --ignore-scripts=false: a plain rebuild would honour an inherited ignore-scripts and build nothing.
	npm(['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${NODE_HOME}`], N8N_DIR, 'sqlite3 for Node ' + NODE_MAJOR);
	const version = versionOf(NODE_BIN, [N8N_BIN, '--version']);
	if (version !== N8N_VERSION) {
		throw new Error(`n8n did not start after install (printed: ${version}). Delete ${N8N_DIR} and run again.`);
	}
	writeFileSync(READY_MARKER, `${N8N_VERSION} ${versionOf(NODE_BIN)}\n`);
}

/** Installs Node 24 and n8n into the cache when missing; a no-op (well under a second) when cached. */
export function ensureRuntime() {
	const started = Date.now();
	ensureNode();
	ensureN8n();
	log(`n8n ${N8N_VERSION} on Node ${versionOf(NODE_BIN)} ready (${CACHE_DIR}, ${Date.now() - started} ms)`);
	return { nodeBin: NODE_BIN, n8nBin: N8N_BIN, cacheDir: CACHE_DIR };
}

/**
 * The environment for one n8n instance. Every instance gets its own user folder and ports, so a
 * dev server, a test server and `n8n execute` runs never share a database or the runner broker.
 */
export function n8nEnv({ userFolder, port, brokerPort, encryptionKey, extra = {} }) {
	return cleanEnv({
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// The package is installed by extracting its tarball (scripts/install-package.mjs); n8n must
		// load it from <user folder>/.n8n/nodes like any community package.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Loopback is where the Coupa sandbox lives; keep n8n's SSRF guard out of its way.
		N8N_SSRF_PROTECTION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: '2',
		...extra,
	});
}

/** Runs one n8n CLI command to completion; resolves with { code, stdout, stderr }. */
export function runN8n(args, env) {
	return new Promise((resolve, reject) => {
		const child = spawn(NODE_BIN, [N8N_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

/** Like runN8n, but a non-zero exit is an error that quotes n8n's output. */
export async function runN8nOrThrow(args, env) {
	const result = await runN8n(args, env);
	if (result.code !== 0) {
		throw new Error(`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.trim());
	}
	return result;
}

/** Starts `n8n start` in its own process group (so it and its task runner stop together). */
export function startN8nServer(env, { stdio = ['ignore', 'pipe', 'pipe'] } = {}) {
	return spawn(NODE_BIN, [N8N_BIN, 'start'], { env, stdio, detached: true });
}

/** Stops a server started by startN8nServer: SIGTERM to its group, SIGKILL after `graceMs`. */
export function stopN8nServer(child, graceMs = 10000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = (signal) => {
			try {
				process.kill(-child.pid, signal);
			} catch {
				// Already gone.
			}
		};
		const timer = setTimeout(() => kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		kill('SIGTERM');
	});
}

/** Polls `url` until it answers 200 or `timeoutMs` passes; `child` exiting early is an error. */
export async function waitForHttp(url, { timeoutMs = 120000, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child && child.exitCode !== null) throw new Error(`n8n exited (code ${child.exitCode}) before ${url} answered`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not answer ${url} within ${timeoutMs / 1000} s`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	try {
		ensureRuntime();
	} catch (error) {
		console.error(`[n8n-runtime] ${error.message}`);
		process.exit(1);
	}
}
