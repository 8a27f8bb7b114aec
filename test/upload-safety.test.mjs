/**
 * What an upload writes into its multipart body comes from input items, so it is sanitised: the
 * MIME type can't add headers, a file name can't break out of its quotes, and a URL attachment
 * links only to http or https. The fake reads the body strictly (test/fake-coupa/http.mjs).
 */
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

let fake;
afterEach(async () => {
	await fake?.close();
	fake = undefined;
});

const BYTES = Buffer.from('%PDF-1.4 test');
const fileItem = (fileName, mimeType) => ({
	json: {},
	binary: { data: { data: BYTES.toString('base64'), mimeType, fileName } },
});

async function uploadFile(fileName, mimeType) {
	fake ??= await startCoupa();
	const po = fake.store.list('purchase_orders')[0];
	await runNode({
		store: credentialFor(fake, 'core.purchase_order.write'),
		items: [fileItem(fileName, mimeType)],
		parameters: {
			resource: 'purchaseOrder',
			operation: 'uploadAttachment',
			id: String(po.id),
			attachmentType: 'file',
			inputBinaryField: 'data',
		},
	});
	const call = fake.apiRequests().at(-1);
	return { call, part: call.body['attachment[file]'] };
}

describe('the file part of an upload', () => {
	test('a MIME type with CR LF and a header of its own is sent as application/octet-stream', async () => {
		const { part } = await uploadFile('terms.pdf', 'application/pdf\r\nX-Injected: yes');
		expect(part).toEqual({
			fileName: 'terms.pdf',
			contentType: 'application/octet-stream',
			bytes: BYTES,
		});
	});

	test.each([
		['application/pdf', 'application/pdf'],
		['text/plain; charset=utf-8', 'text/plain'],
		[
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		],
		['not a type', 'application/octet-stream'],
		['', 'application/octet-stream'],
	])('MIME type %p is sent as %p', async (mimeType, sent) => {
		const { part } = await uploadFile('f.bin', mimeType);
		expect(part.contentType).toBe(sent);
	});

	test.each([
		['a trailing backslash', 'scan\\', 'scan\\'],
		['a backslash inside', 'C:\\scans\\q3.pdf', 'C:\\scans\\q3.pdf'],
		['double quotes', 'the "final" one.pdf', 'the "final" one.pdf'],
		['CR LF and a header', 'a.pdf"\r\nContent-Type: text/html', 'a.pdf"  Content-Type: text/html'],
	])('a file name with %s arrives as one file part with that name', async (_label, name, read) => {
		const { part, call } = await uploadFile(name, 'application/pdf');
		expect(Object.keys(call.body).sort()).toEqual(['attachment[file]', 'attachment[type]']);
		expect(part).toEqual({ fileName: read, contentType: 'application/pdf', bytes: BYTES });
	});
});

/** Upload Attachment of a URL to a purchase order; resolves the output or the error. */
async function attachUrl(url) {
	fake ??= await startCoupa();
	const po = fake.store.list('purchase_orders')[0];
	return await runNode({
		store: credentialFor(fake, 'core.purchase_order.write'),
		parameters: {
			resource: 'purchaseOrder',
			operation: 'uploadAttachment',
			id: String(po.id),
			attachmentType: 'url',
			attachmentUrl: url,
		},
	}).catch((e) => e);
}

describe('URL attachments', () => {
	test.each([
		['javascript:alert(document.cookie)'],
		['data:text/html;base64,PHNjcmlwdD4='],
		['file:///etc/passwd'],
		['ftp://files.example.com/terms.pdf'],
		['example.com/terms.pdf'],
	])('%s is refused before anything is sent', async (url) => {
		const error = await attachUrl(url);
		expect(error.message).toBe(
			`The URL to attach must be an http or https link, not "${url.slice(0, 60)}"`,
		);
		expect(fake.requests).toEqual([]);
	});

	test('http and https links are attached', async () => {
		for (const url of ['https://example.com/terms.pdf', 'http://intranet.example/terms']) {
			const [output] = await attachUrl(url);
			expect(output.json).toMatchObject({ type: 'AttachmentUrl', url });
		}
	});
});
