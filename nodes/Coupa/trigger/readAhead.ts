import type { IDataObject } from 'n8n-workflow';

import type { CallContext } from '../transport/errorMessages';
import { offsetPaginate } from '../transport/offsetPaging';
import { PAGE_SIZE } from '../transport/paginate';
import type { Cancellation, CoupaContext } from '../transport/request';
import { coupaRequest } from '../transport/request';
import type { Cursor } from './cursor';
import { instantOf, resumeOffset } from './cursor';

/**
 * How one poll step reads the records after the cursor.
 *
 * With offset paging, a record changed while pages are read leaves its place and shifts its
 * neighbours by one, so a page read at the same time as the one before it could miss the record
 * that slid into that page's last slot, and the cursor would move past it for good. So the pages
 * of a read-ahead window overlap by one record (offsets o, o+49, o+98, …), and a page is accepted
 * only if it starts with the record the page before ended with, the same id at the same instant:
 * then nothing before that record moved between the two reads. At the first page that disagrees
 * the step keeps what is vouched for, and the next step reads on from the new cursor.
 *
 * One change can hide from the overlap: a record that leaves its place and joins again before the
 * overlap record, in the same second, shifts nothing. Only the current second can be joined
 * (Coupa stamps a change with its time), so an overlap record vouches for a page only once it is
 * older than SETTLED_AFTER_MS. Recent changes are read one request per step, as they always were.
 */
export const PAGE_STRIDE = PAGE_SIZE - 1;

/**
 * How old a timestamp must be before nothing can join it any more. Far more than a second, to
 * cover clock skew between n8n and Coupa and transactions that commit a while after their stamp.
 */
export const SETTLED_AFTER_MS = 5 * 60_000;

export interface StepQuery {
	path: string;
	/** The poll query: filters, `timestamp >= T`, ordered by (timestamp, id). */
	qs: IDataObject;
	/** The record field of the polled timestamp, e.g. `updated-at`. */
	timestampKey: string;
	call: CallContext;
}

export interface StepRead {
	/** Records from the cursor's resume offset on, in Coupa's order, each once. */
	records: IDataObject[];
	/** False once the newest record has been read. */
	more: boolean;
	/** Every page of the window was accepted and full, so the next window may be larger. */
	whole: boolean;
}

/** Records one step must span: enough to re-read the remembered boundary records and gain new ones. */
export function stepLimit(cursor: Cursor): number {
	return Math.ceil((cursor.keys.length + PAGE_SIZE / 2) / PAGE_SIZE) * PAGE_SIZE;
}

/**
 * Reads one step from the cursor. `window` is how many pages the caller would like in flight;
 * the step asks for at least as many as it takes to span stepLimit(cursor) records.
 */
export async function readStep(ctx: CoupaContext, query: StepQuery, cursor: Cursor, window: number): Promise<StepRead> {
	const startOffset = resumeOffset(cursor);
	const limit = stepLimit(cursor);
	const settledBefore = Date.now() - SETTLED_AFTER_MS;
	if (cursor.atMs > settledBefore) {
		// Nothing after a recent T can vouch for a page: read `limit` records from one offset, as before.
		const records = await offsetPaginate(ctx, query.path, query.qs, { limit, startOffset, call: query.call });
		return { records, more: records.length === limit, whole: false };
	}
	// n overlapping pages span 49n + 1 records.
	const pageCount = Math.max(window, Math.ceil((limit - 1) / PAGE_STRIDE));
	const { pages, failure } = await fetchWindow(ctx, query, startOffset, pageCount);
	const walk = acceptWindow(pages, query.timestampKey, settledBefore);
	const whole = !walk.end && !walk.cut;
	// The walk needed the page that failed: the step, and so the poll, cannot complete.
	if (failure !== undefined && whole) throw failure;
	return { records: walk.records, more: !walk.end, whole };
}

export interface WindowWalk {
	records: IDataObject[];
	/** A short page was accepted: it holds the newest record. */
	end: boolean;
	/** A page did not start with the record the page before ended with. */
	cut: boolean;
}

/**
 * The records of overlapping pages (page i+1 starts at the last record of page i), as far as
 * each page is vouched for by the one before: the overlap record must be the same id at the same
 * instant, and older than `settledBeforeMs`.
 */
export function acceptWindow(pages: IDataObject[][], timestampKey: string, settledBeforeMs: number): WindowWalk {
	const records: IDataObject[] = [];
	for (const [index, page] of pages.entries()) {
		if (index > 0) {
			// The page before was full, so its last record is the overlap.
			const overlap = records[records.length - 1];
			// Nothing at the overlap's position any more: the list ends here; the next poll goes on.
			if (page.length === 0) return { records, end: true, cut: false };
			if (!vouches(overlap, page[0], timestampKey, settledBeforeMs)) return { records, end: false, cut: true };
		}
		for (const record of index === 0 ? page : page.slice(1)) records.push(record);
		if (page.length < PAGE_SIZE) return { records, end: true, cut: false };
	}
	return { records, end: false, cut: false };
}

function vouches(last: IDataObject, first: IDataObject, timestampKey: string, settledBeforeMs: number): boolean {
	const at = instantOf(last[timestampKey]);
	return at !== undefined && at <= settledBeforeMs && instantOf(first[timestampKey]) === at && String(last.id) === String(first.id);
}

/**
 * Requests the window's pages at once, through the shared rate limiter. Returns the pages up to
 * the first that failed, and that failure, which matters only if the walk needs that page.
 */
async function fetchWindow(
	ctx: CoupaContext,
	query: StepQuery,
	startOffset: number,
	pageCount: number,
): Promise<{ pages: IDataObject[][]; failure?: unknown }> {
	const cancellations: Cancellation[] = Array.from({ length: pageCount }, () => ({ cancelled: false }));
	const requests = cancellations.map(async (cancellation, index) => {
		const request = coupaRequest(
			ctx,
			{ method: 'GET', path: query.path, qs: { ...query.qs, offset: startOffset + index * PAGE_STRIDE, limit: PAGE_SIZE } },
			query.call,
			cancellation,
		);
		// No page after a failed one can be accepted: stop their retries.
		request.catch(() => cancellations.slice(index + 1).forEach((later) => (later.cancelled = true)));
		const page = await request;
		return Array.isArray(page) ? (page as IDataObject[]) : [];
	});
	const results = await Promise.allSettled(requests);
	const pages: IDataObject[][] = [];
	for (const result of results) {
		if (result.status === 'rejected') return { pages, failure: result.reason as unknown };
		pages.push(result.value);
	}
	return { pages };
}
