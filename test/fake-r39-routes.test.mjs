/**
 * The fake Coupa serves every operation of Coupa's R39 specs (the contract's R39 table,
 * test/fake-coupa/contract/_r39.mjs), except those a Compass page rules out (NOT_ROUTES), and
 * the collections they add come with seed data.
 */
import { R39_ROUTES } from './fake-coupa/contract/_r39.mjs';
import { NOT_ROUTES, ROUTES, routeKey } from './fake-coupa/contract/index.mjs';
import { MORE_COUNTS } from './fake-coupa/seed-more.mjs';
import { accessToken, startCoupa } from './harness/setup.mjs';

describe('the fake serves the R39 routes', () => {
	let fake;
	let bearer;
	beforeAll(async () => {
		fake = await startCoupa();
		bearer = (await accessToken(fake)).access_token;
	});
	afterAll(async () => fake.close());

	test('every R39 operation is a contract route, but those a Compass page rules out', () => {
		const routes = new Set(ROUTES.map(routeKey));
		const ruledOut = new Set(NOT_ROUTES.map(routeKey));
		expect(NOT_ROUTES.every((row) => row.source)).toBe(true);
		const missing = R39_ROUTES.filter(
			(row) => !routes.has(routeKey(row)) && !ruledOut.has(routeKey(row)),
		);
		expect(missing).toEqual([]);
		for (const row of R39_ROUTES) {
			expect(row.source).toMatch(/^R39_\w+\.json paths\.\/\S+ (get|post|put|patch|delete)$/);
			expect(row.scopeSource).toEqual(expect.any(String));
		}
	});

	test('the collections the R39 rows add are seeded', () => {
		for (const [path, [count]] of Object.entries(MORE_COUNTS))
			expect([path, fake.store.list(path).length]).toEqual([path, count]);
	});

	test('each route answers (no "No route matches", no server error)', async () => {
		const answers = [];
		for (const row of R39_ROUTES.filter(
			(r) => !NOT_ROUTES.some((n) => routeKey(n) === routeKey(r)),
		)) {
			// The first seeded record of the collection, or 1.
			const id = String(fake.store.list(row.collection)[0]?.id ?? 1);
			const path = row.path.replace(/\(\/\{[^}]+\}\)/g, '').replace(/\{[^}]+\}/g, id);
			const res = await fetch(`${fake.url}${path}`, {
				method: row.method,
				headers: {
					Authorization: `Bearer ${bearer}`,
					Accept: 'application/json',
					'Content-Type': 'application/json',
				},
				body: row.method === 'GET' || row.method === 'DELETE' ? undefined : '{}',
			});
			const text = await res.text();
			answers.push({ route: `${row.method} ${row.path}`, status: res.status, text });
		}
		const unserved = answers.filter(
			(a) => a.status >= 500 || /No route matches/.test(a.text) || a.status === 401,
		);
		expect(unserved.map((a) => `${a.route} → ${a.status} ${a.text.slice(0, 80)}`)).toEqual([]);
	});

	test("a nested R39 list holds the parent record's records only", async () => {
		const supplier = fake.store.list('supplier_sites')[0]['supplier-id'];
		const res = await fetch(
			`${fake.url}/api/suppliers/${supplier}/supplier_sites/${fake.store.list('supplier_sites')[0].id}`,
			{
				headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
			},
		);
		expect(res.status).toBe(200);
		const request = fake.store.list('quote_requests')[0];
		const responses = await fetch(`${fake.url}/api/quote_requests/${request.id}/quote_responses`, {
			headers: { Authorization: `Bearer ${bearer}`, Accept: 'application/json' },
		}).then((r) => r.json());
		expect(responses.length).toBeGreaterThan(0);
		expect(responses.every((r) => r['quote-request-id'] === request.id)).toBe(true);
	});
});
