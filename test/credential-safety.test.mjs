// Credentials and tokens go only to Coupa (docs/security.md). Every test runs the compiled node inside
// n8n-core's contexts and n8n's own OAuth2 code, over real HTTP(S) against the fake Coupa, with a
// second loopback listener playing "evil": a host that must never receive anything.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import { allScopes, apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { credentialType, resolvedCredential, runNode } from './harness/n8n.mjs';
import { trustFakeCoupaCertificate } from './harness/tls.mjs';

const require = createRequire(import.meta.url);
const { normalizeCoupaDomain, coupaOriginKey } = require('../dist/credentials/coupaDomain.js');
const { resolveCustomApiPath } = require('../dist/nodes/Coupa/actions/customApiCall.operation.js');

const SECRET = 'n8n-test-secret';
const getSupplier = (id = '1') => ({ resource: 'supplier', operation: 'get', id });
const customCall = (method, path, extra = {}) => ({
	resource: 'customApiCall',
	operation: 'request',
	method,
	path,
	...extra,
});
const tokenUrlFor = (domain) => resolvedCredential({ domain }).accessTokenUrl;

/** A loopback listener that must stay untouched: counts TCP connections and records HTTP requests. */
async function startEvil() {
	const evil = { connections: 0, requests: [] };
	const server = createServer(async (req, res) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		evil.requests.push({
			method: req.method,
			path: req.url,
			headers: req.headers,
			body: Buffer.concat(chunks).toString('utf8'),
		});
		res.writeHead(404, { 'Content-Type': 'text/html' });
		res.end('<html><body>Not Coupa</body></html>');
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		evil.connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	evil.port = server.address().port;
	evil.host = `127.0.0.1:${evil.port}`;
	evil.url = `http://${evil.host}`;
	evil.close = () =>
		new Promise((resolve) => {
			server.close(() => resolve());
			sockets.forEach((socket) => socket.destroy());
		});
	return evil;
}

/** Every string of an error a user or a log could see. */
function everythingIn(error) {
	return [
		error.message,
		error.description,
		JSON.stringify(error),
		String(error.stack),
		JSON.stringify(error.context ?? {}),
	].join('\n');
}

let fake;
let evil;
beforeEach(async () => {
	evil = await startEvil();
});
afterEach(async () => {
	await fake?.close();
	fake = undefined;
	await evil.close();
});

describe('Domain: only a host and an optional port', () => {
	beforeAll(() => trustFakeCoupaCertificate());

	const refused = (fakePort, evilPort) => [
		[`acme.coupahost.com@127.0.0.1:${evilPort}`, /contains "@" \(user info/],
		[`https://acme.coupahost.com@127.0.0.1:${evilPort}`, /contains "@" \(user info/],
		[`https://127.0.0.1:${fakePort}@127.0.0.1:${evilPort}/`, /contains "@" \(user info/],
		[`https://n8n:${SECRET}@127.0.0.1:${evilPort}`, /contains "@" \(user info/],
		[`127.0.0.1:${evilPort}\\@127.0.0.1:${fakePort}`, /contains a backslash/],
		[`https://127.0.0.1:${fakePort}\\@127.0.0.1:${evilPort}`, /contains a backslash/],
		['acme.coupahost.com\\@evil.example', /contains a backslash/],
		['https://acme.coupahost.com\\.evil.example', /contains a backslash/],
		['acme.coupahost.com%40evil.example', /percent-encoding/],
		['acme .coupahost.com', /contains a space/],
		['ftp://acme.coupahost.com', /uses the scheme "ftp"/],
		['javascript://acme.coupahost.com', /uses the scheme "javascript"/],
		['acme.coupahost.com:99999', /port is not a number from 1 to 65535/],
		['acme.coupahost.com:', /port is not a number from 1 to 65535/],
		['acme.coupahost.com:0', /port is not a number from 1 to 65535/],
		['acme_test.coupahost.com', /characters a host name can't have/],
		['[::ffff:7f00:1]', /characters a host name can't have/],
	];

	test('each refused domain: a clear message, nothing sent to the fake or to the host after "@"', async () => {
		fake = await startCoupa({ tls: true });
		for (const [domain, why] of refused(fake.port, evil.port)) {
			expect([domain, tokenUrlFor(domain)]).toEqual([
				domain,
				'https://not-a-coupa-host.invalid/oauth2/token',
			]);
			expect(normalizeCoupaDomain(domain)).toBe('https://not-a-coupa-host.invalid');
			const store = credentialFor(fake, 'core.supplier.read', { domain });
			const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
			expect([domain, error.message]).toEqual([
				domain,
				expect.stringMatching(/^The Coupa domain is not a host name: /),
			]);
			expect([domain, error.message]).toEqual([domain, expect.stringMatching(why)]);
			expect(error.message).toMatch(/Nothing was sent\. Enter only the host of your instance/);
			expect(everythingIn(error)).not.toContain(SECRET);
			expect(store.tokenSaves).toBe(0);
		}
		expect(fake.requests).toHaveLength(0);
		expect(evil.connections).toBe(0);
	});

	test('the same refusal in the trigger, before its first request', async () => {
		fake = await startCoupa({ tls: true });
		const { runPoll, registerNodeType } = await import('./harness/n8n.mjs');
		const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
		registerNodeType('coupaTrigger', new CoupaTrigger());
		const store = credentialFor(fake, 'core.supplier.read', {
			domain: `acme.coupahost.com@${evil.host}`,
		});
		const error = await runPoll({
			store,
			parameters: { resource: 'supplier', event: 'updated' },
			mode: 'manual',
		}).catch((e) => e);
		expect(error.message).toMatch(/^The Coupa domain is not a host name: it contains "@"/);
		expect(fake.requests).toHaveLength(0);
		expect(evil.connections).toBe(0);
	});

	test.each([
		(port) => `https://127.0.0.1:${port}`,
		(port) => `127.0.0.1:${port}`,
		(port) => `HTTPS://127.0.0.1:${port}/api/`,
		(port) => `https://localhost:${port}/`,
	])('an https Coupa is reached, token and call, at the domain %#', async (spell) => {
		fake = await startCoupa({ tls: true });
		expect(fake.url).toMatch(/^https:\/\//);
		const store = credentialFor(fake, 'core.supplier.read', { domain: spell(fake.port) });
		const output = await runNode({ store, parameters: getSupplier('2') });
		expect(output[0].json.id).toBe(2);
		expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /oauth2/token',
			'GET /api/suppliers/2',
		]);
		expect(fake.requests[0].body.client_secret).toBe(SECRET);
		expect(evil.connections).toBe(0);
	});

	test('an explicit default port is the same instance: https://host:443 is https://host', () => {
		expect(normalizeCoupaDomain('acme.coupahost.com:443')).toBe('https://acme.coupahost.com');
		expect(normalizeCoupaDomain('https://ACME.coupahost.com.:443/api')).toBe(
			'https://acme.coupahost.com',
		);
		expect(normalizeCoupaDomain('acme.coupahost.com:8443')).toBe('https://acme.coupahost.com:8443');
		expect(normalizeCoupaDomain('http://localhost:80')).toBe('http://localhost');
		expect(tokenUrlFor('https://acme.coupahost.com:443/')).toBe(
			'https://acme.coupahost.com/oauth2/token',
		);
	});

	test("the token URL and the Test button's URL use the same rule", () => {
		// The Domain is read from the form's slot (authUrl) or, for credentials saved by 0.1, `domain`.
		const domainOf = (ref) =>
			`((${ref}["authUrl"] || "").trim() ? ${ref}["authUrl"] : ${ref}["domain"])`;
		expect(credentialType.test.request.baseURL).toBe(
			`={{ (${normalizeCoupaDomain.toString()})(${domainOf('$credentials')}) }}`,
		);
		expect(credentialType.properties.find((p) => p.name === 'accessTokenUrl').default).toBe(
			`={{ (${normalizeCoupaDomain.toString()})(${domainOf('$self')}) }}/oauth2/token`,
		);
	});

	test('the form says what the Domain may hold', () => {
		const domain = credentialType.properties.find((p) => p.name === 'authUrl');
		expect(domain.displayName).toBe('Domain');
		expect(domain.description).toMatch(/Only a host name and an optional port/);
	});
});

describe('Redirects: the token never follows a redirect to another origin', () => {
	test.each([301, 302, 303, 307, 308])(
		'a %i to another host fails naming it, and nothing reaches that host',
		async (status) => {
			fake = await startCoupa();
			fake.faults.redirect({ to: evil.url, status });
			const store = credentialFor(fake, 'core.supplier.read');
			const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
			expect(error.message).toBe(
				`Coupa redirected Get Supplier to another host, ${evil.host}. The redirect was not followed, so the access token was not sent there`,
			);
			expect(error.description).toMatch(
				new RegExp(
					`never followed\\. If your Coupa instance now lives at ${evil.host}, change the credential's Domain`,
				),
			);
			expect(error.httpCode).toBe(String(status));
			expect(apiCalls(fake)).toEqual(['GET /api/suppliers/1']);
			expect(evil.connections).toBe(0);
			expect(everythingIn(error)).not.toContain(fake.tokens[0].accessToken);
		},
	);

	test('a write redirected to another host is not sent there either (307 keeps method and body)', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: evil.url, status: 307 });
		const store = credentialFor(fake, 'core.supplier.write');
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'create', name: 'Redirected Ltd' },
		}).catch((e) => e);
		expect(error.message).toMatch(
			new RegExp(`^Coupa redirected Create Supplier to another host, ${evil.host}\\.`),
		);
		expect(evil.connections).toBe(0);
		expect(fake.store.list('suppliers').filter((s) => s.name === 'Redirected Ltd')).toHaveLength(0);
	});

	test('the same host with another scheme or port is another origin', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: `https://127.0.0.1:${fake.port}/api/suppliers/1`, status: 301 });
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toMatch(
			new RegExp(
				`^Coupa redirected Get Supplier to another host, https://127\\.0\\.0\\.1:${fake.port}\\. The redirect was not followed`,
			),
		);
		expect(apiCalls(fake)).toEqual(['GET /api/suppliers/1']);
	});

	test('a redirect within the API of the same origin is followed for a read, with the same token', async () => {
		fake = await startCoupa();
		fake.faults.redirect({
			to: `${fake.url}/api/suppliers/2`,
			status: 301,
			path: '/api/suppliers/1',
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: getSupplier('1') });
		expect(output[0].json.id).toBe(2);
		const calls = fake.apiRequests();
		expect(calls.map((c) => [c.path, c.status])).toEqual([
			['/api/suppliers/1', 301],
			['/api/suppliers/2', 200],
		]);
		expect(calls[1].headers.authorization).toBe(`Bearer ${fake.tokens[0].accessToken}`);
	});

	test('a relative Location keeps its query', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: '/api/suppliers?name=nobody-by-this-name', status: 302 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: customCall('GET', '/api/suppliers') });
		expect(output).toEqual([]);
		expect(fake.apiRequests().map((c) => `${c.path}?${c.rawQuery}`)).toEqual([
			'/api/suppliers?',
			'/api/suppliers?name=nobody-by-this-name',
		]);
	});

	test('a 307 or 308 to a write is sent again, once, to the same origin: HTTP says it was not carried out', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: `${fake.url}/api/suppliers/3`, status: 308 });
		const store = credentialFor(fake, 'core.supplier.write');
		const output = await runNode({
			store,
			parameters: customCall('PUT', '/api/suppliers/999', { body: '{"display-name":"Moved Ltd"}' }),
		});
		expect(output[0].json.id).toBe(3);
		expect(fake.store.get('suppliers', 3)['display-name']).toBe('Moved Ltd');
		expect(fake.apiRequests().map((c) => [c.method, c.path, c.status])).toEqual([
			['PUT', '/api/suppliers/999', 308],
			['PUT', '/api/suppliers/3', 200],
		]);
	});

	test.each([301, 302, 303])(
		'a %i to a write is not resent: the change may already have been made',
		async (status) => {
			fake = await startCoupa();
			fake.faults.redirect({ to: `${fake.url}/api/suppliers/1`, status });
			const store = credentialFor(fake, 'core.supplier.write');
			const before = fake.store.count('suppliers');
			const error = await runNode({
				store,
				parameters: { resource: 'supplier', operation: 'create', name: 'Maybe Made Ltd' },
			}).catch((e) => e);
			expect(error.message).toBe(
				`Coupa answered Create Supplier with a redirect (HTTP ${status}) to /api/suppliers/1: the change may already have been made`,
			);
			expect(error.description).toMatch(
				/was not sent again\. Check the record in Coupa before running the node again/,
			);
			expect(apiCalls(fake)).toEqual(['POST /api/suppliers']);
			expect(fake.store.count('suppliers')).toBe(before);
		},
	);

	test('a redirect out of /api/ (a login page) is not followed', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: `${fake.url}/sessions/new`, status: 302 });
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			'Coupa redirected Get Supplier to /sessions/new, outside the API. The redirect was not followed',
		);
		expect(fake.requests.map((r) => r.path)).toEqual(['/oauth2/token', '/api/suppliers/1']);
	});

	test('a redirect that names no target, and an endless one, fail clearly', async () => {
		fake = await startCoupa();
		fake.faults.redirect({ to: null, status: 302 });
		const store = credentialFor(fake, 'core.supplier.read');
		let error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			'Coupa answered Get Supplier with a redirect (HTTP 302) that names no target',
		);
		fake.clearRequests();
		fake.faults.redirect({ to: `${fake.url}/api/suppliers/1`, status: 302, count: 100 });
		error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe('Coupa redirected Get Supplier more than 5 times');
		expect(apiCalls(fake)).toHaveLength(6);
	});
});

describe('Token answers and token-endpoint redirects', () => {
	const noCoupaResponse = (error) => {
		expect(error.description).not.toMatch(/See the Coupa response/);
		expect(error.description).toMatch(/There is no Coupa error to show/);
		expect(everythingIn(error)).not.toContain(SECRET);
	};

	test('a 200 {} without access_token', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({ status: 200, body: '{}' });
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe("Coupa's token endpoint answered without an access token");
		noCoupaResponse(error);
		expect(apiCalls(fake)).toEqual([]);
	});

	test('an HTML page instead of a token', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({
			status: 200,
			body: '<html><body>Sign in</body></html>',
			headers: { 'Content-Type': 'text/html; charset=utf-8' },
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with text/html (HTTP 200) instead of a token",
		);
		noCoupaResponse(error);
	});

	test('an HTML page when n8n re-mints after a 401', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.supplier.read');
		await runNode({ store, parameters: getSupplier() });
		fake.faults.revokeTokens();
		fake.faults.tokenAnswer({
			status: 200,
			body: '<html><body>Maintenance</body></html>',
			headers: { 'Content-Type': 'text/html' },
		});
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with text/html (HTTP 200) instead of a token",
		);
		noCoupaResponse(error);
		expect(everythingIn(error)).not.toContain(fake.tokens[0].accessToken);
	});

	test("a redirect n8n can't follow (no Location) says it was a redirect", async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({ status: 302, body: '', headers: {} });
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with a redirect (HTTP 302) instead of a token",
		);
		expect(error.description).toMatch(
			/n8n's OAuth2 code, not this node, makes the token request, and it follows redirects/,
		);
		expect(apiCalls(fake)).toEqual([]);
	});

	test('a token-endpoint redirect loop says it was a redirect', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({
			count: 50,
			status: 307,
			body: '',
			headers: { Location: `${fake.url}/oauth2/token` },
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with a redirect instead of a token",
		);
		expect(error.description).toMatch(/the redirects never ended/);
		expect(apiCalls(fake)).toEqual([]);
	});

	// What n8n's OAuth2 code (@n8n/client-oauth2, axios) does with a token-endpoint redirect, as
	// docs/security.md states it ("The token request"). The node can't change it: it only sets the token URL.
	test('n8n follows a token-endpoint 302 as a GET without the form; the error names the redirect as a cause', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({
			status: 302,
			body: '',
			headers: { Location: `${evil.url}/oauth2/token` },
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(evil.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			['GET', '/oauth2/token', ''],
		]);
		expect(JSON.stringify(evil.requests)).not.toContain(SECRET);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with text/html (HTTP 404) instead of a token",
		);
		expect(error.description).toMatch(/or the token request was redirected to such a host/);
		expect(error.description).toMatch(
			/a 307 or 308 re-sends the form with the Client ID and Secret to the new address/,
		);
		expect(apiCalls(fake)).toEqual([]);
	});

	test('n8n follows a token-endpoint 307 and re-posts the form, Secret included (docs/security.md warns)', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({
			status: 307,
			body: '',
			headers: { Location: `${evil.url}/oauth2/token` },
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(evil.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/oauth2/token']]);
		expect(new URLSearchParams(evil.requests[0].body).get('client_secret')).toBe(SECRET);
		expect(error.message).toBe(
			"Coupa's token endpoint answered with text/html (HTTP 404) instead of a token",
		);
		expect(everythingIn(error)).not.toContain(SECRET);
	});
});

describe('Redaction covers tokens minted during the call', () => {
	// Opaque tokens have no JWT or "Bearer" shape: only the tokens the node re-reads redact them.
	test.each([
		['JWT-shaped, as Coupa mints them', false],
		['opaque', true],
	])(
		'a token n8n re-mints after a 401, echoed by Coupa, is redacted (%s)',
		async (_shape, opaqueTokens) => {
			fake = await startCoupa({ opaqueTokens });
			const store = credentialFor(fake, 'core.supplier.read core.supplier.write');
			await runNode({ store, parameters: getSupplier() });
			fake.faults.revokeTokens();
			fake.faults.echoToken({ status: 400 });
			const error = await runNode({
				store,
				parameters: {
					resource: 'supplier',
					operation: 'update',
					id: '1',
					updateFields: { website: 'https://echo.example' },
				},
			}).catch((e) => e);
			expect(fake.tokens).toHaveLength(2);
			// The refused update, then the renewal's first try with the same stored token (tokenGate.ts).
			expect(fake.apiRequests().map((c) => c.status)).toEqual([200, 401, 401, 400]);
			expect(error.message).toBe(
				'Coupa rejected Update Supplier: Request with token [redacted] refused: this token may not change the record',
			);
			const seen = everythingIn(error);
			for (const token of fake.tokens) expect(seen).not.toContain(token.accessToken);
			expect(seen).not.toContain(SECRET);
		},
	);
});

describe("Custom API Call: only paths below /api/ of the credential's Coupa", () => {
	const refusedPaths = (fakeUrl, evilHost) => [
		['suppliers/../users/3', /dot segment/],
		['/api/suppliers/../users/3', /dot segment/],
		['/api/suppliers/./1', /dot segment/],
		['..', /dot segment/],
		['/api/..', /dot segment/],
		['%2e%2e/oauth2/token', /dot segment/],
		['/api/%2E%2E/oauth2/token', /dot segment/],
		['/api/suppliers/%2e./users/3', /dot segment/],
		['/api/suppliers/%252e%252e/users/3', /dot segment/],
		['/api/suppliers/%25252E%25252E/users/3', /dot segment/],
		['suppliers%2f..%2fusers', /encoded slash or backslash/],
		['suppliers%5c..%5cusers', /encoded slash or backslash/],
		['suppliers/%255c', /encoded slash or backslash/],
		['/api\\..\\oauth2\\token', /backslash/],
		['\\\\127.0.0.1/api/users', /backslash/],
		[`//${evilHost}/api/users`, /starts with "\/\/"/],
		[
			`http://${evilHost}/api/users`,
			new RegExp(`points at ${evilHost}, not at the credential's Coupa`),
		],
		['https://evil.example/api/users', /points at evil\.example, not at the credential's Coupa/],
		[`${fakeUrl.replace('://', '://someone@')}/api/users`, /not at the credential's Coupa/],
		[`${fakeUrl.replace('http:', 'https:')}/api/users`, /not at the credential's Coupa/],
		['javascript:alert(1)', /starts with a scheme/],
		['/api/', /names no Coupa API path below \/api\//],
		['api', /names no Coupa API path/],
		['/api//127.0.0.1/users', /names no Coupa API path/],
		['suppliers#fragment', /fragment/],
		['suppliers/%zz', /malformed percent-encoding/],
		['suppliers/1 /x', /spaces or control characters/],
		['suppliers/1\t/x', /spaces or control characters/],
		['suppliers/\u0001', /spaces or control characters/],
	];

	test('each refused path fails before anything is sent, not even the token request', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, allScopes());
		for (const [path, why] of refusedPaths(fake.url, evil.host)) {
			for (const method of ['GET', 'DELETE']) {
				const error = await runNode({ store, parameters: customCall(method, path) }).catch(
					(e) => e,
				);
				expect([path, error.message]).toEqual([path, expect.stringMatching(why)]);
				expect(error.message.startsWith(`"${path}" can't be called: `)).toBe(true);
				expect(error.description).toMatch(
					/^Nothing was sent\. Enter a path below \/api on the credential's Coupa/,
				);
			}
		}
		expect(fake.requests).toHaveLength(0);
		expect(evil.connections).toBe(0);
	});

	test('paths that stay below /api/ are called as written, encoded unreserved letters decoded', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, allScopes());
		for (const path of [
			`${fake.url}/api/suppliers/1`,
			'/api/suppliers/1',
			'api/suppliers/1',
			'suppliers/1',
			'/%73uppliers/%31',
			'suppliers/1?fields=["id"]',
		]) {
			const output = await runNode({ store, parameters: customCall('GET', path) });
			expect([path, output[0].json.id]).toEqual([path, 1]);
		}
		expect(apiCalls(fake)).toEqual(Array(6).fill('GET /api/suppliers/1'));
		expect(evil.connections).toBe(0);
	});

	test('the scope Coupa asks for is judged on the path really called, not as typed', async () => {
		fake = await startCoupa({ scopeDeniedStatus: 403 });
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({ store, parameters: customCall('GET', '/api/%75sers/1') }).catch(
			(e) => e,
		);
		expect(error.message).toBe(
			'Coupa refused GET /api/users/1 (HTTP 403): the credential lacks the scope core.user.read',
		);
		expect(apiCalls(fake)).toEqual(['GET /api/users/1']);
	});

	test('resolveCustomApiPath, the pure rule', () => {
		const base = 'https://acme.coupahost.com';
		expect(resolveCustomApiPath('https://ACME.coupahost.com:443/api/invoices?x=1', base)).toEqual({
			path: 'invoices?x=1',
		});
		expect(resolveCustomApiPath(' /api/receiving_transactions ', base)).toEqual({
			path: 'receiving_transactions',
		});
		expect(resolveCustomApiPath('/api/suppliers/%41cme%20Ltd', base)).toEqual({
			path: 'suppliers/Acme%20Ltd',
		});
		expect(resolveCustomApiPath('/api/suppliers?name=a/../b', base)).toEqual({
			path: 'suppliers?name=a/../b',
		});
		expect(
			resolveCustomApiPath('https://acme.coupahost.com.evil.example/api/users', base),
		).toHaveProperty('problem');
		expect(resolveCustomApiPath('http://acme.coupahost.com/api/users', base)).toHaveProperty(
			'problem',
		);
	});
});

describe('Scopes typed with commas', () => {
	test.each([
		['core.supplier.read,core.invoice.read', 'commas'],
		['core.supplier.read, core.invoice.read', 'commas'],
		['core.supplier.read;core.invoice.read', 'semicolons'],
		['core.supplier.read\ncore.invoice.read', 'line breaks'],
		['core.supplier.read\tcore.invoice.read', 'tabs'],
	])('%p fails before any request, saying scopes are separated by spaces', async (scope, what) => {
		fake = await startCoupa();
		const store = credentialFor(fake, scope);
		const error = await runNode({ store, parameters: getSupplier() }).catch((e) => e);
		expect(error.message).toBe(
			`The credential's OAuth Scope contains ${what}: scopes must be separated by spaces. n8n sends the field to Coupa exactly as typed, so Coupa would refuse the token. Open the credential and separate the scopes with single spaces, e.g. "profile core.common.read core.invoice.read".`,
		);
		expect(fake.requests).toHaveLength(0);
	});

	test('the form says so too', () => {
		const scope = credentialType.properties.find((p) => p.name === 'scope');
		expect(scope.description).toMatch(
			/separated by single spaces, not commas: n8n sends this field to Coupa as typed/,
		);
		const notice = credentialType.properties.find((p) => p.name === 'scopeNotice');
		expect(notice.displayName).toMatch(/separated by spaces \(not commas\)/);
	});
});

describe('Rate limiter key: one limit per instance, however it is spelled', () => {
	test('the key is the normalised origin', () => {
		const same = (...urls) => expect(new Set(urls.map(coupaOriginKey)).size).toBe(1);
		same(
			'http://localhost:4010',
			'http://127.0.0.1:4010',
			'http://LOCALHOST:4010/',
			'http://127.0.0.2:4010',
			'http://[::1]:4010',
		);
		same(
			'https://acme.coupahost.com',
			'https://acme.coupahost.com:443',
			'https://ACME.CoupaHost.com.',
			'HTTPS://acme.coupahost.com/api',
		);
		same('http://localhost', 'http://127.0.0.1:80');
		expect(coupaOriginKey('https://acme.coupahost.com')).not.toBe(
			coupaOriginKey('https://acme-test.coupahost.com'),
		);
		expect(coupaOriginKey('http://localhost:4010')).not.toBe(
			coupaOriginKey('http://localhost:4011'),
		);
		expect(coupaOriginKey('http://localhost:4010')).not.toBe(
			coupaOriginKey('https://localhost:4010'),
		);
		expect(coupaOriginKey('https://acme.coupahost.com:8443')).not.toBe(
			coupaOriginKey('https://acme.coupahost.com'),
		);
		// Every spelling the Domain field accepts for one instance gives one key.
		same(
			...[
				'acme',
				'acme.coupahost.com',
				'https://acme.coupahost.com:443/',
				'ACME.coupahost.com.',
			].map(normalizeCoupaDomain),
		);
	});

	test('two spellings of one instance running at once share one limit: Coupa never answers 429', async () => {
		fake = await startCoupa({ seed: { suppliers: 1500 } });
		// Coupa's own bucket (25 a second, burst 20) plus a margin for loopback jitter; two separate
		// limits would send up to 48 a second and overflow it.
		fake.faults.rateLimit({ perSecond: 25, burst: 30 });
		const spellings = [`http://localhost:${fake.port}`, `http://127.0.0.1:${fake.port}`];
		const runs = spellings.map((domain) =>
			runNode({
				store: credentialFor(fake, 'core.supplier.read', { domain }),
				parameters: { resource: 'supplier', operation: 'getAll', returnAll: true },
			}),
		);
		const outputs = await Promise.all(runs);
		for (const output of outputs) expect(output).toHaveLength(1500);
		expect(fake.apiRequests().length).toBeGreaterThanOrEqual(60);
		expect(fake.stats.rateLimited).toBe(0);
	}, 60_000);
});
