import type { IDataObject } from 'n8n-workflow';

/**
 * Records known to be in a watched status, newest last. A record is only remembered while it is
 * in a watched status, so "not remembered" covers both "seen in another status" and "never seen".
 * Bounded: beyond this many, the longest-unchanged are forgotten.
 */
export const STATUS_MEMORY_SIZE = 5000;

export type StatusMemory = Map<string, string>;

export function memoryFromJson(data: unknown): StatusMemory {
	const memory: StatusMemory = new Map();
	if (!Array.isArray(data)) return memory;
	for (const entry of data) {
		if (Array.isArray(entry) && entry.length === 2) memory.set(String(entry[0]), String(entry[1]));
	}
	return memory;
}

export function memoryToJson(memory: StatusMemory): string[][] {
	return [...memory.entries()].slice(-STATUS_MEMORY_SIZE);
}

/**
 * Keeps the records whose status BECAME one of `watched` with this change, updating `memory`.
 * `statusKey` is the attribute holding the status (`status`; quote requests use `state`).
 * A change counts when the record was not remembered in that same status: so other edits of a
 * record already in a watched status do not fire, but a move from one watched status to another
 * does. A record not remembered (changed before the trigger started, or forgotten) that shows up
 * in a watched status fires once; from then on it is remembered.
 */
export function statusTransitions(
	records: IDataObject[],
	watched: Set<string>,
	memory: StatusMemory,
	statusKey = 'status',
): IDataObject[] {
	const fired: IDataObject[] = [];
	for (const record of records) {
		const id = String(record.id);
		const value = record[statusKey];
		const status = typeof value === 'string' ? value : '';
		const before = memory.get(id);
		memory.delete(id);
		if (!watched.has(status)) continue;
		if (before !== status) fired.push(record);
		memory.set(id, status);
	}
	while (memory.size > STATUS_MEMORY_SIZE) memory.delete(memory.keys().next().value as string);
	return fired;
}
