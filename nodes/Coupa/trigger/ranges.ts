import { PAGE_SIZE } from '../transport/paginate';
import { SECOND, wholeSecond } from './instants';
import type { TimedRecord } from './readQuery';

/**
 * The time ranges a backlog is read in (reader.ts): what each has taken, what it expects to hold
 * still, and how one is split in two.
 */

/** A time range still being read: [lo, hi) is unread, what lies around it is taken. */
export interface Range {
	/** The ascending steps took everything from the range's start up to here. */
	lo: number;
	/** The descending steps took everything from here up to the range's end. */
	hi: number;
	taken: TimedRecord[];
	ascending: boolean;
	/** The descending step in flight: it moves with the upper half when the range is split. */
	descending?: { range: Range };
	/** A descending page was all one second: the ascending steps read the rest (by id there). */
	descendingStuck: boolean;
	/** The poll starts so far back that a backlog is likely: read from both ends from the start. */
	backlogLikely?: boolean;
	/** Records per ms in the last page read at each end (or in the range this was split from). */
	densityLow?: number;
	densityHigh?: number;
	/** The second at lo is read by id up to here; the walk goes on from it. */
	insideAfter?: number;
	/** Records of the second at lo that the last ascending page ended with (not yet taken). */
	lowSeen?: TimedRecord[];
	/** Records of the second below hi that the last descending page ended with (not yet taken). */
	highSeen?: TimedRecord[];
}

export const newRange = (lo: number, hi: number): Range => ({
	lo,
	hi,
	taken: [],
	ascending: false,
	descendingStuck: false,
});

export const isDone = (range: Range) => range.hi <= range.lo;

/** Where descending steps stop: above the second an id walk has begun, which the walk finishes. */
export const floorOf = (range: Range) =>
	range.insideAfter === undefined ? range.lo : range.lo + SECOND;

/** Records expected in [floor, hi), from the density seen at its ends (0 before a full page). */
export function expected(range: Range): number {
	const width = range.hi - floorOf(range);
	if (width === Infinity) return Infinity;
	const seen = [range.densityLow, range.densityHigh].filter((d) => d !== undefined);
	return seen.length ? (width * seen.reduce((sum, d) => sum + d, 0)) / seen.length : 0;
}

/** Records expected beyond the pages already in flight in the range. */
export const spare = (range: Range) =>
	expected(range) - PAGE_SIZE * (Number(range.ascending) + Number(range.descending !== undefined));

export function take(range: Range, records: TimedRecord[], from: number, end: number): void {
	range.taken.push(...records.filter((r) => r.at >= from && r.at < end));
}

/**
 * Where to split a range so both halves expect as many records: its middle when the density is
 * the same at both ends, nearer the denser end otherwise (density taken to change linearly). The
 * open range [x, ∞) is split below n8n's "now" (`horizon`), so splitting it again and again halves
 * the distance to now each time: changes crowd the recent end, where a backlog usually lies.
 */
function middleOf(range: Range, horizon: number): { at: number; density: number } | undefined {
	const floor = floorOf(range);
	const top = range.hi === Infinity ? horizon : range.hi;
	const width = top - floor;
	if (width < 2 * SECOND) return undefined;
	const low = range.densityLow ?? range.densityHigh ?? 0;
	const high = range.densityHigh ?? low;
	const share =
		low === high ? 0.5 : (Math.sqrt((low * low + high * high) / 2) - low) / (high - low);
	const at = Math.min(top - SECOND, Math.max(floor + SECOND, floor + wholeSecond(width * share)));
	return { at, density: low + ((high - low) * (at - floor)) / width };
}

/** A full page came back in the range: it holds a backlog, worth more than one step at a time. */
export const isBacklog = (range: Range) =>
	range.densityLow !== undefined || range.densityHigh !== undefined;

/**
 * Splits the range expected to hold the most records beyond the pages in flight, when that is
 * more than a page, so an idle request slot can read its upper half. Until its descending step
 * has answered, the open range [x, ∞) holds an unknown number and is split first.
 */
export function split(ranges: Range[], now: number): Range | undefined {
	const horizon = wholeSecond(now) + SECOND;
	let best: { index: number; at: number; density: number; room: number } | undefined;
	for (const [index, range] of ranges.entries()) {
		// Not before an upward page came back full: the top's density alone, spread down to Start
		// From (often years of nothing), would split empty time into ranges that each cost a page.
		if (isDone(range) || range.densityLow === undefined) continue;
		const room = spare(range);
		if (room <= PAGE_SIZE || (best && room <= best.room)) continue;
		const middle = middleOf(range, horizon);
		if (middle) best = { index, ...middle, room };
	}
	if (!best) return undefined;
	const parent = ranges[best.index];
	const child = newRange(best.at, parent.hi);
	child.taken = parent.taken.filter((r) => r.at >= best.at);
	parent.taken = parent.taken.filter((r) => r.at < best.at);
	child.densityLow = best.density;
	child.densityHigh = parent.densityHigh;
	parent.densityHigh = best.density;
	child.descendingStuck = parent.descendingStuck;
	parent.descendingStuck = false;
	child.highSeen = parent.highSeen;
	parent.highSeen = undefined;
	child.descending = parent.descending;
	parent.descending = undefined;
	if (child.descending) child.descending.range = child;
	parent.hi = best.at;
	ranges.splice(best.index + 1, 0, child);
	return child;
}
