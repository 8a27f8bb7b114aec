/**
 * Every resource and operation pair of the catalogue, run through the node's execute() against
 * the fake Coupa: the request Coupa received (method, path, query, body) and the node's output.
 */
import { createRequire } from 'node:module';

import { attachmentStoreOf, insertAttachment } from './fake-coupa/attachments.mjs';
import { REFERENCES } from './fake-coupa/reference-data.mjs';
import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { CATALOG, createPathOf } = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/helpers/operations.js');

const SAMPLE_DATE = '2026-11-01T00:00:00.000Z';

/** A value for a record field that the fake Coupa accepts, and what Coupa should receive for it. */
function sampleField(fake, field, index) {
	switch (field.type) {
		case 'reference': {
			// A reference the fake does not resolve: sent by its natural key, as typed.
			if (!REFERENCES[field.key]) {
				const text = `Test ${field.label} ${index}`;
				return [text, { [field.naturalKey]: text }];
			}
			const target = fake.store.list(REFERENCES[field.key].path)[0];
			const natural = target[field.naturalKey];
			return natural
				? [natural, { [field.naturalKey]: natural }]
				: [String(target.id), { id: target.id }];
		}
		case 'number': {
			const parent = {
				'expense-report-id': 'expense_reports',
				'order-header-id': 'purchase_orders',
				'order-line.id': 'purchase_order_lines',
				'order-line-id': 'purchase_order_lines',
				'document-id': 'invoices',
				'integration-run-id': 'integration_runs',
				'supplier-id': 'suppliers',
				'contactable-id': 'users',
			}[field.key];
			const id = fake.store.list(parent)[0].id;
			return [id, id];
		}
		case 'json':
			return ['{"id": 1}', { id: 1 }];
		case 'boolean':
			return [true, true];
		case 'dateTime':
			return [SAMPLE_DATE, SAMPLE_DATE];
		case 'date':
			return [SAMPLE_DATE, SAMPLE_DATE.slice(0, 10)];
		case 'options':
			return [field.options[0], field.options[0]];
		default: {
			const text =
				field.key === 'email'
					? `new.user.${index}@example.com`
					: field.placeholder?.match(/\d/)
						? '100.00'
						: `Test ${field.label} ${index}`;
			return [text, text];
		}
	}
}

function setNested(target, key, value) {
	const parts = key.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) node = node[part] ??= {};
	node[parts.at(-1)] = value;
}

/** Create parameters with every required field and one line, and the body Coupa should get. */
function createScenario(fake, object) {
	const parameters = {};
	const body = {};
	object.fields
		.filter((f) => f.required)
		.forEach((field, index) => {
			const [value, sent] = sampleField(fake, field, index);
			parameters[field.name] = value;
			setNested(body, field.key, sent);
		});
	if (object.lines) {
		const line = {};
		const sentLine = { 'line-num': 1 };
		for (const field of object.lines.fields.filter((f) =>
			['description', 'quantity', 'price', 'unitPrice', 'currency', 'type'].includes(f.name),
		)) {
			const [value, sent] = sampleField(fake, field, 0);
			line[field.name] = value;
			setNested(sentLine, field.key, sent);
		}
		parameters.lines = { line: [line] };
		body[object.lines.key] = [sentLine];
	}
	return { parameters, body };
}

/** A record the operation can act on: pending approvals for approval actions, else the first. */
const commentStoreOf = (path) => `${path.replace(/s$/, '')}_comments`;

function targetRecord(fake, object, operation) {
	const records = fake.store.list(object.path);
	if (object.resource === 'approval' && ['approve', 'reject', 'hold'].includes(operation)) {
		return records.find((r) => r.status === 'pending_approval');
	}
	// Actions Coupa allows from one status only: give the record that status.
	const needs = { releaseFromBuyerHold: 'buyer_hold', withdrawDispute: 'disputed' }[operation];
	if (needs) return fake.store.update(object.path, records[0].id, { status: needs });
	if (operation === 'listSupplierSites') {
		fake.store.insert('supplier_sites', {
			'supplier-id': records[0].id,
			code: 'S0',
			name: 'Main',
			'po-method': 'email',
		});
		return records[0];
	}
	if (operation === 'listRemitToAddresses') {
		fake.store.insert('supplier_remit_to_addresses', {
			'supplier-id': records[0].id,
			'remit-to-code': 'RT-0',
			street1: '2 Main St',
			city: 'Reno',
			'postal-code': '89501',
			country: { code: 'US' },
		});
		return records[0];
	}
	if (operation === 'listComments') {
		fake.store.insert(commentStoreOf(object.path), {
			comments: 'Seen by AP',
			'commentable-id': records[0].id,
		});
		return records[0];
	}
	if (operation === 'downloadAttachment' || operation === 'listAttachments') {
		const withFiles = fake.store
			.list(attachmentStoreOf(object.path))
			.map((a) => a['attachable-id']);
		const record = records.find((r) => withFiles.includes(r.id));
		if (record) return record;
		insertAttachment(fake.store, object.path, {
			type: 'AttachmentFile',
			'attachable-id': records[0].id,
			'file-name': 'terms.pdf',
			intent: 'Internal',
		});
	}
	return records[0];
}

const cases = CATALOG.flatMap((object) =>
	operationsOf(object).map((entry) => [object.resource, entry.value, object, entry]),
);

describe.each(cases)('%s: %s', (resource, operation, object, entry) => {
	let fake;
	afterEach(async () => fake?.close());

	test('sends the documented request and returns what Coupa answered', async () => {
		fake = await startCoupa();
		const store = credentialFor(fake, allScopes());
		const record = targetRecord(fake, object, operation);
		const parameters = { resource, operation };
		let items;
		const expected = { method: 'GET', path: `/api/${object.path}`, query: {}, body: undefined };
		if (entry.needsId) {
			parameters.id = { __rl: true, mode: 'id', value: String(record.id) };
			expected.path += `/${record.id}`;
		}
		const action = entry.catalogAction;
		if (operation === 'getAll') {
			parameters.limit = 3;
			Object.assign(expected.query, { limit: '3', order_by: 'id', dir: 'asc' });
		} else if (operation === 'create' || action?.takesRecordBody === true) {
			const scenario = createScenario(fake, object);
			Object.assign(parameters, scenario.parameters);
			expected.method = action?.method ?? 'POST';
			if (action) expected.path += `/${action.path}`;
			const parent = !action && object.operations.create.parent;
			if (parent) {
				const parentId = fake.store.list(parent.path)[0].id;
				parameters[parent.name] = String(parentId);
				expected.path = `/api/${createPathOf(object).replace('{parentId}', parentId)}`;
			}
			// n8n sends no body for an empty object (an expense report needs no field on create).
			expected.body = Object.keys(scenario.body).length ? scenario.body : undefined;
		} else if (operation === 'update' || action?.takesRecordBody === 'update') {
			const field =
				object.fields.find((f) => f.type === 'string' && !f.required) ??
				object.fields.find((f) => f.type === 'string');
			expected.method = 'PUT';
			if (action) expected.path += `/${action.path.replace('{id}/', '')}`;
			expected.body = {};
			if (field) {
				parameters.updateFields = { [field.name]: 'Changed by n8n' };
				setNested(expected.body, field.key, 'Changed by n8n');
			} else {
				// No text field in the form: the change goes as JSON.
				parameters.specifyBody = 'json';
				parameters.jsonBody = '{"note": "Changed by n8n"}';
				expected.body = { note: 'Changed by n8n' };
			}
		} else if (operation === 'delete') {
			expected.method = 'DELETE';
		} else if (operation === 'markExported') {
			expected.method = 'PUT';
			expected.query = { exported: 'true' };
		} else if (action) {
			expected.method = action.method;
			let actionPath = action.path.replace('{id}', String(record.id));
			if (action.subId?.name === 'supplierSiteId') {
				const site = fake.store.insert('supplier_sites', {
					'supplier-id': record.id,
					code: 'S1',
					name: 'Main',
					'po-method': 'email',
				});
				parameters.supplierSiteId = String(site.id);
				actionPath = actionPath.replace('{subId}', String(site.id));
			} else if (action.subId?.name === 'remitToAddressId') {
				const address = fake.store.insert('supplier_remit_to_addresses', {
					'supplier-id': record.id,
					'remit-to-code': 'RT-1',
					street1: '1 Main St',
					city: 'Reno',
					'postal-code': '89501',
					country: { code: 'US' },
				});
				parameters.remitToAddressId = String(address.id);
				actionPath = actionPath.replace('{subId}', String(address.id));
			} else if (action.subId?.name === 'formResponseId') {
				const response = fake.store.insert('easy_form_responses', {
					'supplier-information-id': record.id,
					name: 'Supplier onboarding form',
					status: 'draft',
				});
				parameters.formResponseId = String(response.id);
				actionPath = actionPath.replace('{subId}', String(response.id));
			} else if (action.subId) {
				const attachment = fake.store
					.list(attachmentStoreOf(object.path))
					.find((a) => a['attachable-id'] === record.id);
				parameters[action.subId.name] = String(attachment.id);
				actionPath = actionPath.replace('{subId}', String(attachment.id));
			}
			expected.path = `/api/${object.path}/${actionPath}`;
			if (action.multipart) {
				// A file from the input item's binary field, sent as a multipart part, byte for byte.
				const bytes = Buffer.from('%PDF-1.4 upload test');
				items = [
					{
						json: {},
						binary: {
							data: {
								data: bytes.toString('base64'),
								mimeType: 'application/pdf',
								fileName: 'upload.pdf',
							},
						},
					},
				];
				const file = { fileName: 'upload.pdf', contentType: 'application/pdf', bytes };
				expected.body = action.multipart.prefix
					? { 'attachment[type]': 'file', [action.multipart.fileField]: file }
					: { [action.multipart.fileField]: file };
			}
			for (const input of action.inputs ?? []) {
				const value =
					input.key === 'adjustment-amount'
						? '250.00'
						: ['total-records', 'records-processed'].includes(input.key)
							? '12'
							: input.key === 'approver_id'
								? String(fake.store.list('users')[0].id)
								: `Test ${input.label}`;
				parameters[input.name] = value;
				if (input.in === 'query') expected.query[input.key] = value;
				else setNested((expected.body ??= {}), input.key, value);
			}
		}

		const output = await runNode({ store, parameters, items });

		const calls = fake.apiRequests();
		// A download reads the attachment record, then the file its file-url points at.
		expect(calls).toHaveLength(action?.fileUrlKey ? 2 : 1);
		const [call] = calls;
		if (action?.fileUrlKey)
			expect(`${fake.url}${calls[1].path}`).toBe(
				`${fake.url}/api/attachment_files/${parameters[action.subId.name]}`,
			);
		expect(call.method).toBe(expected.method);
		expect(call.path).toBe(expected.path);
		expect(call.query).toMatchObject(expected.query);
		if (expected.body === undefined) expect(call.body ?? undefined).toBeUndefined();
		else expect(call.body).toEqual(expected.body);
		expect(call.status).toBeLessThan(300);

		expect(output.length).toBeGreaterThan(0);
		for (const item of output) expect(item.pairedItem).toEqual({ item: 0 });
		if (operation === 'delete') {
			expect(output).toEqual([{ json: { deleted: true, id: record.id }, pairedItem: { item: 0 } }]);
			expect(fake.store.get(object.path, record.id)).toBeFalsy();
		} else if (operation === 'getAll') {
			expect(output.map((i) => i.json)).toEqual(
				JSON.parse(JSON.stringify(fake.store.list(object.path).slice(0, 3))),
			);
		} else if (operation === 'markExported') {
			expect(output[0].json).toMatchObject({ id: record.id, exported: true });
			expect(fake.store.get(object.path, record.id).exported).toBe(true);
		} else if (action?.binary) {
			expect(output[0].binary.data.mimeType).toBe('application/pdf');
			expect(Buffer.from(output[0].binary.data.data, 'base64').subarray(0, 5).toString()).toBe(
				'%PDF-',
			);
			expect(output[0].json.fileName).toMatch(/\.pdf$/);
		} else if (action && !action.path.includes('{id}') && !action.takesRecordBody) {
			// A call on the collection: Coupa's answer, one item per record it lists.
			expect(output.map((i) => i.json.id)).toEqual(
				action.inputs?.length
					? [expect.any(Number)]
					: fake.store.list(object.path).map((r) => r.id),
			);
		} else if (action?.returnsList) {
			const store =
				{
					listComments: commentStoreOf(object.path),
					listRemitToAddresses: 'supplier_remit_to_addresses',
					listSupplierSites: 'supplier_sites',
					listFormResponses: 'easy_form_responses',
				}[operation] ?? attachmentStoreOf(object.path);
			const listed = fake.store
				.list(store)
				.filter(
					(a) =>
						(a['attachable-id'] ??
							a['commentable-id'] ??
							a['supplier-id'] ??
							a['supplier-information-id']) === record.id,
				);
			expect(listed.length).toBeGreaterThan(0);
			expect(output.map((i) => i.json.id)).toEqual(listed.map((a) => a.id));
		} else if (action?.subId?.name === 'formResponseId') {
			expect(output[0].json.id).toBe(Number(parameters.formResponseId));
		} else if (['createSupplierSite', 'updateSupplierSite'].includes(operation)) {
			expect(fake.store.get('supplier_sites', output[0].json.id)).toMatchObject({
				'supplier-id': record.id,
				name: 'Test Site Name',
			});
		} else if (['createRemitToAddress', 'updateRemitToAddress'].includes(operation)) {
			expect(fake.store.get('supplier_remit_to_addresses', output[0].json.id)).toMatchObject({
				'supplier-id': record.id,
				city: 'Test City',
			});
		} else if (operation === 'addComment') {
			expect(fake.store.get(commentStoreOf(object.path), output[0].json.id)).toMatchObject({
				comments: 'Test Comment',
				'commentable-id': record.id,
			});
			expect(call.status).toBe(201);
		} else if (operation === 'uploadAttachment') {
			const stored = fake.store.get(attachmentStoreOf(object.path), output[0].json.id);
			expect(stored).toMatchObject({
				'attachable-id': record.id,
				type: 'AttachmentFile',
				'file-name': 'upload.pdf',
			});
			expect(call.status).toBe(201);
		} else if (operation === 'create' || action?.takesRecordBody === true) {
			const created = fake.store.get(object.path, output[0].json.id);
			expect(created).toBeTruthy();
			expect(output[0].json).toEqual(JSON.parse(JSON.stringify(created)));
			expect(call.status).toBe(201);
		} else {
			expect(output).toHaveLength(1);
			expect(output[0].json.id).toBe(record.id);
			expect(output[0].json).toEqual(
				JSON.parse(JSON.stringify(fake.store.get(object.path, record.id))),
			);
		}
	});
});
