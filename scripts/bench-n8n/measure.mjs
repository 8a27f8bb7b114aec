// One `n8n execute` of a bench workflow, measured from both ends: n8n's own timing of the node
// (run data) and what the fake Coupa saw (requests, 429s, token calls).
import { performance } from 'node:perf_hooks';
import { executeToFile } from './execute.mjs';
import { NODE_NAME } from './workflows.mjs';

/**
 * The invoices a node returned, whichever shape it used: one item per record (the Coupa node,
 * and the HTTP Request node when it splits a JSON array), or one item per page.
 */
function recordsOf(items) {
	return items.flatMap((item) =>
		Array.isArray(item.json)
			? item.json
			: Array.isArray(item.json?.data)
				? item.json.data
				: [item.json],
	);
}

/** The first run of the measured node, or an error that says why there is none. */
function nodeRun(execution) {
	const runData = execution.run.data?.resultData?.runData ?? {};
	const run = runData[NODE_NAME]?.[0];
	if (!run) {
		const error = execution.run.data?.resultData?.error?.message ?? execution.stdout.slice(-2000);
		throw new Error(`"${NODE_NAME}" did not run: ${error}`);
	}
	return run;
}

/**
 * Runs `workflowId` once. `limits` arms the fake's leaky bucket afresh (or leaves it off), so
 * every run starts from an empty bucket whatever ran before. Never throws on a failed execution:
 * a 429 that stops the HTTP Request node is a result, reported as `error`.
 */
export async function measureOnce({ n8n, fake, workflowId, rateLimit }) {
	fake.faults.rateLimit(rateLimit ?? false);
	fake.faults.resetStats();
	fake.clearRequests();

	const started = performance.now();
	const execution = await executeToFile(workflowId, n8n.env);
	const wallMs = performance.now() - started;

	const run = nodeRun(execution);
	const records = run.error ? [] : recordsOf(run.data?.main?.[0] ?? []);
	return {
		ok: execution.ok && !run.error,
		error: run.error?.message ?? null,
		errorStatus: run.error?.httpCode ?? run.error?.context?.data?.statusCode ?? null,
		wallMs,
		// n8n's own clock for the node: from its start to its output, no CLI start-up in it.
		nodeMs: run.executionTime,
		items: run.data?.main?.[0]?.length ?? 0,
		records: records.length,
		uniqueIds: new Set(records.map((record) => record.id)).size,
		// Output items that carry an error instead of a record (Continue On Fail).
		errorItems: (run.data?.main?.[0] ?? []).filter((item) => item.json?.error !== undefined).length,
		apiRequests: fake.stats.requests,
		rateLimited: fake.stats.rateLimited,
		maxConcurrent: fake.stats.maxConcurrent,
		tokenRequests: fake.requests.filter((request) => request.path === '/oauth2/token').length,
	};
}

/**
 * The better of a variant's runs, which keeps one-off costs such as the first token fetch and
 * CLI start-up noise out of the comparison: the run with the shortest node time, with `wallMs`
 * the shortest `n8n execute` of all its runs (start-up varies by seconds, independently of the
 * node). A failed run is never "better".
 */
export function best(runs) {
	const ok = runs.filter((run) => run.ok);
	const candidates = ok.length ? ok : runs;
	const fastest = candidates.reduce((a, b) => (b.nodeMs < a.nodeMs ? b : a));
	return { ...fastest, wallMs: Math.min(...candidates.map((run) => run.wallMs)) };
}
