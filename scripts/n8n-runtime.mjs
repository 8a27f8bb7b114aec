#!/usr/bin/env node
// The real n8n that `npm run dev` and `npm run test:e2e` use: n8n 2.40.7 on Node 24, both cached
// outside the repo so a second run starts in seconds. How it is used: docs/try-it.md and
// docs/development.md ("End-to-end tests in a real n8n").
//   node scripts/n8n-runtime.mjs                 installs (if needed) and prints the versions
//   node scripts/n8n-runtime.mjs --lock <version> writes scripts/n8n-lock/<version>/ (maintainers)
//
// n8n is installed with `npm ci` from a lockfile pinned in scripts/n8n-lock/<version>/: no
// dependency resolution (the slow part of a plain `npm install n8n`), and the same 2,200-odd
// package versions on every machine. sqlite3, n8n's one native module we need, is built once per
// sqlite3 version and Node major and reused by every n8n version in the cache.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const N8N_VERSION = process.env.COUPA_N8N_VERSION ?? '2.40.7';
// n8n >= 2.40 needs Node >= 24, and 1.123.x accepts it (engines ">=20.19 <= 24.x"); the npm
// package node-<os>-<cpu> ships that Node with its headers, which the sqlite3 build needs.
export const NODE_MAJOR = process.env.COUPA_N8N_NODE_MAJOR ?? '24';

/**
 * Cold times measured on the 2-core development machine (shared with other work, so a quiet
 * machine is faster), with npm's download cache empty. Printed so a first run is not a surprise.
 */
export const MEASURED = { install: '1½ to 3 minutes', sqlite3: '1¼ to 3 minutes' };

export const CACHE_DIR =
	process.env.COUPA_N8N_CACHE ??
	join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'n8n-nodes-coupa');
const SCRIPTS_DIR = dirname(fileURLToPath(import.meta.url));
export const LOCK_ROOT = join(SCRIPTS_DIR, 'n8n-lock');
const LOCK_DIR = join(LOCK_ROOT, N8N_VERSION);
const NODE_DIR = join(CACHE_DIR, `node${NODE_MAJOR}`);
const NODE_PACKAGE = `node-${process.platform}-${process.arch}`;
const NODE_HOME = join(NODE_DIR, 'node_modules', NODE_PACKAGE);
export const NODE_BIN = join(NODE_HOME, 'bin', 'node');

/** Bump when the install steps change, so caches made the old way are not taken for new ones. */
const RECIPE_REVISION = 'npm-ci-1';

/** The package.json of the folder n8n is installed into; scripts/n8n-lock/<version>/ holds its lock. */
export function runtimeManifest(version) {
	const manifest = {
		name: `coupa-n8n-runtime-${version.replace(/\./g, '-')}`,
		private: true,
		dependencies: { n8n: version },
	};
	// n8n 1.x's n8n-nodes-base takes xlsx as a tarball from cdn.sheetjs.com, which is not the npm
	// registry (and not reachable everywhere); the registry's last xlsx release stands in for it.
	if (version.split('.')[0] === '1') manifest.overrides = { xlsx: '0.18.5' };
	return manifest;
}

const hasLock = () => existsSync(join(LOCK_DIR, 'package-lock.json'));

/** A short hash of the install recipe: the pinned lockfile (or the manifest) and RECIPE_REVISION. */
function recipeHash() {
	const hash = createHash('sha256').update(RECIPE_REVISION);
	if (hasLock()) {
		for (const file of ['package.json', 'package-lock.json'])
			hash.update(readFileSync(join(LOCK_DIR, file)));
	} else {
		hash.update(JSON.stringify(runtimeManifest(N8N_VERSION)));
	}
	return hash.digest('hex').slice(0, 10);
}

// The folder name changes with the recipe: a lockfile update installs beside the old folder.
export const N8N_DIR = join(
	CACHE_DIR,
	`n8n-${N8N_VERSION}-${hasLock() ? 'lock' : 'resolved'}-${recipeHash()}`,
);
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

// Runs a command and prints "still running" lines every PROGRESS_EVERY ms: in a log file (CI,
// `npm run dev > log`) that is all one sees of a long install; npm's own spinner is turned off.
const PROGRESS_EVERY = Number(process.env.COUPA_N8N_PROGRESS_SECONDS ?? 30) * 1000;
const WITH_PROGRESS = `
const { spawn } = require('node:child_process');
const [what, every, hint, command, ...args] = process.argv.slice(1);
const started = Date.now();
const child = spawn(command, args, { stdio: 'inherit' });
const timer = setInterval(() => {
	console.log('[n8n-runtime] ' + what + ': still running, ' + Math.round((Date.now() - started) / 1000) + ' s' + hint);
}, Number(every));
child.on('error', (error) => { console.error(error.message); process.exit(127); });
child.on('close', (code) => { clearInterval(timer); process.exit(code === null ? 1 : code); });
`;

function npm(args, cwd, what, { hint = '', env = {} } = {}) {
	log(`${what}: npm ${args.join(' ')}`);
	const started = Date.now();
	// npm itself runs on Node 24 too (PATH), so engine checks and node-gyp target that version.
	const result = spawnSync(
		process.execPath,
		['-e', WITH_PROGRESS, what, String(PROGRESS_EVERY), hint ? ` (${hint})` : '', 'npm', ...args],
		{ cwd, env: cleanEnv(env), stdio: ['ignore', 'inherit', 'inherit'] },
	);
	if (result.status !== 0) {
		throw new Error(
			`${what} failed (npm exit ${result.status}). Check the npm output above; a network or registry problem is the usual cause. ` +
				`Delete ${cwd} and run again to retry from scratch.`,
		);
	}
	const seconds = Math.round((Date.now() - started) / 1000);
	log(`${what}: done in ${seconds} s`);
	return seconds;
}

function versionOf(bin, args = ['--version'], cwd = undefined) {
	const result = spawnSync(bin, args, { env: cleanEnv(), encoding: 'utf8', cwd });
	return result.status === 0 ? result.stdout.trim().split('\n').pop() : null;
}

function ensureNode() {
	if (versionOf(NODE_BIN)?.startsWith(`v${NODE_MAJOR}.`)) return;
	log(`installing Node ${NODE_MAJOR} (${NODE_PACKAGE}) into ${NODE_DIR}`);
	rmSync(NODE_DIR, { recursive: true, force: true });
	mkdirSync(NODE_DIR, { recursive: true });
	// Its own package.json keeps npm from reading the repo's .npmrc or package.json.
	writeFileSync(
		join(NODE_DIR, 'package.json'),
		JSON.stringify({ name: 'coupa-node-runtime', private: true }),
	);
	npm(
		[
			'install',
			'--no-save',
			'--no-audit',
			'--no-fund',
			'--ignore-scripts',
			'--progress=false',
			'--update-notifier=false',
			`${NODE_PACKAGE}@${NODE_MAJOR}`,
		],
		NODE_DIR,
		`Node ${NODE_MAJOR}`,
	);
	if (!versionOf(NODE_BIN)?.startsWith(`v${NODE_MAJOR}.`)) {
		throw new Error(
			`${NODE_BIN} does not run. Is ${NODE_PACKAGE} published for this machine? Delete ${NODE_DIR} and retry.`,
		);
	}
}

const readyStamp = () => `${N8N_VERSION} ${versionOf(NODE_BIN)} ${recipeHash()}`;

/** A finished install: n8n at the right version, sqlite3 built for Node 24, and the CLI starts. */
function n8nReady() {
	return existsSync(READY_MARKER) && readFileSync(READY_MARKER, 'utf8').trim() === readyStamp();
}

const INSTALL_FLAGS = [
	'--ignore-scripts',
	'--no-audit',
	'--no-fund',
	'--progress=false',
	'--update-notifier=false',
	'--loglevel=error',
];

function installN8n() {
	rmSync(N8N_DIR, { recursive: true, force: true });
	mkdirSync(N8N_DIR, { recursive: true });
	// Install scripts stay off: @confluentinc/kafka-javascript's native build fails and n8n does
	// not need it. sqlite3 is the one native module n8n needs; ensureSqlite3 builds it.
	if (hasLock()) {
		log(
			`installing n8n ${N8N_VERSION} from the pinned lockfile scripts/n8n-lock/${N8N_VERSION} into ${N8N_DIR}`,
		);
		for (const file of ['package.json', 'package-lock.json'])
			copyFileSync(join(LOCK_DIR, file), join(N8N_DIR, file));
		npm(['ci', ...INSTALL_FLAGS], N8N_DIR, `n8n ${N8N_VERSION}`, {
			hint: `first run only, about 2,200 packages; measured cold: ${MEASURED.install}`,
		});
	} else {
		log(
			`no pinned lockfile in scripts/n8n-lock/${N8N_VERSION}: resolving n8n ${N8N_VERSION} from the registry, ` +
				'which takes several minutes longer (`node scripts/n8n-runtime.mjs --lock <version>` pins one)',
		);
		writeFileSync(
			join(N8N_DIR, 'package.json'),
			`${JSON.stringify(runtimeManifest(N8N_VERSION), null, 2)}\n`,
		);
		npm(['install', ...INSTALL_FLAGS], N8N_DIR, `n8n ${N8N_VERSION}`, {
			hint: 'first run only, about 2,200 packages',
		});
	}
}

const SQLITE3_DIR = () => join(N8N_DIR, 'node_modules', 'sqlite3');
const SQLITE3_BINARY = () => join(SQLITE3_DIR(), 'build', 'Release', 'node_sqlite3.node');
/** A finished sqlite3 build of `version` in another n8n folder of this cache (e.g. one made before the lockfiles). */
function builtElsewhere(version) {
	for (const name of existsSync(CACHE_DIR) ? readdirSync(CACHE_DIR) : []) {
		const dir = join(CACHE_DIR, name, 'node_modules', 'sqlite3');
		if (!name.startsWith('n8n-') || join(CACHE_DIR, name) === N8N_DIR) continue;
		const binary = join(dir, 'build', 'Release', 'node_sqlite3.node');
		if (!existsSync(binary) || !existsSync(join(CACHE_DIR, name, '.coupa-runtime-ready'))) continue;
		if (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version === version)
			return binary;
	}
	return null;
}

const sqlite3Loads = () =>
	versionOf(
		NODE_BIN,
		['-e', "new (require('sqlite3').Database)(':memory:').close(() => console.log('ok'))"],
		N8N_DIR,
	) === 'ok';

/**
 * sqlite3 builds from source (its prebuilt binaries live on GitHub, not the npm registry). The
 * build is N-API, so one build serves every n8n version with the same sqlite3 on this Node major:
 * it is kept in the cache and copied in; only the first install compiles.
 */
function ensureSqlite3() {
	const version = JSON.parse(readFileSync(join(SQLITE3_DIR(), 'package.json'), 'utf8')).version;
	const shared = join(
		CACHE_DIR,
		`sqlite3-${version}-node${NODE_MAJOR}-${process.platform}-${process.arch}`,
		'node_sqlite3.node',
	);
	const candidate = existsSync(shared) ? shared : builtElsewhere(version);
	if (candidate) {
		mkdirSync(dirname(SQLITE3_BINARY()), { recursive: true });
		copyFileSync(candidate, SQLITE3_BINARY());
		if (sqlite3Loads()) {
			log(`sqlite3 ${version}: reused the build in ${dirname(candidate)}`);
			if (candidate !== shared) {
				mkdirSync(dirname(shared), { recursive: true });
				copyFileSync(candidate, shared);
			}
			return;
		}
		log(`sqlite3 ${version}: the cached build does not load; building again`);
	}
	// --ignore-scripts=false: a plain rebuild would honour an inherited ignore-scripts and build
	// nothing. JOBS=max: node-gyp compiles on every core.
	npm(
		['rebuild', 'sqlite3', '--ignore-scripts=false', `--nodedir=${NODE_HOME}`, '--progress=false'],
		N8N_DIR,
		`sqlite3 ${version} for Node ${NODE_MAJOR}`,
		{
			hint: `first run only, compiles SQLite; measured cold: ${MEASURED.sqlite3}`,
			env: { JOBS: 'max' },
		},
	);
	if (!sqlite3Loads())
		throw new Error(`sqlite3 did not load after its build. Delete ${N8N_DIR} and run again.`);
	mkdirSync(dirname(shared), { recursive: true });
	copyFileSync(SQLITE3_BINARY(), shared);
}

function ensureN8n() {
	if (n8nReady()) return;
	const installed = existsSync(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'))
		? JSON.parse(readFileSync(join(N8N_DIR, 'node_modules', 'n8n', 'package.json'), 'utf8')).version
		: null;
	if (installed !== N8N_VERSION) installN8n();
	ensureSqlite3();
	const version = versionOf(NODE_BIN, [N8N_BIN, '--version']);
	if (version !== N8N_VERSION) {
		throw new Error(
			`n8n did not start after install (printed: ${version}). Delete ${N8N_DIR} and run again.`,
		);
	}
	writeFileSync(READY_MARKER, `${readyStamp()}\n`);
}

/** Installs Node 24 and n8n into the cache when missing; a no-op (well under a second) when cached. */
export function ensureRuntime() {
	const started = Date.now();
	ensureNode();
	ensureN8n();
	log(
		`n8n ${N8N_VERSION} on Node ${versionOf(NODE_BIN)} ready (${N8N_DIR}, ${Date.now() - started} ms)`,
	);
	return { nodeBin: NODE_BIN, n8nBin: N8N_BIN, cacheDir: CACHE_DIR, n8nDir: N8N_DIR };
}

/**
 * Maintainers: resolves n8n `version` once and pins the result in scripts/n8n-lock/<version>/
 * (package.json + package-lock.json), which every later install uses with `npm ci`.
 */
export function writeLock(version) {
	ensureNode();
	const dir = mkdtempSync(join(tmpdir(), 'coupa-n8n-lock-'));
	try {
		writeFileSync(
			join(dir, 'package.json'),
			`${JSON.stringify(runtimeManifest(version), null, 2)}\n`,
		);
		npm(
			[
				'install',
				'--package-lock-only',
				'--omit-lockfile-registry-resolved=false',
				...INSTALL_FLAGS,
			],
			dir,
			`lockfile for n8n ${version}`,
		);
		const target = join(LOCK_ROOT, version);
		mkdirSync(target, { recursive: true });
		for (const file of ['package.json', 'package-lock.json'])
			copyFileSync(join(dir, file), join(target, file));
		log(`wrote ${target}`);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
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
		throw new Error(
			`n8n ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.trim(),
		);
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
		if (child && child.exitCode !== null)
			throw new Error(`n8n exited (code ${child.exitCode}) before ${url} answered`);
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
		if (process.argv[2] === '--lock') writeLock(process.argv[3] ?? N8N_VERSION);
		else ensureRuntime();
	} catch (error) {
		console.error(`[n8n-runtime] ${error.message}`);
		process.exit(1);
	}
}
