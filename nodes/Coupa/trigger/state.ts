import type { IDataObject } from 'n8n-workflow';

import { instantOf, recordKey, SECOND, wholeSecond } from './instants';

/**
 * How far behind its position each poll reads again, to catch changes that became visible late:
 * a transaction that commits a while after its timestamp, Coupa's clock running behind n8n's, a
 * record that joined a second while it was being read. A change is caught when it becomes
 * visible (by n8n's clock) at most this long after its timestamp.
 */
export const LOOKBACK_MS = 5 * 60_000;

/** Keys (id and timestamp) of records already emitted that the trigger remembers, at most. */
export const SEEN_LIMIT = 10_000;

/** A saved position further ahead of n8n's clock than this is treated as corrupt. */
export const FUTURE_LIMIT_MS = 24 * 60 * 60_000;

export const STATE_VERSION = 2;

/**
 * Where the trigger stands in one stream (a resource and the timestamp it polls on).
 *
 * - Every change stamped before `from` is done: emitted, or settled so that nothing new can
 *   appear there.
 * - Every change in [from, to) was read by an earlier poll (Coupa's stamps have whole seconds).
 * - `seen` holds the key (id@instant) of every record version at or after `from` that was
 *   emitted (for Status Changed: examined), so reading [from, …) again emits only what is new.
 */
export interface Position {
	from: number;
	to: number;
	seen: Map<string, number>;
	/**
	 * The second at `to` was read by id up to this id (a crowded second the budget cut short):
	 * the next poll's id walk goes on from it, so every poll moves on however short its budget.
	 */
	insideAfter?: number;
}

export function startPosition(atMs: number): Position {
	const from = wholeSecond(atMs);
	return { from, to: from, seen: new Map() };
}

/**
 * What a poll hands back to state, once it has read everything in [from, reached), and the
 * second at `reached` by id up to `inside.afterId` if set.
 */
export function nextPosition(
	position: Position,
	reached: number,
	now: number,
	inside?: { second: number; afterId: number },
): Position {
	const nowSecond = wholeSecond(now);
	// Read up to n8n's now at most: one record stamped in the future must not carry the position
	// past changes that are still to come. It stays in `seen` until the position passes it.
	let to = Math.max(position.to, Math.min(reached, nowSecond));
	// A poll at `now` that read a second more than LOOKBACK_MS old saw all of it that will ever be.
	let from = Math.min(to, Math.max(position.from, nowSecond - LOOKBACK_MS));
	const kept = [...position.seen.entries()]
		.filter(([, at]) => at >= from)
		.sort((a, b) => a[1] - b[1]);
	let dropUntil = 0;
	while (kept.length - dropUntil > SEEN_LIMIT) {
		// Forget whole seconds, oldest first, and stop reading them again.
		const second = wholeSecond(kept[dropUntil][1]);
		while (dropUntil < kept.length && wholeSecond(kept[dropUntil][1]) === second) dropUntil++;
		from = second + SECOND;
		to = Math.max(to, from);
	}
	const next: Position = { from, to, seen: new Map(kept.slice(dropUntil)) };
	// The walk inside the second at `to` counts only while the position stands at that second.
	if (inside && inside.second === to && reached === to) next.insideAfter = inside.afterId;
	return next;
}

const idOf = (key: string) => {
	const id = key.slice(0, key.lastIndexOf('@'));
	return /^\d{1,15}$/.test(id) ? Number(id) : id;
};

/** Plain JSON for n8n's static data: instants as ISO text, keys grouped by instant. */
export function positionToJson(position: Position): IDataObject {
	const groups = new Map<number, Array<string | number>>();
	for (const [key, at] of position.seen) {
		if (!groups.has(at)) groups.set(at, []);
		groups.get(at)!.push(idOf(key));
	}
	return {
		from: new Date(position.from).toISOString(),
		to: new Date(position.to).toISOString(),
		seen: [...groups.entries()]
			.sort((a, b) => a[0] - b[0])
			.map(([at, ids]) => [new Date(at).toISOString(), ids]),
		...(position.insideAfter !== undefined ? { insideAfter: position.insideAfter } : {}),
	};
}

export type Loaded =
	| { position: Position; problem?: undefined; note?: { level: 'info' | 'warn'; message: string } }
	| { position?: undefined; problem: string };

/** A stored version 2 position, or why it cannot be used. */
export function positionFromJson(data: IDataObject, now: number): Loaded {
	const from = instantOf(data.from);
	const to = instantOf(data.to);
	if (from === undefined || to === undefined)
		return {
			problem: `its position is not a date (from: ${JSON.stringify(data.from)}, to: ${JSON.stringify(data.to)})`,
		};
	if (from % SECOND !== 0 || to % SECOND !== 0)
		return { problem: 'its position is not in whole seconds' };
	if (from > to)
		return {
			problem: `its position runs backwards (from ${String(data.from)} to ${String(data.to)})`,
		};
	if (to > now + FUTURE_LIMIT_MS)
		return { problem: `its position ${String(data.to)} is in the future` };
	if (!Array.isArray(data.seen)) return { problem: 'its list of emitted records is missing' };
	// Sized before anything is read: a state with millions of keys is refused at once.
	if (remembersTooMany(data.seen as unknown[]))
		return {
			problem: `it remembers more emitted records than the ${SEEN_LIMIT} it ever keeps`,
		};
	const seen = new Map<string, number>();
	for (const entry of data.seen as unknown[]) {
		const at = Array.isArray(entry) && entry.length === 2 ? instantOf(entry[0]) : undefined;
		const ids = Array.isArray(entry) ? (entry[1] as unknown) : undefined;
		if (at === undefined || at < from || !Array.isArray(ids))
			return {
				problem: `its list of emitted records holds an impossible entry (${JSON.stringify(entry)?.slice(0, 80)})`,
			};
		for (const id of ids as unknown[]) {
			if (typeof id !== 'string' && typeof id !== 'number')
				return {
					problem: `its list of emitted records holds an impossible id (${JSON.stringify(id)})`,
				};
			seen.set(recordKey(id, at), at);
		}
	}
	const { insideAfter } = data;
	if (insideAfter === undefined) return { position: { from, to, seen } };
	if (typeof insideAfter !== 'number' || !Number.isSafeInteger(insideAfter))
		return { problem: `its place inside a second is not an id (${JSON.stringify(insideAfter)})` };
	return { position: { from, to, seen, insideAfter } };
}

/**
 * Whether a stored list of [instant, ids] groups holds more than SEEN_LIMIT keys. It reads no
 * further than that: at most SEEN_LIMIT groups (each holds at least one key), and their lengths.
 */
function remembersTooMany(groups: unknown[]): boolean {
	if (groups.length > SEEN_LIMIT) return true;
	let count = 0;
	for (const group of groups) {
		const ids = Array.isArray(group) ? (group[1] as unknown) : undefined;
		count += Array.isArray(ids) ? ids.length : 1;
		if (count > SEEN_LIMIT) return true;
	}
	return false;
}

/**
 * The cursor of version 1 (0.1.0): the boundary second T, how many records at T were emitted,
 * and the keys of the last ones. Everything before T was emitted; so the position starts at T,
 * remembering those keys. Records at T emitted but no longer remembered may be emitted again.
 */
export function positionFromVersion1(cursor: unknown, now: number): Loaded {
	if (!cursor || typeof cursor !== 'object') return { problem: 'its version 1 cursor is missing' };
	const { at, count, keys } = cursor as IDataObject;
	const atMs = instantOf(at);
	if (atMs === undefined)
		return { problem: `its version 1 cursor is not a date (${JSON.stringify(at)})` };
	if (atMs > now + FUTURE_LIMIT_MS)
		return { problem: `its version 1 cursor ${String(at)} is in the future` };
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || !Array.isArray(keys)) {
		return { problem: 'its version 1 cursor has no valid count or keys' };
	}
	const position = startPosition(atMs);
	for (const key of keys as unknown[]) {
		const text = String(key);
		const keyAt = Number(text.slice(text.lastIndexOf('@') + 1));
		if (text.lastIndexOf('@') <= 0 || keyAt !== atMs)
			return { problem: `its version 1 cursor holds an impossible key (${JSON.stringify(key)})` };
		position.seen.set(text, atMs);
	}
	const forgotten = count - position.seen.size;
	if (forgotten <= 0)
		return {
			position,
			note: { level: 'info', message: 'its saved position was migrated from version 1' },
		};
	return {
		position,
		note: {
			level: 'warn',
			message: `its saved position was migrated from version 1; up to ${forgotten} records changed at ${String(at)} may be emitted again, because version 1 kept the keys of only ${position.seen.size} of the ${count} records it counted there`,
		},
	};
}
