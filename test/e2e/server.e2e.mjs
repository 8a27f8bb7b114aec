// The package in a running n8n (`n8n start`, owner from env, public-API key): n8n's own
// credential test, the node types the editor and AI agents see, and the polling trigger in an
// activated workflow turning changes in the fake Coupa into executions.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createN8nInstance } from './harness/n8n-instance.mjs';
import {
	credentialFor,
	DEFAULT_CLIENT,
	limitedScopes,
	pick,
	startSandbox,
} from './harness/sandbox.mjs';
import { TRIGGER_TYPE } from './harness/workflows.mjs';

const GOOD = { id: 'e2eCredGood', name: 'Coupa (correct)' };
const WRONG_SECRET = { id: 'e2eCredWrongSecret', name: 'Coupa (wrong secret)' };
const LEGACY = { id: 'e2eCredLegacy', name: 'Coupa (saved by 0.1)', legacy: true };
const EXTRA_SCOPE = { id: 'e2eCredExtraScope', name: 'Coupa (scope the client lacks)' };
const LIMITED_CLIENT = {
	clientId: 'limited-client',
	clientSecret: 'limited-secret',
	scopes: limitedScopes('core.supplier.read'),
};

// The trigger polls once a minute at most (n8n rejects shorter intervals), plus n8n's jitter.
const TRIGGER_WAIT_MS = 150000;

let fake;
let n8n;
let client;

/** Coupa Trigger (supplier, Updated, every minute) → No Operation. */
function triggerWorkflow() {
	return {
		id: 'e2eTrigger',
		name: 'e2e Coupa Trigger',
		active: false,
		nodes: [
			{
				id: 'e2eTrigger-trigger',
				name: 'Coupa Trigger',
				type: TRIGGER_TYPE,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					resource: 'supplier',
					event: 'updated',
					filters: {},
					options: {},
				},
				credentials: { coupaOAuth2Api: { id: GOOD.id, name: GOOD.name } },
			},
			{
				id: 'e2eTrigger-noop',
				name: 'Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: { 'Coupa Trigger': { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

describe('Coupa package in a running n8n (n8n start)', () => {
	before(async () => {
		fake = await startSandbox({ clients: [DEFAULT_CLIENT, LIMITED_CLIENT] });
		n8n = await createN8nInstance('server');
		await n8n.importCredentials([
			credentialFor(fake, GOOD),
			credentialFor(fake, LEGACY),
			credentialFor(fake, { ...WRONG_SECRET, clientSecret: 'not-the-secret' }),
			// Asks for core.supplier.write, which the Coupa client was not granted.
			credentialFor(fake, {
				...EXTRA_SCOPE,
				...LIMITED_CLIENT,
				scopes: limitedScopes('core.supplier.read', 'core.supplier.write'),
			}),
		]);
		await n8n.importWorkflows([triggerWorkflow()]);
		client = await n8n.start();
	});

	after(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	const testCredential = (credential) => client.testCredential(credential.id);

	it("passes n8n's credential test against Coupa", async () => {
		fake.clearRequests();
		const result = await testCredential(GOOD);
		assert.equal(result.status, 'OK', JSON.stringify(result));
		assert.ok(
			fake.requests.some((r) => r.path === '/oauth2/token' && r.status === 200),
			'n8n fetched a token',
		);
		assert.ok(
			fake.requests.some((r) => r.path === '/api/currencies' && r.status === 200),
			'and called Coupa with it',
		);
	});

	it('passes the credential test with a credential stored by 0.1 (domain, clientId, clientSecret, scope)', async () => {
		fake.clearRequests();
		const result = await testCredential(LEGACY);
		assert.equal(result.status, 'OK', JSON.stringify(result));
		const token = fake.requests.find((r) => r.path === '/oauth2/token' && r.status === 200);
		assert.ok(token, 'n8n fetched a token with the stored client id and secret');
	});

	it('fails the credential test when Coupa redirects it to another host, without following', async (t) => {
		const seen = [];
		const elsewhere = createServer((req, res) => {
			seen.push({ path: req.url, authorization: req.headers.authorization });
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('[{"id":1,"code":"USD"}]');
		});
		await new Promise((resolve) => elsewhere.listen(0, resolve));
		try {
			fake.faults.redirect({
				to: `http://localhost:${elsewhere.address().port}`,
				path: '/api/currencies',
			});
			const result = await testCredential(GOOD);
			t.diagnostic(`n8n says: ${result.message}`);
			assert.equal(result.status, 'Error', JSON.stringify(result));
			assert.deepEqual(seen, [], 'the redirect was followed, with the bearer token');
		} finally {
			fake.faults.reset();
			await new Promise((resolve) => elsewhere.close(resolve));
		}
	});

	it('fails the credential test readably for a wrong secret', async (t) => {
		const result = await testCredential(WRONG_SECRET);
		t.diagnostic(`n8n says: ${result.message}`);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /invalid_client|Client authentication failed/i, result.message);
	});

	it('fails the credential test readably for a scope the Coupa client lacks', async (t) => {
		const result = await testCredential(EXTRA_SCOPE);
		t.diagnostic(`n8n says: ${result.message}`);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /invalid_scope|scope/i, result.message);
	});

	it('registers the node, its AI-tool variant, the trigger and the credential', async () => {
		const types = await client.get('/types/nodes.json');
		const names = new Set(types.map((type) => type.name));
		for (const name of ['n8n-nodes-coupa.coupa', 'n8n-nodes-coupa.coupaTool', TRIGGER_TYPE]) {
			assert.ok(
				names.has(name),
				`${name} is registered (Coupa types seen: ${[...names].filter((n) => n.includes('coupa'))})`,
			);
		}
		const credentials = await client.get('/types/credentials.json');
		assert.ok(credentials.some((type) => type.name === 'coupaOAuth2Api'));
	});

	it(
		'turns a change in Coupa into an execution of an activated trigger workflow',
		{ timeout: TRIGGER_WAIT_MS + 30000 },
		async () => {
			const activated = await client.api('POST', '/workflows/e2eTrigger/activate');
			assert.equal(activated.status, 200, activated.text);
			// Changed after activation, so it is newer than the trigger's starting point.
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const supplier = pick(fake, 'suppliers');
			fake.store.update('suppliers', supplier.id, {
				website: 'https://changed-for-the-trigger.example',
			});

			const deadline = Date.now() + TRIGGER_WAIT_MS;
			let executions = [];
			while (Date.now() < deadline && executions.length === 0) {
				await new Promise((resolve) => setTimeout(resolve, 3000));
				const list = await client.api('GET', '/executions?workflowId=e2eTrigger&includeData=true');
				assert.equal(list.status, 200, list.text);
				executions = list.json.data;
			}
			assert.ok(
				executions.length > 0,
				`no execution within ${TRIGGER_WAIT_MS / 1000} s.\n--- n8n output ---\n${n8n.serverLog().slice(-4000)}`,
			);
			const [execution] = executions;
			assert.equal(execution.status, 'success');
			const emitted = execution.data.resultData.runData['Coupa Trigger'][0].data.main[0].map(
				(item) => item.json,
			);
			assert.ok(
				emitted.some(
					(record) =>
						record.id === supplier.id &&
						record.website === 'https://changed-for-the-trigger.example',
				),
				JSON.stringify(emitted).slice(0, 1000),
			);
			await client.api('POST', '/workflows/e2eTrigger/deactivate');
		},
	);
});
