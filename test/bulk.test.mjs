// Many items through one node: side by side at Coupa's pace, each item on its own, in input
// order, writes once, one token per expiry. The fake counts what reached it; no timings asserted.
import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

let fake;
afterEach(async () => fake?.close());

const getSupplier = { resource: 'supplier', operation: 'get', id: '={{ $json.id }}' };
const calls = (method, path) =>
	fake.apiRequests().filter((r) => r.method === method && r.path === path);

/** Resolves once the fake has answered `count` API requests. */
function afterRequests(count) {
	return new Promise((resolve) => {
		const timer = setInterval(() => {
			if (fake.apiRequests().filter((r) => r.status !== null).length >= count) {
				clearInterval(timer);
				resolve();
			}
		}, 5);
	});
}

describe('items side by side', () => {
	test('output keeps input order and pairs every item under shuffled latency', async () => {
		fake = await startCoupa({ seed: { suppliers: 60 } });
		fake.faults.latency({ ms: 5, jitterMs: 120 });
		const store = credentialFor(fake, 'core.supplier.read');
		const ids = fake.store.list('suppliers').map((s) => s.id);
		const shuffled = [...ids].sort(() => Math.random() - 0.5);
		const output = await runNode({
			store,
			items: shuffled.map((id) => ({ json: { id } })),
			parameters: getSupplier,
		});
		expect(output.map((o) => o.json.id)).toEqual(shuffled);
		expect(output.map((o) => o.pairedItem)).toEqual(shuffled.map((_, item) => ({ item })));
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.apiRequests()).toHaveLength(shuffled.length);
	});

	test('a Get Many per item keeps each item’s records together', async () => {
		fake = await startCoupa({ seed: { suppliers: 30 } });
		fake.faults.latency({ ms: 5, jitterMs: 60 });
		const store = credentialFor(fake, 'core.supplier.read');
		const limits = [3, 1, 4, 2, 5, 1, 2];
		const output = await runNode({
			store,
			items: limits.map((n) => ({ json: { n } })),
			parameters: { resource: 'supplier', operation: 'getAll', limit: '={{ $json.n }}' },
		});
		expect(output.map((o) => o.pairedItem.item)).toEqual(
			limits.flatMap((n, item) => Array(n).fill(item)),
		);
	});

	test('items that name the same record run one after another, in input order', async () => {
		fake = await startCoupa();
		fake.faults.latency({ ms: 20, jitterMs: 80 });
		const store = credentialFor(fake, 'core.supplier.write');
		const plan = [1, 2, 1, 3, 1, 2, 1, 4].map((id, n) => ({ json: { id, name: `Bulk ${n}` } }));
		const output = await runNode({
			store,
			items: plan,
			parameters: {
				resource: 'supplier',
				operation: 'update',
				id: '={{ $json.id }}',
				updateFields: { name: '={{ $json.name }}' },
			},
		});
		expect(output.map((o) => o.pairedItem.item)).toEqual(plan.map((_, item) => item));
		expect(fake.stats.maxConcurrentOnOneRecord).toBe(1);
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		// Supplier 1 got items 0, 2, 4 and 6, in that order: the last one's name stands.
		expect(calls('PUT', '/api/suppliers/1').map((c) => c.body.name)).toEqual([
			'Bulk 0',
			'Bulk 2',
			'Bulk 4',
			'Bulk 6',
		]);
		expect(fake.store.get('suppliers', 1).name).toBe('Bulk 6');
	});

	test('Continue On Fail: each failing item is its error item at its own position', async () => {
		fake = await startCoupa({ seed: { suppliers: 20 } });
		fake.faults.latency({ ms: 5, jitterMs: 60 });
		const store = credentialFor(fake, 'core.supplier.read');
		const ids = [1, 2, 3, 'abc', 5, 6, 7, 999999, 9, 10];
		const output = await runNode({
			store,
			continueOnFail: true,
			items: ids.map((id) => ({ json: { id } })),
			parameters: getSupplier,
		});
		expect(output.map((o) => o.pairedItem.item)).toEqual(ids.map((_, item) => item));
		expect(output[3].json.error).toBe('"abc" is not a Supplier ID');
		expect(output[7].json.error).toBe('Supplier 999999 was not found in Coupa');
		const good = output.filter((_, n) => n !== 3 && n !== 7).map((o) => o.json.id);
		expect(good).toEqual(ids.filter((id) => id !== 'abc' && id !== 999999));
	});

	test('without Continue On Fail the run stops: the error names the item and every item applied', async () => {
		fake = await startCoupa({ seed: { suppliers: 60 } });
		fake.faults.latency({ ms: 30, jitterMs: 60 });
		const store = credentialFor(fake, 'core.supplier.write');
		const ids = fake.store.list('suppliers').map((s) => s.id);
		// Item 5 fails before any request; items started before it still finish.
		const items = ids.map((id, n) => ({ json: { id: n === 5 ? 'abc' : id } }));
		const error = await runNode({
			store,
			items,
			parameters: {
				resource: 'supplier',
				operation: 'update',
				id: '={{ $json.id }}',
				updateFields: { website: 'https://bulk.example' },
			},
		}).catch((e) => e);
		expect(error.message).toBe('"abc" is not a Supplier ID');
		expect(error.context.itemIndex).toBe(5);
		const puts = fake.apiRequests().filter((r) => r.method === 'PUT');
		expect(puts.every((r) => r.status === 200)).toBe(true);
		// Exactly the items whose update Coupa applied are named, each with its record.
		const applied = puts
			.map((r) => Number(r.path.split('/').pop()))
			.map((id) => ids.indexOf(id))
			.sort((a, b) => a - b);
		expect(applied.length).toBeGreaterThan(0);
		expect(applied.length).toBeLessThan(ids.length - 1);
		const named = applied.map((n) => `item ${n} (PUT /api/suppliers/${ids[n]})`).join(', ');
		expect(error.description).toContain(`Item 5 failed, so the run stopped.`);
		expect(error.description).toContain(`Already applied in Coupa: ${named}.`);
		const notStarted = ids.map((_, n) => n).filter((n) => n !== 5 && !applied.includes(n));
		expect(notStarted[notStarted.length - 1]).toBe(ids.length - 1);
		expect(error.description).toContain(`Not started: items ${notStarted[0]}–${ids.length - 1}.`);
		// Nothing started once the failure was known: every item before the last applied one ran.
		expect(notStarted.every((n) => n > applied[applied.length - 1])).toBe(true);
	});

	test('lost answers in the middle of a bulk run: each write sent once, confirmed by reading', async () => {
		fake = await startCoupa({ seed: { invoices: 40 } });
		const invoices = fake.store
			.list('invoices')
			.map((i) => fake.store.update('invoices', i.id, { exported: false, status: 'approved' }));
		fake.faults.latency({ ms: 5, jitterMs: 60 });
		const store = credentialFor(fake, allScopes());
		const run = runNode({
			store,
			items: invoices.map((i) => ({ json: { id: i.id } })),
			parameters: { resource: 'invoice', operation: 'markExported', id: '={{ $json.id }}' },
		});
		await afterRequests(8);
		fake.faults.loseAnswers({ count: 3, as: 'reset', methods: ['PUT'] });
		const output = await run;
		expect(fake.stats.dropped).toBe(3);
		expect(output.map((o) => o.json.id)).toEqual(invoices.map((i) => i.id));
		expect(output.every((o) => o.json.exported === true)).toBe(true);
		for (const invoice of invoices)
			expect(calls('PUT', `/api/invoices/${invoice.id}`)).toHaveLength(1);
	});
});

describe('tokens in a bulk run', () => {
	test('a 401 in the middle of a bulk run costs one token request and the run goes on', async () => {
		fake = await startCoupa({ seed: { suppliers: 80 } });
		fake.faults.latency({ ms: 20, jitterMs: 60 });
		const store = credentialFor(fake, 'core.supplier.read');
		const ids = fake.store.list('suppliers').map((s) => s.id);
		const run = runNode({
			store,
			items: ids.map((id) => ({ json: { id } })),
			parameters: getSupplier,
		});
		await afterRequests(20);
		fake.faults.revokeTokens();
		const output = await run;
		expect(output.map((o) => o.json.id)).toEqual(ids);
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.apiRequests().filter((r) => r.status === 401).length).toBeGreaterThan(1);
		expect(fake.tokens).toHaveLength(2);
		expect(store.data.oauthTokenData.access_token).toBe(fake.tokens[1].accessToken);
	});

	test('Return All whose stored token has expired and whose new token expires a few requests later returns every record', async () => {
		fake = await startCoupa({ seed: { suppliers: 1000 } });
		const store = credentialFor(fake, 'core.supplier.read');
		await runNode({ store, parameters: { resource: 'supplier', operation: 'get', id: '1' } });
		// Every token now lives one second: the stored one has expired, each new one soon will.
		fake.faults.expireTokensAfter(1);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		fake.faults.latency({ ms: 200, jitterMs: 100 });
		fake.clearRequests();
		// Two pages at a time: the read outlives a few token lifetimes.
		const output = await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'getAll',
				returnAll: true,
				options: { pageWindow: 2 },
			},
		});
		expect(output.map((o) => o.json.id)).toEqual(fake.store.list('suppliers').map((s) => s.id));
		expect(fake.apiRequests().filter((r) => r.status === 401).length).toBeGreaterThan(1);
		// One token request per expiry: each new token was asked for after the last had expired.
		expect(fake.tokens.length).toBeGreaterThan(2);
		for (let n = 2; n < fake.tokens.length; n++)
			expect(fake.tokens[n].issuedAt).toBeGreaterThanOrEqual(fake.tokens[n - 1].issuedAt + 1000);
	}, 60_000);
});
