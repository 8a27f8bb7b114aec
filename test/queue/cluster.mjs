// n8n in queue mode on loopback: one main (`n8n start`: editor, API, webhooks, the trigger's polls)
// and workers (`n8n worker`), sharing Postgres and Redis, each with its own user folder holding
// the packed package, as each container of a real deployment would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installTarball } from '../../scripts/install-package.mjs';
import {
	N8N_BIN,
	n8nEnv,
	NODE_BIN,
	stopN8nServer,
	waitForHttp,
} from '../../scripts/n8n-runtime.mjs';
import { importCredentials, importWorkflows, ownerEnv } from '../../scripts/n8n-setup.mjs';
import { freePort } from '../../scripts/ports.mjs';
import { N8nClient } from '../e2e/harness/n8n-client.mjs';

export const OWNER = {
	email: 'queue-owner@n8n-nodes-coupa.test',
	password: 'Queue-owner-password-1',
};
const ENCRYPTION_KEY = 'coupa-queue-encryption-key';

/** The variables every process of a queue-mode deployment shares (docs/scale.md, "Setup"). */
export function queueVariables({ postgres, redis }) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: postgres.password,
		// Filesystem binary data is per machine; in queue mode it must live where every process can read it.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
	};
}

/** One n8n process: `n8n start` or `n8n worker`, in its own process group, its output kept. */
function n8nProcess(label, args, env) {
	let child = null;
	let log = '';
	return {
		label,
		env,
		start() {
			log += `--- ${label} started at ${new Date().toISOString()}\n`;
			child = spawn(NODE_BIN, [N8N_BIN, ...args], {
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			child.stdout.on('data', (chunk) => (log += chunk));
			child.stderr.on('data', (chunk) => (log += chunk));
			return child;
		},
		get child() {
			return child;
		},
		log: () => log,
		async stop() {
			await stopN8nServer(child, 20000);
		},
	};
}

export async function createCluster({
	tarball,
	postgres,
	redis,
	workers: workerCount = 2,
	concurrency = 2,
}) {
	const folders = [];
	const folder = (label) => {
		const dir = mkdtempSync(join(tmpdir(), `coupa-queue-${label}-`));
		installTarball(dir, tarball);
		folders.push(dir);
		return dir;
	};
	const shared = queueVariables({ postgres, redis });

	const mainPort = await freePort();
	const mainEnv = n8nEnv({
		userFolder: folder('main'),
		port: mainPort,
		brokerPort: await freePort(),
		encryptionKey: ENCRYPTION_KEY,
		extra: { ...shared, ...ownerEnv(OWNER) },
	});
	const main = n8nProcess('main', ['start'], mainEnv);
	const baseUrl = `http://127.0.0.1:${mainPort}`;

	const workers = [];
	for (let i = 1; i <= workerCount; i++) {
		const healthPort = await freePort();
		const env = n8nEnv({
			userFolder: folder(`worker${i}`),
			port: await freePort(),
			brokerPort: await freePort(),
			encryptionKey: ENCRYPTION_KEY,
			extra: {
				...shared,
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			},
		});
		const worker = n8nProcess(`worker${i}`, ['worker', `--concurrency=${concurrency}`], env);
		worker.healthUrl = `http://127.0.0.1:${healthPort}/healthz/readiness`;
		workers.push(worker);
	}

	const waitFor = async (proc, url) => {
		try {
			await waitForHttp(url, { child: proc.child, timeoutMs: 240000 });
		} catch (error) {
			throw new Error(
				`${proc.label}: ${error.message}\n--- ${proc.label} output ---\n${proc.log().slice(-4000)}`,
			);
		}
	};

	let client = null;
	return {
		main,
		workers,
		baseUrl,
		importCredentials: (credentials) => importCredentials(credentials, mainEnv),
		importWorkflows: (workflows) => importWorkflows(workflows, mainEnv),

		async startMain() {
			main.start();
			await waitFor(main, `${baseUrl}/healthz/readiness`);
			client = new N8nClient(baseUrl);
			await client.login(OWNER);
			await client.createApiKey();
			return client;
		},
		async startWorkers() {
			for (const worker of workers) worker.start();
			for (const worker of workers) await waitFor(worker, worker.healthUrl);
		},
		get client() {
			return client;
		},

		/** Execution ids each worker reported starting, from its log. */
		startedByWorker() {
			return workers.map((worker) =>
				[...worker.log().matchAll(/Worker started execution (\d+)/g)].map((m) => Number(m[1])),
			);
		},

		async dispose() {
			await Promise.all([main.stop(), ...workers.map((worker) => worker.stop())]);
			for (const dir of folders) rmSync(dir, { recursive: true, force: true });
		},
	};
}
