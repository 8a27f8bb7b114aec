/**
 * Numeric options and credential fields are checked when the node runs: an expression can give
 * any text, which the editor's min and max never see. A bad value fails with an error naming the
 * field and the range it accepts, before anything is sent.
 */
import { apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

let fake;
afterEach(async () => fake?.close());

const listSuppliers = (options, extra = {}) => ({
	resource: 'supplier',
	operation: 'getAll',
	returnAll: true,
	options,
	...extra,
});

describe('Concurrent Pages', () => {
	test.each([['abc'], ['0'], [0], ['21'], [21], ['2.5'], [-1]])(
		'%p fails the item naming the option and its range; nothing is sent',
		async (value) => {
			fake = await startCoupa({ seed: { suppliers: 120 } });
			const error = await runNode({
				store: credentialFor(fake, 'core.supplier.read'),
				parameters: listSuppliers({ pageWindow: value }),
			}).catch((e) => e);
			expect(error.message).toBe(
				`Concurrent Pages must be a whole number from 1 to 20, not ${JSON.stringify(value)}`,
			);
			expect(error.description).toMatch(/Options → Concurrent Pages/);
			expect(apiCalls(fake)).toEqual([]);
		},
	);

	test('a number given as text works: Return All returns every record', async () => {
		fake = await startCoupa({ seed: { suppliers: 300 } });
		const output = await runNode({
			store: credentialFor(fake, 'core.supplier.read'),
			parameters: listSuppliers({ pageWindow: '3' }),
		});
		expect(output).toHaveLength(300);
	});

	test('with Order By and a Limit, a text window still ends with the Limit', async () => {
		fake = await startCoupa({ seed: { suppliers: 300 } });
		const output = await runNode({
			store: credentialFor(fake, 'core.supplier.read'),
			parameters: listSuppliers(
				{ pageWindow: '4', orderBy: 'name' },
				{ returnAll: false, limit: 120 },
			),
		});
		expect(output).toHaveLength(120);
	});
});

describe("the credential's Max Requests per Second", () => {
	test.each([['abc'], [0], ['0.5'], [5e-7], [1001], ['-3']])(
		'%p fails naming the field and its range; nothing is sent, not even the token request',
		async (value) => {
			fake = await startCoupa();
			const error = await runNode({
				store: credentialFor(fake, 'core.supplier.read', { maxRequestsPerSecond: value }),
				parameters: { resource: 'supplier', operation: 'get', id: '1' },
			}).catch((e) => e);
			expect(error.message).toMatch(
				/^The credential's Max Requests per Second must be a number from 1 to 1000, not /,
			);
			expect(fake.requests).toEqual([]);
			expect(fake.tokens).toEqual([]);
		},
	);

	test('the cap is honoured: at 1 a second, a Coupa that allows 1.25 a second never answers 429', async () => {
		fake = await startCoupa();
		// The default cap (24 a second) would overflow this bucket at the second request.
		fake.faults.rateLimit({ perSecond: 1.25, burst: 1 });
		const store = credentialFor(fake, 'core.supplier.read', { maxRequestsPerSecond: 1 });
		const output = await runNode({
			store,
			items: [{ json: {} }, { json: {} }, { json: {} }],
			parameters: { resource: 'supplier', operation: 'get', id: '1' },
		});
		expect(output).toHaveLength(3);
		expect(fake.apiRequests().map((c) => c.status)).toEqual([200, 200, 200]);
		expect(fake.stats.rateLimited).toBe(0);
	}, 20_000);
});
