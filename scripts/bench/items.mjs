/**
 * One measured per-item run: N input items through the compiled node (Get, or Mark as Exported),
 * each naming its own invoice, inside n8n-core's real ExecuteContext, against the fake Coupa in
 * this process at Coupa's limit (25 requests a second, burst 20).
 */
import { runNode } from '../../test/harness/n8n.mjs';
import { withHeapWatch } from './memory.mjs';

/** Long enough for the node's limiter and the fake's bucket to earn their burst back. */
const SETTLE_MS = 1500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const OPERATIONS = {
	get: { label: 'Get', parameters: { resource: 'invoice', operation: 'get' } },
	markExported: {
		label: 'Mark as Exported',
		parameters: { resource: 'invoice', operation: 'markExported' },
	},
};

/**
 * @param {object} run
 * @param {object} run.fake the started fake Coupa, seeded with at least `count` invoices
 * @param {object} run.store the credential store
 * @param {'get'|'markExported'} run.operation
 * @param {number} run.count input items
 * @param {{name: string, latency: {ms: number, jitterMs: number}}} run.latency
 */
export async function measureItems({ fake, store, operation, count, latency }) {
	const { label, parameters } = OPERATIONS[operation];
	const ids = fake.store
		.list('invoices')
		.slice(0, count)
		.map((invoice) => invoice.id);
	await sleep(SETTLE_MS);
	fake.faults.rateLimit({ perSecond: 25, burst: 20 });
	fake.faults.latency(latency.latency);
	fake.faults.resetStats();
	fake.clearRequests();
	const started = performance.now();
	const { result, heap } = await withHeapWatch(async () => {
		try {
			return {
				output: await runNode({
					store,
					continueOnFail: true,
					items: ids.map((id) => ({ json: { id } })),
					parameters: { ...parameters, id: '={{ $json.id }}' },
				}),
			};
		} catch (error) {
			return { output: [], thrown: error };
		}
	});
	const seconds = (performance.now() - started) / 1000;
	fake.faults.reset();
	const output = result.output;
	const failed = output.filter((item) => item.json.error !== undefined).length;
	// Exact order and pairing: item n is invoice ids[n], paired with input n.
	const inOrder =
		output.length === ids.length &&
		output.every((item, n) => item.json.id === ids[n] && item.pairedItem.item === n);
	const sent = fake.apiRequests().filter((r) => r.status !== 429);
	const perInvoice = new Map();
	for (const request of sent) perInvoice.set(request.path, (perInvoice.get(request.path) ?? 0) + 1);
	const writesOnce =
		operation !== 'markExported' || [...perInvoice.values()].every((count) => count === 1);
	return {
		label: `${label}, ${count.toLocaleString('en-US')} items, ${latency.name}`,
		count,
		seconds,
		itemsPerSecond: (output.length - failed) / seconds,
		requests: fake.stats.requests,
		rateLimited: fake.stats.rateLimited,
		maxConcurrent: fake.stats.maxConcurrent,
		failed: failed + (result.thrown ? 1 : 0),
		firstError: result.thrown?.message ?? output.find((item) => item.json.error)?.json.error,
		inOrder,
		writesOnce,
		...heap,
	};
}
