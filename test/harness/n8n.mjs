/**
 * Runs the package's compiled node, trigger and credential inside n8n-core's own execution
 * contexts (ExecuteContext, PollContext, LoadOptionsContext). So parameter resolution, resource
 * locators, continueOnFail, and above all n8n's real OAuth2 client-credentials code (token fetch,
 * storage, re-mint on 401) run as they do in n8n; only the credential store is ours.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-coupa-test-'));

const require = createRequire(import.meta.url);
const core = require('n8n-core');
const { Workflow, NodeHelpers } = require('n8n-workflow');
const { CoupaOAuth2Api } = require('../../dist/credentials/CoupaOAuth2Api.credentials.js');
const { Coupa } = require('../../dist/nodes/Coupa/Coupa.node.js');

export const credentialType = new CoupaOAuth2Api();
const NODE_TYPES = { coupa: new Coupa() };

export function registerNodeType(name, instance) {
	NODE_TYPES[name] = instance;
}

const nodeTypes = {
	getByName: (type) => NODE_TYPES[type],
	getByNameAndVersion: (type) => NODE_TYPES[type],
	getKnownTypes: () => ({}),
};

/**
 * A stored credential as n8n keeps it: only the fields the user saved, plus the token n8n adds.
 * Reading it applies the credential type's defaults and resolves its `$self` expressions, as
 * n8n's CredentialsHelper does.
 */
export class CredentialStore {
	constructor(data) {
		this.data = { ...data };
		this.tokenSaves = 0;
	}

	resolve(workflow, nodeName) {
		const withDefaults = NodeHelpers.getNodeParameters(credentialType.properties, this.data, true, false, null, null);
		if (this.data.oauthTokenData) withDefaults.oauthTokenData = this.data.oauthTokenData;
		return workflow.expression.getParameterValue(withDefaults, null, 0, 0, nodeName, [], 'internal', {}, undefined, false, withDefaults);
	}

	additionalData(workflow, nodeName) {
		return {
			credentialsHelper: {
				getParentTypes: (type) => (type === 'coupaOAuth2Api' ? ['oAuth2Api'] : []),
				isCredentialUsableByNode: async () => true,
				getDecrypted: async () => this.resolve(workflow, nodeName),
				updateCredentialsOauthTokenData: async (_nodeCredentials, _type, data) => {
					this.data.oauthTokenData = data.oauthTokenData;
					this.tokenSaves++;
				},
				runPreAuthentication: async () => undefined,
			},
			restApiUrl: 'http://localhost:5678/rest',
			webhookBaseUrl: 'http://localhost:5678/webhook',
			instanceBaseUrl: 'http://localhost:5678',
		};
	}
}

/** The credential data as n8n hands it to nodes: defaults applied, `$self` expressions resolved. */
export function resolvedCredential(data) {
	const { workflow } = makeWorkflow('coupa', {}, {});
	return new CredentialStore(data).resolve(workflow, 'Coupa');
}

function makeWorkflow(type, parameters, options) {
	const node = {
		id: 'node-1',
		name: options.nodeName ?? 'Coupa',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { coupaOAuth2Api: { id: 'cred-1', name: 'Coupa account' } },
		...(options.continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-1',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: options.staticData,
	});
	return { node, workflow };
}

/**
 * Runs the Coupa node's execute() for the given items and returns its first output.
 * `parameters` are the node's parameters as saved in workflow JSON.
 */
export async function runNode({ parameters, store, items = [{ json: {} }], continueOnFail = false, type = 'coupa' }) {
	const { node, workflow } = makeWorkflow(type, parameters, { continueOnFail });
	const additionalData = store.additionalData(workflow, node.name);
	const inputData = { main: [items] };
	const context = new core.ExecuteContext(
		workflow,
		node,
		additionalData,
		'manual',
		{ resultData: { runData: {} } },
		0,
		items,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const output = await NODE_TYPES[type].execute.call(context);
	return output[0];
}

/** Calls one of the node's listSearch or loadOptions methods as the editor would. */
export async function loadOptions({ kind, method, parameters, store, filter, paginationToken, type = 'coupa' }) {
	const { node, workflow } = makeWorkflow(type, parameters, {});
	const context = new core.LoadOptionsContext(workflow, node, store.additionalData(workflow, node.name), 'parameters');
	const fn = NODE_TYPES[type].methods[kind][method];
	return await fn.call(context, filter, paginationToken);
}

/**
 * A polling context for the trigger: static data persists in `staticData` between polls the way
 * n8n stages it (the returned object is mutated in place).
 */
export async function runPoll({ parameters, store, staticData, mode = 'trigger', type = 'coupaTrigger', pollBudgetMs }) {
	const { node, workflow } = makeWorkflow(type, parameters, { nodeName: 'Coupa Trigger', staticData });
	const additionalData = store.additionalData(workflow, node.name);
	const context = new core.PollContext(
		workflow,
		node,
		additionalData,
		mode,
		'manual',
		undefined,
		undefined,
		undefined,
		undefined,
		() => workflow.getStaticData('node', node),
		pollBudgetMs === undefined ? undefined : () => pollBudgetMs,
	);
	const result = await NODE_TYPES[type].poll.call(context);
	return { result, staticData: workflow.staticData };
}
