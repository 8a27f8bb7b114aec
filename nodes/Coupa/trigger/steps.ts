import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PAGE_SIZE } from '../transport/paginate';
import type { Cancellation, CoupaContext } from '../transport/request';
import { queryTime, SECOND, wholeSecond } from './instants';
import type { Range } from './ranges';
import { floorOf, take } from './ranges';
import type { ReadQuery, TimedRecord } from './readQuery';
import { leavingOut, listPage, rangeQuery, timed } from './readQuery';

/** The requests that read one range (reader.ts): ascending, descending, and by id in a crowded second. */

function missingStamps(ctx: CoupaContext, query: ReadQuery): NodeOperationError {
	return new NodeOperationError(
		ctx.getNode(),
		`Coupa returned ${query.call.objectName ?? 'records'} without ${query.clock.key}`,
		{
			description: `The trigger polls on ${query.clock.key}, so every record must carry it. If Options → Fields is set, check that it is a valid projection.`,
		},
	);
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

/**
 * One page of [from, to) ordered by the polled timestamp in `dir`, leaving out the records already
 * `known`: `fresh` is what Coupa sent, `records` adds the known ones back.
 */
async function pageAfter(
	ctx: CoupaContext,
	query: ReadQuery,
	cancellation: Cancellation,
	{ from, to, dir, known }: { from: number; to: number; dir: 'asc' | 'desc'; known: TimedRecord[] },
): Promise<{ full: boolean; fresh: TimedRecord[]; records: TimedRecord[] }> {
	const qs = {
		...leavingOut(rangeQuery(query, from, to), known),
		order_by: query.clock.query,
		dir,
		limit: PAGE_SIZE,
	};
	const page = await listPage(ctx, query, qs, cancellation);
	const fresh = timed(query, page);
	return { full: page.length >= PAGE_SIZE, fresh, records: [...known, ...fresh] };
}

/** One ascending step: one page from lo (or an id walk when a page is all one second). */
export async function ascend(
	ctx: CoupaContext,
	query: ReadQuery,
	range: Range,
	cancellation: Cancellation,
	mayGoOn: () => boolean,
): Promise<void> {
	if (range.insideAfter !== undefined) {
		return await walkSecond(ctx, query, range, cancellation, range.insideAfter, mayGoOn);
	}
	const from = range.lo;
	// Records of the second `from` the last page ended with: left out, so the page brings the rest.
	const known = range.lowSeen ?? [];
	const { full, fresh, records } = await pageAfter(ctx, query, cancellation, {
		from,
		to: range.hi,
		dir: 'asc',
		known,
	});
	range.lowSeen = undefined;
	// The descending steps or a split may have lowered hi while the page was in flight.
	const hi = range.hi;
	if (!full) {
		take(range, records, from, hi);
		range.lo = hi;
		return;
	}
	if (!fresh.length) throw missingStamps(ctx, query);
	const instants = fresh.map((r) => r.at);
	const last = wholeSecond(Math.max(...instants));
	range.densityLow =
		fresh.length / Math.max(SECOND, last + SECOND - Math.max(Math.min(...instants), from));
	if (last > from || last >= hi) {
		// Seconds before the last one are complete; the next step brings the rest of the last.
		const until = Math.min(last, hi);
		take(range, records, from, until);
		range.lo = until;
		if (until === last) range.lowSeen = atSecond(fresh, last);
		return;
	}
	// The whole page is the second `from`: 50 or more records share it.
	await walkSecond(ctx, query, range, cancellation, undefined, mayGoOn);
}

/** One descending step: one page down from hi; every second after the page's first is complete. */
export async function descend(
	ctx: CoupaContext,
	query: ReadQuery,
	flight: { range: Range },
	cancellation: Cancellation,
): Promise<void> {
	const hi = flight.range.hi;
	// Records of the second below hi the last page ended with: left out, as in ascend.
	const known = flight.range.highSeen ?? [];
	const { full, fresh, records } = await pageAfter(ctx, query, cancellation, {
		from: floorOf(flight.range),
		to: hi,
		dir: 'desc',
		known,
	});
	// A split may have handed this step to the upper half, and the ascending steps moved on.
	const range = flight.range;
	range.highSeen = undefined;
	const floor = floorOf(range);
	if (!full) {
		take(range, records, floor, hi);
		range.hi = floor;
		return;
	}
	if (!fresh.length) throw missingStamps(ctx, query);
	const instants = fresh.map((r) => r.at);
	const first = wholeSecond(Math.min(...instants));
	const top = Math.min(hi, wholeSecond(Math.max(...instants)) + SECOND);
	range.densityHigh = fresh.length / Math.max(SECOND, top - first);
	const until = Math.max(first + SECOND, floor);
	if (until >= hi) {
		range.descendingStuck = true;
		return;
	}
	take(range, records, until, hi);
	range.hi = until;
	if (until === first + SECOND) range.highSeen = atSecond(fresh, first);
}

/**
 * The records stamped in `second`, when each has an id to leave out by: Coupa's ids are whole
 * numbers, and anything else (a comma would split the list), or more than a page of them (an
 * answer bigger than Coupa's pages), leaves the second to be read again.
 */
function atSecond(records: TimedRecord[], second: number): TimedRecord[] | undefined {
	const seen = records.filter((r) => wholeSecond(r.at) === second);
	if (seen.length > PAGE_SIZE) return undefined;
	return seen.every((r) => /^\d+$/.test(String(r.record.id))) ? seen : undefined;
}

/**
 * Reads the second at the range's lo by id, after `startAfter`. When the budget ends the walk,
 * the range stays at that second and remembers the last id read, so the next step (or the next
 * poll, through the saved position) goes on from there instead of starting over.
 */
async function walkSecond(
	ctx: CoupaContext,
	query: ReadQuery,
	range: Range,
	cancellation: Cancellation,
	startAfter: number | undefined,
	mayGoOn: () => boolean,
): Promise<void> {
	const from = range.lo;
	const walk = await readSecond(ctx, query, from, cancellation, startAfter, mayGoOn);
	// A descending page that reached below this second took all of it meanwhile.
	if (range.hi <= from) return;
	take(range, walk.records, from, from + SECOND);
	range.densityLow = PAGE_SIZE / SECOND;
	if (walk.lastId !== undefined) {
		range.insideAfter = walk.lastId;
		return;
	}
	range.insideAfter = undefined;
	range.lo = from + SECOND;
}
