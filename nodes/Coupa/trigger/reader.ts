import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_PAGE_WINDOW, PAGE_SIZE } from '../transport/paginate';
import type { Cancellation, CoupaContext } from '../transport/request';
import { compareIds, queryTime, SECOND, wholeSecond } from './instants';
import type { ReadQuery, TimedRecord } from './readQuery';
import { listPage, rangeQuery, timed } from './readQuery';

/**
 * Reads every record whose polled timestamp lies in [from, ∞), exactly, without offsets and
 * without relying on the order Coupa gives records that share a second (it documents none, and
 * it may differ from one request to the next).
 *
 * A step asks for `timestamp >= S` ordered by the timestamp, one page of 50. Ordering by the
 * timestamp is reliable ACROSS seconds, so in a full page every second before the page's last
 * second L is complete: those records are taken, and the next step starts at L (whose records
 * are read again there, in the page where a later second follows them). A short page is
 * complete. Only when a whole page is one second S (50 or more records share it) is S read by id
 * instead: `S <= timestamp < S+1s`, `id > last id`, ordered by id, until a short page. So every
 * second is taken exactly once, from one answer or from an id walk, whatever the tie order.
 *
 * Backlogs are read concurrently in disjoint time ranges [a, b) (`timestamp < b` added to each
 * query): once a step comes back full, an idle request slot splits the unread range expected to
 * hold the most records in two, and each range is stepped as above. Ranges are disjoint and each
 * is read exactly, so splitting cannot lose or repeat a record. They are emitted in time order.
 */

export interface ReadPlan {
	/** Whole second to read from. */
	from: number;
	/** The poll budget may not stop the read before this instant (the look-back window). */
	mustReach: number;
	/** n8n's clock when the poll started. */
	now: number;
	started: number;
	budgetMs?: number;
	/** Requests in flight at most. */
	window?: number;
	/** Where an earlier poll stopped inside a crowded second: its id walk resumes there. */
	resume?: InsideSecond;
}

/** Part of a crowded second read by id: every record of `second` with id up to `afterId`. */
export interface InsideSecond {
	second: number;
	afterId: number;
}

export interface RangeRead {
	/** Records in time order (id within a second), each version once. */
	records: TimedRecord[];
	/** Every record in [from, reached) was read; Infinity when everything from `from` on was. */
	reached: number;
	/** The second at `reached` was read by id up to here (the budget ended the walk). */
	inside?: InsideSecond;
}

interface Range {
	start: number;
	end: number;
	/** Everything in [start, cursor) has been taken. */
	cursor: number;
	taken: TimedRecord[];
	done: boolean;
	busy: boolean;
	/** A full page came back: there is more here than one request, worth splitting. */
	busyRange: boolean;
	/** Records per ms in the last page read here (or in the range it was split from). */
	density: number;
	/** The second at `cursor` is read by id up to here; the walk goes on from it. */
	insideAfter?: number;
}

const newRange = (start: number, end: number, density = 0): Range => ({
	start,
	end,
	cursor: start,
	taken: [],
	done: false,
	busy: false,
	busyRange: false,
	density,
});

const byTimeThenId = (a: TimedRecord, b: TimedRecord) =>
	a.at - b.at || compareIds(a.record, b.record);

function take(range: Range, records: TimedRecord[], from: number, end: number): void {
	range.taken.push(...records.filter((r) => r.at >= from && r.at < end).sort(byTimeThenId));
}

/**
 * The records of one second by id, after `startAfter`: used when 50 or more records share that
 * second. Stops early, after a page, when `mayGoOn` says the poll budget is spent; `lastId` then
 * says how far it read (every record of the second with a lower or equal id).
 */
async function readSecond(
	ctx: CoupaContext,
	query: ReadQuery,
	second: number,
	cancellation: Cancellation,
	startAfter: number | undefined,
	mayGoOn: () => boolean,
): Promise<{ records: TimedRecord[]; lastId?: number }> {
	const { clock } = query;
	const records: TimedRecord[] = [];
	let after =
		startAfter === undefined
			? query.bounds.idAbove
			: Math.max(startAfter, query.bounds.idAbove ?? -Infinity);
	for (;;) {
		const qs: IDataObject = {
			...rangeQuery(query, second, second + SECOND),
			...(after !== undefined ? { 'id[gt]': after } : {}),
			order_by: 'id',
			dir: 'asc',
			limit: PAGE_SIZE,
		};
		const page = await listPage(ctx, query, qs, cancellation);
		records.push(...timed(query, page).filter((r) => wholeSecond(r.at) === second));
		if (page.length < PAGE_SIZE) return { records };
		const last = Number(page[page.length - 1].id);
		if (!Number.isFinite(last) || (after !== undefined && last <= after)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Coupa did not order ${query.call.objectName ?? 'records'} by id when asked`,
				{
					description: `While reading every record with ${clock.query} at ${queryTime(second)} by id, a page did not continue after id ${String(after)}. The trigger did not move on; the next poll asks again.`,
				},
			);
		}
		after = last;
		if (!mayGoOn()) return { records, lastId: last };
	}
}

/** One step of a range: one page from its cursor (plus an id walk when a page is all one second). */
async function step(
	ctx: CoupaContext,
	query: ReadQuery,
	range: Range,
	cancellation: Cancellation,
	mayGoOn: () => boolean,
): Promise<void> {
	const from = range.cursor;
	if (range.insideAfter !== undefined) {
		return await walkSecond(ctx, query, range, cancellation, range.insideAfter, mayGoOn);
	}
	const qs = {
		...rangeQuery(query, from, range.end),
		order_by: query.clock.query,
		dir: 'asc',
		limit: PAGE_SIZE,
	};
	const page = await listPage(ctx, query, qs, cancellation);
	// The range may have been split while the page was in flight: only its new end counts.
	const end = range.end;
	const records = timed(query, page);
	const finish = () => {
		range.cursor = end;
		range.done = true;
	};
	if (page.length < PAGE_SIZE) {
		take(range, records, from, end);
		return finish();
	}
	range.busyRange = true;
	// Records per ms in this step's page: the local density decides where splitting pays off.
	const measure = (count: number, until: number) => {
		const first = records.length ? Math.min(...records.map((r) => r.at)) : until;
		range.density = count / Math.max(SECOND, until - Math.max(first, from));
	};
	if (!records.length) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Coupa returned ${query.call.objectName ?? 'records'} without ${query.clock.key}`,
			{
				description: `The trigger polls on ${query.clock.key}, so every record must carry it. If Options → Fields is set, check that it is a valid projection.`,
			},
		);
	}
	const last = wholeSecond(Math.max(...records.map((r) => r.at)));
	if (last >= end) {
		take(range, records, from, end);
		return finish();
	}
	if (last > from) {
		// Seconds before the last one are complete; the last is read again by the next step.
		take(range, records, from, last);
		range.cursor = last;
		return measure(records.length, last + SECOND);
	}
	// The whole page is the second `from`: 50 or more records share it.
	await walkSecond(ctx, query, range, cancellation, undefined, mayGoOn);
}

/**
 * Reads the second at the range's cursor by id, after `startAfter`. When the budget ends the
 * walk, the range stays at that second and remembers the last id read, so the next step (or
 * the next poll, through the saved position) goes on from there instead of starting over.
 */
async function walkSecond(
	ctx: CoupaContext,
	query: ReadQuery,
	range: Range,
	cancellation: Cancellation,
	startAfter: number | undefined,
	mayGoOn: () => boolean,
): Promise<void> {
	const from = range.cursor;
	const walk = await readSecond(ctx, query, from, cancellation, startAfter, mayGoOn);
	take(range, walk.records, from, from + SECOND);
	range.density = PAGE_SIZE / SECOND;
	if (walk.lastId !== undefined) {
		range.insideAfter = walk.lastId;
		return;
	}
	range.insideAfter = undefined;
	range.cursor = from + SECOND;
	// The range may have been split during the walk: its current end counts.
	if (range.cursor >= range.end) range.done = true;
}

/**
 * Splits the range expected to hold the most records still unread (by the density seen so far),
 * when that is more than a page, so an idle request slot can read its upper half. The open
 * range [x, ∞) is first cut at n8n's "now": what lies beyond is stamped in the future and is
 * usually empty.
 */
function split(ranges: Range[], now: number): Range | undefined {
	const horizon = wholeSecond(now) + SECOND;
	let best: { index: number; at: number; expected: number } | undefined;
	for (const [index, range] of ranges.entries()) {
		if (range.done || !range.busyRange) continue;
		let at: number;
		let width: number;
		if (range.end === Infinity) {
			if (range.cursor + SECOND >= horizon) continue;
			at = horizon;
			width = horizon - range.cursor;
		} else {
			width = range.end - range.cursor;
			if (width < 2 * SECOND) continue;
			at = range.cursor + wholeSecond(width / 2);
		}
		const expected = range.density * width;
		if (expected > PAGE_SIZE && (!best || expected > best.expected)) best = { index, at, expected };
	}
	if (!best) return undefined;
	const parent = ranges[best.index];
	const child = newRange(best.at, parent.end, parent.density);
	// Its parent's pages came back full: the child may be split again before its own first page.
	child.busyRange = true;
	parent.end = best.at;
	ranges.splice(best.index + 1, 0, child);
	return child;
}

export async function readRange(
	ctx: CoupaContext,
	query: ReadQuery,
	plan: ReadPlan,
): Promise<RangeRead> {
	const window = Math.max(1, plan.window ?? DEFAULT_PAGE_WINDOW);
	const ranges: Range[] = [newRange(plan.from, Infinity)];
	// The id walk an earlier poll left inside a crowded second goes on where it stopped.
	if (plan.resume && plan.resume.second >= plan.from) {
		const first = ranges[0];
		if (plan.resume.second > plan.from) {
			first.end = plan.resume.second;
			ranges.push(newRange(plan.resume.second, Infinity));
		}
		ranges[ranges.length - 1].insideAfter = plan.resume.afterId;
	}
	const cancellation: Cancellation = { cancelled: false };
	const running = new Set<Promise<void>>();
	let failure: { error: unknown } | undefined;
	let slowestStep = 0;
	// Leave the rest of a large backlog to the next poll rather than overrun n8n's budget; but
	// the look-back window is always read to its end, or late changes in it could be missed, and
	// every poll moves its position on (past `mustReach`, or further into a crowded second there)
	// before the budget counts, so no budget is too short to make progress.
	const startInside = plan.resume?.second === plan.mustReach ? plan.resume.afterId : -Infinity;
	let progressed = false;
	const moved = () => {
		const front = ranges.find((range) => !range.done);
		if (!front || front.cursor > plan.mustReach) return true;
		return front.cursor === plan.mustReach && (front.insideAfter ?? -Infinity) > startInside;
	};
	const timeUp = () =>
		plan.budgetMs !== undefined && Date.now() - plan.started + slowestStep > plan.budgetMs;
	const overBudget = () => progressed && timeUp();
	const ready = (range: Range) =>
		!range.done && !range.busy && (range.cursor < plan.mustReach || !overBudget());

	const launch = (range: Range) => {
		range.busy = true;
		const stepStarted = Date.now();
		// A walk through a crowded second stops between pages once the time is up: the page just
		// read is progress, and the position remembers it.
		const mayGoOn = () => range.cursor < plan.mustReach || !timeUp();
		const task: Promise<void> = step(ctx, query, range, cancellation, mayGoOn)
			.then(
				() => {
					slowestStep = Math.max(slowestStep, Date.now() - stepStarted);
					progressed ||= moved();
				},
				(error: unknown) => {
					failure ??= { error };
					cancellation.cancelled = true;
				},
			)
			.finally(() => {
				range.busy = false;
				running.delete(task);
			});
		running.add(task);
	};

	for (;;) {
		while (!failure && running.size < window) {
			const next = ranges.find(ready) ?? (overBudget() ? undefined : split(ranges, plan.now));
			if (!next) break;
			launch(next);
		}
		if (running.size === 0) break;
		await Promise.race(running);
	}
	if (failure) throw failure.error;

	const records: TimedRecord[] = [];
	let reached = Infinity;
	let inside: InsideSecond | undefined;
	for (const range of ranges) {
		records.push(...range.taken);
		if (!range.done) {
			reached = range.cursor;
			if (range.insideAfter !== undefined)
				inside = { second: range.cursor, afterId: range.insideAfter };
			break;
		}
	}
	return { records, reached, inside };
}
