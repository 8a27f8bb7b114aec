/**
 * Custom API Call's "Documented Endpoint": every operation of Coupa's R39 specs one search away,
 * filling method and path. What must be listed comes from the contract's R39 table
 * (test/fake-coupa/contract/_r39.mjs, generated from the specs), never from the node's list.
 */
import { R39_ROUTES } from './fake-coupa/contract/_r39.mjs';
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { loadOptions, runNode } from './harness/n8n.mjs';

const rl = (value, mode = 'list') => ({ __rl: true, mode, value });

/** Every entry of the list, following its pages. */
async function everyEntry(store, filter) {
	const entries = [];
	let paginationToken;
	do {
		const page = await loadOptions({
			store,
			kind: 'listSearch',
			method: 'searchDocumentedEndpoints',
			parameters: { resource: 'customApiCall', operation: 'request' },
			filter,
			paginationToken,
		});
		entries.push(...page.results);
		paginationToken = page.paginationToken;
	} while (paginationToken);
	return entries;
}

describe('Custom API Call: documented endpoints', () => {
	let fake;
	let store;
	beforeAll(async () => {
		fake = await startCoupa();
		store = credentialFor(fake, 'core.supplier.read core.integration.write core.common.read');
	});
	afterAll(async () => fake.close());
	beforeEach(() => fake.clearRequests());

	test('the list holds every method and path of the R39 specs, once, with summary and scopes', async () => {
		const entries = await everyEntry(store);
		const documented = R39_ROUTES.map((row) => `${row.method} ${row.path}`);
		expect(new Set(documented).size).toBe(809);
		expect(new Set(R39_ROUTES.map((row) => row.path)).size).toBe(457);
		expect(entries.map((entry) => entry.value).sort()).toEqual([...documented].sort());
		for (const row of R39_ROUTES) {
			const entry = entries.find((e) => e.value === `${row.method} ${row.path}`);
			expect(entry.name).toContain(row.summary);
			expect(entry.name).toContain(
				row.scopes.length ? row.scopes.join(' or ') : 'scope not documented',
			);
		}
		// No request to Coupa: the list is part of the package.
		expect(fake.apiRequests()).toEqual([]);
	});

	test('a search keeps the entries holding every word typed', async () => {
		const entries = await everyEntry(store, 'PUT integration_runs finish');
		expect(entries.map((entry) => entry.value)).toEqual(['PUT /api/integration_runs/{id}/finish']);
		const sites = await everyEntry(store, 'supplier_sites core.supplier.read');
		expect(sites.map((entry) => entry.value).sort()).toEqual([
			'GET /api/supplier_sites',
			'GET /api/supplier_sites/{id}',
			'GET /api/suppliers/{supplier_id}/supplier_sites',
			'GET /api/suppliers/{supplier_id}/supplier_sites/{id}',
		]);
	});

	test('a picked endpoint sets method and path; its placeholders come from Path Parameters', async () => {
		const run = fake.store.list('integration_runs')[0];
		const before = run['updated-at'];
		const [item] = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('PUT /api/integration_runs/{id}/finish'),
				pathParameters: { parameter: [{ name: 'id', value: String(run.id) }] },
				body: '{"total-records": 3}',
			},
		});
		expect(fake.apiRequests()).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/api/integration_runs/${run.id}/finish`,
				body: { 'total-records': 3 },
			}),
		]);
		expect(item.json.id).toBe(run.id);
		expect(fake.store.get('integration_runs', run.id)['updated-at']).not.toBe(before);
	});

	test('a typed endpoint in the Method and Path mode works the same', async () => {
		const supplier = fake.store.list('suppliers')[0];
		await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('GET /api/suppliers/{supplier_id}/supplier_sites', 'endpoint'),
				pathParameters: { parameter: [{ name: 'supplier_id', value: String(supplier.id) }] },
			},
		});
		expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/suppliers/${supplier.id}/supplier_sites`,
		]);
	});

	test('a missing or hostile placeholder value fails the item before anything is sent', async () => {
		const missing = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('GET /api/suppliers/{supplier_id}/supplier_sites/{id}'),
				pathParameters: { parameter: [{ name: 'supplier_id', value: '4' }] },
			},
		}).catch((error) => error);
		expect(missing.message).toBe('The endpoint needs {id}: add it under Path Parameters');
		const hostile = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('GET /api/suppliers/{id}'),
				pathParameters: { parameter: [{ name: 'id', value: '../../oauth2/token' }] },
			},
		}).catch((error) => error);
		expect(hostile.message).toMatch(/can't be called: it contains an encoded slash/);
		const dots = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('GET /api/suppliers/{id}'),
				pathParameters: { parameter: [{ name: 'id', value: '..' }] },
			},
		}).catch((error) => error);
		expect(dots.message).toMatch(/dot segment/);
		const notAnEndpoint = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('TRACE /api/suppliers', 'endpoint'),
			},
		}).catch((error) => error);
		expect(notAnEndpoint.message).toMatch(/is not an endpoint/);
		expect(fake.apiRequests()).toEqual([]);
	});

	test('without a picked endpoint, the typed Method and Path are used as before', async () => {
		await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl(''),
				method: 'GET',
				path: 'supplier_sites',
			},
		});
		expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/supplier_sites',
		]);
	});

	test("a refusal names the scopes the scope map grants for the endpoint's route", async () => {
		const narrow = credentialFor(fake, 'core.common.read');
		const error = await runNode({
			store: narrow,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: rl('GET /api/supplier_sites'),
			},
		}).catch((e) => e);
		const row = R39_ROUTES.find((r) => r.method === 'GET' && r.path === '/api/supplier_sites');
		expect(row.scopes).toEqual(['core.supplier.read', 'core.supplier_sites.read']);
		expect(error.message).toContain(row.scopes.join(', '));
	});
});
