/**
 * Integration monitoring over real HTTP against the fake Coupa: integration runs with their status
 * actions and counts, history records with Coupa's `responses` message, integration errors with
 * resolve, and every catalogue action's `leadsTo` read back from the record it changed.
 */
import { createRequire } from 'node:module';

import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { CATALOG, actionsOf } = require('../dist/nodes/Coupa/catalog');

let fake;
afterEach(async () => fake?.close());

const id = (value) => ({ __rl: true, mode: 'id', value: String(value) });

test('an export run: open, running with its total, a history record per document, an error, failed with counts', async () => {
	fake = await startCoupa();
	const store = credentialFor(fake, 'core.integration.write');
	const [invoiceA, invoiceB] = fake.store.list('invoices');

	const [run] = await runNode({
		store,
		parameters: {
			resource: 'integrationRun',
			operation: 'create',
			integration: 'INVOICE-EXPORT',
			additionalFields: { startTime: '2026-11-30T10:00:00Z' },
		},
	});
	expect(fake.apiRequests()[0].body).toEqual({
		integration: { code: 'INVOICE-EXPORT' },
		'start-time': '2026-11-30T10:00:00Z',
	});
	expect(run.json).toMatchObject({ status: 'pending', integration: { code: 'INVOICE-EXPORT' } });

	await runNode({
		store,
		parameters: {
			resource: 'integrationRun',
			operation: 'run',
			id: id(run.json.id),
			totalRecords: '2',
		},
	});
	expect(fake.apiRequests().at(-1)).toMatchObject({
		method: 'PUT',
		path: `/api/integration_runs/${run.json.id}/run`,
		body: { 'total-records': '2' },
	});
	expect(fake.store.get('integration_runs', run.json.id)).toMatchObject({
		status: 'running',
		'total-records': 2,
	});

	const [exported] = await runNode({
		store,
		parameters: {
			resource: 'integrationHistoryRecord',
			operation: 'create',
			documentType: 'InvoiceHeader',
			documentId: invoiceA.id,
			contactAlertType: 'Functional',
			additionalFields: {
				status: 'success',
				externalId: 'ERP-1001',
				integrationRunId: run.json.id,
				responseCode: '200',
				responseMessage: 'Booked as ERP-1001',
			},
		},
	});
	expect(fake.apiRequests().at(-1).body).toEqual({
		'document-type': 'InvoiceHeader',
		'document-id': invoiceA.id,
		'contact-alert-type': 'Functional',
		status: 'success',
		'external-id': 'ERP-1001',
		'integration-run-id': run.json.id,
		responses: [{ 'response-code': '200', 'response-message': 'Booked as ERP-1001' }],
	});
	expect(fake.store.get('integration_history_records', exported.json.id)).toMatchObject({
		'document-id': invoiceA.id,
		status: 'success',
	});

	const [error] = await runNode({
		store,
		parameters: {
			resource: 'integrationError',
			operation: 'create',
			integrationRun: String(run.json.id),
			contactAlertType: 'Functional',
			additionalFields: {
				documentType: 'InvoiceHeader',
				documentId: invoiceB.id,
				status: 'failed',
				responseMessage: 'Supplier not found in ERP',
			},
		},
	});
	expect(fake.apiRequests().at(-1).body).toMatchObject({
		'integration-run': { id: run.json.id },
		responses: [{ 'response-message': 'Supplier not found in ERP' }],
	});
	expect(error.json).toMatchObject({
		'document-id': invoiceB.id,
		'integration-run': { id: run.json.id },
	});

	await runNode({
		store,
		parameters: {
			resource: 'integrationRun',
			operation: 'fail',
			id: id(run.json.id),
			totalRecords: '2',
			recordsProcessed: '1',
		},
	});
	expect(fake.store.get('integration_runs', run.json.id)).toMatchObject({
		status: 'failed',
		'total-records': 2,
		'records-processed': 1,
		'end-time': expect.any(String),
	});

	const [resolved] = await runNode({
		store,
		parameters: { resource: 'integrationError', operation: 'resolve', id: id(error.json.id) },
	});
	expect(resolved.json).toMatchObject({ id: error.json.id, resolved: true });

	const history = await runNode({
		store: credentialFor(fake, 'core.integration.read'),
		parameters: { resource: 'integrationHistoryRecord', operation: 'getAll', returnAll: true },
	});
	expect(history.map((item) => item.json.id)).toContain(exported.json.id);
});

test('history records and errors need their documented required elements', async () => {
	fake = await startCoupa();
	await expect(
		runNode({
			store: credentialFor(fake, 'core.integration.write'),
			parameters: {
				resource: 'integrationHistoryRecord',
				operation: 'create',
				documentType: 'InvoiceHeader',
				documentId: 0,
				contactAlertType: 'Functional',
			},
		}),
	).rejects.toThrow('"Document ID" is required to create an integration history record');
	expect(fake.apiRequests()).toEqual([]);
});

test('integration monitoring needs core.integration.*: the pre-check names it', async () => {
	fake = await startCoupa();
	await expect(
		runNode({
			store: credentialFor(fake, 'core.invoice.read'),
			parameters: { resource: 'integrationRun', operation: 'getAll', limit: 5 },
		}),
	).rejects.toThrow(/core\.integration\.read/);
	expect(fake.apiRequests()).toEqual([]);
});

// Each state-changing action says which state it leads to, so a lost answer can be confirmed by
// reading the record back. The fake's record must show that state after the action.
const withLeadsTo = CATALOG.flatMap((object) =>
	actionsOf(object)
		.filter((action) => action.leadsTo)
		.map((action) => [object.resource, action.value, object, action]),
);

test.each(withLeadsTo)(
	'%s: %s leads to its declared state',
	async (resource, operation, object, action) => {
		fake = await startCoupa();
		const { field, values, notValues } = action.leadsTo;
		// Start from a state the action moves away from: one of notValues, or anything not in values.
		let record = fake.store
			.list(object.path)
			.find((r) => (notValues ? notValues.includes(r[field]) : !values.includes(r[field])));
		if (!record)
			record = fake.store.update(object.path, fake.store.list(object.path)[0].id, {
				[field]: notValues?.[0] ?? null,
			});
		const before = record[field];
		const parameters = { resource, operation, id: id(record.id) };
		for (const input of action.inputs ?? []) if (input.required) parameters[input.name] = '1';
		if (action.takesRecordBody === 'update')
			Object.assign(parameters, { specifyBody: 'json', jsonBody: '{}' });
		await runNode({ store: credentialFor(fake, allScopes()), parameters });
		const after = fake.store.get(object.path, record.id)[field];
		expect(after).not.toEqual(before);
		if (values) expect(values).toContain(after);
		if (notValues) expect(notValues).not.toContain(after);
	},
);
