// Workflows for the queue-mode suite, in `n8n import:workflow` format.
import { randomUUID } from 'node:crypto';
import { NODE_TYPE, TRIGGER_TYPE } from '../e2e/harness/workflows.mjs';

const credentialRef = ({ id, name }) => ({ coupaOAuth2Api: { id, name } });

function webhook(id, path, parameters) {
	return {
		id: `${id}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'GET', path, responseMode: 'lastNode', options: {}, ...parameters },
	};
}

function chain(id, nodes, settings = {}) {
	const connections = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name: `queue ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', ...settings },
	};
}

/**
 * Webhook → Coupa Get Many (invoices, Return All) → Aggregate ids → Respond to Webhook; answers
 * `{ id: [...] }` from the worker. Successful runs are not saved (the workflow setting n8n advises
 * for high-volume workflows): each holds 2,000 full invoices, about 5 MB, and writing that to
 * Postgres would cost the worker seconds of CPU while its other execution is still paging.
 */
export function getManyWorkflow(id, path, credential) {
	return chain(
		id,
		[
			webhook(id, path, { responseMode: 'responseNode' }),
			{
				id: `${id}-coupa`,
				name: 'Coupa',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'invoice', operation: 'getAll', returnAll: true },
				credentials: credentialRef(credential),
			},
			{
				id: `${id}-ids`,
				name: 'Ids',
				type: 'n8n-nodes-base.aggregate',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					aggregate: 'aggregateIndividualFields',
					fieldsToAggregate: { fieldToAggregate: [{ fieldToAggregate: 'id' }] },
					options: {},
				},
			},
			{
				id: `${id}-respond`,
				name: 'Respond',
				type: 'n8n-nodes-base.respondToWebhook',
				typeVersion: 1.1,
				position: [660, 0],
				parameters: { respondWith: 'firstIncomingItem', options: {} },
			},
		],
		{ saveDataSuccessExecution: 'none' },
	);
}

/** Coupa Download Attachment of the webhook's ?contract=&attachment=, into the binary field `data`. */
function downloadNode(nodeId, name, credential) {
	return {
		id: nodeId,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [220, 0],
		parameters: {
			resource: 'contract',
			operation: 'downloadAttachment',
			id: { __rl: true, mode: 'id', value: '={{ $json.query.contract }}' },
			attachmentId: '={{ $json.query.attachment }}',
			binaryPropertyName: 'data',
		},
		credentials: credentialRef(credential),
	};
}

/** Webhook (?contract=&attachment=) → Coupa Download Attachment; answers the file itself. */
export function downloadWorkflow(id, path, credential) {
	return chain(id, [
		webhook(id, path, { responseData: 'firstEntryBinary', responseBinaryPropertyName: 'data' }),
		downloadNode(`${id}-coupa`, 'Coupa', credential),
	]);
}

/**
 * Webhook (?contract=&attachment=&invoice=) → Coupa Download Attachment → Coupa Upload
 * Attachment of that file to the invoice; answers the new attachment record. Both run on a worker,
 * the file passing between them through n8n's binary data store (database mode in this suite).
 */
export function uploadWorkflow(id, path, credential) {
	return chain(id, [
		webhook(id, path),
		downloadNode(`${id}-download`, 'Download', credential),
		{
			id: `${id}-upload`,
			name: 'Upload',
			type: NODE_TYPE,
			typeVersion: 1,
			position: [440, 0],
			parameters: {
				resource: 'invoice',
				operation: 'uploadAttachment',
				id: { __rl: true, mode: 'id', value: "={{ $('Webhook').item.json.query.invoice }}" },
				attachmentType: 'file',
				inputBinaryField: 'data',
			},
			credentials: credentialRef(credential),
		},
	]);
}

/** Coupa Trigger (supplier, Updated) polling at second 0 of every minute → No Operation. */
export function triggerWorkflow(id, credential, startFrom) {
	return chain(id, [
		{
			id: `${id}-trigger`,
			name: 'Coupa Trigger',
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				pollTimes: { item: [{ mode: 'custom', cronExpression: '0 * * * * *' }] },
				resource: 'supplier',
				event: 'updated',
				filters: {},
				options: { startFrom },
			},
			credentials: credentialRef(credential),
		},
		{
			id: `${id}-noop`,
			name: 'Received',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	]);
}
