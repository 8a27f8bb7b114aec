/**
 * Where the credential's secret and token may go beyond the Coupa nodes: the HTTP Request node
 * (n8n's Allowed HTTP Request Domains), the Test button (n8n's core runs it), and a hidden Access
 * Token URL stored or imported with another value.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import { credentialFor, startCoupa } from './harness/setup.mjs';
import { credentialType, resolvedCredential, runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
// The functions n8n's HTTP Request node applies to a credential (n8n-workflow, as n8n ships it).
const { getCredentialAllowedDomains, isDomainAllowed } = require('n8n-workflow');

const NODE = { name: 'HTTP Request', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2 };

/** The allow-list n8n's HTTP Request node derives from a stored credential. */
function httpRequestAllowList(data) {
	return getCredentialAllowedDomains({
		node: NODE,
		credentialData: resolvedCredential(data),
		surface: 'HTTP Request or GraphQL',
	});
}

describe('HTTP Request node: only the Domain', () => {
	test.each([
		['acme', 'acme.coupahost.com'],
		['https://acme-test.coupahost.com:8443/', 'acme-test.coupahost.com'],
		['ACME.coupacloud.com.', 'acme.coupacloud.com'],
		['http://127.0.0.1:5678', '127.0.0.1'],
		['acme.coupahost.com@attacker.example', 'not-a-coupa-host.invalid'],
	])('Domain %s: the credential allows only %s', (domain, host) => {
		const resolved = resolvedCredential({ authUrl: domain });
		expect(resolved.allowedHttpRequestDomains).toBe('domains');
		expect(resolved.allowedDomains).toBe(host);
		expect(httpRequestAllowList({ authUrl: domain })).toBe(host);
	});

	test('a credential saved by 0.1 (Domain in `domain`) is restricted the same way', () => {
		expect(httpRequestAllowList({ domain: 'acme' })).toBe('acme.coupahost.com');
	});

	test("n8n's check lets a request to the Coupa instance through and refuses any other host", () => {
		const allowed = httpRequestAllowList({ authUrl: 'acme' });
		expect(
			isDomainAllowed({ url: 'https://acme.coupahost.com/api/invoices', allowedDomains: allowed }),
		).toBe(true);
		for (const url of [
			'https://attacker.example/collect',
			'https://acme.coupahost.com.attacker.example/',
			'https://other.coupahost.com/api/invoices',
			'http://169.254.169.254/latest/meta-data/',
		]) {
			expect(isDomainAllowed({ url, allowedDomains: allowed })).toBe(false);
		}
	});

	test('the fields stay hidden: no one can widen the list in the form', () => {
		for (const name of ['allowedHttpRequestDomains', 'allowedDomains']) {
			expect(credentialType.properties.find((p) => p.name === name).type).toBe('hidden');
		}
		expect(credentialType.hideDomainRestrictionFields).toBe(true);
	});
});

describe('the Test button', () => {
	test('asks n8n not to follow redirects (test/e2e/server.e2e.mjs runs it in n8n)', () => {
		expect(credentialType.test.request.disableFollowRedirect).toBe(true);
	});
});

describe('a stored Access Token URL that is not the Domain’s', () => {
	let fake;
	let elsewhere;
	const seen = [];
	beforeAll(async () => {
		elsewhere = createServer((req, res) => {
			seen.push(req.url);
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end('{"access_token":"x","token_type":"bearer","expires_in":3600}');
		});
		await new Promise((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	});
	afterAll(async () => new Promise((resolve) => elsewhere.close(resolve)));
	afterEach(async () => fake?.close());

	test('makes the node refuse to run: no token request anywhere, the form’s Domain named', async () => {
		fake = await startCoupa();
		const other = `http://127.0.0.1:${elsewhere.address().port}`;
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.read', { accessTokenUrl: `${other}/oauth2/token` }),
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		}).catch((e) => e);
		expect(error.message).toBe(
			`The credential holds an Access Token URL on 127.0.0.1:${elsewhere.address().port}, not its Domain's token endpoint (${fake.url}/oauth2/token), so the Client Secret would go there. Nothing was sent. Create the credential again in n8n's credential form: an imported or copied credential may carry a hidden Access Token URL of its own.`,
		);
		expect(seen).toEqual([]);
		expect(fake.requests).toEqual([]);
	});

	test('the same URL as the Domain’s, stored as text, works', async () => {
		fake = await startCoupa();
		const [output] = await runNode({
			store: credentialFor(fake, 'core.supplier.read', {
				accessTokenUrl: `${fake.url}/oauth2/token`,
			}),
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		});
		expect(output.json.id).toBe(1);
	});
});
