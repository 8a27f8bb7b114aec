import { createRequire } from 'node:module';

import { allScopes, apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { loadOptions, runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { CATALOG, actionsOf } = require('../dist/nodes/Coupa/catalog');
const { Coupa } = require('../dist/nodes/Coupa/Coupa.node.js');

const description = new Coupa().description;

describe('node description', () => {
	test('the resource dropdown is the catalogue plus Custom API Call', () => {
		const resource = description.properties.find((p) => p.name === 'resource');
		expect(resource.options.map((o) => o.value).sort()).toEqual(
			[...CATALOG.map((o) => o.resource), 'customApiCall'].sort(),
		);
		expect(CATALOG).toHaveLength(78);
		// Readable at 78 objects: sorted by name, each with a line saying what it is.
		const names = resource.options.map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		for (const option of resource.options) expect(option.description).toMatch(/^[A-Z].{15,}/);
	});

	test('each operation dropdown is exactly what the catalogue allows for that object', () => {
		for (const object of CATALOG) {
			const dropdown = description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions.show.resource.includes(object.resource),
			);
			const expected = [
				...Object.keys(object.operations),
				...actionsOf(object).map((a) => a.value),
			];
			expect(dropdown.options.map((o) => o.value).sort()).toEqual(expected.sort());
			for (const option of dropdown.options) expect(option.action).toMatch(/^[A-Z][a-z]/);
		}
	});

	test("purchase orders carry the connector documentation's issue, cancel and close actions", () => {
		const po = CATALOG.find((o) => o.resource === 'purchaseOrder');
		const byValue = Object.fromEntries(actionsOf(po).map((a) => [a.value, a]));
		for (const [value, path] of [
			['issue', '{id}/issue'],
			['cancel', '{id}/cancel'],
			['close', '{id}/close'],
		]) {
			expect(byValue[value]).toMatchObject({
				method: 'PUT',
				path,
				scopes: ['core.purchase_order.write'],
			});
		}
	});

	test('is usable as an AI tool and uses the Coupa credential', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'coupaOAuth2Api', required: true }]);
	});
});

describe('node behaviour', () => {
	let fake;
	let store;
	beforeEach(async () => {
		fake = await startCoupa();
		fake.store.seed('suppliers', 130 - fake.store.count('suppliers'));
		fake.store.seed('invoices', 40 - fake.store.count('invoices'));
		store = credentialFor(fake, allScopes());
	});
	afterEach(async () => fake.close());

	const listSuppliers = (filters, extra = {}) =>
		runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: true, filters, ...extra },
		});
	const condition = (field, operator, value) => ({
		conditions: { condition: [{ field, operator, value }] },
	});

	const lowered = (value) => String(value ?? '').toLowerCase();
	test.each([
		['name', 'equals', (s) => s.name, (r, v) => lowered(r.name) === lowered(v), 'name'],
		['name', 'not_eq', (s) => s.name, (r, v) => lowered(r.name) !== lowered(v), 'name[not_eq]'],
		[
			'name',
			'contains',
			(s) => s.name.slice(2, 6),
			(r, v) => lowered(r.name).includes(lowered(v)),
			'name[contains]',
		],
		[
			'name',
			'starts_with',
			(s) => s.name.slice(0, 4),
			(r, v) => lowered(r.name).startsWith(lowered(v)),
			'name[starts_with]',
		],
		[
			'name',
			'ends_with',
			(s) => s.name.slice(-4),
			(r, v) => lowered(r.name).endsWith(lowered(v)),
			'name[ends_with]',
		],
		['id', 'gt', () => '100', (r) => r.id > 100, 'id[gt]'],
		['id', 'gt_or_eq', () => '100', (r) => r.id >= 100, 'id[gt_or_eq]'],
		['id', 'lt', () => '5', (r) => r.id < 5, 'id[lt]'],
		['id', 'lt_or_eq', () => '5', (r) => r.id <= 5, 'id[lt_or_eq]'],
		[
			'status',
			'in',
			() => 'active, draft',
			(r) => ['active', 'draft'].includes(r.status),
			'status[in]',
		],
		[
			'status',
			'not_in',
			() => 'active,draft',
			(r) => !['active', 'draft'].includes(r.status),
			'status[not_in]',
		],
		['po-email', 'blank', () => 'true', (r) => !r['po-email'], 'po_email[blank]'],
		[
			'primary-contact.email',
			'contains',
			(s) => s['primary-contact'].email.split('@')[1],
			(r, v) => lowered(r['primary-contact']?.email).includes(lowered(v)),
			'primary_contact[email][contains]',
		],
		[
			'payment-term[code]',
			'equals',
			() => 'Net 30',
			(r) => r['payment-term']?.code === 'Net 30',
			'payment_term[code]',
		],
	])(
		'filter %s %s is sent as Coupa expects and applied',
		async (field, operator, valueOf, matches, key) => {
			fake.store.update('suppliers', 9, { 'po-email': '' });
			fake.store.update('suppliers', 12, { 'po-email': null });
			const everything = fake.store.list('suppliers');
			const value = valueOf(everything[20]);
			const output = await listSuppliers(condition(field, operator, value));
			const sent = fake.apiRequests()[0].query[key];
			expect(sent).toBe(operator.endsWith('in') ? value.replace(/\s/g, '') : value);
			const expected = everything
				.filter((record) => matches(record, value))
				.map((record) => record.id);
			expect(expected.length).toBeGreaterThan(0);
			expect(expected.length).toBeLessThan(everything.length);
			expect(output.map((item) => item.json.id)).toEqual(expected);
		},
	);

	test('a Field picked from the dropdown (here the nested supplier[name]) filters like a typed one; Other still takes any attribute', async () => {
		const target = fake.store.list('invoices').find((invoice) => invoice.supplier?.name);
		const picked = await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: {
					conditions: {
						condition: [
							{
								attribute: 'supplier[name]',
								field: '',
								operator: 'equals',
								value: target.supplier.name,
							},
						],
					},
				},
			},
		});
		expect(fake.apiRequests()[0].query['supplier[name]']).toBe(target.supplier.name);
		expect(picked.length).toBeGreaterThan(0);
		expect(picked.every((item) => item.json.supplier.name === target.supplier.name)).toBe(true);
		const typed = await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: {
					conditions: {
						condition: [
							{
								attribute: '',
								field: 'supplier.name',
								operator: 'equals',
								value: target.supplier.name,
							},
						],
					},
				},
			},
		});
		expect(typed.map((item) => item.json.id)).toEqual(picked.map((item) => item.json.id));
	});

	test("the Field dropdown lists each object's filterable attributes from the catalogue, nested ones and the tenant's custom fields included", async () => {
		const node = new Coupa();
		const valuesOf = (description, resource) => {
			const filters = description.properties.find(
				(p) => p.name === 'filters' && p.displayOptions.show.resource.includes(resource),
			);
			return filters.options.find((o) => o.name === 'conditions').options[0].values;
		};
		const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
		for (const description of [node.description, new CoupaTrigger().description]) {
			const attribute = valuesOf(description, 'invoice').find((v) => v.name === 'attribute');
			expect(attribute.typeOptions).toEqual({
				loadOptionsMethod: 'getFilterAttributes',
				loadOptionsDependsOn: ['resource'],
			});
			expect(
				valuesOf(description, 'invoice').find((v) => v.name === 'field').displayOptions,
			).toEqual({ show: { attribute: [''] } });
		}
		expect(typeof new CoupaTrigger().methods.loadOptions.getFilterAttributes).toBe('function');

		const invoice = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getFilterAttributes',
			parameters: { resource: 'invoice' },
		});
		const values = invoice.map((o) => o.value);
		expect(values).toEqual(
			expect.arrayContaining([
				'supplier[name]',
				'invoice_number',
				'status',
				'exported',
				'invoice_lines[account][code]',
				'custom_fields[sap_document_number]',
			]),
		);
		expect(invoice.find((o) => o.value === 'supplier[name]').name).toBe('Supplier Name');
		expect(invoice.find((o) => o.value === 'custom_fields[sap_document_number]').name).toBe(
			'Custom Field: Sap Document Number',
		);
		expect(invoice[invoice.length - 1]).toEqual({ name: 'Other (Type the Attribute)', value: '' });

		const users = (
			await loadOptions({
				store,
				kind: 'loadOptions',
				method: 'getFilterAttributes',
				parameters: { resource: 'user' },
			})
		).map((o) => o.value);
		expect(users).toEqual(
			expect.arrayContaining(['login', 'email', 'manager[login]', 'custom_fields[cost_center]']),
		);
		expect(users).not.toContain('supplier[name]');

		// Without the read scope the catalogue's list still shows, without custom fields.
		const limited = credentialFor(fake, 'login offline_access openid profile core.common.read');
		const offline = (
			await loadOptions({
				store: limited,
				kind: 'loadOptions',
				method: 'getFilterAttributes',
				parameters: { resource: 'user' },
			})
		).map((o) => o.value);
		expect(offline).toEqual(expect.arrayContaining(['login', 'email', '']));
		expect(offline.some((value) => value.startsWith('custom_fields'))).toBe(false);

		const placeholders = new Set(
			['invoice', 'user', 'purchaseOrder', 'approval'].map(
				(r) => valuesOf(node.description, r).find((v) => v.name === 'field').placeholder,
			),
		);
		expect(placeholders.size).toBe(4);
	});

	test('a custom field picked from the dropdown filters the list', async () => {
		const target = fake.store.list('users').find((user) => user['custom-fields']?.['cost-center']);
		const output = await runNode({
			store,
			parameters: {
				resource: 'user',
				operation: 'getAll',
				returnAll: true,
				filters: {
					conditions: {
						condition: [
							{
								attribute: 'custom_fields[cost_center]',
								field: '',
								operator: 'equals',
								value: target['custom-fields']['cost-center'],
							},
						],
					},
				},
			},
		});
		expect(fake.apiRequests()[0].query['custom_fields[cost_center]']).toBe(
			target['custom-fields']['cost-center'],
		);
		expect(output.map((item) => item.json.id)).toContain(target.id);
		expect(
			output.every(
				(item) =>
					item.json['custom-fields']['cost-center'] === target['custom-fields']['cost-center'],
			),
		).toBe(true);
	});

	test('status, exported and date shortcuts become Coupa filters', async () => {
		const output = await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				returnAll: true,
				filters: {
					statuses: ['approved', 'voided'],
					exported: 'false',
					updatedAfter: '2020-01-01T00:00:00',
					createdBefore: '2099-01-01T00:00:00',
				},
			},
		});
		const { query } = fake.apiRequests()[0];
		expect(query).toMatchObject({
			'status[in]': 'approved,voided',
			exported: 'false',
			'updated_at[gt]': '2020-01-01T00:00:00.000Z',
			'created_at[lt]': '2099-01-01T00:00:00.000Z',
		});
		expect(output.length).toBeGreaterThan(0);
		for (const { json } of output) {
			expect(['approved', 'voided']).toContain(json.status);
			expect(json.exported).toBe(false);
		}
	});

	test('the fields projection returns only the named fields', async () => {
		const output = await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'getAll',
				limit: 5,
				options: { fields: 'invoice-number, status, supplier.name' },
			},
		});
		expect(JSON.parse(fake.apiRequests()[0].query.fields)).toEqual([
			'id',
			'invoice_number',
			'status',
			{ supplier: ['name'] },
		]);
		expect(output).toHaveLength(5);
		for (const { json } of output) {
			expect(Object.keys(json).sort()).toEqual(
				['id', 'invoice-number', 'status', 'supplier'].sort(),
			);
			expect(Object.keys(json.supplier)).toEqual(['name']);
		}
	});

	test('return object and ordering options reach Coupa', async () => {
		const output = await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'getAll',
				limit: 60,
				options: { returnObject: 'limited', orderBy: 'id', direction: 'desc' },
			},
		});
		expect(fake.apiRequests()[0].query).toMatchObject({
			return_object: 'limited',
			order_by: 'id',
			dir: 'desc',
		});
		expect(output.map((i) => i.json)).toEqual(
			fake.store
				.list('suppliers')
				.map((s) => ({ id: s.id }))
				.reverse()
				.slice(0, 60),
		);
	});

	test('Return All pages through three or more pages; Limit stops early', async () => {
		const all = await listSuppliers({});
		expect(all).toHaveLength(130);
		expect(all.map((i) => i.json.id)).toEqual(fake.store.list('suppliers').map((s) => s.id));
		expect(fake.apiRequests().every((c) => c.query.offset === undefined)).toBe(true);
		fake.clearRequests();
		const some = await runNode({
			store,
			parameters: { resource: 'supplier', operation: 'getAll', returnAll: false, limit: 75 },
		});
		expect(some.map((i) => i.json.id)).toEqual(all.slice(0, 75).map((i) => i.json.id));
	});

	test('Simplify returns the documented compact fields', async () => {
		const [item] = await runNode({
			store,
			parameters: { resource: 'invoice', operation: 'get', id: '1', simplify: true },
		});
		const invoice = CATALOG.find((o) => o.resource === 'invoice');
		expect(Object.keys(item.json).every((k) => invoice.simplify.includes(k))).toBe(true);
		expect(item.json.supplier).toEqual({
			id: expect.any(Number),
			name: expect.any(String),
			number: expect.anything(),
		});
		expect(item.json['invoice-lines']).toBeUndefined();
	});

	test('continueOnFail: good and bad items each get their own result, paired to their input', async () => {
		const items = [
			{ json: { id: '1' } },
			{ json: { id: 'abc' } },
			{ json: { id: '999999' } },
			{ json: { id: '2' } },
		];
		const output = await runNode({
			store,
			items,
			continueOnFail: true,
			parameters: { resource: 'supplier', operation: 'get', id: '={{ $json.id }}' },
		});
		expect(output.map((o) => o.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(output[0].json.id).toBe(1);
		expect(output[1].json.error).toBe('"abc" is not a Supplier ID');
		expect(output[2].json.error).toBe('Supplier 999999 was not found in Coupa');
		expect(output[3].json.id).toBe(2);
		// Items run side by side, so requests may arrive in any order; the bad ID sends none.
		expect(apiCalls(fake).sort()).toEqual([
			'GET /api/suppliers/1',
			'GET /api/suppliers/2',
			'GET /api/suppliers/999999',
		]);
	});

	test('without continueOnFail, one at a time, the first bad item stops the run with its item index', async () => {
		const items = [{ json: { id: '1' } }, { json: { id: '999999' } }, { json: { id: '2' } }];
		const error = await runNode({
			store,
			items,
			parameters: {
				resource: 'supplier',
				operation: 'get',
				id: '={{ $json.id }}',
				options: { itemsOneAtATime: true },
			},
		}).catch((e) => e);
		expect(error.message).toBe('Supplier 999999 was not found in Coupa');
		expect(error.context.itemIndex).toBe(1);
		expect(apiCalls(fake)).toEqual(['GET /api/suppliers/1', 'GET /api/suppliers/999999']);
	});

	test('every output of a multi-record operation is paired with its input item', async () => {
		const output = await runNode({
			store,
			items: [{ json: { n: 2 } }, { json: { n: 3 } }],
			parameters: { resource: 'supplier', operation: 'getAll', limit: '={{ $json.n }}' },
		});
		expect(output.map((o) => o.pairedItem.item)).toEqual([0, 0, 1, 1, 1]);
	});

	test('invalid JSON fails the item clearly and sends nothing', async () => {
		const error = await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'create',
				specifyBody: 'json',
				jsonBody: '{"name": "Acme", }',
			},
		}).catch((e) => e);
		expect(error.message).toMatch(/^The JSON Body is not valid JSON: /);
		expect(error.context.itemIndex).toBe(0);
		expect(fake.requests).toHaveLength(0);
	});

	test('a JSON body is sent to Coupa as is', async () => {
		const body = {
			name: 'Json Supplies',
			'po-method': 'prompt',
			'payment-term': { code: 'Net 30' },
			'custom-fields': { region: 'EU' },
		};
		const [item] = await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'create',
				specifyBody: 'json',
				jsonBody: JSON.stringify(body),
			},
		});
		expect(fake.apiRequests()[0].body).toEqual(body);
		expect(item.json).toMatchObject({ name: 'Json Supplies', 'po-method': 'prompt' });
	});

	test('a missing required field fails before anything is sent', async () => {
		const error = await runNode({
			store,
			parameters: {
				resource: 'user',
				operation: 'create',
				login: 'x',
				email: '',
				firstname: 'A',
				lastname: 'B',
			},
		}).catch((e) => e);
		expect(error.message).toBe('"Email" is required to create a user');
		expect(fake.requests).toHaveLength(0);
	});

	test('Coupa validation errors read as one message', async () => {
		const existing = fake.store.list('users')[0];
		const error = await runNode({
			store,
			parameters: {
				resource: 'user',
				operation: 'create',
				login: existing.login,
				email: existing.email,
				firstname: 'Dup',
				lastname: 'User',
			},
		}).catch((e) => e);
		expect(error.message).toBe(
			'Coupa rejected Create User: user: Login has already been taken; Email has already been taken',
		);
	});

	test('references go by ID or by natural key', async () => {
		await runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'update',
				id: '1',
				updateFields: { paymentTerm: '2', commodity: 'Office Supplies' },
			},
		});
		expect(fake.apiRequests()[0].body).toEqual({
			'payment-term': { id: 2 },
			commodity: { name: 'Office Supplies' },
		});
		expect(fake.store.get('suppliers', 1)['payment-term'].id).toBe(2);
	});

	test('the record ID may come as a Coupa page URL', async () => {
		const [item] = await runNode({
			store,
			parameters: {
				resource: 'invoice',
				operation: 'get',
				id: { __rl: true, mode: 'url', value: 'https://acme.coupahost.com/invoices/7?tab=lines' },
			},
		});
		expect(item.json.id).toBe(7);
	});

	test('an action carries its reason to Coupa and returns the updated record', async () => {
		const pending = fake.store.list('approvals').find((a) => a.status === 'pending_approval');
		const [item] = await runNode({
			store,
			parameters: {
				resource: 'approval',
				operation: 'reject',
				id: String(pending.id),
				reason: 'Budget exceeded',
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'PUT',
			path: `/api/approvals/${pending.id}/reject`,
			query: { reason: 'Budget exceeded' },
		});
		expect(item.json).toMatchObject({
			id: pending.id,
			status: 'rejected',
			note: 'Budget exceeded',
		});
	});

	test('the custom API call sends any method, query and body, and can page', async () => {
		const [created] = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				method: 'POST',
				path: '/api/user_groups',
				queryParameters: { parameter: [{ name: 'fields', value: '["id","name"]' }] },
				body: '{"name": "Custom Group"}',
			},
		});
		expect(fake.apiRequests()[0]).toMatchObject({
			method: 'POST',
			path: '/api/user_groups',
			body: { name: 'Custom Group' },
			query: { fields: '["id","name"]' },
		});
		expect(created.json).toEqual({ id: expect.any(Number), name: 'Custom Group' });
		const listed = await runNode({
			store,
			parameters: {
				resource: 'customApiCall',
				operation: 'request',
				method: 'GET',
				path: 'suppliers',
				paginate: true,
			},
		});
		expect(listed).toHaveLength(130);
	});

	test('From-list search shows records of the chosen resource with their Coupa links', async () => {
		const target = fake.store.list('suppliers')[5];
		const result = await loadOptions({
			store,
			kind: 'listSearch',
			method: 'searchRecords',
			parameters: { resource: 'supplier', operation: 'get' },
			filter: target.name,
		});
		// Coupa ANDs filters, so name and number are searched by one request each, then merged.
		expect(
			fake.apiRequests().map((r) => Object.keys(r.query).filter((k) => k.endsWith('[contains]'))),
		).toEqual(expect.arrayContaining([['name[contains]'], ['number[contains]']]));
		expect(result.results).toContainEqual({
			name: `${target.name} · ${target.number} · ${target.status.charAt(0).toUpperCase()}${target.status.slice(1)} (ID ${target.id})`,
			value: String(target.id),
			url: `${fake.url}/suppliers/${target.id}`,
		});
	});

	test('a search attribute Coupa refuses does not hide what the others found; all refused is an error', async () => {
		// Users are searched by login, email and last name; a login is also part of the email, so
		// whichever of the three requests Coupa refuses, another one finds the user.
		const target = fake.store.list('users').find((user) => user.email.startsWith(user.login));
		const search = () =>
			loadOptions({
				store,
				kind: 'listSearch',
				method: 'searchRecords',
				parameters: { resource: 'user', operation: 'get' },
				filter: target.login,
			});
		fake.faults.serverErrors({
			count: 1,
			status: 400,
			body: '{"errors":{"user":["Unknown filter"]}}',
		});
		const result = await search();
		expect(fake.apiRequests().filter((request) => request.status === 400)).toHaveLength(1);
		expect(result.results.map((entry) => entry.value)).toContain(String(target.id));
		fake.faults.serverErrors({
			count: 10,
			status: 400,
			body: '{"errors":{"user":["Unknown filter"]}}',
		});
		await expect(search()).rejects.toThrow();
		fake.faults.reset();
	});

	test('the purchase order picker reads in words and finds POs by supplier name as well as PO number', async () => {
		const order =
			fake.store.list('purchase_orders').find((po) => po.status === 'supplier_window_hold') ??
			fake.store.list('purchase_orders')[0];
		const supplierName = order.supplier.name;
		const bySupplier = await loadOptions({
			store,
			kind: 'listSearch',
			method: 'searchRecords',
			parameters: { resource: 'purchaseOrder', operation: 'get' },
			filter: supplierName,
		});
		const total = Number(order['total-with-estimated-tax']).toLocaleString('en-US', {
			minimumFractionDigits: 2,
			maximumFractionDigits: 2,
		});
		const status = order.status.replace(/_/g, ' ');
		expect(bySupplier.results).toContainEqual(
			expect.objectContaining({
				value: String(order.id),
				name: `${order['po-number']} · ${supplierName} · ${total} ${order.currency.code} · ${status.charAt(0).toUpperCase()}${status.slice(1)} (ID ${order.id})`,
			}),
		);
		expect(bySupplier.results.every((entry) => entry.name.includes(supplierName))).toBe(true);
		const ids = bySupplier.results.map((entry) => Number(entry.value));
		expect(ids).toEqual([...ids].sort((a, b) => b - a));
		expect(new Set(ids).size).toBe(ids.length);
		const byNumber = await loadOptions({
			store,
			kind: 'listSearch',
			method: 'searchRecords',
			parameters: { resource: 'purchaseOrder', operation: 'get' },
			filter: order['po-number'],
		});
		expect(byNumber.results.map((entry) => entry.value)).toContain(String(order.id));
		expect(bySupplier.results.some((entry) => /_/.test(entry.name))).toBe(false);
	});

	test('dropdowns for currencies, payment terms, charts of accounts, suppliers and users come from Coupa', async () => {
		const currencies = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getCurrencies',
			parameters: { resource: 'supplier' },
		});
		expect(currencies.map((o) => o.value)).toEqual(expect.arrayContaining(['USD', 'EUR']));
		const terms = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getPaymentTerms',
			parameters: {},
		});
		expect(terms.map((o) => o.value)).toContain('Net 30');
		const charts = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getAccountTypes',
			parameters: {},
		});
		expect(charts.map((o) => o.value)).toContain('Chart of Accounts');
		const users = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getUsers',
			parameters: {},
		});
		expect(users.map((o) => o.value)).toContain(fake.store.list('users')[0].login);
		const suppliers = await loadOptions({
			store,
			kind: 'loadOptions',
			method: 'getSuppliers',
			parameters: {},
		});
		expect(suppliers).toHaveLength(130);
	});
});
