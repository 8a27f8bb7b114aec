import type { Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

import { coupaBaseUrlExpression } from './coupaDomain';
import { BASE_SCOPES } from './coupaScopes';

/**
 * `={{ $self["<name>"] }}`: an inherited OAuth2 field filled from one of our own fields.
 *
 * n8n shows a credential's form as the parent's fields (in the parent's order, overridden in
 * place) followed by the credential's new fields. To show Domain first, the inherited Client ID,
 * Client Secret and Scope are overridden as hidden and filled from new fields declared after
 * Domain. Credentials saved by 0.1 hold clientId, clientSecret and scope as plain values; a stored
 * value wins over a hidden field's default, so they keep working unchanged.
 */
const fromField = (name: string) => `={{ $self["${name}"] }}`;

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

	// n8n's "Allowed HTTP Request Domains" is for credentials used in the HTTP Request node; the
	// Coupa nodes always call the credential's own domain. This flag keeps n8n from adding the
	// fields to this type; the copies inherited from oAuth2Api are overridden as hidden below.
	hideDomainRestrictionFields = true;

	properties: INodeProperties[] = [
		// Inherited OAuth2 fields, in the parent's order: fixed for Coupa, or filled from ours below.
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
			displayName: 'Client ID',
			name: 'clientId',
			type: 'hidden',
			default: fromField('clientIdentifier'),
		},
		{
			displayName: 'Secret',
			name: 'clientSecret',
			type: 'hidden',
			typeOptions: { password: true },
			default: fromField('secret'),
		},
		{
			displayName: 'OAuth Scope',
			name: 'scope',
			type: 'hidden',
			default: fromField('oauthScope'),
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
			// n8n's own default: no restriction. Added by n8n to oAuth2Api, so inherited.
			displayName: 'Allowed HTTP Request Domains',
			name: 'allowedHttpRequestDomains',
			type: 'hidden',
			default: 'all',
		},
		{
			displayName: 'Allowed Domains',
			name: 'allowedDomains',
			type: 'hidden',
			default: '',
		},
		// What the form shows, in this order.
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. acme.coupahost.com',
			description:
				'Your Coupa instance: acme, acme.coupahost.com, https://acme-test.coupahost.com or a coupacloud.com host. Always reached over https.',
		},
		{
			displayName: 'Client ID',
			name: 'clientIdentifier',
			type: 'string',
			default: '',
			required: true,
			description:
				'The Identifier of the OAuth2/OpenID Connect client in Coupa (Setup → Integrations → OAuth2/OpenID Connect Clients)',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The Secret of that OAuth2 client',
		},
		{
			displayName: 'OAuth Scope',
			name: 'oauthScope',
			type: 'string',
			default: BASE_SCOPES.join(' '),
			required: true,
			description:
				'Coupa\'s rule: these must be exactly the scopes granted to the Coupa OAuth client. Keep the five pre-filled scopes and add the client\'s object scopes (e.g. core.invoice.read core.supplier.write), separated by spaces.',
		},
		{
			displayName:
				'The OAuth Scope must list exactly the scopes of the Coupa OAuth client. A scope the client lacks makes Coupa refuse the token; a scope missing here makes Coupa refuse the call.',
			name: 'scopeNotice',
			type: 'notice',
			default: '',
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
