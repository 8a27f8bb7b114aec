// The Coupa node inside real n8n 2.x, headless: workflows imported with `n8n import:workflow`
// and run with `n8n execute --id … --rawOutput` against the fake Coupa on loopback. Covers the
// operations, n8n's own OAuth2 client-credentials token handling and errors as n8n reports them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadExample } from '../../scripts/n8n-setup.mjs';
import { createN8nInstance, nodeItems } from './harness/n8n-instance.mjs';
import { credentialFor, limitedScopes, pick, startSandbox } from './harness/sandbox.mjs';
import { byId, chainWorkflow, coupa, fromNode } from './harness/workflows.mjs';

const FULL = { id: 'e2eCoupaFull', name: 'Coupa sandbox (all scopes)' };
const READ_ONLY = { id: 'e2eCoupaSupplierRead', name: 'Coupa sandbox (supplier read only)' };
const STAMP = Date.now();

let fake;
let n8n;
let ids;
let results;

/** Records the chain acts on, picked from the seed by state so every action is allowed. */
function pickRecords() {
	const status = (value) => (record) => record.status === value;
	return {
		supplier: pick(fake, 'suppliers').id,
		approval: pick(fake, 'approvals', status('pending_approval')).id,
		// Records are live objects in the store: keep the amount as it was before the run.
		budgetLine: {
			id: pick(fake, 'budget_lines').id,
			amount: Number(pick(fake, 'budget_lines').amount),
		},
		contract: pick(fake, 'contracts', status('draft')).id,
		expenseReport: pick(fake, 'expense_reports', status('draft')).id,
		receivingTransaction: pick(
			fake,
			'receiving_transactions',
			(record) => record.status !== 'voided',
		).id,
		disputedInvoice: pick(fake, 'invoices', status('pending_approval')).id,
		exportedInvoice: pick(
			fake,
			'invoices',
			(record) => record.status === 'approved' && !record.exported,
		).id,
		deletedInvoice: pick(fake, 'invoices', status('draft')).id,
		purchaseOrder: pick(fake, 'purchase_orders', status('issued')).id,
		purchaseOrderChange: pick(fake, 'purchase_order_changes', status('draft')).id,
		purchaseOrderLine: pick(
			fake,
			'purchase_order_lines',
			(record) => !record['soft-closed-for-receiving'],
		).id,
		attachment: pick(fake, 'contract_attachments'),
		attachmentInvoice: pick(fake, 'invoices', status('approved')).id,
	};
}

/** One workflow, one `n8n execute`: every operation kind plus the custom API call and continueOnFail. */
function operationsWorkflow() {
	const action = (resource, operation, id, extra = {}) => ({
		resource,
		operation,
		id: byId(id),
		...extra,
	});
	return chainWorkflow(
		'e2eOperations',
		[
			coupa('Get supplier', { resource: 'supplier', operation: 'get', id: byId(ids.supplier) }),
			coupa('All suppliers', {
				resource: 'supplier',
				operation: 'getAll',
				returnAll: true,
				filters: {},
				options: { pageWindow: 1 },
			}),
			coupa('Seven invoices', {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: false,
				limit: 7,
				filters: {},
				options: {},
			}),
			coupa('Create supplier (fields)', {
				resource: 'supplier',
				operation: 'create',
				name: `E2E Fields Supplier ${STAMP}`,
				additionalFields: {
					status: 'active',
					poMethod: 'email',
					poEmail: 'orders@e2e-fields.example',
				},
			}),
			coupa('Create supplier (JSON)', {
				resource: 'supplier',
				operation: 'create',
				specifyBody: 'json',
				jsonBody: JSON.stringify({
					name: `E2E JSON Supplier ${STAMP}`,
					status: 'draft',
					website: 'https://e2e-json.example',
				}),
			}),
			coupa('Update supplier', {
				resource: 'supplier',
				operation: 'update',
				id: { __rl: true, mode: 'id', value: fromNode('Create supplier (fields)') },
				updateFields: { website: 'https://updated.e2e.example', status: 'inactive' },
			}),
			coupa('Delete invoice', {
				resource: 'invoice',
				operation: 'delete',
				id: byId(ids.deletedInvoice),
			}),
			coupa(
				'Approve approval',
				action('approval', 'approve', ids.approval, { reason: 'Approved by the e2e suite' }),
			),
			coupa(
				'Adjust budget line',
				action('budgetLine', 'adjust', ids.budgetLine.id, { adjustmentAmount: '250' }),
			),
			coupa('Submit contract', action('contract', 'submitForApproval', ids.contract)),
			coupa('Submit expense report', action('expenseReport', 'submit', ids.expenseReport)),
			coupa(
				'Void receiving transaction',
				action('receivingTransaction', 'void', ids.receivingTransaction),
			),
			coupa(
				'Dispute invoice',
				action('invoice', 'dispute', ids.disputedInvoice, {
					disputeReasonCode: 'PRICE',
					comment: 'Price differs from PO',
				}),
			),
			coupa('Mark invoice exported', action('invoice', 'markExported', ids.exportedInvoice)),
			coupa('Close purchase order', action('purchaseOrder', 'close', ids.purchaseOrder)),
			coupa(
				'Submit PO change',
				action('purchaseOrderChange', 'submitForApproval', ids.purchaseOrderChange),
			),
			coupa(
				'Soft-close PO line',
				action('purchaseOrderLine', 'softCloseForReceiving', ids.purchaseOrderLine),
			),
			coupa('Create and submit requisition', {
				resource: 'requisition',
				operation: 'submitForApproval',
				requestedBy: 'jdoe',
				lines: { line: [{ description: 'E2E laptop', quantity: '2', unitPrice: '999.00' }] },
			}),
			coupa('Custom API call', {
				resource: 'customApiCall',
				operation: 'request',
				method: 'GET',
				path: '/api/suppliers',
				queryParameters: { parameter: [{ name: 'status', value: 'active' }] },
				paginate: true,
			}),
			coupa('Documented endpoint', {
				resource: 'customApiCall',
				operation: 'request',
				endpoint: { __rl: true, mode: 'list', value: 'GET /api/suppliers/{id}' },
				pathParameters: { parameter: [{ name: 'id', value: String(ids.supplier) }] },
			}),
			coupa(
				'Missing supplier (continue)',
				{ resource: 'supplier', operation: 'get', id: byId(99999999) },
				{ continueOnFail: true },
			),
			coupa(
				'Create without write scope (continue)',
				{ resource: 'supplier', operation: 'create', name: `Never created ${STAMP}` },
				{ credential: READ_ONLY, continueOnFail: true },
			),
		],
		{ credential: FULL },
	);
}

/**
 * Files through n8n's binary data: download a contract attachment into a binary field, upload that
 * field to an invoice (multipart), then download the uploaded attachment again.
 */
function filesWorkflow() {
	return chainWorkflow(
		'e2eFiles',
		[
			coupa('Download contract file', {
				resource: 'contract',
				operation: 'downloadAttachment',
				id: byId(ids.attachment['attachable-id']),
				attachmentId: String(ids.attachment.id),
				binaryPropertyName: 'data',
			}),
			coupa('Upload to invoice', {
				resource: 'invoice',
				operation: 'uploadAttachment',
				id: byId(ids.attachmentInvoice),
				attachmentType: 'file',
				inputBinaryField: 'data',
				attachmentIntent: 'Supplier',
			}),
			coupa('Download uploaded file', {
				resource: 'invoice',
				operation: 'downloadAttachment',
				id: byId(ids.attachmentInvoice),
				attachmentId: fromNode('Upload to invoice'),
				binaryPropertyName: 'copy',
			}),
		],
		{ credential: FULL },
	);
}

/**
 * The requests of one run after Coupa stopped accepting the stored token: refused (401) with the
 * old token at most three times, then served (200) once with the new one, and nothing else.
 */
function assertRefusedThenServed(requests) {
	const statuses = requests.map((request) => request.status);
	const refused = requests.slice(0, -1);
	const served = requests.at(-1);
	assert.ok(refused.length >= 1 && refused.length <= 3, `statuses ${statuses.join(', ')}`);
	assert.ok(
		refused.every((request) => request.status === 401),
		`statuses ${statuses.join(', ')}`,
	);
	assert.equal(served.status, 200, `statuses ${statuses.join(', ')}`);
	const tokenOf = (request) => request.headers.authorization;
	assert.equal(
		new Set(refused.map(tokenOf)).size,
		1,
		'every refused request carried the old token',
	);
	assert.notEqual(tokenOf(served), tokenOf(refused[0]), 'the served request carried a new token');
}

/** A single get: run again and again to watch n8n's token handling. */
const tokenWorkflow = () =>
	chainWorkflow(
		'e2eToken',
		[coupa('Get supplier', { resource: 'supplier', operation: 'get', id: byId(ids.supplier) })],
		{ credential: FULL },
	);

/** Coupa answers 400 with a validation error; no continueOnFail, so the execution fails. */
const validationWorkflow = () =>
	chainWorkflow(
		'e2eValidation',
		[
			coupa('Create invalid supplier', {
				resource: 'supplier',
				operation: 'create',
				specifyBody: 'json',
				jsonBody: '{"status": "active"}',
			}),
		],
		{ credential: FULL },
	);

const tokenRequests = () => fake.requests.filter((request) => request.path === '/oauth2/token');

describe('Coupa node in real n8n (n8n execute)', () => {
	before(async () => {
		fake = await startSandbox();
		// More than two pages of 50, so returnAll must follow Coupa's offset paging.
		fake.store.seed('suppliers', 120 - fake.store.count('suppliers'));
		ids = pickRecords();
		n8n = await createN8nInstance('operations');
		await n8n.importCredentials([
			credentialFor(fake, FULL),
			credentialFor(fake, { ...READ_ONLY, scopes: limitedScopes('core.supplier.read') }),
		]);
		await n8n.importWorkflows([
			operationsWorkflow(),
			tokenWorkflow(),
			filesWorkflow(),
			validationWorkflow(),
			loadExample('onboard-supplier.json', FULL),
			loadExample('export-approved-invoices.json', FULL),
			loadExample('approval-decision-form.json', FULL),
		]);
		fake.clearRequests();
		const execution = await n8n.execute('e2eOperations');
		assert.ok(execution.ok, `the operations workflow failed:\n${execution.stdout.slice(-3000)}`);
		results = execution.run;
	});

	after(async () => {
		await n8n?.dispose();
		await fake?.close();
	});

	const items = (node) => nodeItems(results, node);

	it('gets a record by ID', () => {
		const [supplier] = items('Get supplier');
		assert.equal(supplier.id, ids.supplier);
		assert.equal(supplier.name, fake.store.get('suppliers', ids.supplier).name);
	});

	it('returns all records over three or more pages of 50', () => {
		const suppliers = items('All suppliers');
		const pages = fake.requests.filter(
			(r) => r.method === 'GET' && r.path === '/api/suppliers' && r.query.limit === '50',
		);
		assert.equal(suppliers.length, 120);
		assert.deepEqual(
			[...new Set(suppliers.map((s) => s.id))].length,
			120,
			'no duplicates across pages',
		);
		const ids = suppliers.map((s) => s.id);
		assert.deepEqual(
			ids,
			[...ids].sort((a, b) => a - b),
			'in id order',
		);
		// Pages by key: the first page, then pages that continue after an id, never an offset.
		assert.ok(pages.length >= 3, `three or more pages were read (saw ${pages.length})`);
		assert.ok(
			pages.every((r) => r.query.offset === undefined),
			'no page is read by offset',
		);
		assert.ok(
			pages.filter((r) => r.query['id[gt]'] !== undefined).length >= 2,
			'pages continue after an id',
		);
	});

	it('honours the limit', () => {
		assert.equal(items('Seven invoices').length, 7);
	});

	it('creates a record from fields and from JSON', () => {
		const [fromFields] = items('Create supplier (fields)');
		assert.equal(fromFields.name, `E2E Fields Supplier ${STAMP}`);
		assert.equal(
			fake.store.get('suppliers', fromFields.id)['po-email'],
			'orders@e2e-fields.example',
		);
		const [fromJson] = items('Create supplier (JSON)');
		assert.equal(fake.store.get('suppliers', fromJson.id).website, 'https://e2e-json.example');
		assert.equal(fake.store.get('suppliers', fromJson.id).status, 'draft');
	});

	it('updates a record', () => {
		const [created] = items('Create supplier (fields)');
		const stored = fake.store.get('suppliers', created.id);
		assert.equal(stored.website, 'https://updated.e2e.example');
		assert.equal(stored.status, 'inactive');
		assert.equal(items('Update supplier')[0].id, created.id);
	});

	it('deletes a record', () => {
		assert.deepEqual(items('Delete invoice'), [{ deleted: true, id: ids.deletedInvoice }]);
		assert.equal(fake.store.get('invoices', ids.deletedInvoice), undefined);
	});

	it('runs an action on every object that has actions', () => {
		const statusOf = (path, id) => fake.store.get(path, id).status;
		assert.equal(statusOf('approvals', ids.approval), 'approved');
		assert.equal(fake.store.get('approvals', ids.approval).note, 'Approved by the e2e suite');
		assert.equal(
			Number(fake.store.get('budget_lines', ids.budgetLine.id).amount),
			ids.budgetLine.amount + 250,
		);
		assert.equal(statusOf('contracts', ids.contract), 'pending_approval');
		assert.equal(statusOf('expense_reports', ids.expenseReport), 'pending_approval');
		assert.equal(statusOf('receiving_transactions', ids.receivingTransaction), 'voided');
		assert.equal(statusOf('invoices', ids.disputedInvoice), 'disputed');
		assert.equal(fake.store.get('invoices', ids.exportedInvoice).exported, true);
		assert.equal(statusOf('purchase_orders', ids.purchaseOrder), 'closed');
		assert.equal(statusOf('purchase_order_changes', ids.purchaseOrderChange), 'pending_approval');
		assert.equal(
			fake.store.get('purchase_order_lines', ids.purchaseOrderLine)['soft-closed-for-receiving'],
			true,
		);
		const [requisition] = items('Create and submit requisition');
		assert.equal(fake.store.get('requisitions', requisition.id).status, 'pending_approval');
	});

	it('sends a custom API call, following the pages', () => {
		const active = fake.store.rows('suppliers').filter((s) => s.status === 'active').length;
		// Counted after the run; the chain created one active supplier and then made it inactive.
		assert.equal(items('Custom API call').length, active);
	});

	it('calls a documented endpoint picked from the list, its placeholder filled', () => {
		const [item] = items('Documented endpoint');
		assert.equal(item.id, ids.supplier);
	});

	it('continues on fail with the error as the item', () => {
		const [item] = items('Missing supplier (continue)');
		assert.match(item.error, /99999999 was not found/);
	});

	it('reports a missing scope readably', (t) => {
		const [item] = items('Create without write scope (continue)');
		t.diagnostic(`n8n output: ${item.error}`);
		assert.match(JSON.stringify(item), /core\.supplier\.write/);
		assert.ok(!fake.store.rows('suppliers').some((s) => s.name === `Never created ${STAMP}`));
	});

	it("fails the execution with Coupa's validation message", async (t) => {
		const execution = await n8n.execute('e2eValidation');
		assert.equal(execution.ok, false);
		const error = execution.run.data.resultData.error;
		t.diagnostic(`n8n says: ${error.message}`);
		assert.match(error.message + (error.description ?? ''), /Name can't be blank/);
		assert.equal(error.node.name, 'Create invalid supplier');
	});

	it('runs the supplier onboarding example as imported', async () => {
		const before = fake.store.count('suppliers');
		const execution = await n8n.execute('coupaExSupplierOnbrd');
		assert.ok(execution.ok, execution.stdout.slice(-2000));
		const [notice] = nodeItems(execution.run, 'Notify purchasing');
		assert.match(
			notice.message,
			/^New Coupa supplier Northwind Traders \d+ \(ID \d+, number .*\) is active\.$/,
		);
		assert.equal(fake.store.count('suppliers'), before + 1);
	});

	it('uploads a file from n8n binary data and downloads the same bytes', async () => {
		// No clearRequests here: the token test below reads the first token request of the suite.
		const execution = await n8n.execute('e2eFiles');
		assert.ok(execution.ok, execution.stdout.slice(-3000));
		const [downloaded] = nodeItems(execution.run, 'Download contract file');
		assert.equal(downloaded.fileName, ids.attachment['file-name']);
		const [uploaded] = nodeItems(execution.run, 'Upload to invoice');
		assert.equal(uploaded.type, 'AttachmentFile');
		assert.equal(uploaded['file-name'], ids.attachment['file-name']);
		assert.equal(uploaded.intent, 'Supplier');

		// The multipart part Coupa received is byte for byte the file Coupa served for the contract.
		const served = await fetch(`${fake.url}/api/attachment_files/${ids.attachment.id}`, {
			headers: {
				Authorization: fake.requests.find(
					(r) => r.path === `/api/attachment_files/${ids.attachment.id}`,
				).headers.authorization,
			},
		});
		const original = Buffer.from(await served.arrayBuffer());
		const upload = fake.requests.find(
			(r) => r.method === 'POST' && r.path === `/api/invoices/${ids.attachmentInvoice}/attachments`,
		);
		assert.match(upload.headers['content-type'], /^multipart\/form-data; boundary=/);
		assert.equal(upload.body['attachment[type]'], 'file');
		assert.equal(upload.body['attachment[file]'].contentType, 'application/pdf');
		assert.deepEqual(upload.body['attachment[file]'].bytes, original);

		const [copy] = nodeItems(execution.run, 'Download uploaded file');
		assert.equal(copy.fileName, ids.attachment['file-name']);
		assert.equal(copy.mimeType, 'application/pdf');
		assert.ok(
			fake.requests.some(
				(r) => r.path === `/api/attachment_files/${uploaded.id}` && r.status === 200,
			),
			'the uploaded file was downloaded from its file-url',
		);
	});

	it('runs the invoice export example: an integration run, a history record per invoice, the refused one recorded, the run closed with its counts', async () => {
		const approved = fake.store
			.list('invoices')
			.filter((invoice) => invoice.status === 'approved' && !invoice.exported);
		assert.ok(approved.length >= 2, 'the sandbox has approved invoices to export');
		// The example's placeholder ERP refuses an invoice without a supplier.
		const refused = approved[0];
		fake.store.update('invoices', refused.id, { supplier: null });
		const runsBefore = fake.store.count('integration_runs');
		const execution = await n8n.execute('coupaExInvoiceExport');
		assert.ok(execution.ok, execution.stdout.slice(-3000));

		assert.equal(fake.store.count('integration_runs'), runsBefore + 1);
		const run = fake.store.list('integration_runs').at(-1);
		assert.equal(run.integration.code, 'INVOICE-EXPORT');
		assert.equal(run.status, 'failed');
		assert.equal(run['total-records'], approved.length);
		assert.equal(run['records-processed'], approved.length - 1);

		const records = fake.store
			.list('integration_history_records')
			.filter((record) => record['integration-run-id'] === run.id);
		assert.deepEqual(
			records.map((record) => record['document-id']).sort(),
			approved.map((invoice) => invoice.id).sort(),
		);
		const failed = records.filter((record) => record.status === 'failed');
		assert.deepEqual(
			failed.map((record) => record['document-id']),
			[refused.id],
		);
		assert.match(failed[0].responses[0]['response-message'], /no supplier/);
		for (const invoice of approved.slice(1)) {
			assert.equal(
				fake.store.get('invoices', invoice.id).exported,
				true,
				`invoice ${invoice.id} is marked exported`,
			);
			const record = records.find((r) => r['document-id'] === invoice.id);
			assert.equal(record.status, 'success');
			assert.equal(record['external-id'], `ERP-${invoice['invoice-number']}`);
		}
		assert.equal(
			fake.store.get('invoices', refused.id).exported,
			false,
			'the refused invoice stays unexported for the next run',
		);
	});

	it("fetches the token with n8n's client-credentials code, stores it, and re-fetches it after revocation and expiry", async () => {
		// The operations run fetched one token per credential; the form body is n8n's oauth2 client's.
		const full = fake.tokens.filter((token) => token.scopes.includes('core.invoice.write'));
		assert.equal(full.length, 1, 'one token for the full credential, reused by every node');
		const [first] = tokenRequests();
		assert.equal(first.body.grant_type, 'client_credentials');
		assert.equal(first.body.client_id, 'n8n-test-client');

		// A new execution (a new process) reuses the token n8n stored in the credential.
		fake.clearRequests();
		assert.ok((await n8n.execute('e2eToken')).ok);
		assert.equal(tokenRequests().length, 0, 'the stored token is reused');

		// Revoked: Coupa answers 401; the request goes again as the renewal (tokenGate.ts), and n8n
		// fetches one new token. How often n8n's own OAuth2 code tries the refused token first
		// differs by version (seen: once on 1.123, twice on 2.40, three times on 2.33); what the
		// package promises is one token request and a run that succeeds with the new token.
		fake.faults.revokeTokens();
		fake.clearRequests();
		const afterRevoke = await n8n.execute('e2eToken');
		assert.ok(afterRevoke.ok, afterRevoke.stdout.slice(-2000));
		assert.equal(tokenRequests().length, 1);
		assertRefusedThenServed(fake.apiRequests());

		// Expired: every token older than 2 s is refused from now on.
		fake.faults.expireTokensAfter(2);
		await new Promise((resolve) => setTimeout(resolve, 2500));
		fake.clearRequests();
		const afterExpiry = await n8n.execute('e2eToken');
		fake.faults.reset();
		assert.ok(afterExpiry.ok, afterExpiry.stdout.slice(-2000));
		assert.equal(tokenRequests().length, 1);
		assertRefusedThenServed(fake.apiRequests());
		assert.equal(
			fake.tokens.filter((token) => token.scopes.includes('core.invoice.write')).length,
			3,
		);
	});
});
