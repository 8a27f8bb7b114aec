// Correctness of concurrent paging (issue 6): every record once and in order at every page
// boundary and window size, a window that bounds what is in flight, little waste past the end,
// 429s absorbed, and a hard error mid-window that cancels the rest and surfaces once.
// No timing is asserted here: speed is measured by `npm run bench`.

import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';
import { offsetOf, startProxy } from './harness/proxy.mjs';

const PAGE = 50;
const listSuppliers = (options = {}) => ({ resource: 'supplier', operation: 'getAll', returnAll: true, options });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition) {
	while (!condition()) await sleep(5);
}

/** Paging returns without waiting for requests past the end; let those land before counting. */
async function settled(fake) {
	await sleep(50);
	while (fake.requests.some((request) => request.status === null)) await sleep(20);
}

const listOffsets = (fake) => fake.apiRequests().map((request) => Number(request.query.offset));

function expectAllSuppliersInOrder(fake, output) {
	expect(output.map((item) => item.json.id)).toEqual(fake.store.list('suppliers').map((supplier) => supplier.id));
}

/** Settles once the proxy has answered the page at `offset`. */
const answeredOffset = (proxy, offset) => proxy.answered((url) => offsetOf(url) === offset);

describe('concurrent paging at page boundaries', () => {
	let fake;
	afterEach(async () => fake?.close());

	const counts = [0, 1, 49, 50, 51, 99, 100, 101, 399, 400, 401];
	const windows = [1, 3, 8];
	test.each(windows.flatMap((window) => counts.map((count) => [count, window])))(
		'%i records, window %i: every record once, in order, at most the rest of one window wasted',
		async (count, window) => {
			fake = await startCoupa({ seed: { suppliers: count } });
			const store = credentialFor(fake, 'core.supplier.read');
			const output = await runNode({ store, parameters: listSuppliers({ pageWindow: window }) });
			expectAllSuppliersInOrder(fake, output);
			await settled(fake);

			const offsets = listOffsets(fake);
			expect(new Set(offsets).size).toBe(offsets.length);
			// The first short page (possibly empty) ends the listing.
			const lastNeeded = Math.floor(count / PAGE) * PAGE;
			expect(offsets.filter((offset) => offset <= lastNeeded).sort((a, b) => a - b)).toEqual(
				Array.from({ length: lastNeeded / PAGE + 1 }, (_, page) => page * PAGE),
			);
			const wasted = offsets.filter((offset) => offset > lastNeeded);
			expect(wasted.length).toBeLessThanOrEqual(window - 1);
			for (const offset of wasted) expect(offset).toBeLessThanOrEqual(lastNeeded + (window - 1) * PAGE);
		},
	);

	test('a limit across pages with a wide window asks for no page past the limit', async () => {
		fake = await startCoupa({ seed: { suppliers: 1000 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: false, limit: 230, options: { pageWindow: 8 } },
		});
		expect(output.map((item) => item.json.id)).toEqual(fake.store.list('suppliers').slice(0, 230).map((s) => s.id));
		await settled(fake);
		expect(fake.apiRequests().map((r) => [Number(r.query.offset), Number(r.query.limit)]).sort((a, b) => a[0] - b[0])).toEqual([
			[0, 50],
			[50, 50],
			[100, 50],
			[150, 50],
			[200, 30],
		]);
	});
});

describe('the window', () => {
	let fake;
	afterEach(async () => fake?.close());

	test('a window of 1 pages sequentially: one request at a time, offsets in order', async () => {
		fake = await startCoupa({ seed: { suppliers: 260 } });
		fake.faults.latency({ ms: 20 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers({ pageWindow: 1 }) });
		expectAllSuppliersInOrder(fake, output);
		expect(fake.stats.maxConcurrent).toBe(1);
		expect(listOffsets(fake)).toEqual([0, 50, 100, 150, 200, 250]);
	});

	test('no more pages are in flight than the window allows, and more than one is', async () => {
		fake = await startCoupa({ seed: { suppliers: 1000 } });
		// Longer than the limiter's 1/24 s between requests (a fresh limiter has no burst allowance).
		fake.faults.latency({ ms: 80 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers({ pageWindow: 3 }) });
		expectAllSuppliersInOrder(fake, output);
		expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(3);
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
	});

	test('pages answered out of order still come back in Coupa\'s order', async () => {
		fake = await startCoupa({ seed: { suppliers: 600 } });
		fake.faults.latency({ ms: 5, jitterMs: 60 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers({ pageWindow: 8 }) });
		expectAllSuppliersInOrder(fake, output);
	});

	test('a 429 storm under a wide window is absorbed: no error, every record once, in order', async () => {
		fake = await startCoupa({ seed: { suppliers: 400 } });
		fake.faults.rateLimit({ perSecond: 10, burst: 3 });
		const store = credentialFor(fake, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers({ pageWindow: 8 }) });
		expectAllSuppliersInOrder(fake, output);
		expect(fake.stats.rateLimited).toBeGreaterThan(0);
	}, 60_000);
});

describe('a hard error mid-window', () => {
	let fake;
	let proxy;
	afterEach(async () => {
		await proxy?.close();
		await fake?.close();
	});

	test('cancels the rest of the window and surfaces exactly one error', async () => {
		fake = await startCoupa({ seed: { suppliers: 1000 } });
		// Page 3 (offset 150) is refused once pages 4-6 are in flight; those then fail with a 503,
		// which would normally be retried, but only after page 3's refusal has been read.
		const inFlightAfter = [200, 250, 300];
		proxy = await startProxy(fake, async (url, { offsetsSeen }) => {
			const offset = offsetOf(url);
			if (offset === 150) {
				await waitFor(() => inFlightAfter.every((o) => offsetsSeen().includes(o)));
				return { status: 400, message: 'Offset 150 is refused' };
			}
			if (offset > 150) {
				await answeredOffset(proxy, 150).then(() => sleep(100));
				return { status: 503, message: 'Unavailable' };
			}
			return undefined;
		});
		const store = credentialFor({ url: proxy.url }, 'core.supplier.read');
		const error = await runNode({ store, parameters: listSuppliers({ pageWindow: 4 }) }).catch((e) => e);

		expect(error).toBeInstanceOf(Error);
		expect(error.message).toBe('Coupa rejected Get Many Supplier: Offset 150 is refused');
		// A 503 is first retried after at most 500 ms (retryPolicy): give a retry the time to show.
		await sleep(800);
		// Every page of the window was asked for once: the 503s were not retried, and no page
		// past the window was started.
		expect(proxy.offsetsSeen().sort((a, b) => a - b)).toEqual([0, 50, 100, 150, 200, 250, 300]);
	});

	test('an error on a page already known to lie past the end is ignored', async () => {
		fake = await startCoupa({ seed: { suppliers: 120 } });
		// Offset 100 is the short last page. It is held until a page past it has been asked for;
		// the pages past it fail, but only once it has been read.
		proxy = await startProxy(fake, async (url, { offsetsSeen }) => {
			const offset = offsetOf(url);
			if (offset === 100) await waitFor(() => offsetsSeen().includes(150));
			if (offset > 100) {
				await answeredOffset(proxy, 100).then(() => sleep(50));
				return { status: 400, message: 'Past the end' };
			}
			return undefined;
		});
		const store = credentialFor({ url: proxy.url }, 'core.supplier.read');
		const output = await runNode({ store, parameters: listSuppliers({ pageWindow: 8 }) });
		expectAllSuppliersInOrder(fake, output);
	});
});
