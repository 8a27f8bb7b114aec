import type { WriteLog } from '../transport/writeLog';
import type { BulkOutcome } from './bulk';

/** Past this many items a list of writes is given as ranges of positions. */
const LISTED_IN_FULL = 50;

/** Positions as ranges: `0–3, 7, 9–12`. */
function ranges(positions: number[]): string {
	const parts: string[] = [];
	for (let i = 0; i < positions.length; ) {
		let j = i;
		while (j + 1 < positions.length && positions[j + 1] === positions[j] + 1) j++;
		parts.push(i === j ? `${positions[i]}` : `${positions[i]}–${positions[j]}`);
		i = j + 1;
	}
	return parts.join(', ');
}

function listed(entries: Array<{ index: number; requests: string[] }>): string {
	if (entries.length <= LISTED_IN_FULL)
		return entries
			.map(({ index, requests }) => `item ${index} (${requests.join('; ')})`)
			.join(', ');
	const first = entries[0];
	return `items ${ranges(entries.map((e) => e.index))}, each on the record its item names (item ${first.index}: ${first.requests.join('; ')})`;
}

/**
 * What a run that stopped on item `failed` had done in Coupa, for the error's description:
 * which items' writes Coupa confirmed, which may have been applied (answer lost), and which items
 * never started. Positions count from 0, as n8n's item index does.
 */
export function appliedSummary(outcome: BulkOutcome, log: WriteLog, failed: number): string {
	const applied: Array<{ index: number; requests: string[] }> = [];
	const uncertain: Array<{ index: number; requests: string[] }> = [];
	const notStarted: number[] = [];
	// A for loop, not forEach: an item that never started is a hole in the array.
	for (let index = 0; index < outcome.results.length; index++) {
		const result = outcome.results[index];
		if (result === undefined) {
			notStarted.push(index);
			continue;
		}
		const writes = log.get(index) ?? [];
		// An item that succeeded had every lost answer confirmed by reading back.
		const succeeded = 'items' in result;
		const done = writes.filter((w) => succeeded || w.applied).map((w) => w.request);
		const maybe = writes.filter((w) => !succeeded && !w.applied).map((w) => w.request);
		if (done.length) applied.push({ index, requests: done });
		if (maybe.length) uncertain.push({ index, requests: maybe });
	}
	const parts = [`Item ${failed} failed, so the run stopped.`];
	parts.push(
		applied.length
			? `Already applied in Coupa: ${listed(applied)}.`
			: 'No item was applied in Coupa.',
	);
	if (uncertain.length)
		parts.push(
			`May have been applied (Coupa's answer was lost): ${listed(uncertain)}; check them in Coupa.`,
		);
	if (notStarted.length) parts.push(`Not started: items ${ranges(notStarted)}.`);
	return parts.join(' ');
}
