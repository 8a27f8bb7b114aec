import type { INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Runs a node's items side by side, as many at once as `limit()` allows (re-read before every
 * start, so it follows the latency and rate Coupa shows), starting them in input order.
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
	/** Each item's result by position; a hole for an item that never started. */
	results: Array<ItemResult | undefined>;
	/** The item whose failure stopped the run (the first to fail), if one did. */
	stoppedBy?: number;
}

/** How often a full run looks again at its limit while no item finishes (ms). */
const RECHECK_MS = 100;

/** Items held back behind a busy record, at most; past that, reading further items waits. */
const MAX_WAITING = 1000;

interface Pending {
	index: number;
	key?: string;
}

export async function runItems(plan: BulkPlan): Promise<BulkOutcome> {
	const results: Array<ItemResult | undefined> = new Array<ItemResult | undefined>(plan.count);
	const running = new Set<Promise<void>>();
	/** Records with an item running, each with the items waiting for it, in input order. */
	const queues = new Map<string, Pending[]>();
	/** Items whose record came free, to start before any later item. */
	const ready: Pending[] = [];
	let waitingCount = 0;
	let next = 0;
	let stoppedBy: number | undefined;

	const keyOf = (index: number): string | undefined => {
		try {
			return plan.keyOf(index);
		} catch {
			return undefined; // the item fails on its own when it runs
		}
	};

	/**
	 * The next item that may start. Items whose record came free go first (they were read before
	 * any item still unread); then unread items in order, each queued behind its record if busy.
	 */
	const pick = (): Pending | undefined => {
		if (ready.length) {
			const first = ready.reduce((a, b) => (b.index < a.index ? b : a));
			ready.splice(ready.indexOf(first), 1);
			return first;
		}
		while (next < plan.count && waitingCount < MAX_WAITING) {
			const item = { index: next, key: keyOf(next) };
			next++;
			const queue = item.key === undefined ? undefined : queues.get(item.key);
			if (!queue) return item;
			queue.push(item);
			waitingCount++;
		}
		return undefined;
	};

	const finished = (key: string | undefined) => {
		if (key === undefined) return;
		const queue = queues.get(key)!;
		const following = queue.shift();
		if (!following) return void queues.delete(key);
		waitingCount--;
		ready.push(following);
	};

	const start = ({ index, key }: Pending) => {
		if (key !== undefined && !queues.has(key)) queues.set(key, []);
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
				finished(key);
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
		// Wake now and then too: the limit grows while answers are slower than expected.
		await Promise.race([...running, sleep(RECHECK_MS)]);
	}
	return { results, stoppedBy };
}
