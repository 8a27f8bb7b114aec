/**
 * Coupa may send a call out again (the export examples say failed calls are retried). With
 * de-duplication on, a document already seen with the same type, ID and `updated-at` within the
 * window does not start the workflow again. At most MAX_KEYS keys are kept, oldest dropped first.
 *
 * The keys live in two places. The workflow's static data survives restarts, but n8n (2.x, regular
 * mode) saves a webhook's static data only when the call starts no execution or the workflow had
 * none yet: starting the execution resets n8n's "changed" mark on the same object (see
 * docs/call-outs.md). So the keys are also kept in this n8n process's memory, per trigger, which
 * catches repeats until n8n restarts.
 */
import type { IDataObject } from 'n8n-workflow';

export const MAX_KEYS = 1000;
/** Triggers remembered in memory; the least recently used is dropped beyond this. */
export const MAX_TRIGGERS = 200;

type Seen = Record<string, number>;

const memory = new Map<string, Seen>();

/** Undefined when the document has no `id`: such a call out is never treated as a repeat. */
export function dedupeKey(document: IDataObject, documentType: string | null): string | undefined {
	const id = document.id;
	if (id === undefined || id === null || typeof id === 'object') return undefined;
	const updatedAt = document['updated-at'];
	return JSON.stringify([
		documentType ?? '',
		String(id),
		typeof updatedAt === 'string' ? updatedAt : '',
	]);
}

function remember(trigger: string, seen: Seen) {
	memory.delete(trigger);
	memory.set(trigger, seen);
	while (memory.size > MAX_TRIGGERS) memory.delete(memory.keys().next().value as string);
}

/**
 * True when `key` was seen by `trigger` within `windowMs`; otherwise records it. Expired keys and
 * the oldest beyond MAX_KEYS are dropped on the way.
 */
export function seenBefore(
	staticData: IDataObject,
	trigger: string,
	key: string,
	{ windowMs, nowMs }: { windowMs: number; nowMs: number },
): boolean {
	const stored = (staticData.seen ?? {}) as Seen;
	const all: Seen = { ...memory.get(trigger), ...stored };
	const live = Object.entries(all)
		.filter(([, at]) => typeof at === 'number' && nowMs - at < windowMs)
		.sort(([, a], [, b]) => a - b)
		.slice(-(MAX_KEYS - 1));
	const kept: Seen = Object.fromEntries(live);
	const repeat = Object.prototype.hasOwnProperty.call(kept, key);
	if (!repeat) kept[key] = nowMs;
	staticData.seen = kept;
	remember(trigger, { ...kept });
	return repeat;
}
