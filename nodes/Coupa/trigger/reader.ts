import { DEFAULT_PAGE_WINDOW } from '../transport/paginate';
import type { Cancellation, CoupaContext } from '../transport/request';
import { compareIds } from './instants';
import type { Range } from './ranges';
import { floorOf, isBacklog, isDone, newRange, spare, split } from './ranges';
import type { ReadQuery, TimedRecord } from './readQuery';
import { ascend, descend } from './steps';

/**
 * Reads every record whose polled timestamp lies in [from, ∞), exactly, without offsets and
 * without relying on the order Coupa gives records that share a second (it documents none, and
 * it may differ from one request to the next).
 *
 * An ascending step asks for `timestamp >= S` ordered by the timestamp, one page of 50. Ordering
 * by the timestamp is reliable ACROSS seconds, so in a full page every second before the page's
 * last second L is complete: those records are taken, and the next step starts at L, leaving out
 * (`id[not_in]`) the records of L this page brought; L is complete once a page brings a later
 * second after the rest of L. A short page is complete. Only when a whole page is one second S
 * (50 or more records share it beyond those left out) is S read by id instead:
 * `S <= timestamp < S+1s`, `id > last id`, ordered by id, until a short page. So every second is
 * taken exactly once, from answers that together hold all of it or from an id walk, whatever the
 * tie order.
 *
 * Backlogs are read concurrently in disjoint time ranges [lo, hi) (`timestamp < hi` added to each
 * query), each from both ends: ascending from lo as above, and descending from hi (`dir=desc`),
 * where a full page makes every second after its first one F complete, and hi moves down to F+1s.
 * The two meet somewhere inside, so a range ends with one short page however long it is: the cost
 * of reading it concurrently. When request slots are free, the range expected to hold the most
 * unread records is split in two at its expected middle (from the density its two ends showed).
 * Ranges are disjoint and each is read exactly, so splitting cannot lose or repeat a record.
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
	/**
	 * Requests in flight at most, asked again before each launch: Coupa's latency during a backlog
	 * may differ from the one seen before it.
	 */
	window?: () => number;
	/**
	 * How many requests the rate limiter would send at once now. A range is split only into a
	 * free slot: while steps already queue for slots, another range adds no speed, only one more
	 * short page at its end.
	 */
	freeSlots?: () => number;
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

/**
 * A poll that starts further back than this (a backfill with Start From, or catching up after
 * downtime) is usually a backlog: its first page is read from both ends at once, which saves the
 * round trip that would otherwise find out. Polls that follow each other closer cost one request
 * when quiet.
 */
const LIKELY_BACKLOG_MS = 24 * 60 * 60 * 1000;

const byTimeThenId = (a: TimedRecord, b: TimedRecord) =>
	a.at - b.at || compareIds(a.record, b.record);

export async function readRange(
	ctx: CoupaContext,
	query: ReadQuery,
	plan: ReadPlan,
): Promise<RangeRead> {
	const window = () => Math.max(1, plan.window?.() ?? DEFAULT_PAGE_WINDOW);
	const ranges: Range[] = [newRange(plan.from, Infinity)];
	// The id walk an earlier poll left inside a crowded second goes on where it stopped.
	if (plan.resume && plan.resume.second >= plan.from) {
		if (plan.resume.second > plan.from) {
			ranges[0].hi = plan.resume.second;
			ranges.push(newRange(plan.resume.second, Infinity));
		}
		ranges[ranges.length - 1].insideAfter = plan.resume.afterId;
	} else if (plan.now - plan.from > LIKELY_BACKLOG_MS) {
		ranges[0].backlogLikely = true;
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
		const front = ranges.find((range) => !isDone(range));
		if (!front || front.lo > plan.mustReach) return true;
		return front.lo === plan.mustReach && (front.insideAfter ?? -Infinity) > startInside;
	};
	const timeUp = () =>
		plan.budgetMs !== undefined && Date.now() - plan.started + slowestStep > plan.budgetMs;
	const overBudget = () => progressed && timeUp();

	/** The next step to send: ascending steps first, lowest range first, for the budget's sake. */
	const nextStep = (): { range: Range; up: boolean } | undefined => {
		for (const range of ranges) {
			if (isDone(range) || range.ascending) continue;
			if (range.lo >= plan.mustReach && overBudget()) continue;
			// Both ends meet soon: one page does it, the other would read the same records.
			if (range.descending && spare(range) <= 0) continue;
			return { range, up: true };
		}
		if (overBudget()) return undefined;
		const descending = ranges.find(
			(range) =>
				!isDone(range) &&
				!range.descending &&
				!range.descendingStuck &&
				(isBacklog(range) || range.backlogLikely) &&
				spare(range) > 0,
		);
		return descending && { range: descending, up: false };
	};

	const launch = ({ range, up }: { range: Range; up: boolean }) => {
		const stepStarted = Date.now();
		let work: Promise<void>;
		if (up) {
			range.ascending = true;
			// A walk through a crowded second stops between pages once the time is up: the page just
			// read is progress, and the position remembers it.
			const mayGoOn = () => range.lo < plan.mustReach || !timeUp();
			work = ascend(ctx, query, range, cancellation, mayGoOn).finally(() => {
				range.ascending = false;
			});
		} else {
			const flight = { range };
			range.descending = flight;
			work = descend(ctx, query, flight, cancellation).finally(() => {
				flight.range.descending = undefined;
			});
		}
		const task: Promise<void> = work
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
			.finally(() => running.delete(task));
		running.add(task);
	};

	for (;;) {
		// Counted before launching: the steps launched below take their slots only once they send.
		let free = plan.freeSlots?.() ?? Infinity;
		while (!failure && running.size < window()) {
			let next = nextStep();
			if (!next && !overBudget() && free > 0) {
				const child = split(ranges, plan.now);
				next = child && { range: child, up: true };
			}
			if (!next) break;
			launch(next);
			free--;
		}
		if (running.size === 0) break;
		await Promise.race(running);
	}
	if (failure) throw failure.error;

	const records: TimedRecord[] = [];
	let reached = Infinity;
	let inside: InsideSecond | undefined;
	for (const range of ranges) {
		if (isDone(range)) {
			records.push(...range.taken);
			continue;
		}
		// Only what lies below the unread part counts; the rest is read again by the next poll.
		const floor = floorOf(range);
		records.push(...range.taken.filter((r) => r.at < floor));
		reached = range.lo;
		if (range.insideAfter !== undefined) inside = { second: range.lo, afterId: range.insideAfter };
		break;
	}
	return { records: records.sort(byTimeThenId), reached, inside };
}
