// The two workflows `npm run bench:n8n` compares, and the credentials they use. Both fetch every
// invoice from the same fake Coupa, as the same OAuth client, 50 records a page.
import { DEFAULT_CLIENT } from '../../test/fake-coupa/index.mjs';
import { credentialFor } from '../../test/e2e/harness/sandbox.mjs';
import { chainWorkflow, coupa } from '../../test/e2e/harness/workflows.mjs';

export const PAGE_SIZE = 50;
export const COUPA_CREDENTIAL = { id: 'benchCoupa', name: 'Coupa (bench)' };
export const GENERIC_CREDENTIAL = { id: 'benchGenericOAuth2', name: 'Generic OAuth2 (bench)' };
export const NODE_NAME = 'Fetch invoices';

/**
 * Our credential, plus n8n's generic OAuth2 one filled in the way a user would for Coupa without
 * this package: client credentials, token URL on the domain, id and secret in the form body.
 */
export function benchCredentials(fake) {
	return [
		credentialFor(fake, COUPA_CREDENTIAL),
		{
			...GENERIC_CREDENTIAL,
			type: 'oAuth2Api',
			data: {
				grantType: 'clientCredentials',
				accessTokenUrl: `${fake.url}/oauth2/token`,
				clientId: DEFAULT_CLIENT.clientId,
				clientSecret: DEFAULT_CLIENT.clientSecret,
				scope: DEFAULT_CLIENT.scopes.join(' '),
				authentication: 'body',
				authUrl: '',
				authQueryParameters: '',
			},
		},
	];
}

/** The Coupa node's Get Many, Return All, with its default page window (concurrent paging). */
export const coupaWorkflow = (id) =>
	chainWorkflow(
		id,
		[
			coupa(NODE_NAME, {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: {},
				options: {},
			}),
		],
		{
			credential: COUPA_CREDENTIAL,
		},
	);

/**
 * How the HTTP Request node is authenticated: with our credential as a predefined credential
 * type (n8n lets the node use any credential type that extends oAuth2Api), or with n8n's
 * generic OAuth2 credential.
 */
const AUTH = {
	coupaCredential: {
		parameters: {
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'coupaOAuth2Api',
		},
		credentials: { coupaOAuth2Api: COUPA_CREDENTIAL },
	},
	genericOAuth2: {
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'oAuth2Api' },
		credentials: { oAuth2Api: GENERIC_CREDENTIAL },
	},
};
export const HTTP_AUTH_MODES = Object.keys(AUTH);

/**
 * n8n's HTTP Request node (4.2) with its built-in pagination, as its docs describe offset paging:
 * the first request goes out as configured (offset absent = 0), each next one with
 * offset = $pageCount × 50, until a page holds fewer than 50 records. Parameter shapes follow
 * n8n-nodes-base/dist/nodes/HttpRequest/V3/Description.js of n8n 2.40.7.
 */
export function httpRequestWorkflow(id, fake, auth) {
	const { parameters: authParameters, credentials } = AUTH[auth];
	const node = {
		id: `${id}-http`,
		name: NODE_NAME,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [220, 0],
		parameters: {
			method: 'GET',
			url: `${fake.url}/api/invoices`,
			...authParameters,
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'limit', value: String(PAGE_SIZE) }] },
			// The fake, like Coupa, answers XML unless asked for JSON.
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Accept', value: 'application/json' }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: {
							parameters: [
								{ type: 'qs', name: 'offset', value: `={{ $pageCount * ${PAGE_SIZE} }}` },
							],
						},
						paginationCompleteWhen: 'other',
						completeExpression: `={{ $response.body.length < ${PAGE_SIZE} }}`,
					},
				},
			},
		},
		credentials,
	};
	return linearWorkflow(id, [node]);
}

/**
 * A bench workflow: Manual Trigger → nodes[0] → nodes[1] → …, the nodes as given (unlike the e2e
 * chainWorkflow, which makes every Coupa step run once).
 */
export function linearWorkflow(id, steps) {
	const start = {
		id: `${id}-start`,
		name: 'Start',
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const nodes = [
		start,
		...steps.map((step, index) => ({ position: [(index + 1) * 220, 0], ...step })),
	];
	const connections = {};
	nodes.slice(0, -1).forEach((from, index) => {
		connections[from.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return {
		id,
		name: `bench ${id}`,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}
