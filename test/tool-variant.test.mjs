/**
 * The Coupa Tool (the node as n8n offers it to AI agents and MCP servers): its defaults and the
 * texts a model reads. n8n names the tool variant `<name>Tool` and resolves `'@tool'` display
 * options from that name (n8n-workflow NodeHelpers.getNodeParameters), as checked here.
 */
import { createRequire } from 'node:module';

import { measureExample } from '../scripts/measure-tools.mjs';
import { registerNodeType, runNode } from './harness/n8n.mjs';
import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';

const require = createRequire(import.meta.url);
const { NodeHelpers } = require('n8n-workflow');
const { Coupa } = require('../dist/nodes/Coupa/Coupa.node.js');
const { CATALOG } = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/helpers/operations.js');

const description = new Coupa().description;
const asTool = { ...description, name: 'n8n-nodes-coupa.coupaTool' };
const asNode = { ...description, name: 'n8n-nodes-coupa.coupa' };

function resolved(nodeType, parameters) {
	const node = { name: 'Coupa', type: nodeType.name, typeVersion: 1, parameters };
	return NodeHelpers.getNodeParameters(
		nodeType.properties,
		parameters,
		true,
		false,
		node,
		nodeType,
	);
}

describe('Coupa Tool defaults', () => {
	test('Get Many lists 10 records, simplified, in the tool; 50 full records in the node', () => {
		expect(resolved(asTool, { resource: 'invoice', operation: 'getAll' })).toMatchObject({
			limit: 10,
			simplify: true,
			returnAll: false,
		});
		expect(resolved(asNode, { resource: 'invoice', operation: 'getAll' })).toMatchObject({
			limit: 50,
			simplify: false,
			returnAll: false,
		});
	});

	test('Get is simplified in the tool only', () => {
		expect(resolved(asTool, { resource: 'supplier', operation: 'get' }).simplify).toBe(true);
		expect(resolved(asNode, { resource: 'supplier', operation: 'get' }).simplify).toBe(false);
	});

	test('a value the builder sets wins over the tool default', () => {
		expect(
			resolved(asTool, { resource: 'invoice', operation: 'getAll', limit: 3, simplify: false }),
		).toMatchObject({ limit: 3, simplify: false });
	});
});

describe('texts a model reads', () => {
	test('every operation says what it needs and what it returns', () => {
		for (const object of CATALOG) {
			for (const entry of operationsOf(object)) {
				const text = `${object.name} ${entry.name}: ${entry.description}`;
				expect(entry.action.length).toBeGreaterThan(5);
				if (entry.needsId) expect(text).toMatch(/by its ID|needs the .*ID|of a contract by its ID/);
				expect(text).toMatch(/returns|one item per|binary data/);
				expect(entry.description.length).toBeLessThanOrEqual(160);
			}
		}
	});

	test('the record ID parameter says where the ID comes from', () => {
		const idParameter = description.properties.find(
			(p) => p.name === 'id' && p.displayOptions.show.resource.includes('approval'),
		);
		expect(idParameter.description).toBe(
			'ID of the approval: the ID from Get Many Approvals, or the number in its Coupa URL',
		);
	});
});

describe('tool schemas of the AI examples (what the model receives on every turn)', () => {
	test('the approvals MCP server: 7 tools in under 4 KB, every parameter described', () => {
		const { tools, bytes } = measureExample('coupa-approvals-mcp-server.json');
		expect(tools).toHaveLength(7);
		expect(bytes).toBeLessThan(4096);
		for (const { function: fn } of tools) {
			expect(fn.description.length).toBeGreaterThan(40);
			for (const parameter of Object.values(fn.parameters.properties ?? {}))
				expect(parameter.description.length).toBeGreaterThan(10);
		}
		const approve = tools.find((tool) => tool.function.name === 'approve').function;
		expect(approve.parameters.required.sort()).toEqual(['approval_id', 'reason']);
		expect(approve.parameters.properties.approval_id.type).toBe('number');
	});

	test('the procurement assistant: 5 tools in under 3 KB', () => {
		const { tools, bytes } = measureExample('procurement-assistant.json');
		expect(tools.map((tool) => tool.function.name).sort()).toEqual([
			'find_invoices',
			'find_purchase_orders',
			'find_suppliers',
			'get_invoice',
			'get_purchase_order',
		]);
		expect(bytes).toBeLessThan(3072);
	});
});

describe('the Coupa Tool running in n8n-core (as an agent or MCP server calls it)', () => {
	const TOOL = 'n8n-nodes-coupa.coupaTool';
	let fake;
	let store;
	beforeAll(async () => {
		// What n8n's convertNodeToAiTool derives: the same node under a name ending in Tool.
		const tool = Object.create(new Coupa());
		tool.description = asTool;
		registerNodeType(TOOL, tool);
		fake = await startCoupa({ seed: { suppliers: 30, invoices: 5 } });
		store = credentialFor(fake, allScopes());
	});
	afterAll(() => fake.close());

	test('Get Many returns 10 simplified records unless told otherwise', async () => {
		const output = await runNode({
			type: TOOL,
			store,
			parameters: { resource: 'supplier', operation: 'getAll' },
		});
		expect(output).toHaveLength(10);
		const supplier = CATALOG.find((o) => o.resource === 'supplier');
		for (const { json } of output)
			expect(Object.keys(json).every((key) => supplier.simplify.includes(key))).toBe(true);
		const asNodeOutput = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll' },
		});
		expect(asNodeOutput).toHaveLength(30);
	});

	test('an error carries what to change in its message, where an agent reads it', async () => {
		const parameters = { resource: 'supplier', operation: 'get', id: '999999' };
		const asToolError = await runNode({ type: TOOL, store, parameters }).catch((e) => e);
		expect(asToolError.message).toBe(
			'Supplier 999999 was not found in Coupa. Use the ID of a supplier from Get Many Suppliers (or the number in its Coupa URL), and check that the API user may see it.',
		);
		const asNodeError = await runNode({ store, parameters }).catch((e) => e);
		expect(asNodeError.message).toBe('Supplier 999999 was not found in Coupa');
		expect(asNodeError.description).toMatch(/^Use the ID of a supplier from Get Many Suppliers/);
	});
});
