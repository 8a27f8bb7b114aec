import type { IDataObject } from 'n8n-workflow';

/**
 * The trigger's position in a Coupa collection ordered by (timestamp, id).
 *
 * Coupa has no cursors and only offset paging, and its timestamps have one-second resolution, so
 * many records can share the boundary second T. The cursor is keyset-like: T, how many records
 * at exactly T were consumed (`count`), and the keys (id + timestamp) of the last ones consumed
 * at T. The next request asks for `timestamp >= T` from offset `count - keys.length`, so the
 * remembered records are read again and skipped by key. That re-read is the slack that keeps
 * records from being skipped when the T group shrinks (a consumed record updated again leaves
 * T) or grows (a newcomer joins T while T is the current second): as long as no more than
 * KEYS_KEPT records share T, the whole group is re-read and nothing is skipped or repeated.
 */
export interface Cursor {
	/** Epoch milliseconds of T. Coupa timestamps carry offsets; comparing instants is exact. */
	atMs: number;
	count: number;
	keys: string[];
}

/** Keys kept for the boundary second: bounds the static data and the re-read per request. */
export const KEYS_KEPT = 200;

/** Instant of a Coupa timestamp such as `2026-11-27T14:03:11-08:00`; undefined when absent. */
export function instantOf(value: unknown): number | undefined {
	if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
	const ms = value instanceof Date ? value.getTime() : Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

export function recordKey(record: IDataObject, atMs: number): string {
	return `${String(record.id)}@${atMs}`;
}

export function startCursor(atMs: number): Cursor {
	return { atMs, count: 0, keys: [] };
}

/** Offset of the first record the next request must return. */
export function resumeOffset(cursor: Cursor): number {
	return Math.max(0, cursor.count - cursor.keys.length);
}

/**
 * Moves the cursor over records returned for `timestamp >= T` in (timestamp, id) order and
 * returns the ones not consumed before. Records behind T or already consumed at T are dropped.
 */
export function advance(
	cursor: Cursor,
	records: IDataObject[],
	timestampKey: string,
): { cursor: Cursor; fresh: IDataObject[] } {
	let { atMs, count } = cursor;
	let keys = [...cursor.keys];
	let seen = new Set(keys);
	const fresh: IDataObject[] = [];
	for (const record of records) {
		const ms = instantOf(record[timestampKey]);
		if (ms === undefined || ms < atMs) continue;
		const key = recordKey(record, ms);
		if (ms === atMs && seen.has(key)) continue;
		if (ms > atMs) {
			atMs = ms;
			count = 0;
			keys = [];
			seen = new Set();
		}
		fresh.push(record);
		count++;
		keys.push(key);
		seen.add(key);
	}
	return { cursor: { atMs, count, keys: keys.slice(-KEYS_KEPT) }, fresh };
}

/** The cursor as stored: plain JSON, with T readable for people who inspect static data. */
export function cursorToJson(cursor: Cursor): IDataObject {
	return { at: new Date(cursor.atMs).toISOString(), count: cursor.count, keys: cursor.keys };
}

export function cursorFromJson(data: unknown): Cursor | undefined {
	if (!data || typeof data !== 'object') return undefined;
	const { at, count, keys } = data as IDataObject;
	const atMs = instantOf(at);
	if (atMs === undefined || typeof count !== 'number' || !Array.isArray(keys)) return undefined;
	return { atMs, count, keys: keys.map(String) };
}
