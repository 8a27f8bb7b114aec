#!/usr/bin/env node
// `npm run dev`: builds the package, then starts a real n8n with this package installed as a community
// package, beside the fake Coupa as a seeded sandbox, a ready credential and example workflows.
// Ctrl-C stops both. The n8n data lives in .cache/n8n-dev (delete it to start over).
// The start itself is shared with `npm run test:browser`: scripts/n8n-sandbox.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CLIENT } from '../test/fake-coupa/index.mjs';
import { REPO_DIR } from './install-package.mjs';
import { N8N_VERSION } from './n8n-runtime.mjs';
import { EXAMPLES_DIR } from './n8n-setup.mjs';
import {
	SANDBOX_CALL_OUT,
	SANDBOX_CREDENTIAL,
	SANDBOX_MCP_TOKEN,
	SANDBOX_OWNER,
	startSandbox,
} from './n8n-sandbox.mjs';
import { isPortFree } from './ports.mjs';

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const BROKER_PORT = Number(process.env.N8N_RUNNERS_BROKER_PORT ?? N8N_PORT + 1);
const SANDBOX_PORT = Number(process.env.COUPA_SANDBOX_PORT ?? 4010);
const USER_FOLDER = join(REPO_DIR, '.cache', 'n8n-dev');

// The Coupa Call Out Trigger's webhook ID in the call out example: its URLs in the banner.
const CALL_OUT_WEBHOOK_ID = JSON.parse(
	readFileSync(join(EXAMPLES_DIR, 'call-out-invoice-to-erp.json'), 'utf8'),
).nodes.find((node) => node.webhookId).webhookId;

const log = (message) => console.log(`[dev] ${message}`);

async function checkPorts() {
	const wanted = [
		['N8N_PORT', N8N_PORT, 'the n8n editor'],
		['N8N_RUNNERS_BROKER_PORT', BROKER_PORT, "n8n's task-runner broker"],
		['COUPA_SANDBOX_PORT', SANDBOX_PORT, 'the Coupa sandbox'],
	];
	for (const [variable, port, what] of wanted) {
		if (!(await isPortFree(port))) {
			throw new Error(
				`Port ${port} (${what}) is in use. Stop whatever uses it, or pick another: ${variable}=<port> npm run dev`,
			);
		}
	}
}

function printBanner(fake, logFile, editorUrl) {
	const counts = ['suppliers', 'purchase_orders', 'invoices', 'requisitions', 'approvals', 'users']
		.map((path) => `${fake.store.count(path)} ${path.replace(/_/g, ' ')}`)
		.join(', ');
	console.log(`
  n8n ${N8N_VERSION} with n8n-nodes-coupa is running.

  Editor:        http://localhost:${N8N_PORT}
  Login:         ${SANDBOX_OWNER.email} / ${SANDBOX_OWNER.password}

  Coupa sandbox: ${fake.url} (fake Coupa, in memory, reset at every start)
                 ${counts}, and more
  Credential:    "${SANDBOX_CREDENTIAL.name}" is ready (client ${DEFAULT_CLIENT.clientId}, every scope)
  Examples:      Workflows → "Coupa: export approved invoices to the ERP",
                 "Coupa: onboard a new supplier", "Coupa: approve or reject from a form",
                 "Coupa: approvals MCP server" (activate it; MCP URL ${editorUrl}/mcp/coupa-approvals,
                 header "Authorization: Bearer ${SANDBOX_MCP_TOKEN.token}"),
                 "Coupa: procurement assistant (AI Agent)" (needs your OpenAI credential)
  Call outs:     activate "Coupa: invoice call out to the ERP (fast path)", then let the sandbox
                 send one: curl -s ${fake.url}/sandbox/call_outs -H 'Content-Type: application/json' \\
                   -d '{"endpoint": "${editorUrl}/webhook/${CALL_OUT_WEBHOOK_ID}/event", "clientId": "${SANDBOX_CALL_OUT.clientId}", "clientSecret": "${SANDBOX_CALL_OUT.clientSecret}"}'
                 (docs/call-outs.md)

  Use a real Coupa instead: Credentials → Create credential → "Coupa OAuth2 API", then enter
  your instance (e.g. acme.coupahost.com), the Client ID and Client Secret of an OAuth2 client from
  Coupa Setup → Integrations → OAuth2/OpenID Connect Clients, and exactly that client's scopes.
  Pick the new credential in the Coupa nodes.

  n8n log:       ${logFile}
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
	let sandbox = null;
	let stopping = false;
	const stop = async (reason, code = 0) => {
		if (stopping) return;
		stopping = true;
		log(`${reason}: stopping n8n and the Coupa sandbox`);
		await sandbox?.stop();
		process.exit(code);
	};
	process.on('SIGINT', () => stop('Ctrl-C'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	try {
		sandbox = await startSandbox({
			userFolder: USER_FOLDER,
			n8nPort: N8N_PORT,
			brokerPort: BROKER_PORT,
			sandboxPort: SANDBOX_PORT,
			// Stable, so the credentials in .cache/n8n-dev stay readable across runs.
			encryptionKey: 'n8n-nodes-coupa-dev-sandbox',
			log,
			onUnexpectedExit: (code) =>
				stop(`n8n exited unexpectedly (code ${code}); see ${join(USER_FOLDER, 'n8n.log')}`, 1),
		});
		printBanner(sandbox.fake, sandbox.logFile, `http://localhost:${N8N_PORT}`);
	} catch (error) {
		console.error(`[dev] ${error.message}`);
		await stop('error', 1);
	}
}

main().catch((error) => {
	console.error(`[dev] ${error.message}`);
	process.exit(1);
});
