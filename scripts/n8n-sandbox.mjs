// A real n8n with this package installed as a community package, beside the fake Coupa as a
// seeded sandbox, with an owner account, a ready credential and the example workflows.
// `npm run dev` runs it on fixed ports in .cache/n8n-dev; `npm run test:browser` runs it on free
// ports in a temporary user folder. Both go through startSandbox below.
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLIENT, startFakeCoupa } from '../test/fake-coupa/index.mjs';
import { installPackage } from './install-package.mjs';
import {
	ensureRuntime,
	n8nEnv,
	startN8nServer,
	stopN8nServer,
	waitForHttp,
} from './n8n-runtime.mjs';
import {
	coupaCredential,
	importCredentials,
	importWorkflows,
	loadExample,
	ownerEnv,
	setupOwnerIfNeeded,
} from './n8n-setup.mjs';

export const SANDBOX_OWNER = { email: 'owner@example.com', password: 'CoupaSandbox1' };
export const SANDBOX_CREDENTIAL = { id: 'coupaSandbox', name: 'Coupa sandbox' };
export const SANDBOX_EXAMPLES = [
	'export-approved-invoices.json',
	'onboard-supplier.json',
	'approval-decision-form.json',
	'coupa-approvals-mcp-server.json',
	'procurement-assistant.json',
	'call-out-invoice-to-erp.json',
	'poll-invoices-safety-net.json',
];
// The Bearer Auth credential the approvals MCP server example names; MCP clients send this token.
export const SANDBOX_MCP_TOKEN = {
	id: 'coupaMcpToken',
	name: 'Coupa MCP token',
	token: 'coupa-sandbox-mcp-token',
};

// The Coupa Call Out API credential of the call out example; the sandbox's call outs
// (POST /sandbox/call_outs, docs/call-outs.md) send this client ID and secret.
export const SANDBOX_CALL_OUT = {
	id: 'coupaCallOutSandbox',
	name: 'Coupa call out sandbox',
	clientId: 'coupa-sandbox-call-out',
	clientSecret: 'coupa-sandbox-call-out-secret-0123456789',
};

/**
 * The credential is re-imported when the sandbox URL changes; the examples only on the first
 * run, so edits made in the editor survive restarts of `npm run dev`.
 */
async function prepareUserFolder({ userFolder, fake, env, log, workflows, credentials }) {
	const stateFile = join(userFolder, 'coupa-dev-state.json');
	const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : {};
	if (state.sandboxUrl !== fake.url) {
		log(`importing credential "${SANDBOX_CREDENTIAL.name}" (${fake.url})`);
		await importCredentials(
			[
				coupaCredential({ ...SANDBOX_CREDENTIAL, domain: fake.url, ...DEFAULT_CLIENT }),
				{
					id: SANDBOX_MCP_TOKEN.id,
					name: SANDBOX_MCP_TOKEN.name,
					type: 'httpBearerAuth',
					data: { token: SANDBOX_MCP_TOKEN.token },
				},
				{
					id: SANDBOX_CALL_OUT.id,
					name: SANDBOX_CALL_OUT.name,
					type: 'coupaCallOutApi',
					data: {
						clientId: SANDBOX_CALL_OUT.clientId,
						clientSecret: SANDBOX_CALL_OUT.clientSecret,
					},
				},
				...credentials(fake),
			],
			env,
		);
	}
	if (!state.examplesImported) {
		log(`importing example workflows: ${SANDBOX_EXAMPLES.join(', ')}`);
		await importWorkflows(
			SANDBOX_EXAMPLES.map((file) => loadExample(file, SANDBOX_CREDENTIAL)),
			env,
		);
		if (workflows.length) {
			log(`importing ${workflows.length} more workflow(s)`);
			await importWorkflows(workflows, env);
		}
	}
	writeFileSync(
		stateFile,
		JSON.stringify({ sandboxUrl: fake.url, examplesImported: true }, null, 2),
	);
}

/**
 * Installs (if needed) the runtime and the packed package, starts the fake Coupa and n8n, and
 * resolves once n8n's editor answers. `onUnexpectedExit(code)` is called if n8n dies by itself.
 * `workflows` are imported beside the examples on a fresh user folder; `credentials(fake)` returns
 * more credentials to import beside the sandbox's.
 * Returns { fake, n8n, editorUrl, logFile, stop }.
 */
export async function startSandbox({
	userFolder,
	n8nPort,
	brokerPort,
	sandboxPort = 0,
	encryptionKey,
	log = () => {},
	onUnexpectedExit = () => {},
	readyTimeoutMs = 300000,
	workflows = [],
	credentials = () => [],
}) {
	ensureRuntime();
	mkdirSync(userFolder, { recursive: true });
	log(`installing the packed package into ${join(userFolder, '.n8n', 'nodes', 'node_modules')}`);
	installPackage(userFolder);

	const fake = await startFakeCoupa({ port: sandboxPort, seed: 'sandbox' });
	log(`Coupa sandbox listening on ${fake.url}`);
	const env = n8nEnv({
		userFolder,
		port: n8nPort,
		brokerPort,
		encryptionKey,
		extra: ownerEnv(SANDBOX_OWNER),
	});
	const logFile = join(userFolder, 'n8n.log');
	let n8n = null;
	let stopping = false;
	const stop = async () => {
		stopping = true;
		await stopN8nServer(n8n);
		await fake.close();
	};
	try {
		await prepareUserFolder({ userFolder, fake, env, log, workflows, credentials });
		log(`starting n8n on port ${n8nPort} (output in ${logFile})`);
		const logStream = createWriteStream(logFile, { flags: 'a' });
		n8n = startN8nServer(env);
		n8n.stdout.pipe(logStream);
		n8n.stderr.pipe(logStream);
		n8n.on('exit', (code) => {
			if (!stopping) onUnexpectedExit(code);
		});
		await waitForHttp(`http://127.0.0.1:${n8nPort}/healthz/readiness`, {
			child: n8n,
			timeoutMs: readyTimeoutMs,
		});
		// n8n 1.x (COUPA_N8N_VERSION=1.123.81) takes its owner from the setup form, not the env.
		if (await setupOwnerIfNeeded(`http://127.0.0.1:${n8nPort}`, SANDBOX_OWNER))
			log(`created the owner ${SANDBOX_OWNER.email}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return { fake, n8n, env, editorUrl: `http://127.0.0.1:${n8nPort}`, logFile, stop };
}
