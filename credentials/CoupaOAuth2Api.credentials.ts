import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { coupaBaseUrlExpression } from './coupaDomain';
import { BASE_SCOPES } from './coupaScopes';

/**
 * Coupa OAuth2 client credentials, as Coupa's connector documentation describes them:
 * Domain, Client ID (Identifier), Secret and OAuth Scope. n8n fetches, stores and re-mints the
 * token; the token URL is derived from the domain.
 */
export class CoupaOAuth2Api implements ICredentialType {
	name = 'coupaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Coupa OAuth2 API';

	icon: Icon = { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-coupa/n8n-nodes-coupa#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme.coupahost.com',
			description:
				'Your Coupa instance: acme, acme.coupahost.com, https://acme-test.coupahost.com or a coupacloud.com host. Only a host name and an optional port; always reached over https.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The Identifier of the OAuth2/OpenID Connect client in Coupa (Setup → Integrations → OAuth2/OpenID Connect Clients)',
		},
		{
			displayName: 'Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret of that OAuth2 client',
		},
		{
			displayName: 'OAuth Scope',
			name: 'scope',
			type: 'string',
			default: BASE_SCOPES.join(' '),
			required: true,
			description:
				'Coupa\'s rule: these must be exactly the scopes granted to the Coupa OAuth client. Keep the five pre-filled scopes and add the client\'s object scopes (e.g. core.invoice.read core.supplier.write), separated by single spaces, not commas: n8n sends this field to Coupa as typed.',
		},
		{
			displayName:
				'The OAuth Scope must list exactly the scopes of the Coupa OAuth client, separated by spaces (not commas). A scope the client lacks makes Coupa refuse the token; a scope missing here makes Coupa refuse the call.',
			name: 'scopeNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: coupaBaseUrlExpression('$self["domain"]', '/oauth2/token'),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			// Coupa documents the client id and secret in the form body of the token call.
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxRequestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 1 },
			default: 24,
			description:
				'The most requests a second each n8n process (main or worker) sends with this credential. Coupa allows 25 a second per instance; the default stays just under. In queue mode, or when other integrations share the instance, split the budget: e.g. 12 with two workers.',
		},
	];

	// Needs only core.common.read, so every correctly configured client passes.
	test: ICredentialTestRequest = {
		request: {
			baseURL: coupaBaseUrlExpression('$credentials.domain'),
			url: '/api/currencies',
			qs: { limit: 1, fields: '["id","code"]' },
			headers: { Accept: 'application/json' },
		},
	};
}
