import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { coupaBaseUrlExpression, coupaHostnameExpression, domainOf } from './coupaDomain';
import { BASE_SCOPES } from './coupaScopes';

/**
 * Coupa OAuth2 client credentials, as Coupa's connector documentation describes them:
 * Domain, Client ID (Coupa's Identifier), Client Secret (Coupa's Secret) and OAuth Scope. n8n fetches, stores and re-mints the
 * token; the token URL is derived from the domain.
 *
 * The form order. n8n shows a credential's form as the parent's fields in the parent's order
 * (each overridden in place), then the credential's new fields. oAuth2Api lists Authorization
 * URL, Access Token URL, Client ID, Client Secret and Scope in that order, so:
 * - Domain takes the slot of the Authorization URL (`authUrl`), which client credentials never use;
 * - Client ID, Secret and OAuth Scope keep their OAuth2 names (`clientId`, `clientSecret`, `scope`),
 *   which n8n's token code reads and which credentials saved by 0.1 already hold;
 * - every other inherited field is hidden and fixed for Coupa;
 * - the new fields (the scope notice) follow OAuth Scope.
 * Credentials saved by 0.1 hold the domain in `domain`; a typed Domain (`authUrl`) wins over it.
 */
export class CoupaOAuth2Api implements ICredentialType {
	name = 'coupaOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Coupa OAuth2 API';

	icon: Icon = { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-coupa/n8n-nodes-coupa#credentials';

	// n8n's "Allowed HTTP Request Domains" governs this credential in the HTTP Request node. It is
	// fixed to the Domain's host (below), so the bearer token can't be sent to another host from
	// there. This flag keeps n8n from adding the user-editable fields to this type; the copies
	// inherited from oAuth2Api are overridden as hidden below.
	hideDomainRestrictionFields = true;

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'clientCredentials',
		},
		{
			displayName: 'Domain',
			name: 'authUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme.coupahost.com',
			description:
				'Your Coupa instance: acme, acme.coupahost.com, https://acme-test.coupahost.com or a coupacloud.com host. Only a host name and an optional port; always reached over https.',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: coupaBaseUrlExpression(domainOf('$self'), '/oauth2/token'),
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The Identifier of the OAuth2/OpenID Connect client in Coupa (Setup → Integrations → OAuth2/OpenID Connect Clients)',
		},
		{
			// n8n's editor labels an OAuth2 clientSecret "Client Secret" whatever it is declared as,
			// so that is the name used everywhere.
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret of that OAuth2 client in Coupa',
		},
		{
			displayName: 'OAuth Scope',
			name: 'scope',
			type: 'string',
			default: BASE_SCOPES.join(' '),
			required: true,
			description:
				"Coupa's rule: these must be exactly the scopes granted to the Coupa OAuth client. Keep the five pre-filled scopes and add the client's object scopes (e.g. core.invoice.read core.supplier.write), separated by single spaces, not commas: n8n sends this field to Coupa as typed.",
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
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
		{
			// In the HTTP Request node, only the Domain's host (n8n's "Specific Domains"). Added by n8n
			// to oAuth2Api, so inherited; n8n's own default, "all", would let anyone allowed to use the
			// credential send its token to a host of their own.
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'hidden',
			default: 'domains',
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'hidden',
			default: coupaHostnameExpression(domainOf('$self')),
		},
		// New fields: shown after OAuth Scope, in this order.
		{
			displayName:
				'The OAuth Scope must list exactly the scopes of the Coupa OAuth client, separated by spaces (not commas). A scope the client lacks makes Coupa refuse the token; a scope missing here makes Coupa refuse the call.',
			name: 'scopeNotice',
			type: 'notice',
			default: '',
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
		{
			// Where credentials saved by 0.1 keep their domain.
			displayName: 'Domain (Saved by 0.1)',
			name: 'domain',
			type: 'hidden',
			default: '',
		},
	];

	// Needs only core.common.read, so every correctly configured client passes. n8n's core runs it,
	// outside the package's redirect guard: a redirect would carry the bearer token along, so
	// none is followed.
	test: ICredentialTestRequest = {
		request: {
			baseURL: coupaBaseUrlExpression(domainOf('$credentials')),
			url: '/api/currencies',
			qs: { limit: 1, fields: '["id","code"]' },
			headers: { Accept: 'application/json' },
			disableFollowRedirect: true,
		},
	};
}
