// The per-item comparison of `npm run bench:n8n`: 500 input items, each naming one invoice, then
// Get by ID through the Coupa node, and through n8n's HTTP Request node (its defaults, and with
// its Batching option set to stay under Coupa's 25 requests a second).
import { COUPA_CREDENTIAL, linearWorkflow, NODE_NAME } from './workflows.mjs';
import { NODE_TYPE } from '../../test/e2e/harness/workflows.mjs';

/** n8n's HTTP Request Batching, chosen to stay under 25 a second: 20 requests every 1,000 ms. */
export const BATCHING = { batchSize: 20, batchInterval: 1000 };

/**
 * Manual Trigger → a Set node holding `{ id: [ids] }` → Split Out (one item `{ id }` per id) →
 * `node`, which runs once per item.
 */
const perItemWorkflow = (id, ids, node) =>
	linearWorkflow(id, [
		{
			id: `${id}-ids`,
			name: 'Invoice ids',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ id: ids }), options: {} },
		},
		{
			id: `${id}-split`,
			name: 'Split ids',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'id', include: 'noOtherFields', options: {} },
		},
		{ id: `${id}-node`, name: NODE_NAME, ...node },
	]);

/** The Coupa node: Invoice → Get, ID from each item, all defaults. */
const coupaGet = () => ({
	type: NODE_TYPE,
	typeVersion: 1,
	parameters: {
		resource: 'invoice',
		operation: 'get',
		id: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	},
	credentials: { coupaOAuth2Api: COUPA_CREDENTIAL },
});

/** n8n's HTTP Request node (4.2): GET /api/invoices/{id} with the Coupa credential, JSON asked for. */
const httpGet = (fake, options) => ({
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	parameters: {
		method: 'GET',
		url: `=${fake.url}/api/invoices/{{ $json.id }}`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'coupaOAuth2Api',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
		options,
	},
	credentials: { coupaOAuth2Api: COUPA_CREDENTIAL },
});

/** The three per-item variants, Get by ID of each of `ids`. */
export const perItemVariants = (fake, ids) => [
	{
		label: `Coupa node, Get, ${ids.length} items`,
		workflow: perItemWorkflow('benchItemsCoupa', ids, coupaGet()),
	},
	{
		label: `HTTP Request, defaults, ${ids.length} items`,
		workflow: perItemWorkflow('benchItemsHttp', ids, httpGet(fake, {})),
		http: true,
	},
	{
		label: `HTTP Request, batching ${BATCHING.batchSize} per ${BATCHING.batchInterval.toLocaleString('en-US')} ms, ${ids.length} items`,
		workflow: perItemWorkflow(
			'benchItemsHttpBatch',
			ids,
			httpGet(fake, { batching: { batch: BATCHING } }),
		),
		http: true,
	},
];

/**
 * Failed items of a per-item run: every input item when the node stopped (no output), else the
 * output items that carry an error.
 */
export function failedItems(run, inputCount) {
	if (!run.ok) return inputCount;
	return run.errorItems;
}
