// The Coupa Call Out Trigger in a running n8n (`n8n start`): activated workflows receive API Call
// Outs that the fake Coupa sends the way Coupa's pages describe them ("OAuth 2.0 for Call Outs":
// a token from the Token URL with Basic client ID and secret, then the document with the Bearer
// token; see test/fake-coupa/callOuts.mjs). Covers: a call out starting a workflow, a wrong token
// or secret starting nothing, XML over PUT, de-duplication in the workflow's static data, and
// values the workflow computed coming back as Process Automator response variables, through
// Respond to Webhook (version 1) and through When Last Node Finishes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadExample } from '../../scripts/n8n-setup.mjs';
import { SANDBOX_CALL_OUT } from '../../scripts/n8n-sandbox.mjs';
import { sendCallOut } from '../fake-coupa/callOuts.mjs';
import { createN8nInstance } from './harness/n8n-instance.mjs';
import { credentialFor, pick, startSandbox } from './harness/sandbox.mjs';

const CALL_OUT_TYPE = 'n8n-nodes-coupa.coupaCallOutTrigger';
const CREDENTIAL = { id: 'e2eCallOutCred', name: 'Coupa call out (e2e)' };
const CLIENT = {
	clientId: 'coupa-e2e-call-out',
	clientSecret: 'e2e-call-out-secret-0123456789abcdef',
};

// One workflow per response mode; webhook IDs are fixed so the URLs are known before activation.
const RECEIVE = { id: 'e2eCallOutReceive', webhookId: '6f1c7a52-3d0e-4b8e-9a43-0c7d2f1e5a01' };
const RESPOND = { id: 'e2eCallOutRespond', webhookId: '6f1c7a52-3d0e-4b8e-9a43-0c7d2f1e5a02' };
const LAST_NODE = { id: 'e2eCallOutLastNode', webhookId: '6f1c7a52-3d0e-4b8e-9a43-0c7d2f1e5a03' };

// The example pair, as `npm run dev` imports it (examples/, docs/call-outs.md).
const COUPA = { id: 'e2eCoupaCred', name: 'Coupa sandbox (e2e)' };
const FAST_PATH = 'call-out-invoice-to-erp.json';
const SAFETY_NET = 'poll-invoices-safety-net.json';

let fake;
let n8n;
let client;

const trigger = (flow, parameters) => ({
	id: `${flow.id}-trigger`,
	name: 'Coupa Call Out Trigger',
	type: CALL_OUT_TYPE,
	typeVersion: 1,
	position: [0, 0],
	webhookId: flow.webhookId,
	parameters: { authentication: 'oAuth2', ...parameters },
	credentials: { coupaCallOutApi: CREDENTIAL },
});

/** A Set node that computes what an ERP would answer: a document number and a decision. */
const computeErpNumber = (flow) => ({
	id: `${flow.id}-set`,
	name: 'Book in ERP',
	type: 'n8n-nodes-base.set',
	typeVersion: 3.4,
	position: [220, 0],
	parameters: {
		mode: 'manual',
		assignments: {
			assignments: [
				{
					id: 'erp-number',
					name: 'erpDocumentNumber',
					value: "={{ 'ERP-' + $json['invoice-number'] }}",
					type: 'string',
				},
				{ id: 'erp-decision', name: 'decision', value: 'accepted', type: 'string' },
			],
		},
		includeOtherFields: false,
		options: {},
	},
});

const chain = (flow, nodes) => ({
	id: flow.id,
	name: `e2e ${flow.id}`,
	active: false,
	nodes,
	connections: Object.fromEntries(
		nodes
			.slice(0, -1)
			.map((node, index) => [
				node.name,
				{ main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] },
			]),
	),
	settings: { executionOrder: 'v1' },
});

const workflows = () => [
	chain(RECEIVE, [
		// The Call Out of a Process Automator process on the Invoice document event.
		trigger(RECEIVE, {
			responseMode: 'onReceived',
			options: { deduplicate: true, documentType: 'invoice' },
		}),
		{
			id: `${RECEIVE.id}-noop`,
			name: 'Received',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	]),
	chain(RESPOND, [
		trigger(RESPOND, { responseMode: 'responseNode' }),
		computeErpNumber(RESPOND),
		{
			id: `${RESPOND.id}-respond`,
			name: 'Respond to Coupa',
			type: 'n8n-nodes-base.respondToWebhook',
			// Version 1: from 1.1 on the node insists on n8n's own Webhook node (docs/call-outs.md).
			typeVersion: 1,
			position: [440, 0],
			parameters: { respondWith: 'firstIncomingItem', options: {} },
		},
	]),
	chain(LAST_NODE, [trigger(LAST_NODE, { responseMode: 'lastNode' }), computeErpNumber(LAST_NODE)]),
];

const eventUrl = (flow) => `${client.baseUrl}/webhook/${flow.webhookId}/event`;
const tokenUrl = (flow) => `${client.baseUrl}/webhook/${flow.webhookId}/token`;

async function executionsOf(flow) {
	const list = await client.api('GET', `/executions?workflowId=${flow.id}&includeData=true`);
	assert.equal(list.status, 200, list.text);
	return list.json.data;
}

/** Waits until `flow` has `count` finished executions; resolves them, newest first. */
async function finishedExecutions(flow, count) {
	const deadline = Date.now() + 60000;
	for (;;) {
		const done = (await executionsOf(flow)).filter((e) => e.finished || e.status === 'error');
		if (done.length >= count) return done;
		if (Date.now() > deadline)
			assert.fail(
				`${flow.id}: ${done.length} of ${count} executions finished.\n--- n8n output ---\n${n8n.serverLog().slice(-3000)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

const triggerItems = (execution) =>
	execution.data.resultData.runData['Coupa Call Out Trigger'][0].data.main[0].map((i) => i.json);

describe('Coupa Call Out Trigger in a running n8n (n8n start)', () => {
	let invoice;

	before(async () => {
		fake = await startSandbox();
		invoice = pick(fake, 'invoices', (record) => record['invoice-number']);
		n8n = await createN8nInstance('call-out');
		await n8n.importCredentials([
			{ ...CREDENTIAL, type: 'coupaCallOutApi', data: { ...CLIENT } },
			credentialFor(fake, COUPA),
			{
				id: SANDBOX_CALL_OUT.id,
				name: SANDBOX_CALL_OUT.name,
				type: 'coupaCallOutApi',
				data: { clientId: SANDBOX_CALL_OUT.clientId, clientSecret: SANDBOX_CALL_OUT.clientSecret },
			},
		]);
		const examples = [loadExample(FAST_PATH, COUPA), loadExample(SAFETY_NET, COUPA)];
		await n8n.importWorkflows([...workflows(), ...examples]);
		client = await n8n.start();
		for (const flow of [RECEIVE, RESPOND, LAST_NODE, ...examples]) {
			const activated = await client.api('POST', `/workflows/${flow.id}/activate`);
			assert.equal(activated.status, 200, activated.text);
			assert.equal(activated.json.active, true, activated.text.slice(0, 3000));
		}
	});

	after(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	it('registers the trigger and its credential type', async () => {
		const types = await client.get('/types/nodes.json');
		assert.ok(types.some((type) => type.name === CALL_OUT_TYPE));
		const credentials = await client.get('/types/credentials.json');
		assert.ok(credentials.some((type) => type.name === 'coupaCallOutApi'));
	});

	it('an invoice call out sent by Coupa through the token flow starts the activated workflow', async () => {
		// Through the sandbox's Process Automator route, as `npm run dev` users fire one.
		const response = await fetch(`${fake.url}/sandbox/call_outs`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				endpoint: eventUrl(RECEIVE),
				...CLIENT,
				object: 'invoices',
				id: invoice.id,
			}),
		});
		const call = await response.json();
		assert.equal(call.status, 200, JSON.stringify(call));
		assert.deepEqual(call.response, { received: true, documentType: 'invoice', id: invoice.id });

		const [execution] = await finishedExecutions(RECEIVE, 1);
		assert.equal(execution.status, 'success');
		const [item] = triggerItems(execution);
		assert.equal(item.id, invoice.id);
		assert.equal(item['invoice-number'], invoice['invoice-number']);
		assert.equal(item['updated-at'], invoice['updated-at']);
		assert.equal(item.callOut.documentType, 'invoice');
		assert.equal(item.callOut.headers.authorization, undefined, 'no token in the item');
		assert.ok(!JSON.stringify(execution.data).includes(CLIENT.clientSecret));
	});

	it('a wrong token gets 401 and starts nothing; a wrong secret gets no token', async () => {
		const before = (await executionsOf(RECEIVE)).length;
		const forged = await sendCallOut({
			endpoint: eventUrl(RECEIVE),
			accessToken: 'v1.eyJjIjoiY291cGEifQ.not-a-signature',
			document: { ...invoice, id: invoice.id + 100000 },
			model: 'invoice-header',
		});
		assert.equal(forged.status, 401, forged.text);
		assert.equal(forged.json.error, 'invalid_token');

		const wrongSecret = await sendCallOut({
			endpoint: eventUrl(RECEIVE),
			tokenUrl: tokenUrl(RECEIVE),
			clientId: CLIENT.clientId,
			clientSecret: 'not-the-call-out-secret-at-all',
			document: invoice,
		});
		assert.equal(wrongSecret.stage, 'token');
		assert.equal(wrongSecret.status, 401);
		assert.equal(wrongSecret.json.error, 'invalid_client');
		assert.ok(!wrongSecret.text.includes(CLIENT.clientSecret));

		// A token of another trigger is no good here either.
		const elsewhere = await sendCallOut({
			endpoint: eventUrl(RECEIVE),
			tokenUrl: tokenUrl(LAST_NODE),
			...CLIENT,
			document: invoice,
		});
		assert.equal(elsewhere.status, 401);

		// The next good call out makes exactly one more execution: the refused ones made none.
		const good = await sendCallOut({
			endpoint: eventUrl(RECEIVE),
			tokenUrl: tokenUrl(RECEIVE),
			...CLIENT,
			document: { ...invoice, 'updated-at': '2026-12-06T10:00:00-08:00' },
			model: 'invoice-header',
			format: 'xml',
			method: 'PUT',
		});
		assert.equal(good.status, 200, good.text);
		const executions = await finishedExecutions(RECEIVE, before + 1);
		assert.equal(executions.length, before + 1);
		const [item] = triggerItems(executions[0]);
		assert.equal(item['updated-at'], '2026-12-06T10:00:00-08:00');
		assert.equal(item.callOut.format, 'xml');
		assert.equal(item.callOut.method, 'PUT');
		assert.equal(item.id, invoice.id, 'XML integers come back as numbers');
	});

	it('a repeated call out (same invoice, ID and updated-at) is answered but not run twice', async () => {
		const document = { ...invoice, 'updated-at': '2026-12-06T11:11:11-08:00' };
		const send = () =>
			sendCallOut({
				endpoint: eventUrl(RECEIVE),
				tokenUrl: tokenUrl(RECEIVE),
				...CLIENT,
				document,
				model: 'invoice-header',
				envelope: true,
			});
		const before = (await finishedExecutions(RECEIVE, 0)).length;
		const first = await send();
		assert.equal(first.status, 200, first.text);
		assert.equal(first.json.duplicate, undefined);
		await finishedExecutions(RECEIVE, before + 1);
		const repeat = await send();
		assert.equal(repeat.status, 200, repeat.text);
		assert.deepEqual(repeat.json, {
			received: true,
			documentType: 'invoice',
			id: invoice.id,
			duplicate: true,
		});
		// Listed after the repeat was answered: the repeat started no execution.
		assert.equal((await executionsOf(RECEIVE)).length, before + 1);
	});

	it('Respond to Webhook sends back what the workflow computed, for response variables', async () => {
		const call = await fake.callOuts.fire({
			endpoint: eventUrl(RESPOND),
			...CLIENT,
			object: 'invoices',
			id: invoice.id,
			responseVariables: { erpNumber: 'erpDocumentNumber', decision: 'decision' },
		});
		assert.equal(call.status, 200, JSON.stringify(call));
		assert.deepEqual(call.responseVariables, {
			erpNumber: `ERP-${invoice['invoice-number']}`,
			decision: 'accepted',
		});
	});

	it("When Last Node Finishes answers with the last node's first item", async () => {
		const call = await fake.callOuts.fire({
			endpoint: eventUrl(LAST_NODE),
			...CLIENT,
			object: 'invoices',
			id: invoice.id,
			format: 'xml',
			responseVariables: { erpNumber: 'erpDocumentNumber' },
		});
		assert.equal(call.status, 200, JSON.stringify(call));
		assert.equal(call.responseVariables.erpNumber, `ERP-${invoice['invoice-number']}`);
	});

	it('the example pair: a call out books a new invoice once, then finds it exported', async () => {
		const example = loadExample(FAST_PATH, COUPA);
		const { webhookId } = example.nodes.find((node) => node.webhookId);
		const fresh = pick(
			fake,
			'invoices',
			(record) => record.exported === false && record['invoice-number'],
		);
		const fire = () =>
			fake.callOuts.fire({
				endpoint: `${client.baseUrl}/webhook/${webhookId}/event`,
				clientId: SANDBOX_CALL_OUT.clientId,
				clientSecret: SANDBOX_CALL_OUT.clientSecret,
				object: 'invoices',
				id: fresh.id,
				responseVariables: { erp_number: 'erpDocumentNumber', result: 'result' },
			});
		const booked = await fire();
		assert.equal(booked.status, 200, JSON.stringify(booked));
		assert.deepEqual(booked.responseVariables, {
			erp_number: `ERP-${fresh['invoice-number']}`,
			result: 'booked',
		});
		assert.equal(fake.store.get('invoices', fresh.id).exported, true, 'marked exported in Coupa');

		// Coupa sends it again after the change: the workflow runs, sees exported, books nothing.
		const again = await fire();
		assert.equal(again.status, 200, JSON.stringify(again));
		assert.deepEqual(again.responseVariables, { erp_number: null, result: 'already exported' });
	});
});
