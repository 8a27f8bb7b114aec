/**
 * Custom fields over real HTTP against the fake Coupa: the Custom Fields collection sent under
 * `custom-fields` on create and update, names discovered from recent records, Get Many filters on
 * a custom field, and Simplify keeping them.
 */
import { credentialFor, startCoupa } from './harness/setup.mjs';
import { loadOptions, runNode } from './harness/n8n.mjs';

let fake;
afterEach(async () => fake?.close());

const field = (name, value) => ({ name, value });

test('create and update send the Custom Fields collection under custom-fields', async () => {
	fake = await startCoupa();
	const store = credentialFor(fake, 'core.supplier.write');
	const [created] = await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'create',
			name: 'Northwind Custom',
			customFields: { field: [field('erp-vendor-id', 'V-1001'), field('vendor-class', 'A')] },
		},
	});
	expect(fake.apiRequests()[0].body).toEqual({
		name: 'Northwind Custom',
		'custom-fields': { 'erp-vendor-id': 'V-1001', 'vendor-class': 'A' },
	});
	expect(fake.store.get('suppliers', created.json.id)['custom-fields']).toEqual({
		'erp-vendor-id': 'V-1001',
		'vendor-class': 'A',
	});

	// Custom fields alone are enough for an update.
	await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'update',
			id: String(created.json.id),
			customFields: { field: [field('erp-vendor-id', 'V-2002')] },
		},
	});
	expect(fake.apiRequests().at(-1)).toMatchObject({
		method: 'PUT',
		body: { 'custom-fields': { 'erp-vendor-id': 'V-2002' } },
	});
});

test('the custom field names come from recent records of the chosen object', async () => {
	fake = await startCoupa();
	const options = await loadOptions({
		kind: 'loadOptions',
		method: 'getCustomFields',
		parameters: { resource: 'supplier', operation: 'create' },
		store: credentialFor(fake, 'core.supplier.read'),
	});
	expect(options).toEqual([{ name: 'vendor-class', value: 'vendor-class' }]);
	expect(fake.apiRequests()[0]).toMatchObject({
		path: '/api/suppliers',
		query: { order_by: 'updated_at', dir: 'desc' },
	});
});

test('Get Many filters on a custom field with a condition on custom_fields.<name>', async () => {
	fake = await startCoupa();
	const target = fake.store.list('suppliers')[0]['custom-fields']['vendor-class'];
	const output = await runNode({
		store: credentialFor(fake, 'core.supplier.read'),
		parameters: {
			resource: 'supplier',
			operation: 'getAll',
			returnAll: true,
			filters: {
				conditions: {
					condition: [{ field: 'custom_fields.vendor-class', operator: 'equals', value: target }],
				},
			},
			simplify: true,
		},
	});
	expect(fake.apiRequests()[0].query).toMatchObject({ 'custom_fields[vendor_class]': target });
	const expected = fake.store
		.list('suppliers')
		.filter((s) => s['custom-fields']['vendor-class'] === target);
	expect(output.map((item) => item.json.id)).toEqual(expected.map((s) => s.id));
	// Simplify keeps the custom fields whole.
	expect(output[0].json['custom-fields']).toEqual({ 'vendor-class': target });
});

test("line custom fields are given as JSON per line and sent under the line's custom-fields", async () => {
	fake = await startCoupa();
	const store = credentialFor(fake, 'core.requisition.write');
	await runNode({
		store,
		parameters: {
			resource: 'requisition',
			operation: 'create',
			lines: {
				line: [
					{
						description: 'Laptop',
						quantity: '1',
						unitPrice: '999.00',
						currency: 'USD',
						customFields: '{"cost-center": "CC-100"}',
					},
				],
			},
		},
	});
	expect(fake.apiRequests()[0].body['requisition-lines']).toEqual([
		{
			'line-num': 1,
			description: 'Laptop',
			quantity: '1',
			'unit-price': '999.00',
			currency: { code: 'USD' },
			'custom-fields': { 'cost-center': 'CC-100' },
		},
	]);

	fake.clearRequests();
	const [failed] = await runNode({
		store,
		continueOnFail: true,
		parameters: {
			resource: 'requisition',
			operation: 'create',
			lines: { line: [{ description: 'Laptop', customFields: '{cost-center' }] },
		},
	});
	expect(failed.json).toMatchObject({
		error: '"Custom Fields (JSON)" is not a JSON object',
		description: expect.stringMatching(/^Give an object such as/),
	});
	expect(fake.apiRequests()).toEqual([]);
});
