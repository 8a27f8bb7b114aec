import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CallContext } from '../transport/errorMessages';
import type { Cancellation, CoupaContext } from '../transport/request';
import { coupaRequest } from '../transport/request';
import type { EventClock } from './events';
import { instantOf, queryTime, SECOND } from './instants';

/** What the trigger asks Coupa for, and one page of it: the queries reader.ts sends. */

export interface ReadQuery {
	path: string;
	/** The user's filters and projection, without bounds on the polled timestamp. */
	qs: IDataObject;
	clock: EventClock;
	call: CallContext;
	/** The user's own bounds on the polled timestamp and on id (see userBounds). */
	bounds: UserBounds;
}

export interface UserBounds {
	/** `timestamp[gt_or_eq]` from the user's filters, as an instant. */
	notBefore?: number;
	/** `timestamp[lt]` from the user's filters, as an instant. */
	before?: number;
	/** `id[gt]` from the user's filters. */
	idAbove?: number;
}

export interface TimedRecord {
	record: IDataObject;
	at: number;
}

/**
 * Moves the user's bounds on the polled timestamp and on id out of the query, so the trigger can
 * combine them with its own (a second `updated_at[lt]` would overwrite the first).
 */
export function userBounds(
	qs: IDataObject,
	clock: EventClock,
): { qs: IDataObject; bounds: UserBounds; invalid?: string } {
	const rest = { ...qs };
	const bounds: UserBounds = {};
	const take = (key: string, parse: (text: string) => number): number | undefined => {
		if (rest[key] === undefined) return undefined;
		const text = String(rest[key]);
		delete rest[key];
		const value = parse(text);
		if (Number.isNaN(value)) throw new Error(`${key} = "${text}"`);
		return value;
	};
	try {
		// Coupa stamps whole seconds, so a bound inside a second means the next whole second.
		const instant = (text: string) => {
			const ms = instantOf(text);
			return ms === undefined ? NaN : Math.ceil(ms / SECOND) * SECOND;
		};
		bounds.notBefore = take(`${clock.query}[gt_or_eq]`, instant);
		bounds.before = take(`${clock.query}[lt]`, instant);
		bounds.idAbove = take('id[gt]', (text) => (/^\s*\d+\s*$/.test(text) ? Number(text) : NaN));
	} catch (error) {
		return { qs, bounds: {}, invalid: (error as Error).message };
	}
	return { qs: rest, bounds };
}

export function rangeQuery(query: ReadQuery, from: number, end: number): IDataObject {
	const { clock, bounds } = query;
	// The user's bounds only narrow the trigger's; every bound sent is whole seconds with an offset.
	const lower = Math.max(from, bounds.notBefore ?? -Infinity);
	const upper = Math.min(end, bounds.before ?? Infinity);
	const qs: IDataObject = { ...query.qs, [`${clock.query}[gt_or_eq]`]: queryTime(lower) };
	if (upper !== Infinity) qs[`${clock.query}[lt]`] = queryTime(upper);
	if (bounds.idAbove !== undefined) qs['id[gt]'] = bounds.idAbove;
	return qs;
}

/**
 * Leaves out records already read (`id[not_in]`, Compass "API Operators"), after the user's own
 * `id[not_in]` list if the filters have one.
 */
export function leavingOut(qs: IDataObject, known: TimedRecord[]): IDataObject {
	if (!known.length) return qs;
	const own = qs['id[not_in]'];
	const ids = known.map((r) => String(r.record.id));
	return { ...qs, 'id[not_in]': [...(own === undefined ? [] : [String(own)]), ...ids].join(',') };
}

export async function listPage(
	ctx: CoupaContext,
	query: ReadQuery,
	qs: IDataObject,
	cancellation: Cancellation,
): Promise<IDataObject[]> {
	const page = await coupaRequest(
		ctx,
		{ method: 'GET', path: query.path, qs },
		query.call,
		cancellation,
	);
	if (Array.isArray(page)) return page as IDataObject[];
	const shown = Object.entries(qs)
		.filter(([key]) => key !== 'fields')
		.map(([key, value]) => `${key}=${String(value)}`)
		.join('&');
	throw new NodeOperationError(
		ctx.getNode(),
		`Coupa answered a page of ${query.call.operationLabel ?? 'the trigger'} with something that is not a list`,
		{
			description: `GET /api/${query.path}?${shown} returned ${page === undefined || page === '' ? 'an empty body' : 'a JSON object'} instead of a JSON array. The trigger did not move on; the next poll asks again. If this repeats, check that Coupa is not in maintenance.`,
		},
	);
}

export function timed(query: ReadQuery, page: IDataObject[]): TimedRecord[] {
	const list: TimedRecord[] = [];
	for (const record of page) {
		const at = instantOf(record[query.clock.key]);
		if (at !== undefined) list.push({ record, at });
	}
	return list;
}
