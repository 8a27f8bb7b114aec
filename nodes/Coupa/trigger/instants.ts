import type { IDataObject } from 'n8n-workflow';

export const SECOND = 1000;

/** Instant (epoch ms) of a Coupa timestamp such as `2026-11-27T14:03:11-08:00`; undefined when absent. */
export function instantOf(value: unknown): number | undefined {
	if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
	const ms = value instanceof Date ? value.getTime() : Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The start of the second an instant falls in: Coupa timestamps have one-second resolution
 * (docs/coupa-docs.md, "Timestamps are whole seconds").
 */
export function wholeSecond(ms: number): number {
	return Math.floor(ms / SECOND) * SECOND;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A query timestamp as Coupa documents them: whole seconds with an offset, e.g.
 * `2026-11-27T20:00:00+00:00` (Coupa's example: `2010-03-25T18:38:00-07:00`). Always UTC here.
 */
export function queryTime(ms: number): string {
	const d = new Date(wholeSecond(ms));
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
		`T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+00:00`
	);
}

/** One version of one record: its id and the instant of the polled timestamp. */
export function recordKey(id: unknown, atMs: number): string {
	return `${String(id)}@${atMs}`;
}

/** Orders records by id: numerically when both ids are numbers, as text otherwise. */
export function compareIds(a: IDataObject, b: IDataObject): number {
	const x = Number(a.id);
	const y = Number(b.id);
	if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
	return String(a.id).localeCompare(String(b.id));
}
