// Text output of `npm run bench:n8n`: one table row per variant (its better run) and the ratio.

/** Coupa's rate limit, requests a second (the fake's leaky bucket in the bench). */
const COUPA_RATE = 25;
const int = (value) => Math.round(value).toLocaleString('en-US');
export const perSecond = (records, ms) => (ms > 0 ? (records * 1000) / ms : 0);
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

const COLUMNS = [
	['variant', (row) => row.label],
	['node ms', (row) => int(row.nodeMs)],
	['records/s', (row) => int(perSecond(row.records, row.nodeMs))],
	['execute ms', (row) => int(row.wallMs)],
	['records/s (execute)', (row) => int(perSecond(row.records, row.wallMs))],
	['records', (row) => int(row.records)],
	['API requests', (row) => int(row.apiRequests)],
	['429s', (row) => int(row.rateLimited)],
	['token calls', (row) => int(row.tokenRequests)],
	['max in flight', (row) => int(row.maxConcurrent)],
];

/** The per-item comparison: `failed` is the row's failed items (see per-item.mjs). */
export const PER_ITEM_COLUMNS = [
	['variant', (row) => row.label],
	['node ms', (row) => int(row.nodeMs)],
	['items/s', (row) => (row.ok ? perSecond(row.records, row.nodeMs).toFixed(1) : '–')],
	[
		'share of 25 req/s',
		(row) =>
			row.ok ? `${((perSecond(row.records, row.nodeMs) / COUPA_RATE) * 100).toFixed(1)}%` : '–',
	],
	['execute ms', (row) => int(row.wallMs)],
	['items out', (row) => int(row.records)],
	['failed items', (row) => int(row.failed)],
	['API requests', (row) => int(row.apiRequests)],
	['429s', (row) => int(row.rateLimited)],
	['token calls', (row) => int(row.tokenRequests)],
	['max in flight', (row) => int(row.maxConcurrent)],
];

/** A Markdown table, so docs/performance.md can quote it as printed. */
export function resultsTable(rows, columns = COLUMNS) {
	const cells = rows.map((row) => columns.map(([, cell]) => cell(row)));
	const header = columns.map(([title]) => title);
	const widths = header.map((title, i) =>
		Math.max(title.length, ...cells.map((line) => line[i].length)),
	);
	const line = (values) =>
		`| ${values.map((value, i) => (i === 0 ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join(' | ')} |`;
	const rule = `| ${widths.map((width, i) => (i === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
	return [line(header), rule, ...cells.map(line)].join('\n');
}

/** Every run, for the record: the table shows only the better of each variant's runs. */
export function runsLine(label, runs) {
	return `${label}: ${runs.map((run) => (run.ok ? `${int(run.nodeMs)} ms node / ${int(run.wallMs)} ms execute` : `FAILED (${run.error})`)).join(', ')}`;
}
