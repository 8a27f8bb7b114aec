// One real n8n for an e2e file: a fresh user folder with the packed package installed, the
// n8n CLI (import, execute) and, when asked, `n8n start` with an owner and a public-API key.
// The runtime and the tarball are prepared once by scripts/test-e2e.mjs (env below).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installTarball } from '../../../scripts/install-package.mjs';
import {
	n8nEnv,
	runN8n,
	startN8nServer,
	stopN8nServer,
	waitForHttp,
} from '../../../scripts/n8n-runtime.mjs';
import {
	importCredentials,
	importWorkflows,
	ownerEnv,
	setupOwnerIfNeeded,
} from '../../../scripts/n8n-setup.mjs';
import { freePort } from '../../../scripts/ports.mjs';
import { N8nClient } from './n8n-client.mjs';

export const OWNER = { email: 'e2e-owner@n8n-nodes-coupa.test', password: 'E2e-owner-password-1' };

function tarballFromEnv() {
	const tarball = process.env.COUPA_E2E_TARBALL;
	if (!tarball)
		throw new Error('COUPA_E2E_TARBALL is not set: run the suite with `npm run test:e2e`.');
	return tarball;
}

/** The run data JSON `n8n execute --rawOutput` prints after its log lines (also on failure). */
export function parseExecuteOutput(stdout, stderr = '') {
	const start = stdout.search(/^\{$/m);
	if (start === -1)
		throw new Error(`n8n execute printed no run data:\n${stdout}\n${stderr}`.trim());
	// Pretty-printed: the object ends at the first "}" alone on a line; log lines may follow.
	const end = stdout.slice(start).search(/^\}$/m);
	return JSON.parse(stdout.slice(start, start + end + 1));
}

export async function createN8nInstance(label) {
	const userFolder = mkdtempSync(join(tmpdir(), `coupa-e2e-${label}-`));
	installTarball(userFolder, tarballFromEnv());
	const port = await freePort();
	const env = n8nEnv({
		userFolder,
		port,
		brokerPort: await freePort(),
		encryptionKey: 'coupa-e2e-encryption-key',
		// n8n execute prints its run data through the logger at info level: keep the default level.
		extra: ownerEnv(OWNER),
	});
	let server = null;
	let serverLog = '';

	return {
		userFolder,
		env,
		importCredentials: (credentials) => importCredentials(credentials, env),
		importWorkflows: (workflows) => importWorkflows(workflows, env),

		/**
		 * `n8n execute --id=<id> --rawOutput`. Resolves { ok, run, stdout, stderr }: `ok` is the exit
		 * status, `run` the parsed run data (resultData.runData per node, resultData.error on failure).
		 */
		async execute(workflowId) {
			const { code, stdout, stderr } = await runN8n(
				['execute', `--id=${workflowId}`, '--rawOutput'],
				env,
			);
			return { ok: code === 0, run: parseExecuteOutput(stdout, stderr), stdout, stderr };
		},

		/** `n8n start` on a free port; resolves a logged-in client (cookie + public-API key). */
		async start() {
			server = startN8nServer(env);
			server.stdout.on('data', (chunk) => (serverLog += chunk));
			server.stderr.on('data', (chunk) => (serverLog += chunk));
			const baseUrl = `http://127.0.0.1:${port}`;
			try {
				await waitForHttp(`${baseUrl}/healthz/readiness`, { child: server });
			} catch (error) {
				throw new Error(`${error.message}\n--- n8n output ---\n${serverLog}`);
			}
			const client = new N8nClient(baseUrl);
			await setupOwnerIfNeeded(baseUrl, OWNER);
			await client.login(OWNER);
			await client.createApiKey();
			return client;
		},

		serverLog: () => serverLog,

		async dispose() {
			await stopN8nServer(server);
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** The JSON of every item a node output on its first run (main output 0). */
export function nodeItems(run, nodeName) {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs)
		throw new Error(
			`Node "${nodeName}" did not run. Ran: ${Object.keys(run.data.resultData.runData).join(', ')}`,
		);
	if (runs[0].error) throw new Error(`Node "${nodeName}" failed: ${runs[0].error.message}`);
	return (runs[0].data?.main?.[0] ?? []).map((item) => item.json);
}
