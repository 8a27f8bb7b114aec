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

/**
 * Document types an integration history record or error may point at: R39's enum
 * (R39_Core_Platform_API.json definitions.IntegrationHistoryRecord, document-type), 31 values.
 */
const documentType: RecordField = {
	name: 'documentType',
	label: 'Document Type',
	key: 'document-type',
	type: 'options',
	options: [
		'ContingentWorkOrderHeader',
		'ExternalOrderHeader',
		'OrderHeader',
		'InventoryTransaction',
		'InvoiceHeader',
		'ExpenseReport',
		'RequisitionHeader',
		'Account',
		'Supplier',
		'User',
		'Address',
		'RemitToAddress',
		'Contract',
		'ExchangeRate',
		'Invoice',
		'Requisition',
		'Payment',
		'ApprovalChain',
		'LookupValue',
		'Item',
		'SupplierInformation',
		'Asn::Header',
		'AccountValidationRule',
		'Payables::External::Payable',
		'Charge',
		'Payables::Invoice',
		'Payables::Expense',
		'CoupaPay::Payment',
		'CoupaPay::Statement',
		'ReceiptRequest',
		'InventoryRequestHeader',
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
		placeholder: 'e.g. Success',
		description:
			'Outcome in the other system: the Invoices→ERP playbook writes Success or Error (Compass "Invoices Integration into your ERP", steps 4b and 4c)',
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

/** Resolve or unresolve a history record (R39 PUT /integration_history_records/{id}/resolve). */
function resolveAction(value: string, name: string, what: string, resolved: boolean): CoupaAction {
	return {
		value,
		name,
		action: `${name} an ${what}`,
		description: resolved
			? `Mark an ${what} as resolved by its ID; returns the record`
			: `Open a resolved ${what} again by its ID; returns the record`,
		method: 'PUT',
		path: `{id}/${value}`,
		scopes: INTEGRATION_WRITE,
		leadsTo: { field: 'resolved', values: [resolved] },
	};
}

/**
 * History record calls on the collection that take a new record (R39 POST
 * /integration_history_records/<segment>; R39 says their behaviour is "not documented ... yet").
 */
const HISTORY_RECORD_POSTS: CoupaAction[] = (
	[
		['createAlert', 'Create with Alert', 'create_alert', 'and alert the integration contacts'],
		[
			'createAlertAndMarkExported',
			'Create with Alert and Mark Exported',
			'create_alert_and_mark_exported',
			'alert the integration contacts and mark the document exported',
		],
		[
			'markDocumentExported',
			'Create and Mark Exported',
			'mark_exported',
			'and mark the document exported',
		],
		['acknowledge', 'Acknowledge', 'acknowledge', 'as acknowledged'],
	] as const
).map(([value, name, segment, what]) => ({
	value,
	name,
	action: `${name} an integration history record`,
	description: `Create an integration history record ${what} (R39 ${segment}); returns the record`,
	method: 'POST' as const,
	path: segment,
	scopes: INTEGRATION_WRITE,
	takesRecordBody: true,
}));

export const INTEGRATION_OBJECTS: CoupaObject[] = [
	{
		resource: 'integrationError',
		name: 'Integration Error',
		plural: 'Integration Errors',
		description:
			"An error an integration run met, shown to the integration's contacts; resolve it once fixed",
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
			{
				value: 'createAlert',
				name: 'Create with Alert',
				action: 'Create an integration error and alert its contacts',
				description:
					"Create an integration error and alert the integration's contacts (R39 create_alert); returns the error",
				method: 'POST',
				path: 'create_alert',
				scopes: INTEGRATION_WRITE,
				takesRecordBody: true,
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
		description:
			"The outcome of one document in an integration (exported, failed), with the other system's response",
		path: 'integration_history_records',
		readScopes: INTEGRATION_READ,
		writeScopes: INTEGRATION_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			resolveAction('resolve', 'Resolve', 'integration history record', true),
			resolveAction('unresolve', 'Unresolve', 'integration history record', false),
			...HISTORY_RECORD_POSTS,
		],
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
			'One record per document an integration handled (exported, failed, …), with its response. Resolve the previous record of a document before writing its next outcome, as the Invoices→ERP playbook does. The playbook writes the create and create-alert calls with PUT; the package sends POST, as R39 documents them.',
	},
	{
		resource: 'integrationRun',
		name: 'Integration Run',
		plural: 'Integration Runs',
		description:
			'One run of an integration (e.g. a nightly invoice export): its status and record counts',
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
			{
				value: 'finish',
				name: 'Finish',
				action: 'Finish an integration run',
				description:
					'Finish an integration run by its ID: Coupa sets it to successful if it has no errors, optionally with its record counts; returns the run',
				method: 'PUT',
				path: '{id}/finish',
				scopes: INTEGRATION_WRITE,
				inputs: RUN_COUNTS.map((count) => ({ ...count, in: 'body' as const })),
			},
			{
				value: 'saveMaxUpdatedAt',
				name: 'Save Last Exported Time',
				action: 'Save the last exported time of an integration run',
				description:
					'Save the last modified date-time exported by an integration run, by its ID (R39 max_updated_at; it documents no body, so none is sent); returns the run',
				method: 'PUT',
				path: '{id}/max_updated_at',
				// The scope map names no scope for max_updated_at.
				scopes: [],
			},
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
