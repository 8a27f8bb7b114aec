import type { IDataObject } from 'n8n-workflow';

import { DEFAULT_PAGE_WINDOW, listPage, PAGE_SIZE } from './page';
import type { PageOptions } from './page';
import type { Cancellation, CoupaContext } from './request';
import { coupaRequest } from './request';

/**
 * Lists a Coupa collection with offset paging, in the order the query asks Coupa for. Only for
 * reads that need Coupa's own order over part of a collection (a custom order with a limit):
 * a record that moves while pages are read shifts the offsets, so one may be missed; a record
 * returned twice is returned once (by id). Whole collections are read by key (keysetPaging.ts).
 *
 * A window of page requests (offsets 0, 50, …) is kept in flight; it starts at one page and
 * doubles with every full page (like TCP slow start), so a small read costs one request and a
 * large one pages concurrently. Paging stops at
 * the first short page, so only the rest of one window can be wasted past the end, and it returns
 * as soon as every page up to that one is in: the wasted requests are not waited for (their
 * retries are cancelled and their answers dropped). Records come back in page order, so Coupa's
 * order (id unless the caller asks otherwise) is kept and nothing is duplicated. On a hard error
 * the rest of the window is cancelled and the error is thrown; an error on a page already known
 * to lie past the end is ignored.
 */
export async function offsetPaginate(
	ctx: CoupaContext,
	path: string,
	qs: IDataObject = {},
	options: PageOptions = {},
): Promise<IDataObject[]> {
	const limit = options.limit;
	if (limit !== undefined && limit <= 0) return [];
	const window = Math.max(1, Math.floor(options.window ?? DEFAULT_PAGE_WINDOW));
	const query: IDataObject = { ...qs };
	if (query.order_by === undefined) {
		query.order_by = 'id';
		query.dir = 'asc';
	}
	const pageSizeFor = (page: number) =>
		limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - page * PAGE_SIZE);
	const lastPageAllowed = limit === undefined ? Infinity : Math.ceil(limit / PAGE_SIZE) - 1;

	const pages: IDataObject[][] = [];
	const cancellation: Cancellation = { cancelled: false };
	let endPage = lastPageAllowed;
	let nextPage = 0;
	let allowedInFlight = 1;
	let failure: unknown;
	const inFlight = new Map<number, Promise<void>>();

	const fetchPage = async (page: number) => {
		const size = pageSizeFor(page);
		const offset = page * PAGE_SIZE;
		const answer = await coupaRequest(
			ctx,
			{ method: 'GET', path, qs: { ...query, offset, limit: size } },
			options.call,
			cancellation,
		);
		if (page > endPage) return;
		const list = listPage(ctx, answer, `the page at offset ${offset}`, options.call);
		pages[page] = list;
		if (list.length < size) endPage = page;
		else allowedInFlight = Math.min(window, allowedInFlight * 2);
	};
	// Pages up to the end are still owed: either not yet requested or not yet answered.
	const owed = () => nextPage <= endPage || [...inFlight.keys()].some((page) => page <= endPage);

	while (failure === undefined && owed()) {
		while (inFlight.size < allowedInFlight && nextPage <= endPage) {
			const page = nextPage++;
			const task: Promise<void> = fetchPage(page)
				.catch((error) => {
					if (page > endPage) return;
					failure ??= error;
					cancellation.cancelled = true;
				})
				.finally(() => inFlight.delete(page));
			inFlight.set(page, task);
		}
		await Promise.race(inFlight.values());
	}
	// Whatever is still in flight lies past the end (or behind a failure): let it give up.
	cancellation.cancelled = true;
	if (failure !== undefined) throw failure;

	const records: IDataObject[] = [];
	const seen = new Set<unknown>();
	for (let page = 0; page <= Math.min(endPage, pages.length - 1); page++) {
		for (const record of pages[page] ?? []) {
			if (record.id !== undefined && seen.has(record.id)) continue;
			seen.add(record.id);
			records.push(record);
		}
		pages[page] = [];
	}
	return limit === undefined ? records : records.slice(0, limit);
}
