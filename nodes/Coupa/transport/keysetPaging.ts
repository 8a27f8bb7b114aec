import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_PAGE_WINDOW, keyOrderBroken, listPage, PAGE_SIZE } from './page';
import type { PageOptions } from './page';
import type { Cancellation, CoupaContext } from './request';
import { coupaRequest, hasAccessToken } from './request';

/**
 * A stretch of ids still to read: records with id after `after` up to and including `until`,
 * in the read's direction. `after` moves on with every page read.
 */
interface Partition {
	after: number;
	until: number;
	records: IDataObject[];
	done: boolean;
	cancellation: Cancellation;
}

interface Direction {
	/** Query operators: past the cursor, and up to the bound. */
	past: string;
	upTo: string;
	dir: 'asc' | 'desc';
	/** Whether `a` comes before `b` in this direction. */
	before: (a: number, b: number) => boolean;
}

const ASCENDING: Direction = { past: 'gt', upTo: 'lt_or_eq', dir: 'asc', before: (a, b) => a < b };
const DESCENDING: Direction = {
	past: 'lt',
	upTo: 'gt_or_eq',
	dir: 'desc',
	before: (a, b) => a > b,
};

const idOf = (record: IDataObject): number => Number(record.id);

/**
 * Lists a Coupa collection by key: ordered by id, each page continues from the last id seen
 * (`id[gt]=…`) instead of an offset. A record that stops matching or is deleted while pages are
 * read shifts nothing, so every record that matched at the start and still matches at the end is
 * returned exactly once, in id order.
 *
 * Speed comes from partitions. The first page shows whether there is more; one request for the
 * far end (the highest id that matches) then bounds the rest, which is split into id ranges read
 * side by side (`id[gt]=a&id[lt_or_eq]=b`), each by key. When a range is done while others have
 * far to go, the longest is split again, so the window stays busy to the end. The user's own id
 * filters stay in force: the partition bounds narrow them, never widen them.
 */
export async function keysetPaginate(
	ctx: CoupaContext,
	path: string,
	qs: IDataObject,
	descending: boolean,
	options: PageOptions = {},
): Promise<IDataObject[]> {
	const { limit, call } = options;
	const window = Math.max(1, Math.floor(options.window ?? DEFAULT_PAGE_WINDOW));
	const direction = descending ? DESCENDING : ASCENDING;
	const base: IDataObject = { ...qs, order_by: 'id', dir: direction.dir };

	/** One page after `after` (exclusive) up to `until` (inclusive); either may be open. */
	const fetchPage = async (
		after: number | undefined,
		until: number | undefined,
		size: number,
		cancellation?: Cancellation,
	) => {
		const query = withBounds(base, direction, after, until);
		const where = after === undefined ? 'the first page' : `the page after id ${after}`;
		const answer = await coupaRequest(
			ctx,
			{ method: 'GET', path, qs: { ...query, limit: size } },
			call,
			cancellation,
		);
		const page = listPage(ctx, answer, where, call);
		for (const record of page) {
			const id = idOf(record);
			if (!Number.isFinite(id) || (after !== undefined && !direction.before(after, id)))
				keyOrderBroken(ctx, where, call);
		}
		return page;
	};

	// The far end: the last matching id in this direction (the first in the other). Reading
	// everything, it is asked for alongside the first page once n8n holds a token, which saves a
	// round trip on long lists and costs one small request on short ones.
	const farEnd = async (): Promise<number | undefined> => {
		const farQuery = { ...base, dir: descending ? 'asc' : 'desc', limit: 1 };
		const far = listPage(
			ctx,
			await coupaRequest(ctx, { method: 'GET', path, qs: farQuery }, call),
			'the request for the last id',
			call,
		);
		return far.length ? idOf(far[0]) : undefined;
	};
	const firstSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit);
	const early =
		limit === undefined && (await hasAccessToken(ctx, call?.itemIndex)) ? farEnd() : undefined;
	// Not awaited yet: keep its rejection from going unhandled while the first page is read.
	early?.catch(() => undefined);
	const first = await fetchPage(undefined, undefined, firstSize);
	if (first.length < firstSize || first.length === limit) return first;
	const last = idOf(first[first.length - 1]);
	const end = await (early ?? farEnd());
	if (end === undefined || !direction.before(last, end)) return first;

	const needed = limit === undefined ? Infinity : limit - first.length;
	const span = Math.abs(end - last);
	const density = first.length / (Math.abs(last - idOf(first[0])) + 1);
	const count = Math.max(1, Math.min(window, Math.ceil((span * density) / PAGE_SIZE), span));
	const partitions = splitRange(last, end, count);

	// Splitting a range that holds less than two pages would cost more requests than it saves.
	const minSplit = Math.max(2, Math.ceil((2 * PAGE_SIZE) / density));
	await readPartitions(partitions, { window, needed, minSplit }, direction, fetchPage);

	const records = [...first];
	for (const partition of partitions) for (const record of partition.records) records.push(record);
	return limit === undefined ? records : records.slice(0, limit);
}

/** The query for ids past `after` up to `until`, keeping any tighter bound the user set. */
function withBounds(
	base: IDataObject,
	direction: Direction,
	after: number | undefined,
	until: number | undefined,
): IDataObject {
	const query = { ...base };
	const pastKey = `id[${direction.past}]`;
	const upToKey = `id[${direction.upTo}]`;
	if (after !== undefined) {
		const own = Number(query[pastKey]);
		query[pastKey] =
			Number.isFinite(own) && query[pastKey] !== undefined && direction.before(after, own)
				? own
				: after;
	}
	if (until !== undefined) {
		const own = Number(query[upToKey]);
		query[upToKey] =
			Number.isFinite(own) && query[upToKey] !== undefined && direction.before(own, until)
				? own
				: until;
	}
	return query;
}

/** `count` consecutive partitions covering ids after `after` up to `until`. */
function splitRange(after: number, until: number, count: number): Partition[] {
	const partitions: Partition[] = [];
	const step = (until - after) / count;
	let from = after;
	for (let index = 1; index <= count; index++) {
		const to = index === count ? until : Math.round(after + step * index);
		if (to === from) continue;
		partitions.push({
			after: from,
			until: to,
			records: [],
			done: false,
			cancellation: { cancelled: false },
		});
		from = to;
	}
	return partitions;
}

type PageFetcher = (
	after: number,
	until: number,
	size: number,
	cancellation: Cancellation,
) => Promise<IDataObject[]>;

/**
 * Reads every partition by key, at most `window` at once, splitting the longest remaining one
 * whenever a slot is free. Stops early once the first `needed` records are certain. On a failure
 * the other partitions are cancelled and the failure is thrown.
 */
async function readPartitions(
	partitions: Partition[],
	{ window, needed, minSplit }: { window: number; needed: number; minSplit: number },
	direction: Direction,
	fetchPage: PageFetcher,
): Promise<void> {
	const running = new Map<Partition, Promise<void>>();
	let failure: unknown;

	const readOne = async (partition: Partition) => {
		while (!partition.done && !partition.cancellation.cancelled) {
			const bound = partition.until;
			const page = await fetchPage(partition.after, bound, PAGE_SIZE, partition.cancellation);
			// The partition may have been split while this page was in flight: keep only its own ids.
			const own = page.filter((record) => !direction.before(partition.until, idOf(record)));
			partition.records.push(...own);
			if (own.length < page.length || page.length < PAGE_SIZE) partition.done = true;
			else partition.after = idOf(page[page.length - 1]);
			if (partition.after === partition.until) partition.done = true;
			settleLimit(partitions, needed);
		}
	};

	const start = (partition: Partition) => {
		const task = readOne(partition)
			.catch((error) => {
				// A cancelled partition was not needed any more (or the read failed already).
				if (partition.cancellation.cancelled) return;
				failure ??= error;
				partitions.forEach((p) => (p.cancellation.cancelled = true));
			})
			.finally(() => running.delete(partition));
		running.set(partition, task);
	};

	for (;;) {
		for (const partition of partitions) {
			if (failure !== undefined || running.size >= window) break;
			if (!partition.done && !partition.cancellation.cancelled && !running.has(partition))
				start(partition);
		}
		while (failure === undefined && running.size > 0 && running.size < window) {
			const split = splitLongest(partitions, minSplit);
			if (!split) break;
			start(split);
		}
		if (running.size === 0) break;
		await Promise.race(running.values());
	}
	if (failure !== undefined) throw failure;
}

/** Halves the unfinished partition with the most ids left, if it spans `minSplit` ids; returns the new second half. */
function splitLongest(partitions: Partition[], minSplit: number): Partition | undefined {
	let longest: Partition | undefined;
	for (const partition of partitions) {
		if (partition.done || partition.cancellation.cancelled) continue;
		if (
			!longest ||
			Math.abs(partition.until - partition.after) > Math.abs(longest.until - longest.after)
		)
			longest = partition;
	}
	if (!longest || Math.abs(longest.until - longest.after) < minSplit) return undefined;
	const middle = Math.round((longest.after + longest.until) / 2);
	const second: Partition = {
		after: middle,
		until: longest.until,
		records: [],
		done: false,
		cancellation: { cancelled: false },
	};
	longest.until = middle;
	partitions.splice(partitions.indexOf(longest) + 1, 0, second);
	return second;
}

/**
 * With a limit, records are returned in partition order. Once the partitions up to one of them
 * hold `needed` records, the partitions after it can't contribute: cancel them. If every
 * partition before it is complete, it can stop too.
 */
function settleLimit(partitions: Partition[], needed: number): void {
	if (needed === Infinity) return;
	let total = 0;
	let earlierComplete = true;
	for (const [index, partition] of partitions.entries()) {
		total += partition.records.length;
		if (total >= needed) {
			if (earlierComplete) partition.done = true;
			for (const later of partitions.slice(index + 1)) {
				later.cancellation.cancelled = true;
				later.records = [];
			}
			return;
		}
		earlierComplete &&= partition.done;
	}
}
