#!/usr/bin/env node
/**
 * `npm run bench:n8n` (docs/performance.md, "Against n8n's HTTP Request node, in real n8n"): inside real n8n 2.40.7 (`n8n execute`), the
 * Coupa node's Get Many with Return All against n8n's own HTTP Request node with its built-in
 * offset pagination, both reading the same 2,000 invoices from the same fake Coupa as the same
 * OAuth client. The fake holds every page for a fixed latency and enforces Coupa's rate limit
 * (leaky bucket, 25 requests a second, burst 20, 429 beyond).
 * Runs alternate between the variants (Coupa, HTTP, HTTP, Coupa, …) so drift on the machine hits
 * all of them alike; each variant keeps the better of its runs. It prints figures, never fails
 * on timing.
 * Then the per-item comparison (per-item.mjs): 500 input items, Get by ID, through the Coupa node
 * and through the HTTP Request node (defaults; Batching 20 per 1,000 ms), at 300 ± 100 ms a
 * request. `--per-item-only` skips the Get Many part.
 */
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { rmSync } from 'node:fs';
import { ensureRuntime, N8N_VERSION } from './n8n-runtime.mjs';
import { packPackage } from './install-package.mjs';
import { startFakeCoupa } from '../test/fake-coupa/index.mjs';
import { best, measureOnce } from './bench-n8n/measure.mjs';
import { failedItems, perItemVariants } from './bench-n8n/per-item.mjs';
import { PER_ITEM_COLUMNS, perSecond, ratio, resultsTable, runsLine } from './bench-n8n/report.mjs';
import {
	benchCredentials,
	coupaWorkflow,
	httpRequestWorkflow,
	PAGE_SIZE,
} from './bench-n8n/workflows.mjs';

const INVOICES = 2000;
const LATENCY = { ms: 150, jitterMs: 0 };
const RATE_LIMIT = { perSecond: 25, burst: 20 };
const ROUNDS = 2;
const ITEMS = 500;
// The fake adds 0..jitterMs: 200 + 0..200 is 300 ± 100 ms.
const ITEM_LATENCY = { ms: 200, jitterMs: 200 };
const PER_ITEM_ONLY = process.argv.includes('--per-item-only');

ensureRuntime();
const tarball = packPackage();
// The e2e instance factory installs the tarball it finds here (set by scripts/test-e2e.mjs for
// the suite); imported after setting it so this bench shares that factory rather than a copy.
process.env.COUPA_E2E_TARBALL = tarball;
const { createN8nInstance } = await import('../test/e2e/harness/n8n-instance.mjs');

const fake = await startFakeCoupa({ seed: { invoices: INVOICES } });
fake.faults.latency(LATENCY);
const n8n = await createN8nInstance('bench');

const variants = [
	{ label: 'Coupa node, Get Many, Return All', workflow: coupaWorkflow('benchCoupa') },
	{
		label: 'HTTP Request, pagination, Coupa credential',
		workflow: httpRequestWorkflow('benchHttpCoupaCred', fake, 'coupaCredential'),
		http: true,
	},
	{
		label: 'HTTP Request, pagination, generic OAuth2',
		workflow: httpRequestWorkflow('benchHttpGeneric', fake, 'genericOAuth2'),
		http: true,
	},
];

/** Runs every variant `ROUNDS` times, interleaved; returns one row per variant with all its runs. */
async function measureAll(list, rateLimit, rounds = ROUNDS) {
	const runs = list.map(() => []);
	for (let round = 0; round < rounds; round++) {
		for (const [i, variant] of list.entries()) {
			const run = await measureOnce({ n8n, fake, workflowId: variant.workflow.id, rateLimit });
			runs[i].push(run);
			console.error(
				`[bench:n8n] ${variant.label}, run ${round + 1}: ${run.ok ? `${run.nodeMs} ms, ${run.records} records` : `failed: ${run.error}`}, ${run.rateLimited} 429s`,
			);
		}
	}
	return list.map((variant, i) => ({ ...variant, ...best(runs[i]), runs: runs[i] }));
}

try {
	const ids = fake.store
		.list('invoices')
		.slice(0, ITEMS)
		.map((invoice) => invoice.id);
	const itemVariants = perItemVariants(fake, ids);
	await n8n.importCredentials(benchCredentials(fake));
	await n8n.importWorkflows([...variants, ...itemVariants].map((variant) => variant.workflow));
	if (!PER_ITEM_ONLY) {
		const rows = await measureAll(variants, RATE_LIMIT);

		// n8n's HTTP Request node does not retry a 429 unless "Retry On Fail" is set; if the limit
		// stopped it, measure it again without the limit so there is still a figure to compare.
		const limited = rows.filter((row) => row.http && !row.ok && row.rateLimited > 0);
		if (limited.length) {
			const unlimited = await measureAll(
				limited.map((row) => ({ ...row, label: `${row.label} (NO rate limit)` })),
				false,
			);
			rows.push(...unlimited);
		}

		console.log(
			`\nReal n8n ${N8N_VERSION} (n8n execute), ${INVOICES.toLocaleString('en-US')} invoices, ${PAGE_SIZE} a page`,
		);
		console.log(
			`fake Coupa: ${LATENCY.ms} ms a page, ${RATE_LIMIT.perSecond} req/s leaky bucket, burst ${RATE_LIMIT.burst} (429 beyond)`,
		);
		console.log(
			`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; better of ${ROUNDS} runs each, interleaved\n`,
		);
		console.log(resultsTable(rows));
		console.log(
			"\nnode ms: the node's executionTime in n8n's run data (the better run). execute ms: the whole `n8n execute` process, start-up and printing the run data included (the shorter one).",
		);
		for (const row of rows) console.log(runsLine(row.label, row.runs));
		for (const row of rows.filter((row) => !row.ok))
			console.log(`FAILED ${row.label}: ${row.error}`);
		for (const row of rows.filter(
			(row) => row.ok && (row.records !== INVOICES || row.uniqueIds !== INVOICES),
		)) {
			console.log(
				`WRONG COUNT ${row.label}: ${row.records} records, ${row.uniqueIds} distinct ids, expected ${INVOICES}`,
			);
		}

		const [coupa] = rows;
		console.log('');
		for (const http of rows.filter((row) => row.http && row.ok)) {
			const nodeRatio = ratio(
				perSecond(coupa.records, coupa.nodeMs),
				perSecond(http.records, http.nodeMs),
			);
			const wallRatio = ratio(
				perSecond(coupa.records, coupa.wallMs),
				perSecond(http.records, http.wallMs),
			);
			console.log(
				`ratio Coupa node ÷ ${http.label}: ${nodeRatio} records/s (node time), ${wallRatio} (whole n8n execute)`,
			);
		}
	}

	// Per item: the HTTP Request node's defaults send all 500 at once and stop at the first 429;
	// that is the figure, so no unlimited rerun here.
	fake.faults.latency(ITEM_LATENCY);
	const itemRows = (await measureAll(itemVariants, RATE_LIMIT)).map((row) => ({
		...row,
		failed: failedItems(row, ITEMS),
	}));
	console.log(
		`\nPer item: ${ITEMS} input items, Get by ID; fake Coupa ${ITEM_LATENCY.ms + ITEM_LATENCY.jitterMs / 2} ± ${ITEM_LATENCY.jitterMs / 2} ms a request, ${RATE_LIMIT.perSecond} req/s, burst ${RATE_LIMIT.burst}; better of ${ROUNDS} runs each, interleaved\n`,
	);
	console.log(resultsTable(itemRows, PER_ITEM_COLUMNS));
	console.log(
		"\nitems/s: records out ÷ the node's executionTime. failed items: every input item when the node stopped, else the error items in its output.",
	);
	for (const row of itemRows) console.log(runsLine(row.label, row.runs));
	for (const row of itemRows.filter((row) => !row.ok)) {
		console.log(`FAILED ${row.label}: ${row.error}`);
	}
	for (const row of itemRows.filter((row) => row.ok)) {
		const output = row.records === ITEMS && row.uniqueIds === ITEMS;
		if (!output) {
			console.log(
				`WRONG COUNT ${row.label}: ${row.records} items, ${row.uniqueIds} distinct ids, expected ${ITEMS}`,
			);
		}
	}
} finally {
	await n8n.dispose();
	await fake.close();
	rmSync(dirname(tarball), { recursive: true, force: true });
}
