import { allScopes, apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const SECRET = 'n8n-test-secret';
const listSuppliers = (extra = {}) => ({
	resource: 'supplier',
	operation: 'getAll',
	returnAll: true,
	...extra,
});

/** Supplier ids returned by a Get Many, checked to be unique and ascending. */
function idsOf(output) {
	const ids = output.map((item) => item.json.id);
	expect(new Set(ids).size).toBe(ids.length);
	expect([...ids].sort((a, b) => a - b)).toEqual(ids);
	return ids;
}

describe('retries', () => {
	let fake;
	afterEach(async () => fake?.close());

	test('a 429 storm is survived with no record lost or duplicated', async () => {
		fake = await startCoupa({ seed: { suppliers: 240 } });
		fake.faults.rateLimit({ perSecond: 6, burst: 2 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers() });
		expect(idsOf(output)).toEqual(fake.store.list('suppliers').map((s) => s.id));
		expect(fake.stats.rateLimited).toBeGreaterThan(0);
	}, 60_000);

	test('Retry-After is honoured', async () => {
		fake = await startCoupa();
		fake.faults.rateLimit({ perSecond: 1, burst: 1, retryAfter: 1 });
		const store = credentialFor(fake, 'core.supplier.read');
		await runNode({ store, parameters: { resource: 'supplier', operation: 'get', id: '1' } });
		await runNode({ store, parameters: { resource: 'supplier', operation: 'get', id: '2' } });
		const calls = fake.apiRequests().filter((c) => c.path === '/api/suppliers/2');
		expect(calls.map((c) => c.status)).toEqual([429, 200]);
		expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(950);
	});

	test('5xx is retried until Coupa answers', async () => {
		fake = await startCoupa();
		fake.faults.serverErrors({ count: 2, status: 503 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'get', id: '3' },
		});
		expect(output[0].json.id).toBe(3);
		expect(fake.apiRequests().map((c) => c.status)).toEqual([503, 503, 200]);
	});

	test("a 400 is not retried and reads as Coupa's validation message", async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.supplier.write');
		const existing = fake.store.get('suppliers', 1).name;
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'create', name: existing },
		}).catch((e) => e);
		expect(error.message).toBe(
			'Coupa rejected Create Supplier: supplier: Name has already been taken',
		);
		expect(error.description).toMatch(/Correct the values/);
		expect(error.httpCode).toBe('400');
		expect(apiCalls(fake)).toEqual(['POST /api/suppliers']);
	});

	test('a read whose connection drops is retried', async () => {
		fake = await startCoupa();
		fake.faults.dropConnections({ count: 2 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'get', id: '2' },
		});
		expect(output[0].json.id).toBe(2);
		expect(fake.apiRequests()).toHaveLength(3);
	});

	test('a token that expires mid-paging is re-minted by n8n and paging goes on', async () => {
		fake = await startCoupa({ seed: { suppliers: 260 } });
		fake.faults.latency({ ms: 60 });
		const store = credentialFor(fake, 'core.supplier.read');
		const revoke = setTimeout(() => fake.faults.revokeTokens(), 200);
		const output = await runNode({
			store,
			parameters: listSuppliers({ options: { pageWindow: 1 } }),
		});
		clearTimeout(revoke);
		expect(idsOf(output)).toEqual(fake.store.list('suppliers').map((s) => s.id));
		expect(fake.tokens).toHaveLength(2);
		// The refused request, then the same token once more as the renewal, after which n8n mints.
		const refused = fake.apiRequests().filter((c) => c.status === 401);
		expect(refused).toHaveLength(2);
		for (const call of refused)
			expect(call.headers.authorization).toBe(`Bearer ${fake.tokens[0].accessToken}`);
		expect(store.tokenSaves).toBe(2);
		expect(store.data.oauthTokenData.access_token).toBe(fake.tokens[1].accessToken);
	});
});

/** The custom call skips the scope pre-check, so Coupa itself answers it. */
const getUserByCustomCall = {
	resource: 'customApiCall',
	operation: 'request',
	method: 'GET',
	path: '/api/users/1',
};

describe('scopes', () => {
	let fake;
	/** Get User by Custom API Call, against a fake that answers a missing scope with `status`. */
	async function refusedUserCall(status) {
		fake = await startCoupa({ scopeDeniedStatus: status });
		const store = credentialFor(fake, 'core.supplier.read');
		return await runNode({ store, parameters: getUserByCustomCall }).catch((e) => e);
	}
	afterEach(async () => fake?.close());

	test('a missing scope fails before anything is sent, naming the scope and where to add it', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({
			store,
			parameters: { resource: 'invoice', operation: 'void', id: '1' },
		}).catch((e) => e);
		expect(error.message).toBe(
			'Void Invoice needs the scope core.invoice.delete, which this credential does not have',
		);
		expect(error.description).toBe(
			"Add core.invoice.delete to the Coupa OAuth client (Setup → Integrations → OAuth2/OpenID Connect Clients) and to the OAuth Scope of this n8n credential. Coupa's rule: the scopes on the n8n credential must be exactly the scopes granted to the Coupa OAuth client.",
		);
		expect(error.context.itemIndex).toBe(0);
		expect(fake.requests).toHaveLength(0);
	});

	test('any one of several candidate scopes is enough', async () => {
		fake = await startCoupa();
		// Receiving transactions: core.inventory.receiving.read, or .write, which also grants index and show.
		const store = credentialFor(fake, 'core.inventory.receiving.write');
		const output = await runNode({
			store,
			parameters: { resource: 'receivingTransaction', operation: 'get', id: '1' },
		});
		expect(output[0].json.id).toBe(1);
	});

	test('a scope the Coupa client lacks makes the token call fail with the rule', async () => {
		fake = await startCoupa({
			clients: [
				{
					clientId: 'n8n-test-client',
					clientSecret: SECRET,
					scopes: ['login', 'core.common.read'],
				},
			],
		});
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		}).catch((e) => e);
		expect(error.message).toMatch(
			/^Coupa refused to issue a token: the credential asks for a scope the Coupa OAuth client was not granted/,
		);
		expect(error.message).toMatch(/core\.supplier\.read/);
		expect(error.description).toMatch(/must be exactly the scopes granted/);
	});

	test('a 403 from Coupa names the scope the operation needs', async () => {
		const error = await refusedUserCall(403);
		expect(error.message).toBe(
			'Coupa refused GET /api/users/1 (HTTP 403): the credential lacks the scope core.user.read',
		);
		expect(error.description).toMatch(
			/Add core\.user\.read to the Coupa OAuth client .* and to the OAuth Scope of this n8n credential/,
		);
	});

	test('a 401 is a refused token, not a missing scope: a new token is tried, then the refusal named', async () => {
		const error = await refusedUserCall(401);
		expect(error.message).toBe(
			'Coupa refused the access token for GET /api/users/1 (HTTP 401), also a newly issued one',
		);
		expect(error.message).not.toMatch(/scope/);
		// The first token, and one more after Coupa refused it.
		expect(fake.tokens).toHaveLength(2);
	});
});

describe('errors', () => {
	let fake;
	afterEach(async () => fake?.close());

	test('404 names the object and the id', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, allScopes());
		const error = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'get', id: '987654' },
		}).catch((e) => e);
		expect(error.message).toBe('Purchase Order 987654 was not found in Coupa');
		expect(error.httpCode).toBe('404');
	});

	test('an HTML error page from a proxy does not crash the parsing', async () => {
		fake = await startCoupa();
		// Retry-After 0 keeps the test fast; the back-off itself is pinned in write-safety and retry tests.
		fake.faults.serverErrors({ count: 6, status: 502, retryAfter: 0 });
		const store = credentialFor(fake, allScopes());
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		}).catch((e) => e);
		expect(error.message).toBe('Coupa is unavailable (HTTP 502) after 6 attempts');
		expect(fake.apiRequests()).toHaveLength(6);
	});

	test('a 200 login page from a proxy becomes a clear error, not a crash', async () => {
		fake = await startCoupa();
		fake.faults.serverErrors({
			count: 1,
			status: 200,
			body: '<html><body><form action="/sso">Sign in</form></body></html>',
		});
		const store = credentialFor(fake, allScopes());
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		}).catch((e) => e);
		expect(error.message).toBe('Coupa answered Get Supplier with XML or HTML instead of JSON');
		expect(error.description).toMatch(/proxy or login page/);
		expect(fake.apiRequests()).toHaveLength(1);
	});

	test('every request asks for JSON (Coupa answers XML otherwise)', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, allScopes());
		await runNode({ store, parameters: { resource: 'supplier', operation: 'getAll', limit: 2 } });
		await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'update',
				id: '1',
				updateFields: { website: 'https://x.example' },
			},
		});
		for (const call of fake.apiRequests()) expect(call.headers.accept).toBe('application/json');
		expect(fake.apiRequests()[1].headers['content-type']).toMatch(/application\/json/);
		const xml = await fetch(`${fake.url}/api/suppliers/1`, {
			headers: { Authorization: `Bearer ${fake.tokens[0].accessToken}` },
		});
		expect(xml.headers.get('content-type')).toMatch(/xml/);
	});

	test('no error, message or description ever contains the secret or a token', async () => {
		fake = await startCoupa({
			clients: [
				{
					clientId: 'n8n-test-client',
					clientSecret: SECRET,
					scopes: ['login', 'core.common.read', 'core.supplier.read', 'core.supplier.write'],
				},
			],
		});
		const store = credentialFor(fake, 'core.supplier.read core.supplier.write');
		const failures = [];
		const attempt = async (parameters, prepare = () => {}) => {
			prepare();
			failures.push(await runNode({ store, parameters }).catch((e) => e));
		};
		await attempt({
			resource: 'supplier',
			operation: 'create',
			name: fake.store.get('suppliers', 1).name,
		});
		await attempt({ resource: 'supplier', operation: 'get', id: '424242' });
		await attempt({
			resource: 'customApiCall',
			operation: 'request',
			method: 'GET',
			path: '/api/users',
		});
		await attempt({ resource: 'supplier', operation: 'get', id: '1' }, () =>
			fake.faults.serverErrors({ count: 6, status: 500, retryAfter: 0 }),
		);
		const wrongSecret = credentialFor(fake, 'core.supplier.read', {
			clientSecret: 'wrong-secret-value',
		});
		failures.push(
			await runNode({
				store: wrongSecret,
				parameters: { resource: 'supplier', operation: 'get', id: '1' },
			}).catch((e) => e),
		);
		expect(failures.every((f) => f instanceof Error)).toBe(true);
		expect(failures[4].message).toMatch(/^Coupa refused the Client ID or Client Secret/);
		const secrets = [SECRET, 'wrong-secret-value', ...fake.tokens.map((t) => t.accessToken)];
		expect(fake.tokens.length).toBeGreaterThan(0);
		for (const failure of failures) {
			const text = [
				failure.message,
				failure.description,
				JSON.stringify(failure),
				JSON.stringify(failure.cause ?? null),
			].join('\n');
			for (const secret of secrets) expect(text).not.toContain(secret);
		}
	}, 30_000);
});
