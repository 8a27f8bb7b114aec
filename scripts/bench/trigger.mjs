/**
 * One measured Coupa Trigger poll that drains a backlog (Start From before every record), through
 * the compiled trigger inside n8n-core's real PollContext, against the fake Coupa in this process.
 */
import { createRequire } from 'node:module';

import { registerNodeType, runPoll } from '../../test/harness/n8n.mjs';
import { settle } from './run.mjs';

const { CoupaTrigger } = createRequire(import.meta.url)(
	'../../dist/nodes/Coupa/CoupaTrigger.node.js',
);
registerNodeType('coupaTrigger', new CoupaTrigger());

const backlogFrom = {
	resource: 'invoice',
	event: 'updated',
	options: { startFrom: '2000-01-01T00:00:00Z' },
};

/** One poll with nothing to read, so the token and the code paths are warm before a measured run. */
export async function warmTrigger(store) {
	await runPoll({
		parameters: { ...backlogFrom, options: { startFrom: new Date().toISOString() } },
		store,
		staticData: {},
	});
}

export async function measureTriggerBacklog({ label, fake, store, latency }) {
	await settle();
	fake.faults.rateLimit({ perSecond: 25, burst: 20 });
	fake.faults.latency(latency);
	fake.faults.resetStats();
	const started = performance.now();
	const { result } = await runPoll({ parameters: backlogFrom, store, staticData: {} });
	const seconds = (performance.now() - started) / 1000;
	fake.faults.reset();
	const items = result?.[0] ?? [];
	return {
		label,
		records: items.length,
		distinct: new Set(items.map((item) => item.json.id)).size,
		seconds,
		recordsPerSecond: items.length / seconds,
		requests: fake.stats.requests,
		rateLimited: fake.stats.rateLimited,
		maxConcurrent: fake.stats.maxConcurrent,
	};
}
