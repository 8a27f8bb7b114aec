/**
 * Downloads from an attachment's `file-url`: where n8n may be sent (another host: https only, no
 * address inside n8n's own network unless Coupa itself is there), which redirects are followed,
 * how big a file may be, and what its name may be.
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { fileUrlProblem, isLocalHost } = require('../dist/nodes/Coupa/transport/fileHost.js');

const PUBLIC_COUPA = 'https://acme.coupahost.com';
const MB = 1024 * 1024;

let fake;
const servers = [];
afterEach(async () => {
	await fake?.close();
	fake = undefined;
	await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A file host on loopback: `handle(req, res)` answers; `seen` lists the paths asked for. */
async function fileHost(handle) {
	const seen = [];
	const server = createServer((req, res) => {
		seen.push({ path: req.url, authorization: req.headers.authorization });
		handle(req, res);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	servers.push(server);
	return { seen, url: `http://127.0.0.1:${server.address().port}` };
}

/** Download Attachment of a contract attachment record. */
const downloadOf = (attachment) => ({
	store: credentialFor(fake, 'core.contract.read'),
	parameters: {
		resource: 'contract',
		operation: 'downloadAttachment',
		id: String(attachment['attachable-id']),
		attachmentId: String(attachment.id),
	},
});

/** A contract attachment whose file-url is `fileUrl`, and the node parameters to download it. */
async function attachmentAt(fileUrl, extra = {}) {
	fake ??= await startCoupa();
	const attachment = fake.store.list('contract_attachments')[0];
	fake.store.update('contract_attachments', attachment.id, { 'file-url': fileUrl, ...extra });
	return downloadOf(attachment);
}

describe('other hosts: https only, never inside n8n own network', () => {
	const refused = [
		['http://files.example.com/terms.pdf', /plain http/],
		['ftp://files.example.com/terms.pdf', /scheme "ftp"/],
		['file:///etc/passwd', /scheme "file"/],
		['https://user:pw@files.example.com/terms.pdf', /user name or password/],
		['https://127.0.0.1/x', /inside n8n's own network/],
		['https://127.1/x', /inside n8n's own network/],
		['https://2130706433/x', /inside n8n's own network/],
		['https://0x7f.0.0.1/x', /inside n8n's own network/],
		['https://localhost/x', /inside n8n's own network/],
		['https://files.localhost/x', /inside n8n's own network/],
		['https://169.254.169.254/latest/meta-data/', /inside n8n's own network/],
		['https://metadata.google.internal/computeMetadata/v1/', /inside n8n's own network/],
		['https://10.1.2.3/x', /inside n8n's own network/],
		['https://172.20.0.1/x', /inside n8n's own network/],
		['https://192.168.0.10/x', /inside n8n's own network/],
		['https://100.64.0.1/x', /inside n8n's own network/],
		['https://0.0.0.0/x', /inside n8n's own network/],
		['https://intranet/x', /inside n8n's own network/],
		['https://[::1]/x', /inside n8n's own network/],
		['https://[::]/x', /inside n8n's own network/],
		['https://[::ffff:127.0.0.1]/x', /inside n8n's own network/],
		['https://[::ffff:169.254.169.254]/x', /inside n8n's own network/],
		['https://[64:ff9b::a9fe:a9fe]/x', /inside n8n's own network/],
		['https://[fe80::1]/x', /inside n8n's own network/],
		['https://[fd12:3456::1]/x', /inside n8n's own network/],
	];
	test.each(refused)('a Coupa on a public host refuses %s', (url, why) => {
		expect(fileUrlProblem(new URL(url), PUBLIC_COUPA)).toMatch(why);
	});

	test.each([
		'https://files.example.com/terms.pdf?signature=abc',
		'https://8.8.8.8/x',
		'https://172.32.0.1/x',
		'https://[2606:4700:4700::1111]/x',
		'https://s3.amazonaws.com/bucket/terms.pdf',
	])('a Coupa on a public host fetches %s', (url) => {
		expect(fileUrlProblem(new URL(url), PUBLIC_COUPA)).toBeUndefined();
	});

	test('a sandbox Coupa (itself on loopback or a private address) may fetch files next to it', () => {
		expect(fileUrlProblem(new URL('http://127.0.0.1:9/x'), 'http://127.0.0.1:8')).toBeUndefined();
		expect(fileUrlProblem(new URL('https://10.0.0.7/x'), 'https://10.0.0.5')).toBeUndefined();
		// Plain http only when the sandbox itself is plain http; other schemes never.
		expect(fileUrlProblem(new URL('http://10.0.0.7/x'), 'https://10.0.0.5')).toMatch(/plain http/);
		expect(fileUrlProblem(new URL('file:///etc/passwd'), 'http://127.0.0.1:8')).toMatch(/scheme/);
	});

	test('isLocalHost reads the hostnames the URL parser writes', () => {
		expect(isLocalHost(new URL('https://017700000001/').hostname)).toBe(true);
		expect(isLocalHost(new URL('https://acme.coupahost.com/').hostname)).toBe(false);
	});

	test('in a run: a refused file-url fails the item with the reason; nothing is fetched', async () => {
		const run = await attachmentAt('ftp://127.0.0.1/terms.pdf');
		const [failed] = await runNode({ ...run, continueOnFail: true });
		expect(failed.json.error).toBe(
			'Refused to download the attachment file: it uses the scheme "ftp"; only https is fetched',
		);
		expect(fake.apiRequests()).toHaveLength(1);
	});
});

describe('redirects and size', () => {
	test('a redirect on the file host is followed; one to another host is not, and that host sees nothing', async () => {
		const elsewhere = await fileHost((req, res) => res.end('internal secrets'));
		const files = await fileHost((req, res) => {
			if (req.url === '/a') res.writeHead(302, { Location: '/b' }).end();
			else if (req.url === '/b') res.end('signed terms');
			else res.writeHead(302, { Location: `${elsewhere.url}/admin` }).end();
		});
		const ok = await attachmentAt(`${files.url}/a`);
		const [output] = await runNode(ok);
		expect(Buffer.from(output.binary.data.data, 'base64').toString()).toBe('signed terms');
		expect(files.seen.map((s) => s.path)).toEqual(['/a', '/b']);

		const away = await attachmentAt(`${files.url}/c`);
		const error = await runNode(away).catch((e) => e);
		expect(error.message).toBe(
			`Refused to download the attachment file: ${files.url.slice(7)} redirected the download to another host, ${elsewhere.url.slice(7)}; the redirect was not followed`,
		);
		expect(elsewhere.seen).toEqual([]);
	});

	test('a file over Max File Size fails clearly, announced or not; one under it arrives whole', async () => {
		const big = Buffer.alloc(3 * MB, 7);
		const files = await fileHost((req, res) => {
			if (req.url === '/announced')
				res.writeHead(200, { 'Content-Length': String(big.length) }).end(big);
			// Chunked: no Content-Length, so only counting the bytes can stop it.
			else res.end(big);
		});
		for (const path of ['/announced', '/chunked']) {
			const { store, parameters } = await attachmentAt(`${files.url}${path}`);
			const error = await runNode({ store, parameters: { ...parameters, maxFileSizeMb: 1 } }).catch(
				(e) => e,
			);
			expect(error.message).toMatch(
				/^The file is larger than Max File Size \(1\.0 MB\): it has (more than )?[0-9.]+ MB\. It was not downloaded$/,
			);
			expect(error.description).toMatch(/Raise the node's Max File Size/);
		}
		const { store, parameters } = await attachmentAt(`${files.url}/announced`);
		const [output] = await runNode({ store, parameters: { ...parameters, maxFileSizeMb: 4 } });
		expect(output.json.fileSize).toBeDefined();
		expect(Buffer.from(output.binary.data.data, 'base64').equals(big)).toBe(true);
	});

	test('a file on the Coupa origin is limited too', async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		const store = credentialFor(fake, 'core.invoice.read core.invoice.write');
		const scan = Buffer.alloc(2 * MB, 1);
		await runNode({
			store,
			items: [
				{
					json: {},
					binary: {
						data: { data: scan.toString('base64'), mimeType: 'image/png', fileName: 'scan.png' },
					},
				},
			],
			parameters: {
				resource: 'invoice',
				operation: 'uploadImageScan',
				id: String(invoice.id),
				inputBinaryField: 'data',
			},
		});
		const download = {
			resource: 'invoice',
			operation: 'downloadImageScan',
			id: String(invoice.id),
		};
		const error = await runNode({ store, parameters: { ...download, maxFileSizeMb: 1 } }).catch(
			(e) => e,
		);
		expect(error.message).toMatch(/^The file is larger than Max File Size \(1\.0 MB\)/);
		const [output] = await runNode({ store, parameters: download });
		expect(Buffer.from(output.binary.data.data, 'base64').equals(scan)).toBe(true);
	});

	test('Max File Size from an expression is checked: text that is no whole number from 1 to 2048 fails the item', async () => {
		const { store, parameters } = await attachmentAt('https://files.example.com/x');
		for (const value of ['abc', '0', '2049', '1.5']) {
			const error = await runNode({
				store,
				parameters: { ...parameters, maxFileSizeMb: value },
			}).catch((e) => e);
			expect(error.message).toBe(
				`Max File Size (MB) must be a whole number from 1 to 2048, not ${JSON.stringify(value)}`,
			);
		}
		expect(fake.apiRequests()).toEqual([]);
	});
});

describe('file names keep only their base name', () => {
	const served = [
		['attachment; filename="../../etc/passwd"', 'passwd'],
		["attachment; filename*=UTF-8''..%2F..%2Fevil%5Cterms.pdf", 'terms.pdf'],
		['attachment; filename="C:\\Users\\x\\terms.pdf"', 'terms.pdf'],
		['attachment; filename="100%.pdf"', '100%.pdf'],
		["attachment; filename*=UTF-8''%E0%A4%A.pdf", '%E0%A4%A.pdf'],
		['attachment; filename=".."', 'terms.txt'],
	];
	test.each(served)('Content-Disposition %s gives %s', async (disposition, expected) => {
		const files = await fileHost((req, res) =>
			res.writeHead(200, { 'Content-Disposition': disposition }).end('x'),
		);
		const run = await attachmentAt(`${files.url}/f`, { 'file-name': 'terms.txt' });
		const [output] = await runNode(run);
		expect(output.json.fileName).toBe(expected);
		expect(output.binary.data.fileName).toBe(expected);
	});

	test("a record's file-name with folders keeps its base name", async () => {
		const files = await fileHost((req, res) => res.end('x'));
		const run = await attachmentAt(`${files.url}/f`, { 'file-name': '..\\..\\reports/q3.pdf' });
		const [output] = await runNode(run);
		expect(output.json.fileName).toBe('q3.pdf');
	});
});

describe('a file on the Coupa origin that redirects within /api', () => {
	test('is requested at the redirect target: three requests, not six', async () => {
		fake = await startCoupa();
		const [attachment, other] = fake.store.list('contract_attachments');
		const from = `/api/attachment_files/${attachment.id}`;
		const to = `/api/attachment_files/${other.id}`;
		expect(to.startsWith(from)).toBe(false);
		// Every request for the first file is redirected to the second (a moved file).
		fake.faults.redirect({ to: `${fake.url}${to}`, path: from, count: 10 });
		const [output] = await runNode(downloadOf(attachment));
		expect(fake.apiRequests().map((c) => [c.path, c.status])).toEqual([
			[`/api/contracts/${attachment['attachable-id']}/attachments/${attachment.id}`, 200],
			[from, 302],
			[to, 200],
		]);
		// The file served is the second one, named by its own Content-Disposition.
		expect(output.json.fileName).toBe(other['file-name']);
	});
});
