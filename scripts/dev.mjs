#!/usr/bin/env node
// `npm run dev`: builds the package, then starts a real n8n with this package installed as a community
// package, beside the fake Coupa as a seeded sandbox, a ready credential and example workflows.
// Ctrl-C stops both. The n8n data lives in .cache/n8n-dev (delete it to start over).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLIENT, startFakeCoupa } from '../test/fake-coupa/index.mjs';
import { installPackage, REPO_DIR } from './install-package.mjs';
import { ensureRuntime, N8N_VERSION, n8nEnv, startN8nServer, stopN8nServer, waitForHttp } from './n8n-runtime.mjs';
import { coupaCredential, importCredentials, importWorkflows, loadExample, ownerEnv, setupOwnerIfNeeded } from './n8n-setup.mjs';
import { isPortFree } from './ports.mjs';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const BROKER_PORT = Number(process.env.N8N_RUNNERS_BROKER_PORT ?? N8N_PORT + 1);
const SANDBOX_PORT = Number(process.env.COUPA_SANDBOX_PORT ?? 4010);
const USER_FOLDER = join(REPO_DIR, '.cache', 'n8n-dev');
const STATE_FILE = join(USER_FOLDER, 'coupa-dev-state.json');
const LOG_FILE = join(USER_FOLDER, 'n8n.log');
const OWNER = { email: 'owner@example.com', password: 'CoupaSandbox1' };
const CREDENTIAL = { id: 'coupaSandbox', name: 'Coupa sandbox' };
const EXAMPLES = [
	'export-approved-invoices.json',
	'onboard-supplier.json',
	'approval-decision-form.json',
	'coupa-approvals-mcp-server.json',
	'procurement-assistant.json',
];
// The Bearer Auth credential the approvals MCP server example names; MCP clients send this token.
const MCP_TOKEN = { id: 'coupaMcpToken', name: 'Coupa MCP token', token: 'coupa-sandbox-mcp-token' };

const log = (message) => console.log(`[dev] ${message}`);

async function checkPorts() {
	const wanted = [
		['N8N_PORT', N8N_PORT, 'the n8n editor'],
		['N8N_RUNNERS_BROKER_PORT', BROKER_PORT, "n8n's task-runner broker"],
		['COUPA_SANDBOX_PORT', SANDBOX_PORT, 'the Coupa sandbox'],
	];
	for (const [variable, port, what] of wanted) {
		if (!(await isPortFree(port))) {
			throw new Error(`Port ${port} (${what}) is in use. Stop whatever uses it, or pick another: ${variable}=<port> npm run dev`);
		}
	}
}

const readState = () => (existsSync(STATE_FILE) ? JSON.parse(readFileSync(STATE_FILE, 'utf8')) : {});

/**
 * The credential is re-imported when the sandbox port changes; the examples only on the first
 * run, so edits made in the editor survive restarts.
 */
async function prepareUserFolder(fake, env) {
	const state = readState();
	if (state.sandboxUrl !== fake.url) {
		log(`importing credential "${CREDENTIAL.name}" (${fake.url})`);
		await importCredentials(
			[
				coupaCredential({ ...CREDENTIAL, domain: fake.url, ...DEFAULT_CLIENT }),
				{ id: MCP_TOKEN.id, name: MCP_TOKEN.name, type: 'httpBearerAuth', data: { token: MCP_TOKEN.token } },
			],
			env,
		);
	}
	if (!state.examplesImported) {
		log(`importing example workflows: ${EXAMPLES.join(', ')}`);
		await importWorkflows(EXAMPLES.map((file) => loadExample(file, CREDENTIAL)), env);
	}
	writeFileSync(STATE_FILE, JSON.stringify({ sandboxUrl: fake.url, examplesImported: true }, null, 2));
}

function printBanner(fake, editorUrl) {
	const counts = ['suppliers', 'purchase_orders', 'invoices', 'requisitions', 'approvals', 'users']
		.map((path) => `${fake.store.count(path)} ${path.replace(/_/g, ' ')}`)
		.join(', ');
	console.log(`
  n8n ${N8N_VERSION} with n8n-nodes-coupa is running.

  Editor:        ${editorUrl}
  Login:         ${OWNER.email} / ${OWNER.password}

  Coupa sandbox: ${fake.url} (fake Coupa, in memory, reset at every start)
                 ${counts}, and more
  Credential:    "${CREDENTIAL.name}" is ready (client ${DEFAULT_CLIENT.clientId}, every scope)
  Examples:      Workflows → "Coupa: export approved invoices to the ERP",
                 "Coupa: onboard a new supplier", "Coupa: approve or reject from a form",
                 "Coupa: approvals MCP server" (activate it; MCP URL ${editorUrl}/mcp/coupa-approvals,
                 header "Authorization: Bearer ${MCP_TOKEN.token}"),
                 "Coupa: procurement assistant (AI Agent)" (needs your OpenAI credential)

  Use a real Coupa instead: Credentials → Create credential → "Coupa OAuth2 API", then enter
  your instance (e.g. acme.coupahost.com), the Client ID and Secret of an OAuth2 client from
  Coupa Setup → Integrations → OAuth2/OpenID Connect Clients, and exactly that client's scopes.
  Pick the new credential in the Coupa nodes.

  n8n log:       ${LOG_FILE}
  Press Ctrl-C to stop n8n and the sandbox.
`);
}

/**
 * `npm run build`. n8n-node build draws a spinner; in a log file (not a terminal) that is hundreds
 * of frames, so there it runs with CI=true, which makes the spinner print each step once.
 */
function build() {
	const env = process.stdout.isTTY ? process.env : { ...process.env, CI: 'true' };
	const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, env, stdio: 'inherit' });
	if (result.status !== 0) throw new Error('npm run build failed; see its output above.');
}

async function main() {
	await checkPorts();
	build();
	ensureRuntime();
	mkdirSync(USER_FOLDER, { recursive: true });
	log(`installing the packed package into ${join(USER_FOLDER, '.n8n', 'nodes', 'node_modules')}`);
	installPackage(USER_FOLDER);

	const fake = await startFakeCoupa({ port: SANDBOX_PORT, seed: 'sandbox' });
	log(`Coupa sandbox listening on ${fake.url}`);
	const env = n8nEnv({
		userFolder: USER_FOLDER,
		port: N8N_PORT,
		brokerPort: BROKER_PORT,
		// Stable, so the credentials in .cache/n8n-dev stay readable across runs.
		encryptionKey: 'n8n-nodes-coupa-dev-sandbox',
		extra: ownerEnv(OWNER),
	});

	let n8n = null;
	let stopping = false;
	const stop = async (reason, code = 0) => {
		if (stopping) return;
		stopping = true;
		log(`${reason}: stopping n8n and the Coupa sandbox`);
		await stopN8nServer(n8n);
		await fake.close();
		process.exit(code);
	};
	process.on('SIGINT', () => stop('Ctrl-C'));
	process.on('SIGTERM', () => stop('SIGTERM'));

	try {
		await prepareUserFolder(fake, env);
		log(`starting n8n on port ${N8N_PORT} (output in ${LOG_FILE})`);
		const logStream = createWriteStream(LOG_FILE, { flags: 'a' });
		n8n = startN8nServer(env);
		n8n.stdout.pipe(logStream);
		n8n.stderr.pipe(logStream);
		n8n.on('exit', (code) => {
			if (!stopping) stop(`n8n exited unexpectedly (code ${code}); see ${LOG_FILE}`, 1);
		});
		const editorUrl = `http://localhost:${N8N_PORT}`;
		await waitForHttp(`http://127.0.0.1:${N8N_PORT}/healthz/readiness`, { child: n8n });
		// n8n 1.x (COUPA_N8N_VERSION=1.123.81) takes its owner from the setup form, not the env.
		if (await setupOwnerIfNeeded(`http://127.0.0.1:${N8N_PORT}`, OWNER)) log(`created the owner ${OWNER.email}`);
		printBanner(fake, editorUrl);
	} catch (error) {
		console.error(`[dev] ${error.message}`);
		await stop('error', 1);
	}
}

main().catch((error) => {
	console.error(`[dev] ${error.message}`);
	process.exit(1);
});
