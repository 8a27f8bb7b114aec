/** Integration monitoring: integration runs, history records and errors. */
import type { CoupaAction, CoupaObject, RecordField } from '../types';
import { ref, str } from '../fields';

const INTEGRATION_READ = ['core.integration.read'];
const INTEGRATION_WRITE = ['core.integration.write'];

/** The counts of an integration run (api_in on the Integration Runs element table). */
const RUN_COUNTS = [
	{
		name: 'totalRecords',
		label: 'Total Records',
		key: 'total-records',
		description: 'How many records the run handles',
	},
	{
		name: 'recordsProcessed',
		label: 'Records Processed',
		key: 'records-processed',
		description: 'How many records the run has processed',
	},
];

function runStatusAction(value: string, name: string, action: string, status: string): CoupaAction {
	return {
		value,
		name,
		action,
		description: `${action} by its ID, optionally with its record counts; returns the run`,
		method: 'PUT',
		path: `{id}/${value}`,
		scopes: INTEGRATION_WRITE,
		inputs: RUN_COUNTS.map((count) => ({ ...count, in: 'body' as const })),
		leadsTo: { field: 'status', values: [status] },
	};
}

/** Document types an integration history record or error may point at (Compass element tables). */
const documentType: RecordField = {
	name: 'documentType',
	label: 'Document Type',
	key: 'document-type',
	type: 'options',
	options: [
		'InvoiceHeader',
		'OrderHeader',
		'ExternalOrderHeader',
		'RequisitionHeader',
		'ExpenseReport',
		'InventoryTransaction',
		'Contract',
		'Supplier',
		'User',
		'Account',
		'Address',
		'RemitToAddress',
		'ExchangeRate',
		'LookupValue',
		'Item',
		'Payment',
		'ApprovalChain',
		'SupplierInformation',
	],
};
const contactAlertType = str('contactAlertType', 'Contact Alert Type', 'contact-alert-type', {
	placeholder: 'e.g. Functional',
	description: 'Which integration contacts Coupa alerts (as set up on the integration)',
});
const integrationRef = ref('integration', 'Integration', 'integration', 'code', {
	description: 'The integration (Setup > Integrations) by ID, or by code',
});
/** The document and outcome fields shared by history records and errors; the message goes in Coupa's `responses`. */
const integrationDocumentFields: RecordField[] = [
	documentType,
	{
		name: 'documentId',
		label: 'Document ID',
		key: 'document-id',
		type: 'number',
		description: 'Coupa ID of the document, e.g. the invoice ID',
	},
	str('status', 'Status', 'status', {
		placeholder: 'e.g. success',
		description: 'Outcome in the other system',
	}),
	str('documentStatus', 'Document Status', 'document-status', {
		description: 'Status of the document when it was handled',
	}),
	str('externalId', 'External ID', 'external-id', {
		description: 'ID of the document in the other system, e.g. the ERP voucher number',
	}),
	str('responseCode', 'Response Code', 'responses.0.response-code', {
		description: 'Code the other system answered, e.g. 200 or an error code',
	}),
	str('responseMessage', 'Response Message', 'responses.0.response-message', {
		description: 'Message the other system answered, e.g. why the export failed',
	}),
];

export const INTEGRATION_OBJECTS: CoupaObject[] = [
	{
		resource: 'integrationError',
		name: 'Integration Error',
		plural: 'Integration Errors',
		path: 'integration_errors',
		readScopes: INTEGRATION_READ,
		writeScopes: INTEGRATION_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'resolve',
				name: 'Resolve',
				action: 'Resolve an integration error',
				description: 'Mark an integration error as resolved by its ID; returns the error',
				method: 'PUT',
				path: '{id}/resolve',
				scopes: INTEGRATION_WRITE,
				leadsTo: { field: 'resolved', values: [true] },
			},
			{
				value: 'unresolve',
				name: 'Unresolve',
				action: 'Unresolve an integration error',
				description: 'Open a resolved integration error again by its ID; returns the error',
				method: 'PUT',
				path: '{id}/unresolve',
				scopes: INTEGRATION_WRITE,
				leadsTo: { field: 'resolved', values: [false] },
			},
		],
		fields: [
			ref('integrationRun', 'Integration Run', 'integration-run', 'id', {
				required: true,
				description: 'ID of the integration run the error belongs to',
			}),
			{ ...contactAlertType, required: true },
			...integrationDocumentFields,
			integrationRef,
		],
		picker: { title: ['document-type', 'document-id', 'status'], search: ['document_id'] },
		webPath: 'integration_errors',
		notes:
			'Errors of an integration run, shown to the integration contacts in Coupa. Resolve and Unresolve set resolved.',
	},
	{
		resource: 'integrationHistoryRecord',
		name: 'Integration History Record',
		plural: 'Integration History Records',
		path: 'integration_history_records',
		readScopes: INTEGRATION_READ,
		writeScopes: INTEGRATION_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			{ ...documentType, required: true },
			{
				name: 'documentId',
				label: 'Document ID',
				key: 'document-id',
				type: 'number',
				required: true,
				description: 'Coupa ID of the document, e.g. the invoice ID',
			},
			{ ...contactAlertType, required: true },
			...integrationDocumentFields.filter(
				(field) => !['documentType', 'documentId'].includes(field.name),
			),
			{
				name: 'integrationRunId',
				label: 'Integration Run ID',
				key: 'integration-run-id',
				type: 'number',
				description: 'ID of the integration run this record belongs to',
			},
			integrationRef,
		],
		picker: { title: ['document-type', 'document-id', 'status'], search: ['document_id'] },
		webPath: 'integration_history_records',
		notes:
			'One record per document an integration handled (exported, failed, …), with its response. Coupa documents no resolve action for history records: `resolved` is output only; resolve integration errors instead.',
	},
	{
		resource: 'integrationRun',
		name: 'Integration Run',
		plural: 'Integration Runs',
		path: 'integration_runs',
		readScopes: INTEGRATION_READ,
		writeScopes: INTEGRATION_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			runStatusAction('run', 'Set Running', 'Set an integration run to running', 'running'),
			runStatusAction(
				'success',
				'Set Successful',
				'Set an integration run to successful',
				'successful',
			),
			runStatusAction('fail', 'Set Failed', 'Set an integration run to failed', 'failed'),
			runStatusAction(
				'pending',
				'Set Pending',
				'Set an integration run back to pending',
				'pending',
			),
			runStatusAction('pause', 'Set Paused', 'Pause an integration run', 'paused'),
		],
		statuses: ['pending', 'running', 'successful', 'failed', 'paused'],
		fields: [
			ref('integration', 'Integration', 'integration', 'code', {
				required: true,
				description: 'The integration (Setup > Integrations) by ID, or by code',
			}),
			{ name: 'startTime', label: 'Start Time', key: 'start-time', type: 'dateTime' },
			{ name: 'endTime', label: 'End Time', key: 'end-time', type: 'dateTime' },
			...RUN_COUNTS.map((count) =>
				str(count.name, count.label, count.key, {
					placeholder: 'e.g. 120',
					description: count.description,
				}),
			),
		],
		picker: { title: ['id', 'status'], search: ['id'] },
		webPath: 'integration_runs',
		notes:
			"Create opens a run in pending. The status actions take the counts along; Coupa does not document a message on the run: record each document's outcome as an Integration History Record (responses) or an Integration Error.",
	},
];
