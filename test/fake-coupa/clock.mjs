// The server's notion of "now" plus Coupa-style timestamp formatting (ISO 8601 with an offset).

/** Offsets (minutes east of UTC) used for seeded records, so consumers must compare instants. */
export const SEED_OFFSETS = [-480, -420, 0, 180, 330];

/** Offset for records written through the API (the instance time zone). */
export const INSTANCE_OFFSET = -480;

const pad = (n, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/** `2026-11-27T14:03:11-08:00`: the same instant as `ms`, written in the given offset. */
export function formatTimestamp(ms, offsetMinutes = INSTANCE_OFFSET) {
	const local = new Date(ms + offsetMinutes * 60000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	const zone =
		offsetMinutes === 0 ? '+00:00' : `${sign}${pad(offsetMinutes / 60)}:${pad(offsetMinutes % 60)}`;
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${zone}`
	);
}

const toMs = (value) => {
	const ms = typeof value === 'number' ? value : Date.parse(value);
	if (Number.isNaN(ms)) throw new RangeError(`Invalid time: ${value}`);
	return ms;
};

/**
 * Real time by default. `set()` freezes the clock at that instant (so tests are deterministic);
 * `advance()` moves a frozen clock (or shifts the real one); `real()` returns to wall time.
 */
export function createClock(start) {
	let frozen = start === undefined ? null : toMs(start);
	let shift = 0;
	return {
		now: () => frozen ?? Date.now() + shift,
		iso: (offsetMinutes) => formatTimestamp(frozen ?? Date.now() + shift, offsetMinutes),
		set(value) {
			frozen = toMs(value);
		},
		advance(ms) {
			if (frozen === null) shift += ms;
			else frozen += ms;
		},
		real() {
			frozen = null;
			shift = 0;
		},
	};
}
