/**
 * The package's catalogue against the fake Coupa's contract table (test/fake-coupa/contract/),
 * which is written from Coupa's published docs and never from the node's catalogue (nodes/Coupa/catalog/). Every operation the
 * node offers must be a documented route with the same method, path, scope set and required
 * inputs; every status list must be the documented values (plus marked guesses).
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

import { formatTimestamp } from './fake-coupa/clock.mjs';
import { OBJECTS, ROUTES } from './fake-coupa/contract/index.mjs';
import { LOOKUPS as FAKE_LOOKUPS } from './fake-coupa/catalog.mjs';
import { accessToken, credentialFor, startCoupa } from './harness/setup.mjs';
import { registerNodeType, runNode, runPoll } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const {
	CATALOG,
	LOOKUPS,
	createPathOf,
	objectByResource,
	scopesFor,
	statusKeyOf,
} = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/helpers/operations.js');
const { statusTransitions } = require('../dist/nodes/Coupa/trigger/statusMemory.js');
const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
registerNodeType('coupaTrigger', new CoupaTrigger());

/** `{id}`, `{subId}`, `{parentId}`, `{attachment_id}`: any placeholder is one path segment. */
const shape = (path) => path.replace(/\{[^}]+\}/g, '{}');
const sorted = (list) => [...list].sort();

/** What the catalogue says one operation sends: method, path, query, scopes and required inputs. */
function catalogueRoute(object, entry) {
	const base = `/api/${object.path}`;
	const action = entry.catalogAction;
	const fieldKeys = () => [
		...object.fields.filter((field) => field.required).map((field) => field.key),
		...(object.lines?.required ? [object.lines.key] : []),
	];
	const route = {
		method: 'GET',
		path: base,
		query: {},
		scopes: scopesFor(object, entry.value),
		required: [],
	};
	switch (entry.value) {
		case 'get':
			return { ...route, path: `${base}/{id}` };
		case 'getAll':
			return route;
		case 'create':
			return {
				...route,
				method: 'POST',
				path: `/api/${createPathOf(object)}`,
				required: fieldKeys(),
			};
		case 'update':
			return { ...route, method: 'PUT', path: `${base}/{id}` };
		case 'delete':
			return { ...route, method: 'DELETE', path: `${base}/{id}` };
		case 'markExported':
			return { ...route, method: 'PUT', path: `${base}/{id}`, query: { exported: 'true' } };
		default:
			return {
				...route,
				method: action.method,
				path: `${base}/${action.path}`,
				required:
					action.takesRecordBody === true
						? fieldKeys()
						: (action.inputs ?? []).filter((i) => i.required).map((i) => i.key),
			};
	}
}

/** The documented routes with this method, path shape and query. */
function documented(route) {
	return ROUTES.filter(
		(row) =>
			row.method === route.method &&
			shape(row.path) === shape(route.path) &&
			JSON.stringify(row.query ?? {}) === JSON.stringify(route.query),
	);
}

const operations = CATALOG.flatMap((object) =>
	operationsOf(object).map((entry) => [object.resource, entry.value, object, entry]),
);

describe('every catalogue operation is a documented Coupa route', () => {
	test.each(operations)('%s: %s', (_resource, _operation, object, entry) => {
		const route = catalogueRoute(object, entry);
		const rows = documented(route);
		// Method, path and query: exactly one documented route.
		expect(rows.map((row) => `${row.method} ${row.path}`)).toHaveLength(1);
		const [row] = rows;
		expect(row.source).toEqual(expect.any(String));
		// The same scope set ("any one of"): an empty set means the docs name none.
		expect(sorted(route.scopes)).toEqual(sorted(row.scopes));
		// The same required inputs.
		expect(sorted(route.required)).toEqual(sorted(row.required));
	});

	test('the pre-check blocks nothing the docs leave open: undocumented scopes are empty, never guessed', () => {
		for (const object of CATALOG) {
			for (const entry of operationsOf(object)) {
				const [row] = documented(catalogueRoute(object, entry));
				if (row.scopes.length === 0) expect(scopesFor(object, entry.value)).toEqual([]);
			}
		}
	});

	test("lists read by the editor's dropdowns are documented lists with the same scopes", () => {
		for (const lookup of Object.values(LOOKUPS)) {
			const row = ROUTES.find((r) => r.method === 'GET' && r.path === `/api/${lookup.path}`);
			// Reference lists (currencies, payment terms, COAs) are fake-side facts: docs/coupa-docs.md,
			// "Lookup lists and their scopes".
			expect(sorted(row?.scopes ?? FAKE_LOOKUPS.get(lookup.path)?.scopes ?? [])).toEqual(
				sorted(lookup.scopes),
			);
		}
	});
});

describe('status lists match the documented values', () => {
	const objects = CATALOG.filter((object) => object.statuses || OBJECTS.get(object.path)?.statuses);
	test.each(objects.map((object) => [object.resource, object]))('%s', (_resource, object) => {
		const contract = OBJECTS.get(object.path);
		expect(contract).toBeDefined();
		expect(statusKeyOf(object)).toBe(contract.stateKey ?? 'status');
		expect(contract.statusesSource).toEqual(expect.any(String));
		// Every documented value is offered; anything else offered is a guess the contract marks as one.
		expect(object.statuses).toEqual(expect.arrayContaining(contract.statuses ?? []));
		expect(sorted(object.statuses)).toEqual(
			sorted([...(contract.statuses ?? []), ...(contract.statusesUnconfirmed ?? [])]),
		);
	});
});

describe("the discrepancies found against Coupa's docs stay fixed", () => {
	let fake;
	afterEach(async () => fake?.close());

	const rowFor = (method, path, query) =>
		ROUTES.find(
			(row) =>
				row.method === method &&
				row.path === path &&
				JSON.stringify(row.query ?? {}) === JSON.stringify(query ?? {}),
		);

	test('quote requests keep their status in `state`: filters and Status Changed use it', async () => {
		const quoteRequest = objectByResource('quoteRequest');
		expect(OBJECTS.get('quote_requests').stateKey).toBe('state');
		expect(statusKeyOf(quoteRequest)).toBe('state');

		fake = await startCoupa();
		const target = fake.store.list('quote_requests')[0];
		expect(target).not.toHaveProperty('status');
		const output = await runNode({
			store: credentialFor(fake, 'core.sourcing.read'),
			parameters: {
				resource: 'quoteRequest',
				operation: 'getAll',
				returnAll: true,
				filters: { statuses: [target.state] },
			},
		});
		expect(fake.apiRequests()[0].query).toMatchObject({ 'state[in]': target.state });
		expect(output.map((item) => item.json.id)).toEqual(
			fake.store
				.list('quote_requests')
				.filter((r) => r.state === target.state)
				.map((r) => r.id),
		);

		// Status Changed reads the same attribute: a move into a watched state fires once.
		const memory = new Map();
		const watched = new Set(['active']);
		expect(
			statusTransitions([{ id: 1, state: 'draft' }], watched, memory, statusKeyOf(quoteRequest)),
		).toEqual([]);
		expect(
			statusTransitions([{ id: 1, state: 'active' }], watched, memory, statusKeyOf(quoteRequest)),
		).toEqual([{ id: 1, state: 'active' }]);
		expect(
			statusTransitions(
				[{ id: 1, state: 'active', description: 'edited' }],
				watched,
				memory,
				statusKeyOf(quoteRequest),
			),
		).toEqual([]);
	});

	test('Status Changed fires for quote requests when their state becomes a watched one', async () => {
		// Coupa's clock agrees with n8n's (the trigger's look-back allows minutes of skew, not days).
		const T0 = Math.floor(Date.now() / 1000) * 1000 - 60_000;
		fake = await startCoupa({ seed: false, clock: T0 });
		const stamp = (seconds) => formatTimestamp(T0 + seconds * 1000, -480);
		const event = fake.store.insert('quote_requests', {
			description: 'Laptops',
			'event-type': 'rfq',
			state: 'draft',
			'created-at': stamp(0),
			'updated-at': stamp(0),
		});
		const store = credentialFor(fake, 'core.sourcing.read');
		const staticData = {};
		const parameters = {
			resource: 'quoteRequest',
			event: 'statusChanged',
			statuses: ['active'],
			options: { startFrom: new Date(T0 - 3_600_000).toISOString() },
		};
		const poll = async () =>
			((await runPoll({ parameters, store, staticData })).result?.[0] ?? []).map(
				(item) => item.json,
			);

		expect(await poll()).toEqual([]);
		fake.store.update('quote_requests', event.id, { state: 'active' }, { at: stamp(5) });
		expect((await poll()).map((r) => [r.id, r.state])).toEqual([[event.id, 'active']]);
		fake.store.update(
			'quote_requests',
			event.id,
			{ description: 'Laptops 2027' },
			{ at: stamp(9) },
		);
		expect(await poll()).toEqual([]);
	});

	test('invoice create is allowed with core.invoice.write alone', async () => {
		expect(sorted(rowFor('POST', '/api/invoices').scopes)).toEqual([
			'core.invoice.create',
			'core.invoice.write',
		]);
		fake = await startCoupa();
		const output = await runNode({
			store: credentialFor(fake, 'core.invoice.write'),
			parameters: {
				resource: 'invoice',
				operation: 'create',
				specifyBody: 'json',
				jsonBody: JSON.stringify({
					'invoice-number': 'INV-WRITE-1',
					'invoice-date': '2026-11-20',
					supplier: { name: 'Acme Computers' },
					currency: { code: 'USD' },
					'invoice-lines': [{ description: 'Toner', price: '10.00' }],
				}),
			},
		});
		expect(output[0].json).toMatchObject({ 'invoice-number': 'INV-WRITE-1', status: 'draft' });
	});

	test('invoice dispute sends no reason when none is given (the docs make it optional)', async () => {
		expect(rowFor('PUT', '/api/invoices/{id}/dispute').required).toEqual([]);
		fake = await startCoupa();
		const invoice =
			fake.store.list('invoices').find((i) => i.status === 'pending_approval') ??
			fake.store.list('invoices')[0];
		const output = await runNode({
			store: credentialFor(fake, 'core.invoice.write'),
			parameters: {
				resource: 'invoice',
				operation: 'dispute',
				id: String(invoice.id),
				comment: 'Price differs',
			},
		});
		expect(fake.apiRequests()[0].body).toEqual({ comment: 'Price differs' });
		expect(output[0].json).toMatchObject({ id: invoice.id, status: 'disputed' });
	});

	test('invoice-date is sent as the date only', async () => {
		expect(rowFor('POST', '/api/invoices').dateOnly).toEqual(['invoice-date']);
		fake = await startCoupa();
		await runNode({
			store: credentialFor(fake, 'core.invoice.create'),
			parameters: {
				resource: 'invoice',
				operation: 'create',
				invoiceNumber: 'INV-DATE-1',
				invoiceDate: '2026-11-20T00:00:00.000+01:00',
				supplier: 'Acme Computers',
				currency: 'USD',
				lines: { line: [{ type: 'InvoiceAmountLine', description: 'Toner', price: '10.00' }] },
			},
		});
		expect(fake.apiRequests()[0].body['invoice-date']).toBe('2026-11-20');
	});

	test('contract attachment download fetches the file at file-url on the Coupa origin, with the token', async () => {
		expect(rowFor('GET', '/api/contracts/{id}/attachments/{attachment_id}').returns).toMatch(
			/file-url/,
		);
		fake = await startCoupa();
		const attachment = fake.store.list('contract_attachments')[0];
		const output = await runNode({
			store: credentialFor(fake, 'core.contract.read'),
			parameters: {
				resource: 'contract',
				operation: 'downloadAttachment',
				id: String(attachment['attachable-id']),
				attachmentId: String(attachment.id),
			},
		});
		const calls = fake.apiRequests();
		expect(calls.map((c) => c.path)).toEqual([
			`/api/contracts/${attachment['attachable-id']}/attachments/${attachment.id}`,
			`/api/attachment_files/${attachment.id}`,
		]);
		expect(calls[1].headers.authorization).toMatch(/^Bearer /);
		expect(output[0].json.fileName).toBe(attachment['file-name']);
		expect(Buffer.from(output[0].binary.data.data, 'base64').subarray(0, 5).toString()).toBe(
			'%PDF-',
		);
	});

	test('a file-url on another host is fetched without the Coupa token', async () => {
		const seen = [];
		const files = createServer((req, res) => {
			seen.push({ path: req.url, authorization: req.headers.authorization });
			res.writeHead(200, {
				'Content-Type': 'text/plain',
				'Content-Disposition': 'attachment; filename="terms.txt"',
			});
			res.end('signed terms');
		});
		await new Promise((resolve) => files.listen(0, '127.0.0.1', resolve));
		try {
			fake = await startCoupa();
			const attachment = fake.store.list('contract_attachments')[0];
			// Another origin (another port) than the Coupa instance.
			fake.store.update('contract_attachments', attachment.id, {
				'file-url': `http://127.0.0.1:${files.address().port}/files/terms.txt?signature=abc`,
			});
			const output = await runNode({
				store: credentialFor(fake, 'core.contract.read'),
				parameters: {
					resource: 'contract',
					operation: 'downloadAttachment',
					id: String(attachment['attachable-id']),
					attachmentId: String(attachment.id),
				},
			});
			expect(seen).toEqual([{ path: '/files/terms.txt?signature=abc', authorization: undefined }]);
			expect(fake.apiRequests()).toHaveLength(1);
			expect(output[0].json.fileName).toBe('terms.txt');
			expect(Buffer.from(output[0].binary.data.data, 'base64').toString()).toBe('signed terms');
		} finally {
			await new Promise((resolve) => files.close(resolve));
		}
	});

	test('an attachment without file-url (a URL or text attachment) fails the item with what to do', async () => {
		fake = await startCoupa();
		const attachment = fake.store.list('contract_attachments')[0];
		fake.store.update('contract_attachments', attachment.id, {
			type: 'url',
			'file-url': null,
			url: 'https://example.com/terms',
		});
		const error = await runNode({
			store: credentialFor(fake, 'core.contract.read'),
			parameters: {
				resource: 'contract',
				operation: 'downloadAttachment',
				id: String(attachment['attachable-id']),
				attachmentId: String(attachment.id),
			},
		}).catch((e) => e);
		expect(error.message).toBe('This attachment has no file to download (no file-url)');
		expect(error.description).toMatch(/type "url"/);
		expect(fake.apiRequests()).toHaveLength(1);
	});

	test('inventory transactions are read only; receipts are created and voided through receiving transactions', async () => {
		expect(
			ROUTES.filter((row) => row.collection === 'inventory_transactions').map((row) => row.method),
		).toEqual(['GET', 'GET']);
		expect(
			operationsOf(objectByResource('inventoryTransaction')).map((entry) => entry.value),
		).toEqual(['get', 'getAll']);
		fake = await startCoupa();
		const line = fake.store.list('purchase_order_lines')[0];
		const store = credentialFor(fake, 'core.inventory.receiving.write');
		const [created] = await runNode({
			store,
			parameters: {
				resource: 'receivingTransaction',
				operation: 'create',
				type: 'InventoryReceipt',
				additionalFields: { quantity: '1.0', orderLineId: line.id },
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/receiving_transactions',
			body: { type: 'InventoryReceipt', quantity: '1.0', 'order-line': { id: line.id } },
		});
		const [voided] = await runNode({
			store,
			parameters: {
				resource: 'receivingTransaction',
				operation: 'void',
				id: String(created.json.id),
			},
		});
		expect(voided.json).toMatchObject({ id: created.json.id, status: 'voided' });
	});

	test('expense lines are created under their report; expense-report-id is not sent', async () => {
		expect(
			rowFor('POST', '/api/expense_reports/{expense_report_id}/expense_lines').required,
		).toEqual(['expense-category', 'foreign-currency', 'start-date']);
		fake = await startCoupa();
		const report = fake.store.list('expense_reports')[0];
		const category = fake.store.list('expense_categories')[0];
		const [line] = await runNode({
			store: credentialFor(fake, 'core.expense.write'),
			parameters: {
				resource: 'expenseLine',
				operation: 'create',
				expenseReportId: String(report.id),
				expenseCategory: category.name,
				foreignCurrency: 'USD',
				startDate: '2026-11-03T00:00:00',
				additionalFields: { foreignAmount: '42.00' },
			},
		});
		const [call] = fake.apiRequests();
		expect(call.path).toBe(`/api/expense_reports/${report.id}/expense_lines`);
		expect(call.body).toEqual({
			'expense-category': { name: category.name },
			'foreign-currency': { code: 'USD' },
			'start-date': '2026-11-03',
			'foreign-amount': '42.00',
		});
		expect(line.json['expense-report-id']).toBe(report.id);
	});

	test('purchase order close closes, reopen takes an optional reason insight code', async () => {
		const purchaseOrder = objectByResource('purchaseOrder');
		const close = purchaseOrder.actions.find((a) => a.value === 'close');
		const reopen = purchaseOrder.actions.find((a) => a.value === 'reopen');
		expect(close.description).not.toMatch(/soft/i);
		expect(rowFor('PUT', '/api/purchase_orders/{id}/reopen').optional).toEqual(
			reopen.inputs.map((input) => input.key),
		);
		fake = await startCoupa();
		const po = fake.store.list('purchase_orders')[0];
		await runNode({
			store: credentialFor(fake, 'core.purchase_order.write'),
			parameters: {
				resource: 'purchaseOrder',
				operation: 'reopen',
				id: String(po.id),
				reasonInsightCode: 'SUPPLIER_DELAY',
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/api/purchase_orders/${po.id}/reopen`,
			body: { 'reason-insight-code': 'SUPPLIER_DELAY' },
		});
	});

	test('budget line adjust sends the Budget Line Adjustment elements', async () => {
		expect(rowFor('PUT', '/api/budget_lines/{id}/adjust')).toMatchObject({
			required: ['adjustment-amount'],
			optional: ['description', 'currency.code'],
		});
		fake = await startCoupa();
		const budgetLine = fake.store.list('budget_lines')[0];
		await runNode({
			store: credentialFor(fake, 'core.budget.write'),
			parameters: {
				resource: 'budgetLine',
				operation: 'adjust',
				id: String(budgetLine.id),
				adjustmentAmount: '-50.00',
				adjustmentDescription: 'Q4 cut',
				adjustmentCurrency: 'USD',
			},
		});
		expect(fake.apiRequests()[0].body).toEqual({
			'adjustment-amount': '-50.00',
			description: 'Q4 cut',
			currency: { code: 'USD' },
		});
	});

	test('where the docs name no scope, the pre-check lets the call through', async () => {
		expect(rowFor('DELETE', '/api/budget_lines/{id}').scopes).toEqual([]);
		fake = await startCoupa();
		const budgetLine = fake.store.list('budget_lines')[0];
		const output = await runNode({
			store: credentialFor(fake, 'core.supplier.read'),
			parameters: { resource: 'budgetLine', operation: 'delete', id: String(budgetLine.id) },
		});
		expect(output[0].json).toEqual({ deleted: true, id: budgetLine.id });
	});
});

describe('the fake follows Coupa where the docs say how it behaves', () => {
	let fake;
	afterEach(async () => fake?.close());

	test('an XML list with no records is a 404 "No results match your search criteria."; JSON is []', async () => {
		fake = await startCoupa();
		const token = await accessToken(fake);
		const get = (accept) =>
			fetch(`${fake.url}/api/suppliers?name=Nobody`, {
				headers: { Authorization: `Bearer ${token.access_token}`, Accept: accept },
			});
		const xml = await get('application/xml');
		expect(xml.status).toBe(404);
		expect(await xml.text()).toContain('<error>No results match your search criteria.</error>');
		const json = await get('application/json');
		expect(json.status).toBe(200);
		expect(await json.json()).toEqual([]);
	});

	test('POST /api/inventory_transactions is not a route (Compass: only GET)', async () => {
		fake = await startCoupa();
		const token = await accessToken(fake);
		const res = await fetch(`${fake.url}/api/inventory_transactions`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${token.access_token}`,
				Accept: 'application/json',
				'Content-Type': 'application/json',
			},
			body: JSON.stringify({ type: 'InventoryReceipt' }),
		});
		expect(res.status).toBe(404);
	});
});
