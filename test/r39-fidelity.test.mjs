/**
 * Findings from reading the catalogue against Coupa's R39 specs, the Compass pages and the scope
 * map, each pinned by the contract row that states the documented fact and by what the node
 * does with it (against the fake Coupa, which routes from those rows).
 */
import { createRequire } from 'node:module';

import { OBJECTS, ROUTES } from './fake-coupa/contract/index.mjs';
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { objectByResource } = require('../dist/nodes/Coupa/catalog/index.js');

const rowFor = (method, path) =>
	ROUTES.find((row) => row.method === method && row.path === path && !row.query);

let fake;
afterEach(async () => fake?.close());

test('supplier sites: the scope map grants them to core.supplier.* as well as core.supplier_sites.*', async () => {
	expect(rowFor('GET', '/api/suppliers/{id}/supplier_sites').scopes.sort()).toEqual([
		'core.supplier.read',
		'core.supplier_sites.read',
	]);
	expect(rowFor('POST', '/api/suppliers/{id}/supplier_sites').scopes.sort()).toEqual([
		'core.supplier.write',
		'core.supplier_sites.write',
	]);
	fake = await startCoupa();
	const supplier = fake.store.list('supplier_sites')[0]['supplier-id'];
	const sites = await runNode({
		store: credentialFor(fake, 'core.supplier.read'),
		parameters: { resource: 'supplier', operation: 'listSupplierSites', id: String(supplier) },
	});
	expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
		`GET /api/suppliers/${supplier}/supplier_sites`,
	]);
	expect(sites.length).toBeGreaterThan(0);
	// The top-level route R39 documents too.
	const [site] = await runNode({
		store: credentialFor(fake, 'core.supplier.read'),
		parameters: { resource: 'supplierSite', operation: 'get', id: String(sites[0].json.id) },
	});
	expect(site.json.id).toBe(sites[0].json.id);
});

describe('integration monitoring: the actions R39 documents', () => {
	const store = () => credentialFor(fake, 'core.integration.write core.integration.read');

	test.each([
		['integrationHistoryRecord', 'resolve', 'PUT', 'integration_history_records', '{id}/resolve'],
		[
			'integrationHistoryRecord',
			'unresolve',
			'PUT',
			'integration_history_records',
			'{id}/unresolve',
		],
		['integrationRun', 'finish', 'PUT', 'integration_runs', '{id}/finish'],
		['integrationRun', 'saveMaxUpdatedAt', 'PUT', 'integration_runs', '{id}/max_updated_at'],
	])('%s %s is %s /api/%s/%s', async (resource, operation, method, collection, sub) => {
		const row = rowFor(method, `/api/${collection}/${sub}`);
		expect(row.source).toMatch(/^R39_Core_Platform_API\.json/);
		fake = await startCoupa();
		const record = fake.store.list(collection)[0];
		await runNode({ store: store(), parameters: { resource, operation, id: String(record.id) } });
		expect(fake.apiRequests()[0]).toMatchObject({
			method,
			path: `/api/${collection}/${sub.replace('{id}', record.id)}`,
		});
	});

	test.each([
		['integrationHistoryRecord', 'createAlert', 'integration_history_records/create_alert'],
		['integrationHistoryRecord', 'acknowledge', 'integration_history_records/acknowledge'],
		[
			'integrationHistoryRecord',
			'markDocumentExported',
			'integration_history_records/mark_exported',
		],
		[
			'integrationHistoryRecord',
			'createAlertAndMarkExported',
			'integration_history_records/create_alert_and_mark_exported',
		],
	])(
		'%s %s POSTs the record to /api/%s (R39: POST; the playbook writes PUT)',
		async (resource, operation, path) => {
			expect(rowFor('POST', `/api/${path}`).required).toEqual([
				'contact-alert-type',
				'document-id',
				'document-type',
			]);
			expect(rowFor('PUT', `/api/${path}`)).toBeUndefined();
			fake = await startCoupa();
			const invoice = fake.store.list('invoices')[0];
			await runNode({
				store: store(),
				parameters: {
					resource,
					operation,
					contactAlertType: 'Functional',
					documentId: invoice.id,
					documentType: 'InvoiceHeader',
					additionalFields: { status: 'Error' },
				},
			});
			expect(fake.apiRequests()[0]).toMatchObject({
				method: 'POST',
				path: `/api/${path}`,
				body: {
					'contact-alert-type': 'Functional',
					'document-id': invoice.id,
					'document-type': 'InvoiceHeader',
					status: 'Error',
				},
			});
		},
	);

	test('integration error Create Alert POSTs to /api/integration_errors/create_alert', async () => {
		expect(rowFor('POST', '/api/integration_errors/create_alert').required).toEqual([
			'contact-alert-type',
			'integration-run',
		]);
		fake = await startCoupa();
		const run = fake.store.list('integration_runs')[0];
		await runNode({
			store: store(),
			parameters: {
				resource: 'integrationError',
				operation: 'createAlert',
				contactAlertType: 'Technical',
				integrationRun: String(run.id),
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/integration_errors/create_alert',
			body: { 'contact-alert-type': 'Technical', 'integration-run': { id: run.id } },
		});
	});

	test("document types are R39's 31, and status offers the playbook's Success and Error", () => {
		for (const resource of ['integrationHistoryRecord', 'integrationError']) {
			const object = objectByResource(resource);
			const contract = OBJECTS.get(object.path);
			const documentType = object.fields.find((field) => field.key === 'document-type');
			expect(documentType.options).toEqual(contract.documentTypes);
			expect(documentType.options).toHaveLength(31);
			const status = object.fields.find((field) => field.key === 'status');
			for (const value of contract.statusExamples) expect(status.description).toContain(value);
		}
	});
});

test('contract comments: listed and added through /api/contracts/{id}/comments', async () => {
	expect(rowFor('GET', '/api/contracts/{id}/comments').scopes).toEqual(['core.comment.read']);
	fake = await startCoupa();
	const contract = fake.store.list('contracts')[0];
	await runNode({
		store: credentialFor(fake, 'core.comment.write'),
		parameters: {
			resource: 'contract',
			operation: 'addComment',
			id: String(contract.id),
			commentText: 'Renewal terms agreed',
		},
	});
	expect(fake.apiRequests()[0]).toMatchObject({
		method: 'POST',
		path: `/api/contracts/${contract.id}/comments`,
		body: { comments: 'Renewal terms agreed' },
	});
});

test("the invoice image scan goes up as R39's formData part `file`, with no caveat left", () => {
	const row = rowFor('PUT', '/api/invoices/{id}/image_scan');
	expect(row.fileField).toBe('file');
	expect(row.unconfirmed).toBeUndefined();
	const upload = objectByResource('invoice').actions.find((a) => a.path === '{id}/image_scan');
	expect(upload.multipart.fileField).toBe(row.fileField);
	expect(upload.description).not.toMatch(/undocumented|not documented/i);
});

test('a purchase order line soft close for invoicing whose answer is lost is never confirmed by a field no document has', async () => {
	fake = await startCoupa();
	const line = fake.store.list('purchase_order_lines')[0];
	fake.faults.loseAnswers({ as: 502, methods: ['PUT'] });
	const error = await runNode({
		store: credentialFor(fake, 'core.purchase_order.write'),
		parameters: {
			resource: 'purchaseOrderLine',
			operation: 'softCloseForInvoicing',
			id: String(line.id),
		},
	}).catch((e) => e);
	// Sent once, not read back (R39's OrderLine has no soft-closed-for-invoicing), and reported.
	expect(fake.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
		`PUT /api/purchase_order_lines/${line.id}/soft_close_for_invoicing`,
	]);
	expect(error.message).toMatch(/may (already )?have been applied/);
});
