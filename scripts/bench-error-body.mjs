/**
 * `node scripts/bench-error-body.mjs` (after `npm run build`): how long reading Coupa's error text
 * and redacting a message take on hostile bodies of growing size. With linear patterns and a
 * bounded read, the time stays flat (the body is cut) or grows in step with the size; the
 * patterns this replaced took seconds at 256 KiB. A benchmark, not a test: it prints figures and
 * never fails on timing.
 */
import { createRequire } from 'node:module';

const { coupaValidationText, redact } = createRequire(import.meta.url)(
	'../dist/nodes/Coupa/transport/errorMessages.js',
);

const HOSTILE = {
	'unclosed <error tags': (size) => '<error x'.repeat(size / 8),
	'JWT-like runs without dots': (size) => 'eyJ-'.repeat(size / 4),
	'JSON error of one long string': (size) => JSON.stringify({ errors: ['x'.repeat(size)] }),
};

function time(fn) {
	const start = process.hrtime.bigint();
	const result = fn();
	return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

for (const [name, make] of Object.entries(HOSTILE)) {
	console.log(name);
	for (const kib of [64, 128, 256, 512]) {
		const body = make(kib * 1024);
		const read = time(() => coupaValidationText(body));
		const clean = time(() => redact(body, ['n8n-test-secret']));
		console.log(
			`  ${String(kib).padStart(3)} KiB: read ${read.ms.toFixed(1).padStart(7)} ms (${read.result?.length ?? 0} chars), redact ${clean.ms.toFixed(1).padStart(7)} ms`,
		);
	}
}
