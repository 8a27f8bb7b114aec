/**
 * `npm run bench` (docs/performance.md, "Figures"): the node's Get Many with Return All over
 * 10,000 realistic invoices
 * from the fake Coupa, which holds each page for a realistic latency and enforces Coupa's limit
 * (leaky bucket, 25 requests a second, burst 20, 429 beyond). Concurrent paging (the default
 * window) is compared with sequential paging (window 1) and with the ceiling the limit allows,
 * then bytes per record are compared with and without a `fields` projection. Last, the Coupa
 * Trigger drains backlogs of 2,000 and 10,000 changed invoices and a mass update of 10,000 (26 a
 * second), each in one poll (time ranges read concurrently from both ends; ties in random order),
 * after a warm-up poll and a pause, as the Get Many runs. Then
 * items side by side: 300 and 3,000 input items, Get and Mark as Exported, one invoice each, at
 * 300 ± 100 ms and at 1,000 ms a request. `npm run bench -- paging`, `-- trigger` or `-- items`
 * runs one part only.
 * Everything runs in this one process, one run after another. It is a benchmark, not a test:
 * it prints figures and target lines and never fails on timing.
 */
import { createRequire } from 'node:module';

import { credentialFor, startCoupa } from '../test/harness/setup.mjs';
import { runNode } from '../test/harness/n8n.mjs';
import { measureItems } from './bench/items.mjs';
import { measureGetAll } from './bench/run.mjs';
import { measureTriggerBacklog, restampAsMassUpdate, warmTrigger } from './bench/trigger.mjs';
import {
	bytesTable,
	itemsTable,
	megabytes,
	percent,
	runsTable,
	target,
	times,
} from './bench/report.mjs';

const { COUPA_REQUESTS_PER_SECOND } = createRequire(import.meta.url)(
	'../dist/nodes/Coupa/transport/rateLimiter.js',
);

const INVOICES = 10_000;
/** Backlog shapes: the seed's changes spread over a year, and one mass update (26 a second). */
const TRIGGER_BACKLOGS = [
	{ size: 2_000, shape: 'changes' },
	{ size: 10_000, shape: 'changes' },
	{ size: 10_000, shape: 'mass update, 26 a second', perSecond: 26 },
];
const PAGE_SIZE = 50;
const LIMIT_PER_SECOND = 25;
const CEILING = LIMIT_PER_SECOND * PAGE_SIZE;
const LATENCIES = [
	{ name: '150 ms', latency: { ms: 150, jitterMs: 0 } },
	// The fake adds 0..jitterMs, so 250 + 0..100 is 300 ± 50 ms.
	{ name: '300 ± 50 ms', latency: { ms: 250, jitterMs: 100 } },
];
/** A handful of fields a sync to an ERP typically needs. */
const PROJECTION =
	'id,invoice-number,status,invoice-date,total-with-taxes,currency.code,supplier.name,updated-at';

const ITEM_COUNTS = [300, 3_000];
const ITEM_LATENCIES = [
	// The fake adds 0..jitterMs: 200 + 0..200 is 300 ± 100 ms.
	{ name: '300 ± 100 ms', latency: { ms: 200, jitterMs: 200 } },
	// Coupa's writes are slower.
	{ name: '1,000 ms', latency: { ms: 1000, jitterMs: 0 } },
];

const only = process.argv[2];
if (!only || only === 'paging') await pagingRuns();
if (!only || only === 'trigger') await triggerRuns();
if (!only || only === 'items') await itemRuns();

async function itemRuns() {
	const fake = await startCoupa({ seed: { invoices: Math.max(...ITEM_COUNTS) } });
	const store = credentialFor(fake, 'core.invoice.read core.invoice.write');
	await runNode({ store, parameters: { resource: 'invoice', operation: 'get', id: '1' } });
	const runs = [];
	for (const count of ITEM_COUNTS) {
		for (const latency of ITEM_LATENCIES) {
			for (const operation of ['get', 'markExported']) {
				runs.push(await measureItems({ fake, store, operation, count, latency }));
				console.error(`done: ${runs[runs.length - 1].label}`);
			}
		}
	}
	await fake.close();
	console.log(
		`\nItems side by side: one invoice per input item; fake Coupa at ${LIMIT_PER_SECOND} req/s, burst 20 (one request per item)`,
	);
	console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
	console.log(itemsTable(runs, LIMIT_PER_SECOND));
	console.log('\ntargets:');
	for (const run of runs) {
		console.log(
			target(
				run.itemsPerSecond >= 0.85 * LIMIT_PER_SECOND,
				`≥ 85% of ${LIMIT_PER_SECOND} req/s, ${run.label}: ${percent(run.itemsPerSecond / LIMIT_PER_SECOND)}`,
			),
		);
	}
	console.log(
		target(
			runs.every((run) => run.failed === 0 && run.inOrder && run.writesOnce),
			`no item lost, failed or doubled, output order exact: ${runs.filter((run) => run.failed || !run.inOrder || !run.writesOnce).length} runs missed`,
		),
	);
	const firstError = runs.find((run) => run.firstError)?.firstError;
	if (firstError) console.log(`first error: ${firstError}`);
}

async function pagingRuns() {
	const fake = await startCoupa({ seed: { invoices: INVOICES } });
	const store = credentialFor(fake, 'core.invoice.read');
	// Fetch the token and warm the code paths once, so no run pays for them.
	await runNode({
		store,
		parameters: { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 50 },
	});

	const runs = [];
	const pairs = [];
	for (const { name, latency } of LATENCIES) {
		const ours = await measureGetAll({ label: `concurrent, ${name}`, fake, store, latency });
		const sequential = await measureGetAll({
			label: `sequential, ${name}`,
			fake,
			store,
			latency,
			options: { pageWindow: 1 },
		});
		runs.push(ours, sequential);
		pairs.push({ name, ours, sequential });
		console.error(`done: ${name}`);
	}
	const projected = await measureGetAll({
		label: 'concurrent, projected, 150 ms',
		fake,
		store,
		latency: LATENCIES[0].latency,
		options: { fields: PROJECTION },
	});
	runs.push(projected);
	await fake.close();

	const full = runs[0];
	const bytesPerRecord = (run) => run.jsonBytes / run.records;
	const saving = 1 - bytesPerRecord(projected) / bytesPerRecord(full);

	console.log(
		`\nGet Many, Return All, ${INVOICES.toLocaleString('en-US')} invoices; fake Coupa at ${LIMIT_PER_SECOND} req/s, burst 20, ${PAGE_SIZE} records a page`,
	);
	console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
	console.log(runsTable(runs));
	console.log(
		`\nceiling: ${LIMIT_PER_SECOND} × ${PAGE_SIZE} = ${CEILING.toLocaleString('en-US')} records/s`,
	);
	// The node's limiter runs a little under Coupa's limit on purpose (rateLimiter.ts), so this is
	// the most it can sustain once its burst is spent.
	console.log(
		`node's limiter: ${COUPA_REQUESTS_PER_SECOND} × ${PAGE_SIZE} = ${(COUPA_REQUESTS_PER_SECOND * PAGE_SIZE).toLocaleString('en-US')} records/s (${percent(COUPA_REQUESTS_PER_SECOND / LIMIT_PER_SECOND)} of the ceiling)`,
	);
	for (const { name, ours, sequential } of pairs) {
		console.log(
			`${name}: ours ÷ ceiling ${percent(ours.recordsPerSecond / CEILING)}, ours ÷ sequential ${times(ours.recordsPerSecond / sequential.recordsPerSecond)}`,
		);
	}
	console.log('');
	console.log(
		bytesTable([
			{ label: 'full', bytesPerRecord: bytesPerRecord(full), fields: 'all' },
			{ label: 'projected', bytesPerRecord: bytesPerRecord(projected), fields: PROJECTION },
		]),
	);
	console.log(
		`projection saves ${percent(saving)} of the bytes (${megabytes(full.jsonBytes)} → ${megabytes(projected.jsonBytes)} for ${INVOICES.toLocaleString('en-US')} records)\n`,
	);

	const [at150, at300] = pairs;
	console.log('targets:');
	for (const { name, ours } of pairs) {
		console.log(
			target(
				ours.recordsPerSecond >= 0.85 * CEILING,
				`≥ 85% of the ceiling at ${name}: ${percent(ours.recordsPerSecond / CEILING)}`,
			),
		);
	}
	console.log(
		target(
			at300.ours.recordsPerSecond >= 5 * at300.sequential.recordsPerSecond,
			`≥ 5× sequential at ${at300.name}: ${times(at300.ours.recordsPerSecond / at300.sequential.recordsPerSecond)}`,
		),
	);
	console.log(
		target(
			runs.every((run) => run.surfaced === 0 && run.records === INVOICES),
			`0 errors surfaced, every record returned: ${runs.map((run) => run.surfaced).join(', ')} surfaced`,
		),
	);
	// The memory target is about full records. For small projected records the peak is mostly
	// garbage not yet collected plus a fixed cost per object and per n8n item, so it is shown apart.
	const fullRuns = runs.filter((run) => run !== projected);
	const worstHeap = Math.max(...fullRuns.map((run) => run.peakGrowth / run.jsonBytes));
	console.log(
		target(
			worstHeap <= 2.2,
			`peak heap growth ≤ about 2× the JSON returned (full records): worst ${times(worstHeap)}`,
		),
	);
	console.log(
		`[info]   projected: peak heap growth ${megabytes(projected.peakGrowth)}, retained ${megabytes(projected.retainedGrowth)} for ${megabytes(projected.jsonBytes)} of JSON`,
	);
	if (at150.ours.surfaced + at300.ours.surfaced > 0)
		console.log(`first error: ${at150.ours.firstError ?? at300.ours.firstError}`);
}

async function triggerRuns() {
	const backlogs = [];
	for (const { size, shape, perSecond } of TRIGGER_BACKLOGS) {
		// Records that share a second come back in a fresh random order on every request.
		const backlogFake = await startCoupa({ seed: { invoices: size }, shuffleTies: true });
		if (perSecond) restampAsMassUpdate(backlogFake, perSecond);
		const backlogStore = credentialFor(backlogFake, 'core.invoice.read');
		await warmTrigger(backlogStore);
		for (const { name, latency } of LATENCIES) {
			const run = await measureTriggerBacklog({
				label: `${size.toLocaleString('en-US')} ${shape}, ${name}`,
				fake: backlogFake,
				store: backlogStore,
				latency,
			});
			backlogs.push({ ...run, size });
		}
		await backlogFake.close();
		console.error(`done: trigger backlog of ${size} ${shape}`);
	}

	console.log(
		`\nCoupa Trigger, one poll draining a backlog of changed invoices (Start From before all of them); fake Coupa at ${LIMIT_PER_SECOND} req/s, burst 20, ${PAGE_SIZE} records a page`,
	);
	console.log(`node ${process.version}, ${process.platform}/${process.arch}\n`);
	for (const run of backlogs) {
		console.log(
			`  ${run.label}: ${run.records} records (${run.distinct} distinct), ${run.recordsPerSecond.toFixed(0)} records/s, ${run.requests} requests, ${run.rateLimited} 429s seen, at most ${run.maxConcurrent} in flight`,
		);
	}
	console.log('');
	console.log('targets:');
	for (const run of backlogs) {
		console.log(
			target(
				run.recordsPerSecond >= 0.85 * CEILING && run.distinct === run.size,
				`trigger ≥ 85% of the ceiling, ${run.label}: ${percent(run.recordsPerSecond / CEILING)}, ${run.distinct} of ${run.size} records`,
			),
		);
	}
}
