/**
 * `npm run build && node --expose-gc scripts/bench-upload-memory.mjs`: the memory an upload of one
 * file takes on top of the file itself, in the node's own process (the fake Coupa runs in a child
 * process). It samples process.memoryUsage() every few milliseconds
 * while Upload Attachment sends a 64 MiB file held as n8n binary data, and prints the peak of
 * `arrayBuffers` (Buffers live there) above the level before the run, as a multiple of the file.
 * A benchmark: it prints figures and a target line, and never fails.
 */
import { spawn } from 'node:child_process';

import { DEFAULT_CLIENT } from '../test/fake-coupa/index.mjs';
import { CredentialStore, runNode } from '../test/harness/n8n.mjs';
import { freePort } from './ports.mjs';

const SIZE = 64 * 1024 * 1024;
const gc = globalThis.gc ?? (() => {});

// The fake Coupa runs in a child process, so that its copies of the body are not counted here.
const port = await freePort();
const child = spawn(process.execPath, ['test/fake-coupa/cli.mjs', '--port', String(port)], {
	stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) =>
	child.stdout.on('data', (chunk) => String(chunk).includes('Press Ctrl-C') && resolve()),
);
const store = new CredentialStore({
	authUrl: `http://127.0.0.1:${port}`,
	clientId: DEFAULT_CLIENT.clientId,
	clientSecret: DEFAULT_CLIENT.clientSecret,
	scope: 'core.purchase_order.read core.purchase_order.write',
});
const [po] = await runNode({
	store,
	parameters: { resource: 'purchaseOrder', operation: 'getAll', returnAll: false, limit: 1 },
});
const parameters = {
	resource: 'purchaseOrder',
	operation: 'uploadAttachment',
	id: String(po.json.id),
	attachmentType: 'file',
	inputBinaryField: 'data',
};
// n8n keeps binary data of an item as base64 text in memory mode; that copy is the input, not the upload.
const file = Buffer.alloc(SIZE, 0x41);
const item = {
	json: {},
	binary: {
		data: { data: file.toString('base64'), mimeType: 'application/pdf', fileName: 'big.pdf' },
	},
};
// Warm the code paths with a small file.
await runNode({
	store,
	items: [
		{
			json: {},
			binary: { data: { data: 'QQ==', mimeType: 'application/pdf', fileName: 'a.pdf' } },
		},
	],
	parameters,
});

gc();
const before = process.memoryUsage();
let peak = before.arrayBuffers;
let peakRss = before.rss;
const sampler = setInterval(() => {
	const now = process.memoryUsage();
	peak = Math.max(peak, now.arrayBuffers);
	peakRss = Math.max(peakRss, now.rss);
}, 2);
await runNode({ store, items: [item], parameters });
clearInterval(sampler);
child.kill();

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ratio = (peak - before.arrayBuffers) / SIZE;
console.log(`file: ${mib(SIZE)}`);
console.log(
	`peak arrayBuffers above the start: ${mib(peak - before.arrayBuffers)} (${ratio.toFixed(2)}× the file)`,
);
console.log(
	`peak rss above the start: ${mib(peakRss - before.rss)} (${((peakRss - before.rss) / SIZE).toFixed(2)}× the file)`,
);
console.log(`target: at most 2× the file in Buffers (${ratio <= 2 ? 'met' : 'NOT met'})`);
