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

/**
 * Restamps every invoice as one mass update would (an integration or a bulk action changing
 * `perSecond` records a second), ending a minute ago: every second is shared by that many records.
 */
export function restampAsMassUpdate(fake, perSecond) {
	const invoices = fake.store.list('invoices');
	const end = Math.floor(Date.now() / 1000) * 1000 - 60_000;
	invoices.forEach((invoice, i) => {
		const secondsBeforeEnd = Math.floor((invoices.length - 1 - i) / perSecond);
		fake.store.update('invoices', invoice.id, {}, { at: end - secondsBeforeEnd * 1000 });
	});
}

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
