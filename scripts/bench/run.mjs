/**
 * One measured Get Many (Return All) of invoices through the compiled node inside n8n-core's
 * real ExecuteContext, against the fake Coupa in this process.
 */
import { runNode } from '../../test/harness/n8n.mjs';
import { withHeapWatch } from './memory.mjs';

/**
 * Long enough for the node's limiter and the fake's bucket to earn their full burst back, and for
 * the requests paging did not wait for (past the end) to land, so they are counted.
 */
const SETTLE_MS = 1500;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits SETTLE_MS, so a measured run starts with both buckets' full burst. */
export const settle = () => sleep(SETTLE_MS);

/**
 * @param {object} run
 * @param {string} run.label
 * @param {object} run.fake the started fake Coupa
 * @param {object} run.store the credential store
 * @param {{ms: number, jitterMs: number}} [run.latency]
 * @param {object} [run.options] the node's Get Many options (pageWindow, fields)
 */
export async function measureGetAll({ label, fake, store, latency, options = {} }) {
	await settle();
	fake.faults.rateLimit({ perSecond: 25, burst: 20 });
	if (latency) fake.faults.latency(latency);
	fake.faults.resetStats();
	const parameters = { resource: 'invoice', operation: 'getAll', returnAll: true, options };

	const started = performance.now();
	const { result, heap } = await withHeapWatch(async () => {
		try {
			return { output: await runNode({ store, parameters, continueOnFail: true }) };
		} catch (error) {
			return { output: [], thrown: error };
		}
	});
	const seconds = (performance.now() - started) / 1000;
	await sleep(SETTLE_MS);
	fake.faults.reset();

	const output = result.output;
	const errorItems = output.filter((item) => item.json.error !== undefined);
	const records = output.length - errorItems.length;
	const surfaced = errorItems.length + (result.thrown ? 1 : 0);
	const jsonBytes = Buffer.byteLength(JSON.stringify(output.map((item) => item.json)));
	return {
		label,
		records,
		seconds,
		recordsPerSecond: records / seconds,
		requests: fake.stats.requests,
		rateLimited: fake.stats.rateLimited,
		maxConcurrent: fake.stats.maxConcurrent,
		surfaced,
		firstError: result.thrown?.message ?? errorItems[0]?.json.error,
		jsonBytes,
		...heap,
	};
}
