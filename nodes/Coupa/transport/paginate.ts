import type { IDataObject } from 'n8n-workflow';

import { keysetPaginate } from './keysetPaging';
import { offsetPaginate } from './offsetPaging';
import type { PageOptions } from './page';
import type { CoupaContext } from './request';

export { DEFAULT_PAGE_WINDOW, MAX_PAGE_WINDOW, PAGE_SIZE } from './page';
export type { PageOptions } from './page';

/**
 * Lists a Coupa collection: every matching record once.
 *
 * - Ordered by id (the default): read by key (keysetPaging.ts). Exactly once, whatever changes
 *   while the pages are read, for records that match at the start and at the end.
 * - Ordered by another field, all records: read by key as well, then sorted here by that field
 *   and then id, the way Coupa compares values. Same guarantee.
 * - Ordered by another field with a limit: Coupa's order matters (the first N), so pages are
 *   read by offset in that order; a record moving while pages are read can shift another past
 *   the read (it is then missed), and a record seen twice is returned once.
 */
export async function coupaPaginate(
	ctx: CoupaContext,
	path: string,
	qs: IDataObject = {},
	options: PageOptions = {},
): Promise<IDataObject[]> {
	if (options.limit !== undefined && options.limit <= 0) return [];
	const orderBy = qs.order_by === undefined ? 'id' : String(qs.order_by).trim();
	const descending = String(qs.dir ?? 'asc').toLowerCase() === 'desc';
	if (orderBy === 'id') return await keysetPaginate(ctx, path, qs, descending, options);
	if (options.limit !== undefined) return await offsetPaginate(ctx, path, qs, options);
	const filters = { ...qs };
	delete filters.order_by;
	delete filters.dir;
	const records = await keysetPaginate(ctx, path, filters, false, options);
	return sortByField(records, orderBy, descending);
}

/** `updated_at`, `supplier[name]` or `supplier.name` → the record keys along the way. */
function fieldPath(orderBy: string): string[] {
	return orderBy
		.replace(/\]/g, '')
		.split(/[.[]/)
		.filter(Boolean)
		.map((part) => part.replace(/_/g, '-'));
}

const TIMESTAMP =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A sortable key: instants for timestamps, numbers for decimals, case-folded text, null for none. */
function sortKey(value: unknown): number | string | null {
	if (value === null || value === undefined || typeof value === 'object') return null;
	if (typeof value === 'number') return value;
	if (typeof value === 'boolean') return value ? 1 : 0;
	const text = String(value);
	if (TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text))) return Date.parse(text);
	if (DECIMAL.test(text)) return Number(text);
	return text.toLocaleLowerCase('en');
}

function compareKeys(a: number | string | null, b: number | string | null): number {
	if (a === b) return 0;
	// Empty values first, as Coupa's database sorts them ascending.
	if (a === null) return -1;
	if (b === null) return 1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en');
}

/** Sorts by the field (either direction), then by id ascending among equal values. */
export function sortByField(
	records: IDataObject[],
	orderBy: string,
	descending: boolean,
): IDataObject[] {
	const path = fieldPath(orderBy);
	const keyed = records.map((record) => {
		let value: unknown = record;
		for (const key of path)
			value = value && typeof value === 'object' ? (value as IDataObject)[key] : undefined;
		return { record, key: sortKey(value) };
	});
	keyed.sort((x, y) => {
		const byField = compareKeys(x.key, y.key);
		if (byField !== 0) return descending ? -byField : byField;
		return Number(x.record.id) - Number(y.record.id);
	});
	return keyed.map(({ record }) => record);
}
