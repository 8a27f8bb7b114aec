import type { INodeExecutionData } from 'n8n-workflow';

/**
 * Runs a node's items side by side, as many at once as `limit()` allows (re-read before every
 * start, so it follows the latency and rate Coupa shows), in input order of starting.
 *
 * Items that name the same record (same key) never run at once: a later one waits for the
 * earlier, and items behind it that name other records go ahead meanwhile. Without Continue On
 * Fail (`stopOnFailure`) no item starts once one has failed; the ones already running finish,
 * so the caller can say exactly what was applied.
 */
export interface BulkPlan {
	count: number;
	limit: () => number;
	/** The record an item names (e.g. `invoices/12`), or undefined when it names none. */
	keyOf: (index: number) => string | undefined;
	run: (index: number) => Promise<INodeExecutionData[]>;
	stopOnFailure: boolean;
}

export type ItemResult = { items: INodeExecutionData[] } | { error: unknown };

export interface BulkOutcome {
	/** Each item's result by position; undefined for an item that never started. */
	results: Array<ItemResult | undefined>;
	/** The item whose failure stopped the run (the first to fail), if one did. */
	stoppedBy?: number;
}

/** Items held back behind a busy record, at most; past that, starting waits. */
const MAX_WAITING = 1000;

export async function runItems(plan: BulkPlan): Promise<BulkOutcome> {
	const results: Array<ItemResult | undefined> = new Array<ItemResult | undefined>(plan.count);
	const running = new Set<Promise<void>>();
	const busy = new Set<string>();
	/** Items waiting for their record, in input order, with their key. */
	const waiting: Array<{ index: number; key: string }> = [];
	let next = 0;
	let stoppedBy: number | undefined;

	/** The next item that may start: a waiting one whose record is free first, in input order. */
	const pick = (): { index: number; key?: string } | undefined => {
		const held = new Set<string>();
		for (let w = 0; w < waiting.length; w++) {
			const { key } = waiting[w];
			if (!busy.has(key) && !held.has(key)) return waiting.splice(w, 1)[0];
			held.add(key);
		}
		while (next < plan.count && waiting.length < MAX_WAITING) {
			const index = next++;
			let key: string | undefined;
			try {
				key = plan.keyOf(index);
			} catch {
				key = undefined; // the item fails on its own when it runs
			}
			if (key === undefined || (!busy.has(key) && !held.has(key))) return { index, key };
			waiting.push({ index, key });
			held.add(key);
		}
		return undefined;
	};

	const start = ({ index, key }: { index: number; key?: string }) => {
		if (key !== undefined) busy.add(key);
		const task: Promise<void> = plan
			.run(index)
			.then(
				(items) => {
					results[index] = { items };
				},
				(error: unknown) => {
					results[index] = { error };
					if (plan.stopOnFailure) stoppedBy ??= index;
				},
			)
			.finally(() => {
				if (key !== undefined) busy.delete(key);
				running.delete(task);
			});
		running.add(task);
	};

	for (;;) {
		while (stoppedBy === undefined && running.size < Math.max(1, plan.limit())) {
			const item = pick();
			if (!item) break;
			start(item);
		}
		if (running.size === 0) break;
		await Promise.race(running);
	}
	return { results, stoppedBy };
}
