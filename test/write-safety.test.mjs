// A change is applied once, or the user is told it may have been applied (docs/reliability.md). The fake
// Coupa carries a write out and then loses its answer (a reset, or a proxy's 502/504), or fails
// before carrying it out (a 5xx from the fake itself); the tests count what Coupa applied.
import { createRequire } from 'node:module';

import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { isRetryable, outcomeUnknown } = require('../dist/nodes/Coupa/transport/retryPolicy.js');

const LOST = ['reset', 502, 504];
const calls = (fake, method, path) =>
	fake.apiRequests().filter((r) => r.method === method && r.path === path);

let fake;
let store;
beforeEach(async () => {
	fake = await startCoupa();
	store = credentialFor(fake, allScopes());
});
afterEach(async () => fake?.close());

/** A record of `path` put into `changes` first, so each test starts from a known state. */
function prepared(path, changes) {
	const record = fake.store.list(path)[0];
	return fake.store.update(path, record.id, changes);
}

describe('writes are never resent once Coupa may have processed them', () => {
	test.each(LOST)(
		'budget line Adjust +100.00 whose answer is lost (%s) is applied once and fails naming the record and amount',
		async (as) => {
			const line = prepared('budget_lines', { amount: '1000.00' });
			fake.faults.loseAnswers({ as, methods: ['PUT'] });
			const error = await runNode({
				store,
				parameters: {
					resource: 'budgetLine',
					operation: 'adjust',
					id: String(line.id),
					adjustmentAmount: '100.00',
				},
			}).catch((e) => e);
			expect(calls(fake, 'PUT', `/api/budget_lines/${line.id}/adjust`)).toHaveLength(1);
			expect(fake.store.get('budget_lines', line.id).amount).toBe('1100.00');
			expect(error.message).toMatch(
				new RegExp(
					`^Adjust Budget Line of Budget Line ${line.id}: Coupa's answer was lost \\((HTTP 50[24]|the connection was reset)\\), so the change may already have been applied`,
				),
			);
			expect(error.message).toContain('adjustment-amount "100.00"');
			expect(error.description).toBe(
				`The request reached Coupa and was not sent again, to avoid applying it twice. Check Budget Line ${line.id} in Coupa before running this item again.`,
			);
		},
	);

	test.each(LOST)(
		'a requisition Update that adds a line, answer lost (%s): one copy of the line, and a clear failure',
		async (as) => {
			const requisition = fake.store.list('requisitions')[0];
			const linesBefore = requisition['requisition-lines'].length;
			fake.faults.loseAnswers({ as, methods: ['PUT'] });
			const body = {
				'requisition-lines': [
					...requisition['requisition-lines'].map((l) => ({ id: l.id })),
					{ description: 'Added once', quantity: '1', 'unit-price': '5.00' },
				],
			};
			const error = await runNode({
				store,
				parameters: {
					resource: 'requisition',
					operation: 'update',
					id: String(requisition.id),
					specifyBody: 'json',
					jsonBody: JSON.stringify(body),
				},
			}).catch((e) => e);
			expect(calls(fake, 'PUT', `/api/requisitions/${requisition.id}`)).toHaveLength(1);
			const lines = fake.store.get('requisitions', requisition.id)['requisition-lines'];
			expect(lines).toHaveLength(linesBefore + 1);
			expect(lines.filter((l) => l.description === 'Added once')).toHaveLength(1);
			expect(error.message).toMatch(
				new RegExp(
					`^Update Requisition of Requisition ${requisition.id}: Coupa's answer was lost .*, so the change may already have been applied`,
				),
			);
		},
	);

	test.each([502, 503])(
		'a create answered by a proxy %i says the record may have been created, and is not resent',
		async (status) => {
			const before = fake.store.count('suppliers');
			fake.faults.loseAnswers({ as: status === 503 ? 502 : status, methods: ['POST'] });
			if (status === 503) {
				fake.faults.reset();
				fake.faults.serverErrors({ count: 1, status: 503 });
			}
			const error = await runNode({
				store,
				parameters: { resource: 'supplier', operation: 'create', name: 'Lost Answer Ltd' },
			}).catch((e) => e);
			expect(calls(fake, 'POST', '/api/suppliers')).toHaveLength(1);
			expect(error.message).toBe(
				`Create Supplier: Coupa's answer was lost (HTTP ${status}), so the record may have been created (sent: name "Lost Answer Ltd")`,
			);
			expect(error.description).toMatch(
				/not sent again, to avoid a duplicate\. Search Coupa for the record before running this item again/,
			);
			// The fake's 503 comes before processing; the lost 502 after it.
			expect(fake.store.count('suppliers')).toBe(status === 503 ? before : before + 1);
		},
	);

	test('a create whose connection is reset after Coupa processed it is not sent twice', async () => {
		fake.faults.loseAnswers({ as: 'reset', methods: ['POST'] });
		const error = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'create', name: 'Reset Ltd' },
		}).catch((e) => e);
		expect(error.message).toBe(
			'Create Supplier: Coupa\'s answer was lost (the connection was reset), so the record may have been created (sent: name "Reset Ltd")',
		);
		expect(calls(fake, 'POST', '/api/suppliers')).toHaveLength(1);
		expect(fake.store.list('suppliers').filter((s) => s.name === 'Reset Ltd')).toHaveLength(1);
	});

	test('a write refused with 429 is resent (Coupa did not process it) and applied once', async () => {
		const line = prepared('budget_lines', { amount: '50.00' });
		fake.faults.rateLimit({ perSecond: 1, burst: 1, retryAfter: 1 });
		await runNode({
			store,
			parameters: { resource: 'budgetLine', operation: 'get', id: String(line.id) },
		});
		const output = await runNode({
			store,
			parameters: {
				resource: 'budgetLine',
				operation: 'adjust',
				id: String(line.id),
				adjustmentAmount: '25.00',
			},
		});
		const adjusts = calls(fake, 'PUT', `/api/budget_lines/${line.id}/adjust`);
		expect(adjusts.map((c) => c.status)).toContain(429);
		expect(adjusts.filter((c) => c.status === 200)).toHaveLength(1);
		expect(output[0].json.amount).toBe('75.00');
	});

	test('the retry rules: writes only when certainly not processed, reads after any transient failure', () => {
		for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
			expect(isRetryable({ status: 429 }, method)).toBe(true);
			expect(isRetryable({ networkCode: 'ECONNREFUSED' }, method)).toBe(true);
			for (const failure of [
				{ networkCode: 'ECONNRESET' },
				{ networkCode: 'ETIMEDOUT' },
				{ networkCode: 'ECONNABORTED' },
				{ status: 500 },
				{ status: 502 },
				{ status: 503 },
				{ status: 504 },
			]) {
				expect(isRetryable(failure, method)).toBe(false);
				expect(outcomeUnknown(failure, method)).toBe(true);
			}
			expect(outcomeUnknown({ status: 400 }, method)).toBe(false);
			expect(outcomeUnknown({ networkCode: 'ECONNREFUSED' }, method)).toBe(false);
		}
		for (const failure of [
			{ networkCode: 'ECONNRESET' },
			{ networkCode: 'ETIMEDOUT' },
			{ status: 502 },
			{ status: 503 },
			{ status: 504 },
			{ status: 429 },
		]) {
			expect(isRetryable(failure, 'GET')).toBe(true);
			expect(outcomeUnknown(failure, 'GET')).toBe(false);
		}
	});
});

describe('a state-changing action whose answer is lost is confirmed by reading the record back', () => {
	test.each(LOST)(
		'Approve whose answer is lost (%s) succeeds with the approved record, sent once',
		async (as) => {
			const approval = prepared('approvals', { status: 'pending_approval' });
			fake.faults.loseAnswers({ as, methods: ['PUT'] });
			const output = await runNode({
				store,
				parameters: { resource: 'approval', operation: 'approve', id: String(approval.id) },
			});
			expect(calls(fake, 'PUT', `/api/approvals/${approval.id}/approve`)).toHaveLength(1);
			expect(calls(fake, 'GET', `/api/approvals/${approval.id}`)).toHaveLength(1);
			expect(output).toEqual([
				expect.objectContaining({
					json: expect.objectContaining({ id: approval.id, status: 'approved' }),
				}),
			]);
		},
	);

	test('PO Issue whose answer is lost is sent once (the supplier is emailed once) and succeeds', async () => {
		const po = prepared('purchase_orders', { status: 'draft' });
		fake.faults.loseAnswers({ as: 504, methods: ['PUT'] });
		const output = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'issue', id: String(po.id) },
		});
		expect(calls(fake, 'PUT', `/api/purchase_orders/${po.id}/issue`)).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: po.id, status: 'issued' });
	});

	test('an action that failed before Coupa applied it fails, naming the record and its state; nothing is resent', async () => {
		const po = prepared('purchase_orders', { status: 'draft' });
		fake.faults.serverErrors({ count: 1, status: 502 });
		const error = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'cancel', id: String(po.id) },
		}).catch((e) => e);
		expect(calls(fake, 'PUT', `/api/purchase_orders/${po.id}/cancel`)).toHaveLength(1);
		expect(fake.store.get('purchase_orders', po.id).status).toBe('draft');
		expect(error.message).toBe(
			`Coupa's answer to Cancel Purchase Order of Purchase Order ${po.id} was lost (HTTP 502), and the record is not yet in the state it leads to (status is "draft"): the change may still be applied`,
		);
		expect(error.description).toBe(
			`The request was not sent again, to avoid applying it twice. Check Purchase Order ${po.id} in Coupa before running this item again.`,
		);
		expect(error.context.itemIndex).toBe(0);
	});

	test('an action answered with a 303 (post-redirect-get) is not resent and is confirmed by reading back', async () => {
		// Coupa (or a proxy) answers the issue with "see the order": whether it was carried out is
		// read from the order itself.
		const po = prepared('purchase_orders', { status: 'issued' });
		const path = `/api/purchase_orders/${po.id}/issue`;
		fake.faults.redirect({ to: `${fake.url}/api/purchase_orders/${po.id}`, status: 303, path });
		const output = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'issue', id: String(po.id) },
		});
		expect(calls(fake, 'PUT', path)).toHaveLength(1);
		expect(calls(fake, 'GET', `/api/purchase_orders/${po.id}`)).toHaveLength(1);
		expect(output[0].json).toMatchObject({ id: po.id, status: 'issued' });
	});

	test('a 302 to a write whose state is not reached fails naming the state; the write is not resent', async () => {
		const po = prepared('purchase_orders', { status: 'draft' });
		const path = `/api/purchase_orders/${po.id}/cancel`;
		fake.faults.redirect({ to: `${fake.url}/api/purchase_orders/${po.id}`, status: 302, path });
		const error = await runNode({
			store,
			parameters: { resource: 'purchaseOrder', operation: 'cancel', id: String(po.id) },
		}).catch((e) => e);
		expect(calls(fake, 'PUT', path)).toHaveLength(1);
		expect(error.message).toBe(
			`Coupa answered Cancel Purchase Order of Purchase Order ${po.id} with a redirect (HTTP 302), not with its result, and the record is not yet in the state it leads to (status is "draft"): the change may still be applied`,
		);
	});

	test.each(LOST)(
		'Delete whose answer is lost (%s) succeeds once the record is gone',
		async (as) => {
			const line = fake.store.list('budget_lines')[1];
			fake.faults.loseAnswers({ as, methods: ['DELETE'] });
			const output = await runNode({
				store,
				parameters: { resource: 'budgetLine', operation: 'delete', id: String(line.id) },
			});
			expect(output[0].json).toEqual({ deleted: true, id: line.id });
			expect(calls(fake, 'DELETE', `/api/budget_lines/${line.id}`)).toHaveLength(1);
			expect(calls(fake, 'GET', `/api/budget_lines/${line.id}`).map((c) => c.status)).toEqual([
				404,
			]);
		},
	);

	test('a Delete that failed before Coupa applied it fails: the record still exists', async () => {
		const line = fake.store.list('budget_lines')[2];
		fake.faults.serverErrors({ count: 1, status: 503 });
		const error = await runNode({
			store,
			parameters: { resource: 'budgetLine', operation: 'delete', id: String(line.id) },
		}).catch((e) => e);
		expect(error.message).toMatch(
			new RegExp(
				`and Budget Line ${line.id} still exists: the delete may not have been applied, or may still be under way$`,
			),
		);
		expect(calls(fake, 'DELETE', `/api/budget_lines/${line.id}`)).toHaveLength(1);
		expect(fake.store.get('budget_lines', line.id)).toBeDefined();
	});

	test('Mark as Exported whose answer is lost succeeds with the flag read back', async () => {
		const invoice = prepared('invoices', { exported: false, status: 'approved' });
		fake.faults.loseAnswers({ as: 'reset', methods: ['PUT'] });
		const output = await runNode({
			store,
			parameters: { resource: 'invoice', operation: 'markExported', id: String(invoice.id) },
		});
		expect(output[0].json).toEqual({
			id: invoice.id,
			exported: true,
			'last-exported-at': expect.any(String),
		});
		expect(calls(fake, 'PUT', `/api/invoices/${invoice.id}`)).toHaveLength(1);
	});

	test('with Continue On Fail, an uncertain item fails on its own and the next item still runs', async () => {
		const [first, second] = fake.store.list('budget_lines');
		fake.faults.loseAnswers({ as: 502, methods: ['PUT'] });
		const output = await runNode({
			store,
			continueOnFail: true,
			items: [{ json: { id: first.id } }, { json: { id: second.id } }],
			parameters: {
				resource: 'budgetLine',
				operation: 'adjust',
				id: '={{ $json.id }}',
				adjustmentAmount: '10.00',
				// In turn, so the lost answer is the first item's.
				options: { itemsOneAtATime: true },
			},
		});
		expect(output).toHaveLength(2);
		expect(output[0].json.error).toMatch(/may already have been applied/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1].json).toMatchObject({ id: second.id });
		expect(output[1].pairedItem).toEqual({ item: 1 });
	});
});
