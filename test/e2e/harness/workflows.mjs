// Builds workflow JSON for `n8n import:workflow`: a Manual Trigger followed by a chain of nodes.
// Each `n8n execute` costs seconds, so one workflow carries many checks: every Coupa node runs
// once (executeOnce) whatever the previous node output, and always passes an item on.

export const NODE_TYPE = 'n8n-nodes-coupa.coupa';
export const TRIGGER_TYPE = 'n8n-nodes-coupa.coupaTrigger';

/** A Coupa node step. `onError: 'continueRegularOutput'` is n8n's "Continue" (continueOnFail). */
export function coupa(name, parameters, { credential, continueOnFail = false } = {}) {
	return { name, type: NODE_TYPE, parameters, credential, continueOnFail };
}

/** Resource-locator value "By ID", as the editor saves it. */
export const byId = (id) => ({ __rl: true, mode: 'id', value: String(id) });

/** An expression reading the first output item of an earlier node. */
export const fromNode = (nodeName, path = 'id') =>
	`={{ $('${nodeName}').first().json${path
		.split('.')
		.map((key) => `[${JSON.stringify(key)}]`)
		.join('')} }}`;

const credentialRef = (credential) => ({
	coupaOAuth2Api: { id: credential.id, name: credential.name },
});

/** A workflow: Manual Trigger → steps[0] → steps[1] → … (ids are at most 21 characters). */
export function chainWorkflow(id, steps, { credential }) {
	const nodes = [
		{
			id: `${id}-start`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map((step, index) => ({
			id: `${id}-${index}`,
			name: step.name,
			type: step.type,
			typeVersion: 1,
			position: [(index + 1) * 220, 0],
			parameters: step.parameters,
			credentials: credentialRef(step.credential ?? credential),
			executeOnce: true,
			alwaysOutputData: true,
			...(step.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
		})),
	];
	const connections = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name: `e2e ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
