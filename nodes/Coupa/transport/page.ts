import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CallContext } from './errorMessages';
import type { CoupaContext } from './request';

/** Coupa returns at most 50 records a page (Compass "Querying Options"). */
export const PAGE_SIZE = 50;
/** Pages requested at once. The shared rate limiter keeps the process under Coupa's limit. */
export const DEFAULT_PAGE_WINDOW = 8;
/** The most pages the Concurrent Pages option may ask for at once. */
export const MAX_PAGE_WINDOW = 20;

export interface PageOptions {
	/** Stop after this many records; undefined returns all. */
	limit?: number;
	/** Pages in flight at once; 1 pages sequentially. */
	window?: number;
	call?: CallContext;
}

/**
 * A list page as Coupa sends it: a JSON array. Anything else in a 200 (an empty body, `{}`, a
 * maintenance message) fails the read, naming the page: taking it for the end of the list would
 * silently drop every record after it.
 */
export function listPage(
	ctx: CoupaContext,
	answer: unknown,
	page: string,
	call: CallContext = {},
): IDataObject[] {
	if (Array.isArray(answer)) return answer as IDataObject[];
	const what =
		answer === undefined || answer === null || answer === ''
			? 'an empty answer'
			: `${typeof answer === 'object' ? 'a JSON object' : 'a text'} instead of a list`;
	const message = `Coupa answered ${page} of ${call.operationLabel ?? 'the list'} with ${what}`;
	const description =
		'The list was not returned in part, so no record is silently left out. Coupa may be in maintenance, or a proxy answered in its place: run the node again later.';
	return failWith(ctx, message, description, call);
}

function failWith(
	ctx: CoupaContext,
	message: string,
	description: string,
	call: CallContext,
): never {
	throw new NodeApiError(ctx.getNode(), { message, description } as JsonObject, {
		message,
		description,
		itemIndex: call.itemIndex,
	});
}

/** A page that breaks the key order asked for: the endpoint ignored the key filter, and paging on would loop. */
export function keyOrderBroken(ctx: CoupaContext, page: string, call: CallContext = {}): never {
	return failWith(
		ctx,
		`Coupa answered ${page} of ${call.operationLabel ?? 'the list'} with records outside the requested id range`,
		'This path seems to ignore id filters (id[gt], id[lt]), so it cannot be paged by key. Read it without paging, with a limit of 50 or less.',
		call,
	);
}
