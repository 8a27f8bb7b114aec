// Get Many reads by key (docs/reliability.md, "Get Many returns every matching record exactly
// once"): every record that matches at the start and still matches at
// the end is returned exactly once, in order, even while Coupa's data changes under the read;
// concurrent id partitions keep it fast. No timing is asserted here: speed is `npm run bench`.
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';
import { startProxy } from './harness/proxy.mjs';

const listSuppliers = (options = {}, extra = {}) => ({
	resource: 'supplier',
	operation: 'getAll',
	returnAll: true,
	options,
	...extra,
});
const ids = (output) => output.map((item) => item.json.id);
const storeIds = (fake, path = 'suppliers') => fake.store.list(path).map((record) => record.id);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let fake;
let proxy;
afterEach(async () => {
	await proxy?.close();
	proxy = undefined;
	await fake?.close();
});

/** A credential that reaches the fake through the test proxy. */
const viaProxy = (scope) => credentialFor(fake, scope, { domain: proxy.url });

describe('key paging', () => {
	test.each([
		[0, 1],
		[1, 1],
		[49, 1],
		[50, 1],
		[51, 1],
		[120, 1],
		[333, 3],
		[333, 8],
		[2000, 8],
	])(
		'%i records, %i partitions at most: every record once, in id order, never by offset',
		async (count, window) => {
			fake = await startCoupa({ seed: { suppliers: count } });
			const store = credentialFor(fake, 'core.supplier.read');
			const output = await runNode({ store, parameters: listSuppliers({ pageWindow: window }) });
			expect(ids(output)).toEqual(storeIds(fake));
			const requests = fake.apiRequests();
			for (const request of requests) {
				expect(request.query.offset).toBeUndefined();
				expect(request.query.order_by).toBe('id');
				expect(Number(request.query.limit)).toBeLessThanOrEqual(50);
			}
			// A fresh credential holds no token, so the first page goes alone (n8n would mint one token
			// per concurrent request); then one request for the last id and the partitions' pages.
			if (count < 50) expect(requests.map((r) => r.query.limit)).toEqual(['50']);
			expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(window);
			expect(requests.length).toBeLessThanOrEqual(Math.ceil(count / 50) + 2 + 2 * window);
		},
	);

	test('once n8n holds a token, the last id is asked for alongside the first page', async () => {
		fake = await startCoupa({ seed: { suppliers: 30 } });
		const store = credentialFor(fake, 'core.supplier.read');
		await runNode({ store, parameters: listSuppliers() });
		fake.clearRequests();
		const output = await runNode({ store, parameters: listSuppliers() });
		expect(ids(output)).toEqual(storeIds(fake));
		expect(
			fake
				.apiRequests()
				.map((r) => `${r.query.limit} ${r.query.dir}`)
				.sort(),
		).toEqual(['1 desc', '50 asc']);
		expect(fake.tokens).toHaveLength(1);
	});

	test('the ERP export pattern: records marked exported by another run while pages are read are not skipped', async () => {
		fake = await startCoupa({ seed: { invoices: 173 } });
		for (const invoice of fake.store.list('invoices'))
			fake.store.update('invoices', invoice.id, { exported: false });
		const matching = storeIds(fake, 'invoices');
		let marked = false;
		proxy = await startProxy(fake, async (url) => {
			// After the first page, another run marks the first 30 records exported: under offset
			// paging everything after them would shift by 30 and 30 records would never be read.
			if (!marked && url.searchParams.get('id[gt]') !== null) {
				marked = true;
				for (const id of matching.slice(0, 30))
					fake.store.update('invoices', id, { exported: true });
			}
		});
		const output = await runNode({
			store: viaProxy('core.invoice.read'),
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: { exported: 'false' },
				options: { pageWindow: 1 },
			},
		});
		expect(marked).toBe(true);
		const returned = ids(output);
		expect(new Set(returned).size).toBe(returned.length);
		// Every record that still matches at the end is there, once, in id order.
		expect(returned.filter((id) => id > 50 - 1 + matching[0])).toEqual(matching.slice(50));
		expect(returned.slice(0, 50)).toEqual(matching.slice(0, 50));
	});

	test('records deleted before the cursor while partitions are read shift nothing', async () => {
		fake = await startCoupa({ seed: { suppliers: 600 } });
		const all = storeIds(fake);
		let deleted = false;
		proxy = await startProxy(fake, async (url) => {
			if (!deleted && url.searchParams.get('id[gt]') !== null) {
				deleted = true;
				for (const id of all.slice(10, 40)) fake.store.remove('suppliers', id);
			}
		});
		const output = await runNode({
			store: viaProxy('core.supplier.read'),
			parameters: listSuppliers({ pageWindow: 4 }),
		});
		const returned = ids(output);
		expect(new Set(returned).size).toBe(returned.length);
		// The first page was read before the deletes; everything after it is complete.
		expect(returned.slice(50)).toEqual(all.slice(50));
		expect(returned.slice(0, 50)).toEqual(all.slice(0, 50));
	});

	test('a Limit across partitions returns exactly the first records in id order', async () => {
		fake = await startCoupa({ seed: { suppliers: 1200 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: false, limit: 430 },
		});
		expect(ids(output)).toEqual(storeIds(fake).slice(0, 430));
	});

	test('a limit smaller than a page asks Coupa for just that many', async () => {
		fake = await startCoupa({ seed: { suppliers: 120 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: false, limit: 7 },
		});
		expect(ids(output)).toEqual(storeIds(fake).slice(0, 7));
		expect(fake.apiRequests().map((request) => request.query.limit)).toEqual(['7']);
	});

	test('descending id order is read by key too', async () => {
		fake = await startCoupa({ seed: { suppliers: 260 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: listSuppliers({ orderBy: 'id', direction: 'desc' }),
		});
		expect(ids(output)).toEqual(storeIds(fake).reverse());
		expect(fake.apiRequests().some((request) => request.query['id[lt]'] !== undefined)).toBe(true);
	});

	test("the user's own id filters stay in force", async () => {
		fake = await startCoupa({ seed: { suppliers: 400 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: listSuppliers(
				{},
				{
					filters: {
						conditions: {
							condition: [
								{ field: 'id', operator: 'gt', value: '120' },
								{ field: 'id', operator: 'lt_or_eq', value: '333' },
							],
						},
					},
				},
			),
		});
		expect(ids(output)).toEqual(storeIds(fake).filter((id) => id > 120 && id <= 333));
	});

	test('another order with Return All: sorted by that field, then id, each record once', async () => {
		fake = await startCoupa({ seed: { suppliers: 180 } });
		const names = ['beta', 'Alpha', 'gamma', null];
		for (const supplier of fake.store.list('suppliers'))
			fake.store.update('suppliers', supplier.id, { website: names[supplier.id % 4] });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: listSuppliers({ orderBy: 'website', direction: 'asc' }),
		});
		const expected = [null, 'Alpha', 'beta', 'gamma'].flatMap((website) =>
			fake.store
				.list('suppliers')
				.filter((s) => s.website === website)
				.map((s) => s.id),
		);
		expect(ids(output)).toEqual(expected);
	});
});

describe('another order with a Limit', () => {
	test("Coupa's order decides the first records: pages by offset in that order, each record once", async () => {
		fake = await startCoupa({ seed: { suppliers: 200 } });
		for (const supplier of fake.store.list('suppliers'))
			fake.store.update('suppliers', supplier.id, {
				website: `site-${String(1000 - supplier.id).padStart(4, '0')}`,
			});
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'getAll',
				returnAll: false,
				limit: 120,
				options: { orderBy: 'website' },
			},
		});
		expect(ids(output)).toEqual(storeIds(fake).reverse().slice(0, 120));
		const requests = fake.apiRequests();
		expect(requests.map((r) => [r.query.order_by, r.query.offset, r.query.limit])).toEqual([
			['website', '0', '50'],
			['website', '50', '50'],
			['website', '100', '20'],
		]);
	});
});

describe('answers that are not a list are errors, never the end of the list', () => {
	test.each([
		['an empty body', ''],
		['an empty object', '{}'],
	])('%s at the second page fails naming the page', async (_, body) => {
		fake = await startCoupa({ seed: { suppliers: 259 } });
		proxy = await startProxy(fake, async (url) => {
			if (url.searchParams.get('id[gt]') !== null && url.searchParams.get('dir') === 'asc')
				return { status: 200, raw: body };
		});
		const error = await runNode({
			store: viaProxy('core.supplier.read'),
			parameters: listSuppliers({ pageWindow: 1 }),
		}).catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toMatch(
			/^Coupa answered the page after id 50 of Get Many Supplier with (an empty answer|a JSON object instead of a list)$/,
		);
		expect(error.description).toMatch(/no record is silently left out/);
	});
});

describe('the Limit is checked before anything is sent', () => {
	test.each([['abc'], [0], [-5], [2.5]])('Limit %p fails with a clear error', async (limit) => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.supplier.read');
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: false, limit },
		}).catch((e) => e);
		expect(error.message).toBe(
			`Limit must be a whole number of at least 1, not ${JSON.stringify(limit)}`,
		);
		expect(fake.apiRequests()).toHaveLength(0);
	});
});

describe('failures during a partitioned read', () => {
	test('429s are absorbed: every record once', async () => {
		fake = await startCoupa({ seed: { suppliers: 700 } });
		fake.faults.rateLimit({ perSecond: 10, burst: 2, retryAfter: 0.05 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers() });
		expect(ids(output)).toEqual(storeIds(fake));
		expect(fake.stats.rateLimited).toBeGreaterThan(0);
	});

	test('a page that keeps failing fails the read once, and the other partitions stop', async () => {
		fake = await startCoupa({ seed: { suppliers: 900 } });
		proxy = await startProxy(fake, async (url) => {
			if (Number(url.searchParams.get('id[gt]')) >= 400)
				return { status: 400, message: 'Refused by the test' };
		});
		const error = await runNode({
			store: viaProxy('core.supplier.read'),
			parameters: listSuppliers({ pageWindow: 4 }),
		}).catch((e) => e);
		expect(error.message).toBe('Coupa rejected Get Many Supplier: Refused by the test');
		await sleep(100);
		const refused = proxy.seen.filter((url) => Number(url.searchParams.get('id[gt]')) >= 400);
		// Refusals are not retried, and no partition goes on past its failure.
		expect(new Set(refused.map(String)).size).toBe(refused.length);
	});
});
