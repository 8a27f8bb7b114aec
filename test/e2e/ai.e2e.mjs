// The Coupa Tool as AI agents use it, in a running n8n, with no real model:
// (a) the approvals MCP server example, activated, driven by a real MCP client
//     (@modelcontextprotocol/sdk over Streamable HTTP);
// (b) an AI Agent whose chat model is a fake OpenAI-compatible server playing a scripted
//     conversation: it lists pending approvals and approves one through the Coupa tool.
// Both check what reaches Coupa (the fake's request log) and print the size of the tool
// schemas n8n sends (the figures docs/agents.md quotes).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { loadExample } from '../../scripts/n8n-setup.mjs';
import { say, startFakeOpenAi, toolCalls, toolResults } from '../fake-openai/index.mjs';
import { createN8nInstance } from './harness/n8n-instance.mjs';
import { credentialFor, DEFAULT_CLIENT, limitedScopes, startSandbox } from './harness/sandbox.mjs';

const COUPA = { id: 'e2eAiCoupa', name: 'Coupa (AI e2e)' };
const OPENAI = { id: 'e2eAiOpenAi', name: 'Fake OpenAI' };
// A Coupa client that may read approvals and documents but not decide them.
const READ_ONLY_CLIENT = {
	clientId: 'approvals-read-only',
	clientSecret: 'approvals-read-only-secret',
	scopes: limitedScopes(
		'core.approval.read',
		'core.invoice.read',
		'core.requisition.read',
		'core.expense.read',
	),
};
const COUPA_READ_ONLY = { id: 'e2eAiCoupaReadOnly', name: 'Coupa (AI e2e, read only)' };
const READ_ONLY_WORKFLOW_ID = 'e2eAiMcpReadOnly';
const READ_ONLY_PATH = 'coupa-approvals-read-only';
// The MCP example's Bearer Auth credential, as the example file names it.
const MCP_TOKEN = {
	id: 'coupaMcpToken',
	name: 'Coupa MCP token',
	token: 'e2e-mcp-token-0123456789',
};
const MCP_EXAMPLE = 'coupa-approvals-mcp-server.json';
const ASSISTANT_EXAMPLE = 'procurement-assistant.json';
const ASSISTANT_WORKFLOW_ID = 'coupaExProcureAssist';
const MCP_WORKFLOW_ID = 'coupaExApprovalsMcp';
const AGENT_WORKFLOW_ID = 'e2eAiAgent';
const AGENT_PATH = 'coupa-e2e-agent';
const APPROVED_REASON = 'Within budget (approved by the e2e agent)';

let fake;
let fakeAi;
let n8n;
let client;
let mcp;

const pendingApprovals = () =>
	fake.store.rows('approvals').filter((row) => row.status === 'pending_approval');
const writesTo = (path) =>
	fake.requests.filter(
		(r) => r.method !== 'GET' && r.path.startsWith('/api/') && (!path || r.path === path),
	);
const textOf = (result) => result.content.map((part) => part.text).join('\n');

const WRONG_ID = 987654321;

/**
 * The agent conversation: list pending approvals, try to approve a wrong ID (as a model that
 * guessed would), read the error, approve the first listed approval instead, then answer. Each
 * step reads the request n8n sent, so tool results and errors must really reach the model.
 */
const agentScript = [
	() => toolCalls({ name: 'list_pending_approvals', args: {} }),
	() => toolCalls({ name: 'approve', args: { approval_id: WRONG_ID, reason: APPROVED_REASON } }),
	(request) => {
		const [listed, failed] = toolResults(request);
		assert.equal(listed?.name, 'list_pending_approvals', 'the agent sent back the list result');
		assert.equal(failed?.name, 'approve');
		agentSaw.error = failed.content;
		const target = JSON.parse(listed.content).find(
			(approval) => approval.status === 'pending_approval',
		);
		assert.ok(target, `a pending approval in the tool result: ${listed.content.slice(0, 300)}`);
		return toolCalls({
			name: 'approve',
			args: { approval_id: target.id, reason: APPROVED_REASON },
		});
	},
	(request) => {
		const approved = toolResults(request).at(-1);
		const [record] = JSON.parse(approved.content);
		return say(`Approved approval ${record.id}; its status is now ${record.status}.`);
	},
];
const agentSaw = {};

/** Webhook → AI Agent, with the fake model and two Coupa tools of the MCP example. */
function agentWorkflow() {
	const example = loadExample(MCP_EXAMPLE, COUPA);
	const tools = example.nodes
		.filter((node) => ['list_pending_approvals', 'approve'].includes(node.name))
		.map((node, index) => ({
			...node,
			id: `${AGENT_WORKFLOW_ID}-tool${index}`,
			position: [200 + index * 200, 300],
		}));
	const nodes = [
		{
			id: `${AGENT_WORKFLOW_ID}-hook`,
			name: 'Ask',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: '4d0c8a52-1f3e-4b7a-9c61-2e5d7f8a9b10',
			parameters: { httpMethod: 'POST', path: AGENT_PATH, responseMode: 'lastNode', options: {} },
		},
		{
			id: `${AGENT_WORKFLOW_ID}-agent`,
			name: 'Approvals agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [260, 0],
			parameters: { promptType: 'define', text: '={{ $json.body.question }}', options: {} },
		},
		{
			id: `${AGENT_WORKFLOW_ID}-model`,
			name: 'Fake OpenAI',
			type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
			typeVersion: 1.2,
			position: [0, 300],
			parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
			credentials: { openAiApi: { id: OPENAI.id, name: OPENAI.name } },
		},
		...tools,
	];
	return {
		id: AGENT_WORKFLOW_ID,
		name: 'e2e Coupa approvals agent',
		active: false,
		nodes,
		connections: {
			Ask: { main: [[{ node: 'Approvals agent', type: 'main', index: 0 }]] },
			'Fake OpenAI': {
				ai_languageModel: [[{ node: 'Approvals agent', type: 'ai_languageModel', index: 0 }]],
			},
			...Object.fromEntries(
				tools.map((tool) => [
					tool.name,
					{ ai_tool: [[{ node: 'Approvals agent', type: 'ai_tool', index: 0 }]] },
				]),
			),
		},
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The procurement assistant example as shipped, made reachable without the editor: its chat is
 * made public (embedded mode, answering with the last node) and its model uses the fake OpenAI.
 */
/** The MCP example again, on another path, with the read-only Coupa credential. */
function readOnlyMcpWorkflow() {
	const workflow = loadExample(MCP_EXAMPLE, COUPA_READ_ONLY);
	workflow.id = READ_ONLY_WORKFLOW_ID;
	workflow.name = 'e2e approvals MCP server, read-only credential';
	for (const node of workflow.nodes) {
		node.id = `ro-${node.id.slice(3)}`;
		if (node.type === '@n8n/n8n-nodes-langchain.mcpTrigger') {
			node.webhookId = '7a1e5c2b-9d40-4f3a-8b6e-1c2d3e4f5a6b';
			node.parameters = { ...node.parameters, path: READ_ONLY_PATH };
		}
	}
	return workflow;
}

function assistantWorkflow() {
	const workflow = loadExample(ASSISTANT_EXAMPLE, COUPA);
	for (const node of workflow.nodes) {
		if (node.type === '@n8n/n8n-nodes-langchain.chatTrigger') {
			node.parameters = {
				...node.parameters,
				public: true,
				mode: 'webhook',
				options: { responseMode: 'lastNode' },
			};
		}
		if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi')
			node.credentials = { openAiApi: { id: OPENAI.id, name: OPENAI.name } };
	}
	return workflow;
}

async function connectMcp(path) {
	const connection = new Client({ name: 'coupa-e2e', version: '1.0.0' });
	await connection.connect(
		new StreamableHTTPClientTransport(new URL(`${client.baseUrl}/mcp/${path}`), {
			requestInit: { headers: { Authorization: `Bearer ${MCP_TOKEN.token}` } },
		}),
	);
	return connection;
}

async function waitForRegistration(url, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	let status;
	while (Date.now() < deadline) {
		status = (
			await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: '{}',
			})
		).status;
		if (status !== 404) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(
		`${url} still answers ${status} ${timeoutMs / 1000} s after activation\n--- n8n output ---\n${n8n.serverLog().slice(-3000)}`,
	);
}

describe('Coupa Tool for AI agents in a running n8n', () => {
	before(async () => {
		fake = await startSandbox({ clients: [DEFAULT_CLIENT, READ_ONLY_CLIENT] });
		fakeAi = await startFakeOpenAi({ script: agentScript });
		n8n = await createN8nInstance('ai');
		await n8n.importCredentials([
			credentialFor(fake, COUPA),
			credentialFor(fake, { ...COUPA_READ_ONLY, ...READ_ONLY_CLIENT }),
			{
				id: OPENAI.id,
				name: OPENAI.name,
				type: 'openAiApi',
				data: { apiKey: 'sk-fake-e2e', url: fakeAi.url, header: false },
			},
			{
				id: MCP_TOKEN.id,
				name: MCP_TOKEN.name,
				type: 'httpBearerAuth',
				data: { token: MCP_TOKEN.token },
			},
		]);
		await n8n.importWorkflows([
			loadExample(MCP_EXAMPLE, COUPA),
			agentWorkflow(),
			assistantWorkflow(),
			readOnlyMcpWorkflow(),
		]);
		client = await n8n.start();
		for (const id of [
			AGENT_WORKFLOW_ID,
			ASSISTANT_WORKFLOW_ID,
			READ_ONLY_WORKFLOW_ID,
			MCP_WORKFLOW_ID,
		]) {
			const activated = await client.api('POST', `/workflows/${id}/activate`);
			assert.equal(activated.status, 200, activated.text);
		}
		// Activation answers before the webhooks are registered; the MCP server, activated last,
		// answers 401 (not 404) to a call without its token once it is.
		await waitForRegistration(`${client.baseUrl}/mcp/coupa-approvals`);
		mcp = await connectMcp('coupa-approvals');
	});

	after(async () => {
		if (process.env.COUPA_E2E_DEBUG) console.error(n8n?.serverLog());
		await mcp?.close();
		await n8n?.dispose();
		await fakeAi?.close();
		await fake?.close();
	});

	describe('(a) the approvals MCP server example, with a real MCP client', () => {
		it('refuses a client without the bearer token', async () => {
			const stranger = new Client({ name: 'coupa-e2e-stranger', version: '1.0.0' });
			await assert.rejects(
				stranger.connect(
					new StreamableHTTPClientTransport(new URL(`${client.baseUrl}/mcp/coupa-approvals`)),
				),
			);
			await stranger.close();
		});

		it('lists the Coupa tools with their descriptions and input schemas', async (t) => {
			const { tools } = await mcp.listTools();
			const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
			assert.deepEqual(Object.keys(byName).sort(), [
				'approve',
				'get_expense_report',
				'get_invoice',
				'get_requisition',
				'hold',
				'list_pending_approvals',
				'reject',
			]);
			for (const tool of tools) {
				assert.ok(
					tool.description.length > 40,
					`${tool.name} has a description: ${tool.description}`,
				);
				assert.equal(tool.inputSchema.type, 'object');
			}
			assert.match(byName.approve.description, /pending Coupa approval/);
			assert.deepEqual(Object.keys(byName.approve.inputSchema.properties).sort(), [
				'approval_id',
				'reason',
			]);
			assert.equal(byName.approve.inputSchema.properties.approval_id.type, 'number');
			assert.match(
				byName.approve.inputSchema.properties.approval_id.description,
				/from list_pending_approvals/,
			);
			assert.deepEqual(Object.keys(byName.list_pending_approvals.inputSchema.properties ?? {}), []);
			assert.deepEqual(Object.keys(byName.get_invoice.inputSchema.properties), ['invoice_id']);
			const bytes = Buffer.byteLength(JSON.stringify(tools));
			t.diagnostic(
				`MCP tools/list of the approvals example: ${tools.length} tools, ${bytes} bytes of JSON (about ${Math.round(bytes / 4)} tokens)`,
			);
		});

		it('"list pending approvals" returns the pending approvals, 10 at most, in the fields asked for', async () => {
			const result = await mcp.callTool({ name: 'list_pending_approvals', arguments: {} });
			assert.ok(!result.isError, textOf(result));
			const listed = JSON.parse(textOf(result));
			const pending = pendingApprovals();
			assert.equal(listed.length, Math.min(10, pending.length));
			const pendingIds = new Set(pending.map((row) => row.id));
			for (const approval of listed) {
				assert.ok(pendingIds.has(approval.id), `approval ${approval.id} is pending in Coupa`);
				assert.equal(approval.status, 'pending_approval');
				assert.ok(
					approval['approvable-type'] && approval['approvable-id'],
					JSON.stringify(approval),
				);
				for (const key of Object.keys(approval)) {
					assert.ok(
						['id', 'status', 'approvable-type', 'approvable-id', 'approver', 'created-at'].includes(
							key,
						),
						`unexpected field ${key}`,
					);
				}
			}
		});

		it('shows the document being approved, simplified by default', async () => {
			const approval = pendingApprovals().find((row) => row['approvable-type'] === 'InvoiceHeader');
			assert.ok(approval, 'the sandbox has a pending approval of an invoice');
			const result = await mcp.callTool({
				name: 'get_invoice',
				arguments: { invoice_id: approval['approvable-id'] },
			});
			assert.ok(!result.isError, textOf(result));
			const [invoice] = JSON.parse(textOf(result));
			assert.equal(invoice.id, approval['approvable-id']);
			const full = fake.store.get('invoices', approval['approvable-id']);
			assert.ok(
				Object.keys(invoice).length < Object.keys(full).length / 2,
				`simplified: ${Object.keys(invoice)} of ${Object.keys(full).length} fields`,
			);
			assert.ok('status' in invoice && 'invoice-number' in invoice, JSON.stringify(invoice));
		});

		it('"approve" with an id sends exactly one PUT /api/approvals/{id}/approve', async () => {
			const [approval] = pendingApprovals();
			fake.clearRequests();
			const result = await mcp.callTool({
				name: 'approve',
				arguments: { approval_id: approval.id, reason: 'Looks right' },
			});
			assert.ok(!result.isError, textOf(result));
			const [returned] = JSON.parse(textOf(result));
			assert.equal(returned.id, approval.id);
			assert.equal(returned.status, 'approved');
			const writes = writesTo();
			assert.deepEqual(
				writes.map((r) => `${r.method} ${r.path}`),
				[`PUT /api/approvals/${approval.id}/approve`],
			);
			assert.equal(writes[0].query.reason, 'Looks right');
			assert.equal(fake.store.get('approvals', approval.id).status, 'approved');
		});

		it('a wrong id gives an error result that names the id and says what to do', async () => {
			fake.clearRequests();
			const result = await mcp.callTool({
				name: 'approve',
				arguments: { approval_id: 987654321, reason: '' },
			});
			assert.equal(result.isError, true, textOf(result));
			assert.match(textOf(result), /Approval 987654321 was not found in Coupa/);
			assert.match(textOf(result), /Get Many Approvals/);
			assert.equal(writesTo().filter((r) => r.status < 300).length, 0, 'nothing changed in Coupa');
		});

		it('a credential without the write scope gives an error result that names the scope to add', async () => {
			const readOnly = await connectMcp(READ_ONLY_PATH);
			try {
				const [approval] = pendingApprovals();
				fake.clearRequests();
				const listed = await readOnly.callTool({ name: 'list_pending_approvals', arguments: {} });
				assert.ok(!listed.isError, textOf(listed));
				const result = await readOnly.callTool({
					name: 'approve',
					arguments: { approval_id: approval.id, reason: '' },
				});
				assert.equal(result.isError, true, textOf(result));
				assert.match(
					textOf(result),
					/Approve Approval needs the scope core\.approval\.write, which this credential does not have/,
				);
				assert.match(textOf(result), /Add core\.approval\.write to the Coupa OAuth client/);
				assert.equal(writesTo().length, 0, 'nothing was sent to Coupa');
				assert.equal(fake.store.get('approvals', approval.id).status, 'pending_approval');
			} finally {
				await readOnly.close();
			}
		});

		it('approving an approval that is no longer pending names the status that forbids it', async () => {
			const decided = fake.store.rows('approvals').find((row) => row.status === 'approved');
			const result = await mcp.callTool({
				name: 'approve',
				arguments: { approval_id: decided.id, reason: '' },
			});
			assert.equal(result.isError, true, textOf(result));
			assert.match(textOf(result), /must be pending to approve \(current status: approved\)/);
		});
	});

	describe('(b) an AI Agent with a scripted OpenAI-compatible model', () => {
		it('finds a pending approval and approves it through the Coupa tool', async (t) => {
			const before = new Set(pendingApprovals().map((row) => row.id));
			fake.clearRequests();
			const response = await fetch(`${client.baseUrl}/webhook/${AGENT_PATH}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ question: 'Approve the first approval that is waiting for me.' }),
			});
			const text = await response.text();
			assert.equal(
				response.status,
				200,
				`${text}\n--- n8n output ---\n${n8n.serverLog().slice(-3000)}`,
			);
			assert.equal(fakeAi.played, 4, 'the model was asked four times');

			// What n8n sent the model: the two tools, with descriptions and parameter schemas.
			const first = fakeAi.requests[0].body;
			const sentTools = Object.fromEntries(
				first.tools.map((tool) => [tool.function.name, tool.function]),
			);
			assert.deepEqual(Object.keys(sentTools).sort(), ['approve', 'list_pending_approvals']);
			assert.match(sentTools.approve.description, /pending Coupa approval/);
			assert.deepEqual(Object.keys(sentTools.approve.parameters.properties).sort(), [
				'approval_id',
				'reason',
			]);
			const toolBytes = Buffer.byteLength(JSON.stringify(first.tools));
			t.diagnostic(
				`tools sent to the model by the AI Agent: ${first.tools.length} Coupa tools, ${toolBytes} bytes of JSON (about ${Math.round(toolBytes / 4)} tokens)`,
			);

			// The tool calls the agent made, with their parameters, and what reached Coupa.
			const approveCalls = fakeAi.requests[3].body.messages
				.flatMap((message) => message.tool_calls ?? [])
				.filter((call) => call.function.name === 'approve')
				.map((call) => JSON.parse(call.function.arguments));
			assert.equal(approveCalls.length, 2);
			assert.equal(approveCalls[0].approval_id, WRONG_ID);
			const { approval_id: approvalId, reason } = approveCalls[1];
			assert.ok(before.has(approvalId), `approval ${approvalId} was pending`);
			assert.equal(reason, APPROVED_REASON);
			const writes = writesTo();
			assert.deepEqual(
				writes.map((r) => `${r.method} ${r.path} ${r.status}`),
				[
					`PUT /api/approvals/${WRONG_ID}/approve 404`,
					`PUT /api/approvals/${approvalId}/approve 200`,
				],
			);
			assert.equal(writes[1].query.reason, APPROVED_REASON);
			assert.ok(
				fake.requests.some(
					(r) =>
						r.method === 'GET' &&
						r.path === '/api/approvals' &&
						r.query['status[in]'] === 'pending_approval',
				),
			);
			assert.equal(fake.store.get('approvals', approvalId).status, 'approved');

			// The wrong ID came back to the model as an error it can act on.
			t.diagnostic(`the model saw: ${agentSaw.error}`);
			assert.match(agentSaw.error, new RegExp(`Approval ${WRONG_ID} was not found in Coupa`));
			assert.match(agentSaw.error, /Get Many Approvals/);

			// The final answer is the workflow's output.
			const output = JSON.parse(text);
			assert.equal(output.output, `Approved approval ${approvalId}; its status is now approved.`);
		});
	});

	describe('(c) the procurement assistant example, with a scripted OpenAI-compatible model', () => {
		it('looks up a supplier and its invoices and answers with their status', async (t) => {
			const invoice = fake.store.rows('invoices').find((row) => row.supplier?.name);
			const supplierName = invoice.supplier.name;
			const newest = fake.store
				.rows('invoices')
				.filter((row) => row.supplier?.name?.toLowerCase().includes(supplierName.toLowerCase()))
				// Coupa orders by the instant (offsets differ), ties by ID ascending.
				.sort(
					(a, b) => Date.parse(b['updated-at']) - Date.parse(a['updated-at']) || a.id - b.id,
				)[0];
			fakeAi.setScript([
				() => toolCalls({ name: 'find_suppliers', args: { name: supplierName } }),
				(request) => {
					const suppliers = JSON.parse(toolResults(request).at(-1).content);
					assert.ok(
						suppliers.some((supplier) => supplier.name === supplierName),
						JSON.stringify(suppliers).slice(0, 300),
					);
					return toolCalls({ name: 'find_invoices', args: { supplier_name: supplierName } });
				},
				(request) => {
					const [latest] = JSON.parse(toolResults(request).at(-1).content);
					return say(
						`The latest invoice from ${supplierName} is ${latest['invoice-number']}, status ${latest.status}.`,
					);
				},
			]);
			fake.clearRequests();
			const chatUrl = `${client.baseUrl}/webhook/${assistantWorkflow().nodes[0].webhookId}/chat`;
			const response = await fetch(chatUrl, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({
					action: 'sendMessage',
					sessionId: 'e2e-session',
					chatInput: `What is the status of the latest invoice from ${supplierName}?`,
				}),
			});
			const text = await response.text();
			assert.equal(
				response.status,
				200,
				`${text}\n--- n8n output ---\n${n8n.serverLog().slice(-3000)}`,
			);
			assert.equal(fakeAi.played, 3, 'the model was asked three times');
			const sent = fakeAi.requests[0].body.tools.map((tool) => tool.function.name).sort();
			assert.deepEqual(sent, [
				'find_invoices',
				'find_purchase_orders',
				'find_suppliers',
				'get_invoice',
				'get_purchase_order',
			]);
			const toolBytes = Buffer.byteLength(JSON.stringify(fakeAi.requests[0].body.tools));
			t.diagnostic(
				`tools sent to the model by the procurement assistant: ${sent.length} Coupa tools, ${toolBytes} bytes of JSON (about ${Math.round(toolBytes / 4)} tokens)`,
			);

			const lookups = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/'));
			assert.ok(
				lookups.some(
					(r) => r.path === '/api/suppliers' && r.query['name[contains]'] === supplierName,
				),
				lookups.map((r) => r.rawQuery).join('\n'),
			);
			assert.ok(
				lookups.some(
					(r) =>
						r.path === '/api/invoices' &&
						r.query['supplier[name][contains]'] === supplierName &&
						r.query.order_by === 'updated_at',
				),
			);
			assert.equal(writesTo().length, 0, 'the assistant only reads');
			assert.equal(
				JSON.parse(text).output,
				`The latest invoice from ${supplierName} is ${newest['invoice-number']}, status ${newest.status}.`,
			);
		});
	});
});
