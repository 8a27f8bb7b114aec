/**
 * Coupa may send a call out again (the export examples say failed calls are retried). With
 * de-duplication on, a document already seen with the same type, ID and `updated-at` within the
 * window does not start the workflow again. The keys live in the workflow's static data, which
 * n8n saves after each production execution; at most MAX_KEYS are kept, oldest dropped first.
 */
import type { IDataObject } from 'n8n-workflow';

export const MAX_KEYS = 1000;

interface SeenState {
	/** key -> when first received (ms since the epoch), oldest first. */
	seen?: Record<string, number>;
}

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

/**
 * True when `key` was seen within `windowMs`; otherwise records it. Expired keys and the oldest
 * beyond MAX_KEYS are dropped on the way.
 */
export function seenBefore(
	staticData: IDataObject,
	key: string,
	{ windowMs, nowMs }: { windowMs: number; nowMs: number },
): boolean {
	const state = staticData as SeenState;
	const seen = state.seen ?? {};
	const kept: Record<string, number> = {};
	const live = Object.entries(seen).filter(([, at]) => nowMs - at < windowMs);
	for (const [name, at] of live.slice(-(MAX_KEYS - 1))) kept[name] = at;
	const repeat = Object.prototype.hasOwnProperty.call(kept, key);
	if (!repeat) kept[key] = nowMs;
	state.seen = kept;
	return repeat;
}
