/** Plain-text tables and target lines for the bench; no measuring here. */

const MB = 1024 * 1024;

const fixed = (value, digits = 0) =>
	value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const percent = (ratio) => `${fixed(ratio * 100, 1)}%`;
export const times = (ratio) => `${fixed(ratio, 2)}×`;
export const megabytes = (bytes) => `${fixed(bytes / MB, 1)} MB`;

function table(header, rows) {
	const widths = header.map((_, column) =>
		Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
	);
	const line = (row) => row.map((cell, column) => String(cell).padStart(widths[column])).join('  ');
	return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
		'\n',
	);
}

export function runsTable(runs) {
	return table(
		[
			'run',
			'records',
			'seconds',
			'records/s',
			'requests',
			'peak in flight',
			'429s seen',
			'errors surfaced',
			'JSON returned',
			'peak heap growth',
			'heap ÷ JSON',
			'retained after GC',
		],
		runs.map((run) => [
			run.label,
			fixed(run.records),
			fixed(run.seconds, 2),
			fixed(run.recordsPerSecond),
			run.requests,
			run.maxConcurrent,
			run.rateLimited,
			run.surfaced,
			megabytes(run.jsonBytes),
			megabytes(run.peakGrowth),
			times(run.peakGrowth / run.jsonBytes),
			megabytes(run.retainedGrowth),
		]),
	);
}

export function bytesTable(rows) {
	return table(
		['records', 'JSON bytes per record', 'fields'],
		rows.map((row) => [row.label, fixed(row.bytesPerRecord), row.fields]),
	);
}

/** `[ok]` or `[MISSED]` with what was measured against what was wanted. */
export function target(met, text) {
	return `${met ? '[ok]    ' : '[MISSED]'} ${text}`;
}

export function itemsTable(runs, limitPerSecond) {
	return table(
		[
			'run',
			'seconds',
			'items/s',
			`share of ${limitPerSecond} req/s`,
			'requests',
			'429s seen',
			'peak in flight',
			'failed items',
			'order exact',
			'peak heap growth',
		],
		runs.map((run) => [
			run.label,
			fixed(run.seconds, 2),
			fixed(run.itemsPerSecond, 1),
			percent(run.itemsPerSecond / limitPerSecond),
			run.requests,
			run.rateLimited,
			run.maxConcurrent,
			run.failed,
			run.inOrder ? 'yes' : 'NO',
			megabytes(run.peakGrowth),
		]),
	);
}
