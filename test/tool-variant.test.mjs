/**
 * The Coupa Tool (the node as n8n offers it to AI agents and MCP servers): its defaults and the
 * texts a model reads. n8n names the tool variant `<name>Tool` and resolves `'@tool'` display
 * options from that name (n8n-workflow NodeHelpers.getNodeParameters), as checked here.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { NodeHelpers } = require('n8n-workflow');
const { Coupa } = require('../dist/nodes/Coupa/Coupa.node.js');
const { CATALOG } = require('../dist/nodes/Coupa/catalog.js');
const { operationsOf } = require('../dist/nodes/Coupa/shared/operations.js');

const description = new Coupa().description;
const asTool = { ...description, name: 'n8n-nodes-coupa.coupaTool' };
const asNode = { ...description, name: 'n8n-nodes-coupa.coupa' };

function resolved(nodeType, parameters) {
	const node = { name: 'Coupa', type: nodeType.name, typeVersion: 1, parameters };
	return NodeHelpers.getNodeParameters(nodeType.properties, parameters, true, false, node, nodeType);
}

describe('Coupa Tool defaults', () => {
	test('Get Many lists 10 records, simplified, in the tool; 50 full records in the node', () => {
		expect(resolved(asTool, { resource: 'invoice', operation: 'getAll' })).toMatchObject({ limit: 10, simplify: true, returnAll: false });
		expect(resolved(asNode, { resource: 'invoice', operation: 'getAll' })).toMatchObject({ limit: 50, simplify: false, returnAll: false });
	});

	test('Get is simplified in the tool only', () => {
		expect(resolved(asTool, { resource: 'supplier', operation: 'get' }).simplify).toBe(true);
		expect(resolved(asNode, { resource: 'supplier', operation: 'get' }).simplify).toBe(false);
	});

	test('a value the builder sets wins over the tool default', () => {
		expect(resolved(asTool, { resource: 'invoice', operation: 'getAll', limit: 3, simplify: false })).toMatchObject({ limit: 3, simplify: false });
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
		const idParameter = description.properties.find((p) => p.name === 'id' && p.displayOptions.show.resource.includes('approval'));
		expect(idParameter.description).toBe('ID of the approval: the ID from Get Many Approvals, or the number in its Coupa URL');
	});
});
