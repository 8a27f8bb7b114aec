import { createRequire } from 'node:module';

import { apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { credentialType, resolvedCredential, runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { normalizeCoupaDomain } = require('../dist/credentials/coupaDomain.js');
const { composeScopes, BASE_SCOPES } = require('../dist/credentials/coupaScopes.js');

const property = (name) => credentialType.properties.find((p) => p.name === name);

/** The token URL n8n derives from a typed domain, resolved by n8n's own expression engine. */
const tokenUrlFor = (domain) => resolvedCredential({ authUrl: domain }).accessTokenUrl;

describe('CoupaOAuth2Api credential', () => {
	test('has the fields Coupa documents, with the five base scopes pre-filled', () => {
		expect(credentialType.name).toBe('coupaOAuth2Api');
		expect(credentialType.displayName).toBe('Coupa OAuth2 API');
		expect(credentialType.extends).toEqual(['oAuth2Api']);
		const visible = credentialType.properties.filter((p) => p.type !== 'hidden');
		expect(visible.map((p) => [p.name, p.type === 'notice' ? 'notice' : p.displayName])).toEqual([
			['authUrl', 'Domain'],
			['clientId', 'Client ID'],
			['clientSecret', 'Client Secret'],
			['scope', 'OAuth Scope'],
			['scopeNotice', 'notice'],
			['maxRequestsPerSecond', 'Max Requests per Second'],
		]);
		// Just under Coupa's 25 a second per instance; an admin lowers it to split the budget.
		expect(property('maxRequestsPerSecond')).toMatchObject({ type: 'number', default: 24 });
		expect(property('clientSecret').typeOptions.password).toBe(true);
		expect(property('scope').default).toBe('login offline_access openid profile core.common.read');
		expect(property('scope').description).toMatch(
			/exactly the scopes granted to the Coupa OAuth client/,
		);
		expect(property('grantType')).toMatchObject({ type: 'hidden', default: 'clientCredentials' });
		expect(property('authentication')).toMatchObject({ type: 'hidden', default: 'body' });
		// One name for the secret everywhere: "Client Secret", the label n8n's editor gives an
		// OAuth2 clientSecret whatever a credential declares.
		expect(
			credentialType.properties
				.filter((p) => /secret/i.test(p.displayName))
				.map((p) => p.displayName),
		).toEqual(['Client Secret']);
		expect(credentialType.hideDomainRestrictionFields).toBe(true);
		expect(credentialType.documentationUrl).toMatch(/#credentials$/);
	});

	test('the form shows Domain first: inherited OAuth2 fields are hidden, in the order n8n merges them', () => {
		// n8n merges a credential's form as: the parent's fields in the parent's order (overridden in
		// place), then the credential's new fields. Replay that with oAuth2Api's field order.
		const OAUTH2_ORDER = [
			'useDynamicClientRegistration',
			'grantType',
			'serverUrl',
			'authUrl',
			'accessTokenUrl',
			'clientId',
			'clientCredentialType',
			'clientSecret',
			'privateKey',
			'certificate',
			'scope',
			'authQueryParameters',
			'authentication',
			'sendAdditionalBodyProperties',
			'additionalBodyProperties',
			// n8n appends its domain-restriction fields to oAuth2Api when it loads it.
			'allowedHttpRequestDomains',
			'allowedDomains',
		];
		const own = new Map(credentialType.properties.map((p) => [p.name, p]));
		const merged = [
			...OAUTH2_ORDER.map((name) => own.get(name) ?? { name, type: 'parent' }),
			...credentialType.properties.filter((p) => !OAUTH2_ORDER.includes(p.name)),
		];
		const shown = merged
			.filter((p) => p.type !== 'hidden' && p.type !== 'parent')
			.map((p) => p.name);
		expect(shown).toEqual([
			'authUrl',
			'clientId',
			'clientSecret',
			'scope',
			'scopeNotice',
			'maxRequestsPerSecond',
		]);
		// Every other inherited field that would show for client credentials is hidden and fixed.
		for (const name of [
			'grantType',
			'accessTokenUrl',
			'authQueryParameters',
			'authentication',
			'sendAdditionalBodyProperties',
			'additionalBodyProperties',
			'allowedHttpRequestDomains',
			'allowedDomains',
			'domain',
		]) {
			expect(own.get(name)).toMatchObject({ type: 'hidden' });
		}
		// Parent fields not overridden stay hidden by their own displayOptions (dynamic client
		// registration off, which n8n's default and this credential keep).
		for (const name of [
			'useDynamicClientRegistration',
			'serverUrl',
			'clientCredentialType',
			'privateKey',
			'certificate',
		]) {
			expect(own.has(name)).toBe(false);
		}
	});

	test.each([
		['as the form saves it now (Domain in authUrl)', { authUrl: 'DOMAIN' }],
		['as version 0.1 stored it (domain, clientId, clientSecret, scope)', { domain: 'DOMAIN' }],
		[
			'by 0.1 and then edited in the 0.2 form: the typed Domain wins',
			{ domain: 'https://old-instance.coupahost.com', authUrl: 'DOMAIN' },
		],
	])(
		'a credential stored %s resolves to the same OAuth2 fields and works',
		async (_label, where) => {
			const fake = await startCoupa();
			try {
				const data = {
					...Object.fromEntries(
						Object.entries(where).map(([key, value]) => [
							key,
							value === 'DOMAIN' ? fake.url : value,
						]),
					),
					clientId: 'n8n-test-client',
					clientSecret: 'n8n-test-secret',
					scope: 'login offline_access openid profile core.common.read core.supplier.read',
				};
				const resolved = resolvedCredential(data);
				expect(resolved).toMatchObject({
					clientId: 'n8n-test-client',
					clientSecret: 'n8n-test-secret',
					scope: 'login offline_access openid profile core.common.read core.supplier.read',
					accessTokenUrl: `${fake.url}/oauth2/token`,
					grantType: 'clientCredentials',
					authentication: 'body',
					sendAdditionalBodyProperties: false,
				});
				const { CredentialStore } = await import('./harness/n8n.mjs');
				const output = await runNode({
					store: new CredentialStore(data),
					parameters: { resource: 'supplier', operation: 'get', id: '1' },
				});
				expect(output[0].json.id).toBe(1);
				expect(fake.requests[0].body).toMatchObject({
					client_id: 'n8n-test-client',
					client_secret: 'n8n-test-secret',
				});
				expect(fake.requests[1].path).toBe('/api/suppliers/1');
			} finally {
				await fake.close();
			}
		},
	);

	test.each([
		['acme', 'https://acme.coupahost.com'],
		['acme.coupahost.com', 'https://acme.coupahost.com'],
		['https://acme.coupahost.com/', 'https://acme.coupahost.com'],
		['  https://acme-test.coupahost.com/api  ', 'https://acme-test.coupahost.com'],
		['https://ACME-Test.CoupaHost.com/api/invoices?x=1', 'https://acme-test.coupahost.com'],
		['demo.coupacloud.com', 'https://demo.coupacloud.com'],
		['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
		['http://localhost:4010', 'http://localhost:4010'],
	])('domain %p becomes %p, and the token URL follows it', (typed, expected) => {
		expect(normalizeCoupaDomain(typed)).toBe(expected);
		expect(tokenUrlFor(typed)).toBe(`${expected}/oauth2/token`);
	});

	test.each(['http://acme.coupahost.com', 'http://10.0.0.5:8080', 'http://acme'])(
		'plain http to the non-loopback host %p never receives the secret',
		async (domain) => {
			expect(tokenUrlFor(domain)).toBe('https://use-https-for-coupa.invalid/oauth2/token');
			const fake = await startCoupa();
			try {
				const store = credentialFor(fake, 'core.supplier.read', { domain });
				await expect(
					runNode({ store, parameters: { resource: 'supplier', operation: 'get', id: '1' } }),
				).rejects.toThrow(/plain http.*only ever sent over https/);
				expect(fake.requests).toHaveLength(0);
			} finally {
				await fake.close();
			}
		},
	);

	test('scope composition: the five base scopes, then the typed ones, without duplicates, any separator', () => {
		expect(BASE_SCOPES).toEqual([
			'login',
			'offline_access',
			'openid',
			'profile',
			'core.common.read',
		]);
		expect(composeScopes('')).toEqual(BASE_SCOPES);
		expect(composeScopes(undefined)).toEqual(BASE_SCOPES);
		expect(
			composeScopes(
				'core.invoice.read,core.invoice.write\ncore.supplier.read;  core.invoice.read\r\n\tlogin',
			),
		).toEqual([...BASE_SCOPES, 'core.invoice.read', 'core.invoice.write', 'core.supplier.read']);
	});

	test("n8n fetches the token with Coupa's documented form POST, and a credential of just four fields works", async () => {
		const fake = await startCoupa();
		try {
			const store = credentialFor(
				fake,
				'login offline_access openid profile core.common.read core.supplier.read',
			);
			expect(Object.keys(store.data).sort()).toEqual([
				'authUrl',
				'clientId',
				'clientSecret',
				'scope',
			]);
			const output = await runNode({
				store,
				parameters: { resource: 'supplier', operation: 'get', id: '1' },
			});
			expect(output[0].json.id).toBe(1);
			const [tokenCall, apiCall] = fake.requests;
			expect(tokenCall.method).toBe('POST');
			expect(tokenCall.path).toBe('/oauth2/token');
			expect(tokenCall.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
			expect(tokenCall.body).toEqual({
				grant_type: 'client_credentials',
				client_id: 'n8n-test-client',
				client_secret: 'n8n-test-secret',
				scope: 'login offline_access openid profile core.common.read core.supplier.read',
			});
			expect(apiCall.headers.authorization).toBe(`Bearer ${fake.tokens[0].accessToken}`);
			expect(store.data.oauthTokenData.access_token).toBe(fake.tokens[0].accessToken);
			expect(apiCalls(fake)).toEqual(['GET /api/suppliers/1']);
		} finally {
			await fake.close();
		}
	});

	test('the credential test request reads one currency and needs only core.common.read', async () => {
		const fake = await startCoupa({
			clients: [
				{ clientId: 'n8n-test-client', clientSecret: 'n8n-test-secret', scopes: [...BASE_SCOPES] },
			],
		});
		try {
			const { request } = credentialType.test;
			expect(request.url).toBe('/api/currencies');
			expect(request.headers.Accept).toBe('application/json');
			// Run the same call through the node's custom API call with a base-scopes-only client.
			const store = credentialFor(fake, BASE_SCOPES.join(' '));
			const output = await runNode({
				store,
				parameters: {
					resource: 'customApiCall',
					operation: 'request',
					method: 'GET',
					path: request.url,
					queryParameters: {
						parameter: Object.entries(request.qs).map(([name, value]) => ({
							name,
							value: String(value),
						})),
					},
				},
			});
			expect(output).toHaveLength(1);
			expect(output[0].json).toEqual({ id: 1, code: 'USD' });
		} finally {
			await fake.close();
		}
	});
});
