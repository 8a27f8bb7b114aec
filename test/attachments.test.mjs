/**
 * Attachments on every document type Coupa's Attachments API lists, and invoice image scans, over
 * real HTTP against the fake Coupa: multipart uploads from n8n binary data, URL and text
 * attachments with intent, and downloads of the same bytes.
 */
import { createRequire } from 'node:module';

import { ROUTES } from './fake-coupa/contract/index.mjs';
import { attachmentStoreOf } from './fake-coupa/attachments.mjs';
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { CATALOG } = require('../dist/nodes/Coupa/catalog');

const attachable = CATALOG.filter((object) => object.attachments);
/** Bytes that are not valid UTF-8, so a body read as text would not survive. */
const BYTES = Buffer.from([
	0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x2d, 0x2d, 0x41, 0x42,
]);
const fileItem = (bytes = BYTES, fileName = 'invoice scan.pdf', mimeType = 'application/pdf') => ({
	json: { from: 'email' },
	binary: { attachment_0: { data: bytes.toString('base64'), mimeType, fileName } },
});

let fake;
afterEach(async () => fake?.close());

test('the catalogue covers exactly the document types the Attachments API lists', () => {
	const documented = [
		...new Set(
			ROUTES.filter((row) => row.op === 'attachments_create').map((row) => row.collection),
		),
	].sort();
	expect(attachable.map((object) => object.path).sort()).toEqual(documented);
});

describe.each(attachable.map((object) => [object.resource, object]))(
	'%s attachments',
	(resource, object) => {
		test('upload a file from binary data, list it, and download the same bytes', async () => {
			fake = await startCoupa();
			const record = fake.store.list(object.path)[0];
			const scopes = [
				...new Set([
					object.readScopes[0],
					...(object.attachments.uploadScopes ?? object.writeScopes),
				]),
			].join(' ');
			const store = credentialFor(fake, scopes);
			const id = { __rl: true, mode: 'id', value: String(record.id) };

			const [uploaded] = await runNode({
				store,
				items: [fileItem()],
				parameters: {
					resource,
					operation: 'uploadAttachment',
					id,
					attachmentType: 'file',
					inputBinaryField: 'attachment_0',
					attachmentIntent: 'Supplier',
				},
			});
			const [call] = fake.apiRequests();
			expect(call).toMatchObject({
				method: 'POST',
				path: `/api/${object.path}/${record.id}/attachments`,
				status: 201,
			});
			expect(call.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(call.body).toEqual({
				'attachment[type]': 'file',
				'attachment[file]': {
					fileName: 'invoice scan.pdf',
					contentType: 'application/pdf',
					bytes: BYTES,
				},
				'attachment[intent]': 'Supplier',
			});
			expect(uploaded.json).toMatchObject({
				type: 'AttachmentFile',
				intent: 'Supplier',
				'file-name': 'invoice scan.pdf',
				'file-file-size': String(BYTES.length),
			});

			const listed = await runNode({
				store,
				parameters: { resource, operation: 'listAttachments', id },
			});
			expect(listed.map((item) => item.json.id)).toContain(uploaded.json.id);

			fake.clearRequests();
			const [downloaded] = await runNode({
				store,
				parameters: {
					resource,
					operation: 'downloadAttachment',
					id,
					attachmentId: String(uploaded.json.id),
					binaryPropertyName: 'file',
				},
			});
			expect(fake.apiRequests().map((r) => r.path)).toEqual([
				`/api/${object.path}/${record.id}/attachments/${uploaded.json.id}`,
				`/api/attachment_files/${uploaded.json.id}`,
			]);
			expect(downloaded.json).toEqual({
				fileName: 'invoice scan.pdf',
				mimeType: 'application/pdf',
				fileSize: expect.anything(),
			});
			expect(Buffer.from(downloaded.binary.file.data, 'base64')).toEqual(BYTES);
		});
	},
);

describe('URL and text attachments', () => {
	test('a URL attachment is sent as attachment[url] with type url; intent is left out unless chosen', async () => {
		fake = await startCoupa();
		const po = fake.store.list('purchase_orders')[0];
		const [output] = await runNode({
			store: credentialFor(fake, 'core.purchase_order.write'),
			parameters: {
				resource: 'purchaseOrder',
				operation: 'uploadAttachment',
				id: String(po.id),
				attachmentType: 'url',
				attachmentUrl: 'https://example.com/terms.pdf',
			},
		});
		expect(fake.apiRequests()[0].body).toEqual({
			'attachment[type]': 'url',
			'attachment[url]': 'https://example.com/terms.pdf',
		});
		expect(output.json).toMatchObject({
			type: 'AttachmentUrl',
			url: 'https://example.com/terms.pdf',
			'file-url': null,
		});
		expect(fake.store.list(attachmentStoreOf('purchase_orders')).at(-1)).toMatchObject({
			'attachable-id': po.id,
			type: 'AttachmentUrl',
		});
	});

	test('a text attachment is sent as attachment[text] with its intent', async () => {
		fake = await startCoupa();
		const requisition = fake.store.list('requisitions')[0];
		const [output] = await runNode({
			store: credentialFor(fake, 'core.requisition.write'),
			parameters: {
				resource: 'requisition',
				operation: 'uploadAttachment',
				id: String(requisition.id),
				attachmentType: 'text',
				attachmentText: 'Approved by phone',
				attachmentIntent: 'Internal',
			},
		});
		expect(fake.apiRequests()[0].body).toEqual({
			'attachment[type]': 'text',
			'attachment[text]': 'Approved by phone',
			'attachment[intent]': 'Internal',
		});
		expect(output.json).toMatchObject({
			type: 'AttachmentText',
			text: 'Approved by phone',
			intent: 'Internal',
		});
	});

	test('downloading a URL attachment says it has no file, and names what to do', async () => {
		fake = await startCoupa();
		const contract = fake.store.list('contracts')[0];
		const store = credentialFor(fake, 'core.contract.read core.contract.write');
		const [link] = await runNode({
			store,
			parameters: {
				resource: 'contract',
				operation: 'uploadAttachment',
				id: String(contract.id),
				attachmentType: 'url',
				attachmentUrl: 'https://example.com/x',
			},
		});
		const [failed] = await runNode({
			store,
			continueOnFail: true,
			parameters: {
				resource: 'contract',
				operation: 'downloadAttachment',
				id: String(contract.id),
				attachmentId: String(link.json.id),
			},
		});
		expect(failed.json.error).toBe('This attachment has no file to download (no file-url)');
		expect(failed.json.description).toMatch(/List Attachments shows its url or text/);
	});
});

describe('upload errors people can act on', () => {
	test('a missing binary field names the fields the item has; nothing is sent', async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		const output = await runNode({
			store: credentialFor(fake, 'core.invoice.create'),
			continueOnFail: true,
			items: [fileItem(), { json: {} }],
			parameters: {
				resource: 'invoice',
				operation: 'uploadAttachment',
				id: String(invoice.id),
				attachmentType: 'file',
				inputBinaryField: 'data',
			},
		});
		expect(output).toHaveLength(2);
		expect(output[0].json).toMatchObject({
			error: 'The input item has no binary field "data" to upload',
			description: 'Set Input Binary Field to one of: attachment_0',
		});
		expect(output[1].json.description).toMatch(/Connect a node that outputs a file/);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(fake.apiRequests()).toEqual([]);
	});

	test('an empty URL is refused before calling Coupa', async () => {
		fake = await startCoupa();
		const user = fake.store.list('users')[0];
		await expect(
			runNode({
				store: credentialFor(fake, 'core.user.write'),
				parameters: {
					resource: 'user',
					operation: 'uploadAttachment',
					id: String(user.id),
					attachmentType: 'url',
					attachmentUrl: '  ',
				},
			}),
		).rejects.toThrow('Enter the URL to attach to the user');
		expect(fake.apiRequests()).toEqual([]);
	});

	test("invoice attachments need core.invoice.create (Coupa's scope map): the pre-check says so", async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		await expect(
			runNode({
				store: credentialFor(fake, 'core.invoice.write'),
				items: [fileItem()],
				parameters: {
					resource: 'invoice',
					operation: 'uploadAttachment',
					id: String(invoice.id),
					inputBinaryField: 'attachment_0',
				},
			}),
		).rejects.toThrow(/core\.invoice\.create/);
		expect(fake.apiRequests()).toEqual([]);
	});
});

describe('invoice image scans and legal PDF', () => {
	test('upload an image scan from binary data, then download the same bytes', async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		const store = credentialFor(fake, 'core.invoice.read core.invoice.write');
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
		const [updated] = await runNode({
			store,
			items: [fileItem(png, 'scan.png', 'image/png')],
			parameters: {
				resource: 'invoice',
				operation: 'uploadImageScan',
				id: String(invoice.id),
				inputBinaryField: 'attachment_0',
			},
		});
		const [call] = fake.apiRequests();
		expect(call).toMatchObject({
			method: 'PUT',
			path: `/api/invoices/${invoice.id}/image_scan`,
			status: 200,
		});
		expect(call.body).toEqual({
			file: { fileName: 'scan.png', contentType: 'image/png', bytes: png },
		});
		expect(updated.json).toMatchObject({ id: invoice.id, 'image-scan': 'scan.png' });

		const [downloaded] = await runNode({
			store,
			parameters: { resource: 'invoice', operation: 'downloadImageScan', id: String(invoice.id) },
		});
		expect(fake.apiRequests().at(-1).path).toBe(`/api/invoices/${invoice.id}/retrieve_image_scan`);
		expect(downloaded.json).toMatchObject({ fileName: 'scan.png', mimeType: 'image/png' });
		expect(Buffer.from(downloaded.binary.data.data, 'base64')).toEqual(png);
	});

	test('download the legal invoice PDF', async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		const [output] = await runNode({
			store: credentialFor(fake, 'core.invoice.read'),
			parameters: {
				resource: 'invoice',
				operation: 'downloadLegalInvoicePdf',
				id: String(invoice.id),
				binaryPropertyName: 'pdf',
			},
		});
		expect(fake.apiRequests()[0].path).toBe(
			`/api/invoices/${invoice.id}/retrieve_legal_invoice_pdf`,
		);
		expect(output.json.fileName).toBe(`${invoice['invoice-number']}-legal.pdf`);
		expect(Buffer.from(output.binary.pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
	});
});
