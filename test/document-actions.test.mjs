/**
 * The document actions and comments over real HTTP against the fake Coupa: PO release
 * from buyer hold and window-ignoring issue, PO line invoicing close, invoice dispute withdrawal and
 * approval restarts, requisition update-and-submit and add approver, comments, and the Get Many
 * options `filter` (API response filter) and `show_deleted_lines`.
 */
import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

let fake;
afterEach(async () => fake?.close());

const id = (value) => ({ __rl: true, mode: 'id', value: String(value) });
const pendingApprovalsOf = (type, documentId) =>
	fake.store
		.list('approvals')
		.filter(
			(a) =>
				a['approvable-type'] === type &&
				a['approvable-id'] === documentId &&
				a.status === 'pending_approval',
		);

describe('purchase orders', () => {
	test('release from buyer hold: refused by Coupa when not on hold, then releases a held order', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.purchase_order.read');
		const [issued, held] = fake.store.list('purchase_orders');
		fake.store.update('purchase_orders', issued.id, { status: 'issued' });
		fake.store.update('purchase_orders', held.id, { status: 'buyer_hold' });
		// No scope is documented for this action, so a read-only credential is not stopped before Coupa answers.
		const [refused] = await runNode({
			store,
			continueOnFail: true,
			parameters: {
				resource: 'purchaseOrder',
				operation: 'releaseFromBuyerHold',
				id: id(issued.id),
			},
		});
		expect(refused.json.error).toMatch(/not on buyer hold/);
		const [released] = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'releaseFromBuyerHold', id: id(held.id) },
		});
		expect(fake.apiRequests().at(-1)).toMatchObject({
			method: 'PUT',
			path: `/api/purchase_orders/${held.id}/release_from_buyer_hold`,
		});
		expect(released.json).toMatchObject({ id: held.id, status: 'issued' });
	});

	test('ignore window and issue issues the order', async () => {
		fake = await startCoupa();
		const po = fake.store.update('purchase_orders', fake.store.list('purchase_orders')[0].id, {
			status: 'supplier_window_hold',
		});
		const [output] = await runNode({
			store: credentialFor(fake, 'core.purchase_order.write'),
			parameters: { resource: 'purchaseOrder', operation: 'ignoreWindowAndIssue', id: id(po.id) },
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/api/purchase_orders/${po.id}/ignore_window_and_issue`,
		});
		expect(output.json.status).toBe('issued');
	});

	test('PO lines soft close and reopen for invoicing', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.purchase_order.write');
		const line = fake.store.list('purchase_order_lines')[0];
		await runNode({
			store,
			parameters: {
				resource: 'purchaseOrderLine',
				operation: 'softCloseForInvoicing',
				id: id(line.id),
			},
		});
		expect(fake.store.get('purchase_order_lines', line.id)['soft-closed-for-invoicing']).toBe(true);
		await runNode({
			store,
			parameters: {
				resource: 'purchaseOrderLine',
				operation: 'reopenForInvoicing',
				id: id(line.id),
			},
		});
		expect(fake.apiRequests().map((r) => r.path)).toEqual([
			`/api/purchase_order_lines/${line.id}/soft_close_for_invoicing`,
			`/api/purchase_order_lines/${line.id}/reopen_for_invoicing`,
		]);
		expect(fake.store.get('purchase_order_lines', line.id)['soft-closed-for-invoicing']).toBe(
			false,
		);
	});

	test('Get Many sends the API response filter and show_deleted_lines', async () => {
		fake = await startCoupa();
		await runNode({
			store: credentialFor(fake, 'core.purchase_order.read'),
			parameters: {
				resource: 'purchaseOrder',
				operation: 'getAll',
				limit: 5,
				options: { apiFilter: 'ERP Export', showDeletedLines: true },
			},
		});
		expect(fake.apiRequests()[0].query).toMatchObject({
			filter: 'ERP Export',
			show_deleted_lines: 'true',
			limit: '5',
		});
	});
});

test('show_deleted_lines is only sent where Coupa documents it (purchase orders)', async () => {
	fake = await startCoupa();
	await runNode({
		store: credentialFor(fake, 'core.invoice.read'),
		parameters: {
			resource: 'invoice',
			operation: 'getAll',
			limit: 2,
			options: { apiFilter: 'AP Export', showDeletedLines: true },
		},
	});
	expect(fake.apiRequests()[0].query).toMatchObject({ filter: 'AP Export' });
	expect(fake.apiRequests()[0].query).not.toHaveProperty('show_deleted_lines');
});

describe('invoices', () => {
	test('withdraw a dispute', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, 'core.invoice.write');
		const invoice =
			fake.store.list('invoices').find((i) => i.status === 'pending_approval') ??
			fake.store.list('invoices')[0];
		await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'dispute',
				id: id(invoice.id),
				comment: 'Wrong price',
			},
		});
		const [output] = await runNode({
			store,
			parameters: { resource: 'invoice', operation: 'withdrawDispute', id: id(invoice.id) },
		});
		expect(fake.apiRequests().at(-1)).toMatchObject({
			method: 'PUT',
			path: `/api/invoices/${invoice.id}/withdraw_dispute`,
		});
		expect(output.json.status).not.toBe('disputed');
	});

	test('restart approvals opens a new pending approval; bypass current approval passes it over', async () => {
		fake = await startCoupa();
		const invoice = fake.store.update('invoices', fake.store.list('invoices')[0].id, {
			status: 'pending_approval',
		});
		const [restarted] = await runNode({
			store: credentialFor(fake, 'core.invoice.approval.write'),
			parameters: { resource: 'invoice', operation: 'restartApprovals', id: id(invoice.id) },
		});
		expect(restarted.json.status).toBe('pending_approval');
		const [pending] = pendingApprovalsOf('InvoiceHeader', invoice.id);
		expect(pending).toBeDefined();

		await expect(
			runNode({
				store: credentialFor(fake, 'core.invoice.approval.write'),
				parameters: { resource: 'invoice', operation: 'bypassCurrentApproval', id: id(invoice.id) },
			}),
		).rejects.toThrow(/core\.invoice\.approval\.bypass/);
		const [bypassed] = await runNode({
			store: credentialFor(fake, 'core.invoice.approval.bypass'),
			parameters: { resource: 'invoice', operation: 'bypassCurrentApproval', id: id(invoice.id) },
		});
		expect(fake.apiRequests().at(-1).path).toBe(
			`/api/invoices/${invoice.id}/bypass_current_approval`,
		);
		expect(fake.store.get('approvals', pending.id).status).toBe('skipped');
		expect(bypassed.json.status).toBe('approved');
	});
});

describe('requisitions', () => {
	test('update and submit for approval sends the update fields and submits', async () => {
		fake = await startCoupa();
		const requisition = fake.store.update('requisitions', fake.store.list('requisitions')[0].id, {
			status: 'draft',
		});
		const [output] = await runNode({
			store: credentialFor(fake, 'core.requisition.write'),
			parameters: {
				resource: 'requisition',
				operation: 'updateAndSubmitForApproval',
				id: id(requisition.id),
				updateFields: { justification: 'Q1 laptops' },
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/api/requisitions/${requisition.id}/update_and_submit_for_approval`,
			body: { justification: 'Q1 laptops' },
		});
		expect(output.json).toMatchObject({
			id: requisition.id,
			status: 'pending_approval',
			justification: 'Q1 laptops',
		});
		expect(pendingApprovalsOf('RequisitionHeader', requisition.id).length).toBeGreaterThan(0);
	});

	test('add approver sends approver_id and the user gets a pending approval', async () => {
		fake = await startCoupa();
		const requisition = fake.store.list('requisitions')[0];
		const user = fake.store.list('users').find((u) => u.login === 'kyle');
		await runNode({
			store: credentialFor(fake, 'core.requisition.write'),
			parameters: {
				resource: 'requisition',
				operation: 'addApprover',
				id: id(requisition.id),
				approverId: String(user.id),
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/api/requisitions/${requisition.id}/add_approver`,
			query: { approver_id: String(user.id) },
		});
		expect(
			pendingApprovalsOf('RequisitionHeader', requisition.id).some(
				(a) => a.approver.id === user.id,
			),
		).toBe(true);
	});
});

describe('comments', () => {
	test('add a comment to a purchase order, then list it', async () => {
		fake = await startCoupa();
		const po = fake.store.list('purchase_orders')[0];
		const [added] = await runNode({
			store: credentialFor(fake, 'core.comment.write'),
			parameters: {
				resource: 'purchaseOrder',
				operation: 'addComment',
				id: id(po.id),
				commentText: 'Supplier confirmed delivery date',
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: `/api/purchase_orders/${po.id}/comments`,
			body: { comments: 'Supplier confirmed delivery date' },
			status: 201,
		});
		expect(added.json).toMatchObject({
			comments: 'Supplier confirmed delivery date',
			'commentable-type': 'OrderHeader',
			'commentable-id': po.id,
		});
		const listed = await runNode({
			store: credentialFor(fake, 'core.comment.read'),
			parameters: { resource: 'purchaseOrder', operation: 'listComments', id: id(po.id) },
		});
		expect(listed.map((item) => item.json.id)).toEqual([added.json.id]);
	});

	test('comments need core.comment.*, not the document scope', async () => {
		fake = await startCoupa();
		const invoice = fake.store.list('invoices')[0];
		await expect(
			runNode({
				store: credentialFor(fake, 'core.invoice.write'),
				parameters: {
					resource: 'invoice',
					operation: 'addComment',
					id: id(invoice.id),
					commentText: 'x',
				},
			}),
		).rejects.toThrow(/core\.comment\.write/);
		const [refused] = await runNode({
			store: credentialFor(fake, allScopes()),
			continueOnFail: true,
			parameters: {
				resource: 'invoice',
				operation: 'addComment',
				id: id(invoice.id),
				commentText: '',
			},
		});
		expect(refused.json.error).toBe('"Comment" is required for Add Comment on an invoice');
		expect(fake.apiRequests()).toEqual([]);
	});
});
