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
		const withDefaults = NodeHelpers.getNodeParameters(
			credentialType.properties,
			this.data,
			true,
			false,
			null,
			null,
		);
		if (this.data.oauthTokenData) withDefaults.oauthTokenData = this.data.oauthTokenData;
		return workflow.expression.getParameterValue(
			withDefaults,
			null,
			0,
			0,
			nodeName,
			[],
			'internal',
			{},
			undefined,
			false,
			withDefaults,
		);
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
export async function runNode({
	parameters,
	store,
	items = [{ json: {} }],
	continueOnFail = false,
	type = 'coupa',
}) {
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
export async function loadOptions({
	kind,
	method,
	parameters,
	store,
	filter,
	paginationToken,
	type = 'coupa',
}) {
	const { node, workflow } = makeWorkflow(type, parameters, {});
	// The editor sends the node's current parameters along with every dropdown request.
	const additionalData = {
		...store.additionalData(workflow, node.name),
		currentNodeParameters: parameters,
	};
	const context = new core.LoadOptionsContext(workflow, node, additionalData, 'parameters');
	const fn = NODE_TYPES[type].methods[kind][method];
	return await fn.call(context, filter, paginationToken);
}

/**
 * One poll of the trigger, with static data staged the way n8n 2.40 stages a poll cursor
 * (n8n `trigger-execution-context.factory.js`, n8n-core `poll-trigger-executor.js`): poll()
 * works on a deep copy of the committed `staticData`; the copy is committed back into
 * `staticData` (in place) when poll() returns items, or returns null on a scheduled poll. It is
 * discarded when poll() throws, and when the activation poll (`activation: true`) returns null.
 * `pollBudgetMs` undefined leaves PollContext's own default budget (5 minutes).
 */
export async function runPoll({
	parameters,
	store,
	staticData = {},
	mode = 'trigger',
	type = 'coupaTrigger',
	pollBudgetMs,
	activation = false,
}) {
	const staged = JSON.parse(JSON.stringify(staticData));
	const { node, workflow } = makeWorkflow(type, parameters, {
		nodeName: 'Coupa Trigger',
		staticData: staged,
	});
	const additionalData = store.additionalData(workflow, node.name);
	const context = new core.PollContext(
		workflow,
		node,
		additionalData,
		mode,
		activation ? 'activate' : 'update',
		undefined, // __emit
		undefined, // __emitError
		undefined, // __commitCursor
		undefined, // __runPoll
		() => workflow.getStaticData('node', node),
		pollBudgetMs === undefined ? undefined : () => pollBudgetMs,
	);
	const result = await NODE_TYPES[type].poll.call(context);
	const committed = result !== null || !activation;
	if (committed) {
		for (const key of Object.keys(staticData)) delete staticData[key];
		Object.assign(staticData, JSON.parse(JSON.stringify(workflow.staticData)));
	}
	return { result, staticData, committed };
}
