/**
 * The Coupa object-scope catalogue: the single source of truth for every Coupa object this
 * package knows. The node's resource and operation dropdowns, the scope pre-check, the
 * trigger's resource list, the README scope table and the tests are all generated from it.
 *
 * Scope semantics: an operation needs ANY ONE of its listed scopes. Where Coupa's documentation
 * leaves a scope unconfirmed, every candidate is listed so the pre-check never blocks a call
 * Coupa would allow.
 */

export type StandardOperation = 'get' | 'getAll' | 'create' | 'update' | 'delete';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** An extra input an action takes, sent as a query parameter or a body key. */
export interface ActionInput {
	name: string;
	label: string;
	description: string;
	/** Where Coupa expects it. Body keys may be nested with dots, e.g. `dispute-reason.code`. */
	in: 'query' | 'body';
	key: string;
	required?: boolean;
}

export interface CoupaAction {
	/** Stable operation value saved in workflows. */
	value: string;
	name: string;
	/** Sentence-case action label, shown in the node picker and to AI agents. */
	action: string;
	description: string;
	method: HttpMethod;
	/**
	 * Path below the object's collection. `{id}` is the record id. Without `{id}` the action works
	 * on the collection (e.g. create-and-submit).
	 */
	path: string;
	scopes: string[];
	inputs?: ActionInput[];
	/** The action takes the same record body as `create` (true) or as `update` ('update'), as fields or JSON. */
	takesRecordBody?: boolean | 'update';
	/** The action returns a file, not JSON. */
	binary?: boolean;
	/**
	 * The action's path returns a record that points at the file: the key holding the file's URL
	 * (Coupa's attachment record has `file-url`). The node fetches the record, then the file.
	 */
	fileUrlKey?: string;
	/** The action needs a second id, e.g. an attachment of a contract. */
	subId?: { name: string; label: string; description: string };
	/** The action returns a list (one item per element). */
	returnsList?: boolean;
	/**
	 * The action sends a multipart/form-data body (an attachment or an image scan) instead of JSON.
	 * `fileField` carries the file from an input item's binary property; `kinds` are the forms
	 * offered (file, url, text), each sent as `<prefix>[type]` plus `<prefix>[url|text|file]`.
	 */
	multipart?: MultipartSpec;
	/**
	 * The state the action leads to, so a call whose answer was lost can be confirmed by reading
	 * the record back: `field` holds one of `values`, or none of `notValues`. Without it, a lost
	 * answer is reported as "may have been applied".
	 */
	leadsTo?: ResultingState;
}

export interface ResultingState {
	field: string;
	values?: Array<string | boolean>;
	notValues?: Array<string | boolean>;
}

export type MultipartKind = 'file' | 'url' | 'text';

export interface MultipartSpec {
	/** Form field of the file, e.g. `attachment[file]`. */
	fileField: string;
	/** Forms offered; more than one adds an Attachment Type choice. */
	kinds: MultipartKind[];
	/** Prefix of the other fields (`attachment` → `attachment[type]`, `attachment[url]`); none for a plain file upload. */
	prefix?: string;
	/** Offer Coupa's `intent` (who sees the attachment). */
	intent?: boolean;
}

/**
 * `number` fields are IDs of other Coupa records (never 0). `date` is picked like a date-time but
 * sent as the date only (YYYY-MM-DD), where Coupa's docs ask for the date only.
 */
export type FieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'date'
	| 'dateTime'
	| 'options'
	| 'reference'
	| 'json';

/** A field of a Coupa record as offered in the node's create and update forms. */
export interface RecordField {
	/** Parameter name in n8n (camelCase). */
	name: string;
	label: string;
	/** The hyphenated key Coupa expects in the JSON body. */
	key: string;
	type: FieldType;
	description?: string;
	/** For `reference`: the natural key used when the value is not a numeric id. */
	naturalKey?: string;
	options?: string[];
	/** For `reference`: a Coupa list to pick the value from in the editor. */
	lookup?: LookupName;
	/** Required on create; offered as a top-level parameter rather than in Additional Fields. */
	required?: boolean;
	placeholder?: string;
}

/** Coupa lists that feed the editor's dropdowns for reference fields. */
export const LOOKUPS = {
	currencies: {
		path: 'currencies',
		valueKey: 'code',
		labelKeys: ['code', 'name'],
		scopes: ['core.common.read'],
	},
	paymentTerms: {
		path: 'payment_terms',
		valueKey: 'code',
		labelKeys: ['code', 'description'],
		scopes: ['core.common.read'],
	},
	accountTypes: {
		path: 'account_types',
		valueKey: 'name',
		labelKeys: ['name'],
		scopes: ['core.accounting.read'],
	},
	suppliers: {
		path: 'suppliers',
		valueKey: 'name',
		labelKeys: ['name', 'number'],
		scopes: ['core.supplier.read'],
	},
	users: {
		path: 'users',
		valueKey: 'login',
		labelKeys: ['login', 'email'],
		scopes: ['core.user.read'],
	},
} as const;

export type LookupName = keyof typeof LOOKUPS;

/** A repeating line (requisition line, invoice line, ...) in the create form. */
export interface LineCollection {
	key: string;
	label: string;
	fields: RecordField[];
	/** Coupa's docs require at least one line on create. */
	required?: boolean;
}

/**
 * A create that Coupa documents under a parent record, e.g. expense lines under
 * `POST /expense_reports/{id}/expense_lines`: the node asks for the parent's ID.
 */
export interface ParentRecord {
	/** The parent's collection path, e.g. `expense_reports`. */
	path: string;
	/** Parameter name in n8n. */
	name: string;
	label: string;
	description: string;
}

export interface StandardOperationSpec {
	/** Scopes (any one of) where they differ from the object's read or write scopes. */
	scopes?: string[];
	/** Create only: the record is created below a parent record. */
	parent?: ParentRecord;
}

export interface CoupaObject {
	/** Stable resource value saved in workflows. */
	resource: string;
	name: string;
	plural: string;
	/** Collection path under /api. */
	path: string;
	readScopes: string[];
	writeScopes: string[];
	/** Standard operations Coupa supports, with their scopes where they differ from read/write. */
	operations: Partial<Record<StandardOperation, StandardOperationSpec>>;
	actions: CoupaAction[];
	/** Carries Coupa's `exported` flag, so it offers Mark as Exported. */
	exportable?: boolean;
	/** Known status values, used by filters and the trigger's Status Changed event. */
	statuses?: string[];
	/** The attribute that holds the status: `status` unless set (quote requests use `state`). */
	statusKey?: string;
	/** Fields shown by name on create (required ones) and in Additional/Update Fields. */
	fields: RecordField[];
	lines?: LineCollection;
	/** Keys kept by the Simplify option (custom-fields kept whole). Only bulky objects have it. */
	simplify?: string[];
	/**
	 * The From-list picker. `title`: the record attributes that name a record; the label adds the
	 * supplier's name, the `total` attribute with its currency and the status in words when the
	 * record has them. `search`: the attributes a typed search looks in (Coupa ANDs filters, so
	 * each is one `[contains]` request, merged). Nested ones as `supplier[name]`.
	 */
	picker: { title: string[]; search: string[]; total?: string };
	/** The Coupa web page path of a record, used by the By-URL locator. */
	webPath: string;
	/** Notes shown in the README, e.g. tenant-dependent behaviour. */
	notes?: string;
	/**
	 * Coupa's Attachments API covers this object (`/api/<path>/{id}/attachments`): it gets List,
	 * Download and Upload Attachment. `uploadScopes` where upload needs other scopes than write.
	 */
	attachments?: { uploadScopes?: string[] };
	/** Coupa's Comments API covers this object (`/api/<path>/{id}/comments`): List and Add Comment. */
	comments?: boolean;
	/** Get Many offers Coupa's `show_deleted_lines` (deleted lines stay in the output). */
	showDeletedLines?: boolean;
}

export { BASE_SCOPES } from '../../credentials/coupaScopes';

import { withArticle } from './shared/labels';

const reasonInput: ActionInput = {
	name: 'reason',
	label: 'Reason',
	description: 'Why the approval is decided this way; Coupa records it on the approval. Optional.',
	in: 'query',
	key: 'reason',
};

const ref = (
	name: string,
	label: string,
	key: string,
	naturalKey: string,
	extra: Partial<RecordField> = {},
): RecordField => ({
	name,
	label,
	key,
	type: 'reference',
	naturalKey,
	description: `${label} by ID, or by ${naturalKey}`,
	...extra,
});

const str = (
	name: string,
	label: string,
	key: string,
	extra: Partial<RecordField> = {},
): RecordField => ({
	name,
	label,
	key,
	type: 'string',
	...extra,
});

const flag = (name: string, label: string, key: string, description: string): RecordField => ({
	name,
	label,
	key,
	type: 'boolean',
	description,
});

const currency = ref('currency', 'Currency', 'currency', 'code', { lookup: 'currencies' });
const account = ref('account', 'Account', 'account', 'code');
const commodity = ref('commodity', 'Commodity', 'commodity', 'name');
const supplierRef = ref('supplier', 'Supplier', 'supplier', 'name', { lookup: 'suppliers' });
const uom = ref('uom', 'Unit of Measure', 'uom', 'code', { placeholder: 'e.g. EA' });
const description = str('description', 'Description', 'description');
/** A line's custom fields (Coupa's custom field namespace), given as a JSON object. */
const lineCustomFields: RecordField = {
	name: 'customFields',
	label: 'Custom Fields (JSON)',
	key: 'custom-fields',
	type: 'json',
	placeholder: 'e.g. {"cost-center": "CC-100"}',
	description: 'Custom fields of the line as a JSON object, sent under custom-fields',
};
const active = flag('active', 'Active', 'active', 'Whether the record is active');

const PO_WRITE = ['core.purchase_order.write'];
const COMMON_READ = ['core.common.read'];
const COMMON_WRITE = ['core.common.write'];

/** A body input of a create (required when `required`) or an update (never required) action. */
function bodyInputs(creating: boolean) {
	return (
		name: string,
		label: string,
		key: string,
		description: string,
		required = false,
	): ActionInput => ({
		name,
		label,
		description,
		in: 'body',
		key,
		required: creating && required,
	});
}

/** The elements of a supplier remit-to address (Compass Remit-To Addresses API). */
function remitToInputs(creating: boolean): ActionInput[] {
	const input = bodyInputs(creating);
	return [
		input(
			'remitToCode',
			'Remit-To Code',
			'remit-to-code',
			'Unique code of the remit-to address, e.g. the ERP vendor site code',
			true,
		),
		input('remitToStreet1', 'Street 1', 'street1', 'Address line 1', true),
		input('remitToCity', 'City', 'city', 'City name', true),
		input('remitToPostalCode', 'Postal Code', 'postal-code', 'Postal code', true),
		input(
			'remitToCountry',
			'Country Code',
			'country.code',
			'ISO code of the country, e.g. US',
			true,
		),
		input('remitToName', 'Name', 'name', 'Nickname of the address'),
		input('remitToState', 'State', 'state', 'State or region'),
		input('remitToActive', 'Active', 'active', 'true or false; Coupa sets no status when empty'),
	];
}

/** The elements of a supplier site (Compass Supplier Sites API). */
function supplierSiteInputs(creating: boolean): ActionInput[] {
	const input = bodyInputs(creating);
	return [
		input('siteCode', 'Site Code', 'code', 'Unique code of the site (up to 20 characters)', true),
		input('siteName', 'Site Name', 'name', 'Name of the site', true),
		input(
			'sitePoMethod',
			'PO Method',
			'po-method',
			'How POs reach the site: cxml, xml, email, prompt, mark_as_sent or buy_online',
			true,
		),
		input('sitePoEmail', 'PO Email', 'po-email', 'Where POs are sent when the PO method is email'),
		input(
			'sitePoChangeMethod',
			'PO Change Method',
			'po-change-method',
			'How PO changes reach the site (same values as PO Method)',
		),
		input(
			'sitePaymentTerm',
			'Payment Term Code',
			'payment-term.code',
			'Code of an existing payment term, e.g. Net 30',
		),
		input(
			'siteActive',
			'Active',
			'active',
			'true or false; Coupa makes a new site active when empty',
		),
	];
}

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

export const CATALOG: CoupaObject[] = [
	{
		resource: 'account',
		name: 'Account',
		plural: 'Accounts',
		path: 'accounts',
		readScopes: ['core.accounting.read'],
		writeScopes: ['core.accounting.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			ref('accountType', 'Chart of Accounts', 'account-type', 'name', {
				required: true,
				lookup: 'accountTypes',
			}),
			str('segment1', 'Segment 1', 'segment-1', { required: true }),
			str('segment2', 'Segment 2', 'segment-2'),
			str('segment3', 'Segment 3', 'segment-3'),
			str('segment4', 'Segment 4', 'segment-4'),
			str('name', 'Name', 'name'),
			active,
		],
		picker: { title: ['code', 'name'], search: ['code', 'name'] },
		webPath: 'accounts',
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
	{
		resource: 'address',
		name: 'Address',
		plural: 'Addresses',
		path: 'addresses',
		// core.address.read_write is in Coupa's scope list too; which one the routes enforce is not documented.
		readScopes: [...COMMON_READ, 'core.address.read_write'],
		writeScopes: [...COMMON_WRITE, 'core.address.read_write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('street1', 'Street 1', 'street1', { required: true }),
			str('city', 'City', 'city', { required: true }),
			str('postalCode', 'Postal Code', 'postal-code', { required: true }),
			str('country', 'Country Code', 'country.code', {
				required: true,
				placeholder: 'e.g. US',
				description: 'ISO code of the country',
			}),
			str('name', 'Name', 'name', { description: 'The address nickname' }),
			str('street2', 'Street 2', 'street2'),
			str('state', 'State', 'state', { placeholder: 'e.g. CA' }),
			str('locationCode', 'Location Code', 'location-code'),
			str('attention', 'Attention', 'attention'),
			active,
		],
		picker: { title: ['name', 'street1', 'city'], search: ['name'] },
		webPath: 'addresses',
		notes:
			'Ship-to, bill-to and company addresses. Supplier remit-to addresses live under their supplier (/suppliers/{id}/addresses) and are not offered yet.',
	},
	{
		resource: 'approval',
		name: 'Approval',
		plural: 'Approvals',
		path: 'approvals',
		readScopes: ['core.approval.read'],
		writeScopes: ['core.approval.write'],
		operations: { get: {}, getAll: {}, update: {} },
		actions: [
			{
				value: 'approve',
				name: 'Approve',
				action: 'Approve a pending approval',
				description:
					'Approve a pending approval by its ID (from Get Many Approvals, status pending approval); returns the approval. Fails if it is not pending.',
				method: 'PUT',
				path: '{id}/approve',
				scopes: ['core.approval.write'],
				leadsTo: { field: 'status', values: ['approved'] },
				inputs: [reasonInput],
			},
			{
				value: 'reject',
				name: 'Reject',
				action: 'Reject a pending approval',
				description:
					'Reject a pending approval by its ID, optionally with a reason; returns the approval. Fails if it is not pending.',
				method: 'PUT',
				path: '{id}/reject',
				scopes: ['core.approval.write'],
				leadsTo: { field: 'status', values: ['rejected'] },
				inputs: [reasonInput],
			},
			{
				value: 'hold',
				name: 'Hold',
				action: 'Put a pending approval on hold',
				description:
					'Put a pending approval on hold by its ID, optionally with a reason; returns the approval',
				method: 'PUT',
				path: '{id}/hold',
				scopes: ['core.approval.write'],
				leadsTo: { field: 'status', values: ['on_hold'] },
				inputs: [reasonInput],
			},
		],
		statuses: [
			'pending_approval',
			'approved',
			'rejected',
			'escalated',
			'on_hold',
			'skipped',
			'withdrawn',
		],
		fields: [str('note', 'Note', 'note')],
		picker: { title: ['approvable-type', 'approvable-id'], search: ['approvable_id'] },
		webPath: 'approvals',
	},
	{
		resource: 'budgetLine',
		name: 'Budget Line',
		plural: 'Budget Lines',
		path: 'budget_lines',
		readScopes: ['core.budget.read'],
		writeScopes: ['core.budget.write'],
		// Delete is in the R39 spec only and no scope is documented for it: the pre-check lets it through.
		operations: { get: {}, getAll: {}, create: {}, update: {}, delete: { scopes: [] } },
		actions: [
			{
				value: 'adjust',
				name: 'Adjust',
				action: 'Adjust a budget line amount',
				description:
					'Adjust the amount of a budget line by its ID (positive or negative); returns the adjustment',
				method: 'PUT',
				path: '{id}/adjust',
				scopes: ['core.budget.write'],
				inputs: [
					{
						name: 'adjustmentAmount',
						label: 'Adjustment Amount',
						description: 'Amount to add to the budget line; negative to reduce it, e.g. -500.00',
						in: 'body',
						key: 'adjustment-amount',
						required: true,
					},
					{
						name: 'adjustmentDescription',
						label: 'Adjustment Description',
						description: 'Why the budget line is adjusted',
						in: 'body',
						key: 'description',
					},
					{
						name: 'adjustmentCurrency',
						label: 'Adjustment Currency',
						description:
							"Currency code of the adjustment, e.g. USD; the budget line's currency if empty",
						in: 'body',
						key: 'currency.code',
					},
				],
			},
		],
		fields: [
			ref('period', 'Budget Period', 'period', 'name', { required: true }),
			str('amount', 'Amount', 'amount', { required: true, placeholder: 'e.g. 10000.00' }),
			str('segment1', 'Segment 1', 'segment-1', { required: true }),
			str('segment2', 'Segment 2', 'segment-2'),
			str('segment3', 'Segment 3', 'segment-3'),
			description,
			ref('owner', 'Owner', 'owner', 'login', { lookup: 'users' }),
			currency,
			str('notes', 'Notes', 'notes'),
		],
		picker: { title: ['code', 'description'], search: ['code', 'description'] },
		webPath: 'budget_lines',
		notes:
			'Delete is listed in the R39 spec only, with no documented scope: the node lets Coupa decide.',
	},
	{
		resource: 'commodity',
		name: 'Commodity',
		plural: 'Commodities',
		path: 'commodities',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			{
				name: 'category',
				label: 'Category',
				key: 'category',
				type: 'options',
				options: ['goods', 'services', 'monetary', 'others'],
			},
			active,
		],
		picker: { title: ['name'], search: ['name'] },
		webPath: 'commodities',
	},
	{
		resource: 'contract',
		name: 'Contract',
		plural: 'Contracts',
		path: 'contracts',
		readScopes: ['core.contract.read'],
		writeScopes: ['core.contract.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'submitForApproval',
				name: 'Submit for Approval',
				action: 'Submit a contract for approval',
				description: 'Submit a draft contract for approval by its ID; returns the contract',
				method: 'PUT',
				path: '{id}/submit_for_approval',
				scopes: ['core.contract.write'],
				leadsTo: { field: 'status', notValues: ['draft'] },
			},
		],
		statuses: ['draft', 'pending_approval', 'published', 'expired', 'inactive', 'completed'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('number', 'Number', 'number', { required: true }),
			{ ...supplierRef, required: true },
			{ name: 'startDate', label: 'Start Date', key: 'start-date', type: 'dateTime' },
			{ name: 'endDate', label: 'End Date', key: 'end-date', type: 'dateTime' },
			{
				name: 'status',
				label: 'Status',
				key: 'status',
				type: 'options',
				options: ['draft', 'inactive', 'published'],
			},
			description,
			currency,
		],
		simplify: [
			'id',
			'name',
			'number',
			'status',
			'start-date',
			'end-date',
			'supplier',
			'currency',
			'updated-at',
			'custom-fields',
		],
		picker: { title: ['number', 'name'], search: ['name', 'number', 'supplier[name]'] },
		webPath: 'contracts',
		attachments: {},
		notes: 'No delete in Coupa. Sub-resources live under /api/contracts/{id}/…',
	},
	{
		resource: 'currency',
		name: 'Currency',
		plural: 'Currencies',
		path: 'currencies',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {} },
		actions: [],
		fields: [],
		picker: { title: ['code', 'name'], search: ['code'] },
		webPath: 'currencies',
		notes: 'Read only: Coupa adds ISO currencies itself.',
	},
	{
		resource: 'department',
		name: 'Department',
		plural: 'Departments',
		path: 'departments',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [str('name', 'Name', 'name', { required: true }), active],
		picker: { title: ['name'], search: ['name'] },
		webPath: 'departments',
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
	{
		resource: 'exchangeRate',
		name: 'Exchange Rate',
		plural: 'Exchange Rates',
		path: 'exchange_rates',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			ref('fromCurrency', 'From Currency', 'from-currency', 'code', {
				required: true,
				lookup: 'currencies',
			}),
			ref('toCurrency', 'To Currency', 'to-currency', 'code', {
				required: true,
				lookup: 'currencies',
			}),
			str('rate', 'Rate', 'rate', {
				placeholder: 'e.g. 1.0825',
				description: 'Units of To Currency for one unit of From Currency',
			}),
			{
				name: 'rateDate',
				label: 'Rate Date',
				key: 'rate-date',
				type: 'dateTime',
				description: 'The date the rate takes effect',
			},
		],
		picker: { title: ['id', 'rate'], search: ['id'] },
		webPath: 'exchange_rates',
		notes: 'Rates are one way: EUR to USD does not create USD to EUR.',
	},
	{
		resource: 'expenseLine',
		name: 'Expense Line',
		plural: 'Expense Lines',
		path: 'expense_lines',
		readScopes: ['core.expense.read'],
		writeScopes: ['core.expense.write'],
		operations: {
			get: {},
			getAll: {},
			create: {
				parent: {
					path: 'expense_reports',
					name: 'expenseReportId',
					label: 'Expense Report ID',
					description: 'ID of the expense report the line is added to',
				},
			},
			update: {},
			delete: {},
		},
		actions: [],
		fields: [
			ref('expenseCategory', 'Expense Category', 'expense-category', 'name', { required: true }),
			ref('foreignCurrency', 'Currency', 'foreign-currency', 'code', {
				required: true,
				lookup: 'currencies',
				description: 'Currency the expense was paid in',
			}),
			{ name: 'startDate', label: 'Expense Date', key: 'start-date', type: 'date', required: true },
			str('foreignAmount', 'Amount', 'foreign-amount', {
				placeholder: 'e.g. 255.00',
				description: 'Amount in the expense currency',
			}),
			description,
			str('merchant', 'Merchant', 'merchant'),
		],
		picker: { title: ['description', 'amount'], search: ['description', 'merchant'] },
		webPath: 'expense_lines',
		notes: 'Create adds the line to an expense report (POST /expense_reports/{id}/expense_lines).',
	},
	{
		resource: 'expenseReport',
		name: 'Expense Report',
		plural: 'Expense Reports',
		path: 'expense_reports',
		readScopes: ['core.expense.read'],
		writeScopes: ['core.expense.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {}, delete: {} },
		actions: [
			{
				value: 'submit',
				name: 'Submit',
				action: 'Submit an expense report for approval',
				description: 'Submit a draft expense report for approval by its ID; returns the report',
				method: 'PUT',
				path: '{id}/submit',
				scopes: ['core.expense.write'],
				leadsTo: { field: 'status', notValues: ['draft'] },
			},
		],
		exportable: true,
		statuses: [
			'draft',
			'working',
			'pending_approval',
			'pending_info',
			'approved',
			'accounting_review',
			'approved_for_payment',
			'scheduled_for_payment',
			'paid',
			'rejected',
		],
		fields: [
			str('title', 'Title', 'title'),
			ref('expensedBy', 'Expensed By', 'expensed-by', 'login', { lookup: 'users' }),
			currency,
		],
		simplify: [
			'id',
			'title',
			'status',
			'total',
			'currency',
			'expensed-by',
			'submitted-at',
			'exported',
			'updated-at',
			'custom-fields',
		],
		picker: { title: ['title'], search: ['title'], total: 'total' },
		webPath: 'expense_reports',
		comments: true,
		attachments: {},
	},
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
	{
		resource: 'inventoryTransaction',
		name: 'Inventory Transaction',
		plural: 'Inventory Transactions',
		path: 'inventory_transactions',
		// No doc maps a scope to this route: the pre-check lets it through and Coupa decides.
		readScopes: [],
		writeScopes: [],
		operations: { get: {}, getAll: {} },
		actions: [],
		fields: [],
		picker: { title: ['type', 'id'], search: ['type'] },
		webPath: 'receipts',
		notes: 'Read only, as Coupa documents it. Create and void receipts with Receiving Transaction.',
	},
	{
		resource: 'invoice',
		name: 'Invoice',
		plural: 'Invoices',
		path: 'invoices',
		readScopes: ['core.invoice.read'],
		writeScopes: ['core.invoice.write'],
		operations: {
			get: {},
			getAll: {},
			create: { scopes: ['core.invoice.create', 'core.invoice.write'] },
			update: {},
			// R39 "Delete Invoice in New status"; no scope is documented for it.
			delete: { scopes: [] },
		},
		actions: [
			{
				value: 'submit',
				name: 'Submit',
				action: 'Submit an invoice for approval',
				description: 'Submit a draft invoice for approval by its ID; returns the invoice',
				method: 'PUT',
				path: '{id}/submit',
				scopes: ['core.invoice.write'],
				leadsTo: { field: 'status', notValues: ['draft', 'new'] },
			},
			{
				value: 'void',
				name: 'Void',
				action: 'Void an invoice',
				description:
					'Void an invoice by its ID (only approved, draft or pending receipt ones); returns the invoice',
				method: 'PUT',
				path: '{id}/void',
				scopes: ['core.invoice.delete'],
				leadsTo: { field: 'status', values: ['voided'] },
			},
			{
				value: 'abandon',
				name: 'Abandon',
				action: 'Abandon an invoice',
				description: 'Abandon a draft or new invoice by its ID; returns the invoice',
				method: 'PUT',
				path: '{id}/abandon',
				scopes: ['core.invoice.delete'],
				leadsTo: { field: 'status', values: ['abandoned'] },
			},
			{
				value: 'dispute',
				name: 'Dispute',
				action: 'Dispute an invoice',
				description:
					'Dispute an invoice by its ID with the supplier, optionally with a dispute reason code and a comment; returns the invoice',
				method: 'PUT',
				path: '{id}/dispute',
				scopes: ['core.invoice.write'],
				leadsTo: { field: 'status', values: ['disputed'] },
				inputs: [
					{
						name: 'disputeReasonCode',
						label: 'Dispute Reason Code',
						description:
							'Code of an active dispute reason in Coupa, e.g. INCORRECT-QUANTITY (optional)',
						in: 'body',
						key: 'dispute-reason.code',
					},
					{
						name: 'comment',
						label: 'Comment',
						description: 'Comment sent to the supplier with the dispute',
						in: 'body',
						key: 'comment',
					},
				],
			},
			{
				value: 'bypassApprovals',
				name: 'Bypass Approvals',
				action: 'Bypass the approvals of an invoice',
				description: 'Bypass all pending approvals of an invoice by its ID; returns the invoice',
				method: 'PUT',
				path: '{id}/bypass_approvals',
				scopes: ['core.invoice.approval.bypass'],
				leadsTo: { field: 'status', notValues: ['pending_approval'] },
			},
			{
				value: 'bypassCurrentApproval',
				name: 'Bypass Current Approval',
				action: 'Bypass the current approval of an invoice',
				description:
					'Bypass the current approver of an invoice by its ID; the next approver, if any, is asked; returns the invoice',
				method: 'PUT',
				path: '{id}/bypass_current_approval',
				scopes: ['core.invoice.approval.bypass'],
			},
			{
				value: 'restartApprovals',
				name: 'Restart Approvals',
				action: 'Restart the approvals of an invoice',
				description:
					'Restart the approval chain of an invoice by its ID from the first approver; returns the invoice',
				method: 'PUT',
				path: '{id}/restart_approvals',
				scopes: ['core.invoice.approval.write'],
				leadsTo: { field: 'status', values: ['pending_approval'] },
			},
			{
				value: 'withdrawDispute',
				name: 'Withdraw Dispute',
				action: 'Withdraw the dispute of an invoice',
				description: 'Withdraw the dispute of a disputed invoice by its ID; returns the invoice',
				method: 'PUT',
				path: '{id}/withdraw_dispute',
				scopes: ['core.invoice.write'],
				leadsTo: { field: 'status', notValues: ['disputed'] },
			},
			{
				value: 'uploadImageScan',
				name: 'Upload Image Scan',
				action: 'Upload the image scan of an invoice',
				description:
					'Upload the scanned image (PDF or picture) of an invoice by its ID from an input binary field; returns the invoice',
				method: 'PUT',
				path: '{id}/image_scan',
				scopes: ['core.invoice.write'],
				multipart: { fileField: 'file', kinds: ['file'] },
			},
			{
				value: 'downloadImageScan',
				name: 'Download Image Scan',
				action: 'Download the image scan of an invoice',
				description: 'Download the scanned image of an invoice by its ID as binary data',
				method: 'GET',
				path: '{id}/retrieve_image_scan',
				scopes: ['core.invoice.read'],
				binary: true,
			},
			{
				value: 'downloadLegalInvoicePdf',
				name: 'Download Legal Invoice PDF',
				action: 'Download the legal invoice PDF',
				description:
					'Download the legal PDF of an invoice by its ID (compliant invoicing countries) as binary data',
				method: 'GET',
				path: '{id}/retrieve_legal_invoice_pdf',
				scopes: ['core.invoice.read'],
				binary: true,
			},
		],
		exportable: true,
		statuses: [
			'new',
			'draft',
			'processing',
			'invalid',
			'ap_hold',
			'on_hold',
			'pending_receipt',
			'pending_approval',
			'pending_action',
			'booking_hold',
			'disputed',
			'approved',
			'rejected',
			'abandoned',
			'voided',
			'payable_adjustment',
		],
		fields: [
			str('invoiceNumber', 'Invoice Number', 'invoice-number', { required: true }),
			{
				name: 'invoiceDate',
				label: 'Invoice Date',
				key: 'invoice-date',
				type: 'date',
				required: true,
				description: 'Sent as the date only (YYYY-MM-DD), as Coupa asks',
			},
			{ ...supplierRef, required: true },
			{ ...currency, required: true },
			ref('accountType', 'Chart of Accounts', 'account-type', 'name', { lookup: 'accountTypes' }),
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			ref('billToAddress', 'Bill-To Address', 'bill-to-address', 'name'),
			flag(
				'lineLevelTaxation',
				'Line Level Taxation',
				'line-level-taxation',
				'Whether taxes are given per line',
			),
			str('taxAmount', 'Tax Amount', 'tax-amount', { placeholder: 'e.g. 0.00' }),
			str('comments', 'Comments', 'comments'),
		],
		lines: {
			key: 'invoice-lines',
			label: 'Invoice Lines',
			required: true,
			fields: [
				{
					name: 'type',
					label: 'Type',
					key: 'type',
					type: 'options',
					options: ['InvoiceAmountLine', 'InvoiceQuantityLine'],
				},
				description,
				str('price', 'Price', 'price', { placeholder: 'e.g. 100.00' }),
				str('quantity', 'Quantity', 'quantity'),
				uom,
				account,
				{ name: 'orderLineId', label: 'PO Line ID', key: 'order-line-id', type: 'number' },
				lineCustomFields,
			],
		},
		simplify: [
			'id',
			'invoice-number',
			'invoice-date',
			'status',
			'total-with-taxes',
			'currency',
			'supplier',
			'payment-term',
			'exported',
			'paid',
			'updated-at',
			'custom-fields',
		],
		picker: {
			title: ['invoice-number'],
			search: ['invoice_number', 'supplier[name]'],
			total: 'total-with-taxes',
		},
		webPath: 'invoices',
		comments: true,
		// Compass scope map: core.invoice.create covers "create attachments".
		attachments: { uploadScopes: ['core.invoice.create'] },
		notes:
			'Create needs core.invoice.create or core.invoice.write; void and abandon need core.invoice.delete. Delete (new invoices only) has no documented scope.',
	},
	{
		resource: 'item',
		name: 'Item',
		plural: 'Items',
		path: 'items',
		readScopes: ['core.item.read', 'core.catalog.read'],
		writeScopes: ['core.item.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			{ ...description, required: true },
			str('itemNumber', 'Item Number', 'item-number'),
			uom,
			commodity,
			active,
		],
		picker: { title: ['name', 'item-number'], search: ['name', 'item_number'] },
		webPath: 'items',
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
	{
		resource: 'lookupValue',
		name: 'Lookup Value',
		plural: 'Lookup Values',
		path: 'lookup_values',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('lookup', 'Lookup', 'lookup.name', {
				required: true,
				description: 'Name of the lookup (e.g. a chart-of-accounts segment); it must already exist',
			}),
			str('name', 'Name', 'name', { required: true }),
			str('externalRefNum', 'External Ref Num', 'external-ref-num', {
				description: 'The value used in accounting, e.g. the cost-centre code',
			}),
			description,
			str('parent', 'Parent (External Ref Code)', 'parent.external-ref-code', {
				description: 'External ref code of the parent value, for hierarchical lookups',
			}),
			flag(
				'isDefault',
				'Is Default',
				'is-default',
				'Whether this is the default value of the lookup',
			),
			active,
		],
		picker: { title: ['name', 'external-ref-code'], search: ['name'] },
		webPath: 'lookup_values',
		notes:
			'Chart-of-accounts segment values and other lookups. No delete in Coupa: set Active to false with Update.',
	},
	{
		resource: 'paymentTerm',
		name: 'Payment Term',
		plural: 'Payment Terms',
		path: 'payment_terms',
		readScopes: COMMON_READ,
		writeScopes: COMMON_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('code', 'Code', 'code', { required: true, placeholder: 'e.g. Net 30' }),
			description,
			str('daysForNetPayment', 'Days for Net Payment', 'days-for-net-payment', {
				placeholder: 'e.g. 30',
			}),
			str('daysForDiscountPayment', 'Days for Discount Payment', 'days-for-discount-payment', {
				placeholder: 'e.g. 10',
			}),
			str('discountRate', 'Discount Rate', 'discount-rate', { placeholder: 'e.g. 2.0' }),
			active,
		],
		picker: { title: ['code', 'description'], search: ['code'] },
		webPath: 'payment_terms',
		notes: "Which day and month elements a term needs depends on its type; Coupa's 400 names them.",
	},
	{
		resource: 'purchaseOrder',
		name: 'Purchase Order',
		plural: 'Purchase Orders',
		path: 'purchase_orders',
		readScopes: ['core.purchase_order.read'],
		writeScopes: PO_WRITE,
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'issue',
				name: 'Issue',
				action: 'Issue a purchase order and send it',
				description:
					'Issue a purchase order by its ID and send it to the supplier; returns the order',
				method: 'PUT',
				path: '{id}/issue',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['issued'] },
			},
			{
				value: 'issueWithoutSend',
				name: 'Issue Without Send',
				action: 'Issue a purchase order without sending it',
				description:
					'Issue a purchase order by its ID without sending it to the supplier; returns the order',
				method: 'PUT',
				path: '{id}/issue_without_send',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['issued'] },
			},
			{
				value: 'cancel',
				name: 'Cancel',
				action: 'Cancel a purchase order',
				description: 'Cancel a purchase order by its ID; returns the order',
				method: 'PUT',
				path: '{id}/cancel',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['cancelled'] },
			},
			{
				value: 'close',
				name: 'Close',
				action: 'Close a purchase order',
				description: 'Close a purchase order by its ID; returns the order',
				method: 'PUT',
				path: '{id}/close',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['closed'] },
			},
			{
				value: 'reopen',
				name: 'Reopen',
				action: 'Reopen a soft-closed purchase order',
				description:
					'Reopen a soft-closed purchase order by its ID, optionally with a reason insight; returns the order',
				method: 'PUT',
				path: '{id}/reopen',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['issued'] },
				inputs: [
					{
						name: 'reasonInsightCode',
						label: 'Reason Insight Code',
						description:
							'Code of a reason insight (Setup > Reason Insights), for tenants that ask for a reason to reopen',
						in: 'body',
						key: 'reason-insight-code',
					},
					{
						name: 'reasonInsightComment',
						label: 'Reason Comment',
						description: 'Comment recorded with the reason insight',
						in: 'body',
						key: 'reason-insight-event-comment',
					},
				],
			},
			{
				value: 'releaseFromBuyerHold',
				name: 'Release From Buyer Hold',
				action: 'Release a purchase order from buyer hold',
				description: 'Release a purchase order on buyer hold by its ID; returns the order',
				method: 'PUT',
				path: '{id}/release_from_buyer_hold',
				// The scope map lists no permission for this action: the pre-check lets Coupa decide.
				scopes: [],
				leadsTo: { field: 'status', notValues: ['buyer_hold'] },
			},
			{
				value: 'ignoreWindowAndIssue',
				name: 'Ignore Window and Issue',
				action: 'Issue a purchase order ignoring the supplier window',
				description:
					"Issue a purchase order held for the supplier's order window now, by its ID, ignoring the window; returns the order",
				method: 'PUT',
				path: '{id}/ignore_window_and_issue',
				scopes: PO_WRITE,
				leadsTo: { field: 'status', values: ['issued'] },
			},
		],
		exportable: true,
		statuses: [
			'draft',
			'buyer_hold',
			'supplier_hold',
			'currency_hold',
			'supplier_window_hold',
			'issued',
			'soft_closed',
			'closed',
			'cancelled',
			'expensed',
			'error',
			'exported',
		],
		fields: [
			str('poNumber', 'PO Number', 'po-number', { required: true }),
			{ ...supplierRef, required: true },
			ref('shipToAddress', 'Ship-To Address', 'ship-to-address', 'name', { required: true }),
			ref('shipToUser', 'Ship-To User', 'ship-to-user', 'login', {
				required: true,
				lookup: 'users',
			}),
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			currency,
			str('shipToAttention', 'Ship-To Attention', 'ship-to-attention'),
		],
		lines: {
			key: 'order-lines',
			label: 'Order Lines',
			required: true,
			fields: [
				{
					name: 'type',
					label: 'Type',
					key: 'type',
					type: 'options',
					options: ['OrderQuantityLine', 'OrderAmountLine'],
				},
				description,
				str('quantity', 'Quantity', 'quantity'),
				str('price', 'Price', 'price', { placeholder: 'e.g. 30.33' }),
				currency,
				account,
				uom,
				lineCustomFields,
			],
		},
		simplify: [
			'id',
			'po-number',
			'status',
			'version',
			'total-with-estimated-tax',
			'currency',
			'supplier',
			'exported',
			'updated-at',
			'custom-fields',
		],
		picker: {
			title: ['po-number'],
			search: ['po_number', 'supplier[name]'],
			total: 'total-with-estimated-tax',
		},
		webPath: 'order_headers',
		showDeletedLines: true,
		comments: true,
		attachments: {},
		notes:
			"Create is for Coupa's external purchase orders feature; normal POs come from approved requisitions.",
	},
	{
		resource: 'purchaseOrderChange',
		name: 'Purchase Order Change',
		plural: 'Purchase Order Changes',
		path: 'purchase_order_changes',
		readScopes: ['core.purchase_order.read', 'core.purchase_order_change.read'],
		writeScopes: ['core.purchase_order.write', 'core.purchase_order_change.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'submitForApproval',
				name: 'Submit for Approval',
				action: 'Submit a purchase order change for approval',
				description: 'Submit a purchase order change for approval by its ID; returns the change',
				method: 'PUT',
				path: '{id}/submit_for_approval',
				scopes: ['core.purchase_order.write', 'core.purchase_order_change.write'],
				leadsTo: { field: 'status', notValues: ['draft'] },
			},
		],
		statuses: ['draft', 'pending_approval', 'approved', 'rejected', 'withdrawn'],
		fields: [
			{
				name: 'orderHeaderId',
				label: 'Purchase Order ID',
				key: 'order-header-id',
				type: 'number',
				required: true,
			},
			str('justification', 'Justification', 'justification'),
		],
		picker: { title: ['order-header-id'], search: ['order_header_id'] },
		webPath: 'order_header_changes',
		notes:
			'Newer tenants may enforce core.purchase_order_change.*; either scope family is accepted.',
	},
	{
		resource: 'purchaseOrderLine',
		name: 'Purchase Order Line',
		plural: 'Purchase Order Lines',
		path: 'purchase_order_lines',
		readScopes: ['core.purchase_order.read'],
		writeScopes: PO_WRITE,
		operations: { get: {}, getAll: {}, delete: {} },
		actions: [
			{
				value: 'softCloseForReceiving',
				name: 'Soft Close for Receiving',
				action: 'Soft close a PO line for receiving',
				description: 'Soft close a purchase order line for receiving by its ID; returns the line',
				method: 'PUT',
				path: '{id}/soft_close_for_receiving',
				scopes: PO_WRITE,
			},
			{
				value: 'reopenForReceiving',
				name: 'Reopen for Receiving',
				action: 'Reopen a PO line for receiving',
				description:
					'Reopen a soft-closed purchase order line for receiving by its ID; returns the line',
				method: 'PUT',
				path: '{id}/reopen_for_receiving',
				scopes: PO_WRITE,
			},
			{
				value: 'softCloseForInvoicing',
				name: 'Soft Close for Invoicing',
				action: 'Soft close a PO line for invoicing',
				description: 'Soft close a purchase order line for invoicing by its ID; returns the line',
				method: 'PUT',
				path: '{id}/soft_close_for_invoicing',
				scopes: PO_WRITE,
				leadsTo: { field: 'soft-closed-for-invoicing', values: [true] },
			},
			{
				value: 'reopenForInvoicing',
				name: 'Reopen for Invoicing',
				action: 'Reopen a PO line for invoicing',
				description:
					'Reopen a purchase order line soft-closed for invoicing by its ID; returns the line',
				method: 'PUT',
				path: '{id}/reopen_for_invoicing',
				scopes: PO_WRITE,
				leadsTo: { field: 'soft-closed-for-invoicing', values: [false] },
			},
		],
		fields: [],
		picker: {
			title: ['order-header-number', 'line-num', 'description'],
			search: ['description', 'order_header_number'],
		},
		webPath: 'order_lines',
		notes: 'Lines are created and updated through their purchase order (Order Lines).',
	},
	{
		resource: 'quoteRequest',
		name: 'Quote Request',
		plural: 'Quote Requests',
		path: 'quote_requests',
		readScopes: ['core.sourcing.read'],
		writeScopes: ['core.sourcing.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		statuses: ['draft', 'pending', 'active', 'ended', 'completed', 'cancelled'],
		statusKey: 'state',
		fields: [
			{ ...description, description: 'Name of the sourcing event' },
			str('eventType', 'Event Type', 'event-type', { required: true, placeholder: 'e.g. rfq' }),
			currency,
			commodity,
		],
		picker: { title: ['description'], search: ['description'] },
		webPath: 'quotes/requests',
	},
	{
		resource: 'receivingTransaction',
		name: 'Receiving Transaction',
		plural: 'Receiving Transactions',
		path: 'receiving_transactions',
		readScopes: ['core.inventory.receiving.read', 'core.inventory.receiving.write'],
		writeScopes: ['core.inventory.receiving.write'],
		operations: { get: {}, getAll: {}, create: {} },
		actions: [
			{
				value: 'void',
				name: 'Void',
				action: 'Void a receiving transaction',
				description:
					'Void a receipt by its ID (from Get Many Receiving Transactions), e.g. one entered by mistake; returns the receipt',
				method: 'PUT',
				path: '{id}/void',
				scopes: ['core.inventory.receiving.write'],
				leadsTo: { field: 'status', values: ['voided'] },
			},
		],
		fields: [
			{
				name: 'type',
				label: 'Type',
				key: 'type',
				type: 'options',
				options: ['InventoryReceipt', 'ReceivingQuantityConsumption', 'ReceivingAmountConsumption'],
				required: true,
			},
			str('quantity', 'Quantity', 'quantity', { placeholder: 'e.g. 1.0' }),
			str('price', 'Price', 'price', { placeholder: 'e.g. 1000.00' }),
			{ name: 'orderLineId', label: 'Order Line ID', key: 'order-line.id', type: 'number' },
			uom,
			account,
		],
		picker: { title: ['type', 'id'], search: ['type'] },
		webPath: 'receipts',
		notes: 'Receipts against purchase order lines (POST /receiving_transactions).',
	},
	{
		resource: 'requisition',
		name: 'Requisition',
		plural: 'Requisitions',
		path: 'requisitions',
		readScopes: ['core.requisition.read'],
		writeScopes: ['core.requisition.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {}, delete: {} },
		actions: [
			{
				value: 'submitForApproval',
				name: 'Create and Submit for Approval',
				action: 'Create a requisition and submit it for approval',
				description:
					'Create a requisition and submit it for approval in one step; returns the requisition with its ID',
				method: 'POST',
				path: 'submit_for_approval',
				scopes: ['core.requisition.write'],
				takesRecordBody: true,
			},
			{
				value: 'updateAndSubmitForApproval',
				name: 'Update and Submit for Approval',
				action: 'Update a requisition and submit it for approval',
				description:
					'Change fields of a draft requisition by its ID and submit it for approval; returns the requisition',
				method: 'PUT',
				path: '{id}/update_and_submit_for_approval',
				scopes: ['core.requisition.write'],
				takesRecordBody: 'update',
				leadsTo: { field: 'status', notValues: ['draft', 'cart'] },
			},
			{
				value: 'addApprover',
				name: 'Add Approver',
				action: 'Add an approver to a requisition',
				description:
					'Add a user as an approver of a requisition by its ID; returns the requisition',
				method: 'PUT',
				path: '{id}/add_approver',
				scopes: ['core.requisition.write'],
				inputs: [
					{
						name: 'approverId',
						label: 'Approver User ID',
						description: 'Coupa ID of the user to add as an approver',
						in: 'query',
						key: 'approver_id',
						required: true,
					},
				],
			},
		],
		exportable: true,
		statuses: [
			'draft',
			'cart',
			'pending_buyer_action',
			'pending_approval',
			'approved',
			'ordered',
			'partially_received',
			'received',
			'abandoned',
			'backgrounded',
			'withdrawn',
		],
		fields: [
			ref('requestedBy', 'Requested By', 'requested-by', 'login', { lookup: 'users' }),
			ref('shipToAddress', 'Ship-To Address', 'ship-to-address', 'name'),
			str('justification', 'Justification', 'justification'),
		],
		lines: {
			key: 'requisition-lines',
			label: 'Requisition Lines',
			required: true,
			fields: [
				description,
				str('quantity', 'Quantity', 'quantity'),
				str('unitPrice', 'Unit Price', 'unit-price', { placeholder: 'e.g. 3000.00' }),
				uom,
				supplierRef,
				currency,
				account,
				commodity,
				ref('item', 'Catalog Item', 'item', 'name'),
				lineCustomFields,
			],
		},
		simplify: [
			'id',
			'status',
			'requested-by',
			'total',
			'currency',
			'submitted-at',
			'exported',
			'updated-at',
			'custom-fields',
		],
		picker: {
			title: ['requested-by'],
			search: ['id', 'requested_by[login]', 'justification'],
			total: 'total',
		},
		webPath: 'requisition_headers',
		comments: true,
		attachments: {},
	},
	{
		resource: 'supplier',
		name: 'Supplier',
		plural: 'Suppliers',
		path: 'suppliers',
		readScopes: ['core.supplier.read'],
		writeScopes: ['core.supplier.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'listRemitToAddresses',
				name: 'List Remit-To Addresses',
				action: 'List the remit-to addresses of a supplier',
				description: 'List the remit-to addresses of a supplier by its ID; one item per address',
				method: 'GET',
				path: '{id}/addresses',
				scopes: ['core.supplier.read'],
				returnsList: true,
			},
			{
				value: 'createRemitToAddress',
				name: 'Create Remit-To Address',
				action: 'Create a remit-to address for a supplier',
				description:
					'Add a remit-to address (where payments go) to a supplier by its ID; returns the address',
				method: 'POST',
				path: '{id}/addresses',
				scopes: ['core.supplier.write'],
				inputs: remitToInputs(true),
			},
			{
				value: 'updateRemitToAddress',
				name: 'Update Remit-To Address',
				action: 'Update a remit-to address of a supplier',
				description:
					'Change a remit-to address of a supplier by its ID; empty fields are left as they are; returns the address',
				method: 'PUT',
				path: '{id}/addresses/{subId}',
				scopes: ['core.supplier.write'],
				inputs: remitToInputs(false),
				subId: {
					name: 'remitToAddressId',
					label: 'Remit-To Address ID',
					description: 'ID of the remit-to address, as returned by List Remit-To Addresses',
				},
			},
			{
				value: 'listSupplierSites',
				name: 'List Supplier Sites',
				action: 'List the sites of a supplier',
				description: 'List the supplier sites of a supplier by its ID; one item per site',
				method: 'GET',
				path: '{id}/supplier_sites',
				scopes: ['core.supplier_sites.read'],
				returnsList: true,
			},
			{
				value: 'createSupplierSite',
				name: 'Create Supplier Site',
				action: 'Create a site for a supplier',
				description:
					'Add a supplier site (its own PO method, payment term, …) to a supplier by its ID; returns the site',
				method: 'POST',
				path: '{id}/supplier_sites',
				scopes: ['core.supplier_sites.write'],
				inputs: supplierSiteInputs(true),
			},
			{
				value: 'updateSupplierSite',
				name: 'Update Supplier Site',
				action: 'Update a site of a supplier',
				description:
					'Change a supplier site of a supplier by its ID; empty fields are left as they are; returns the site',
				method: 'PUT',
				path: '{id}/supplier_sites/{subId}',
				scopes: ['core.supplier_sites.write'],
				inputs: supplierSiteInputs(false),
				subId: {
					name: 'supplierSiteId',
					label: 'Supplier Site ID',
					description: 'ID of the supplier site, as returned by List Supplier Sites',
				},
			},
		],
		statuses: ['draft', 'active', 'inactive'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('number', 'Number', 'number'),
			{
				name: 'status',
				label: 'Status',
				key: 'status',
				type: 'options',
				options: ['draft', 'active', 'inactive'],
			},
			{
				name: 'poMethod',
				label: 'PO Method',
				key: 'po-method',
				type: 'options',
				options: ['cxml', 'xml', 'email', 'prompt', 'mark_as_sent', 'buy_online'],
			},
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			str('label', 'Display Name', 'display-name'),
			str('poEmail', 'PO Email', 'po-email', { placeholder: 'e.g. orders@supplier.com' }),
			{
				name: 'paymentMethod',
				label: 'Payment Method',
				key: 'payment-method',
				type: 'options',
				options: ['invoice', 'pcard', 'invoice_only', 'pcard_only', 'virtual_card'],
			},
			{
				name: 'invoiceMatchingLevel',
				label: 'Invoice Matching Level',
				key: 'invoice-matching-level',
				type: 'options',
				options: ['2-way', '3-way', '3-way-direct', 'none'],
			},
			str('website', 'Website', 'website'),
			str('taxId', 'Tax ID', 'tax-id'),
			commodity,
		],
		simplify: [
			'id',
			'name',
			'number',
			'status',
			'po-method',
			'payment-term',
			'primary-contact',
			'updated-at',
			'custom-fields',
		],
		picker: { title: ['name', 'number'], search: ['name', 'number'] },
		webPath: 'suppliers',
		notes: 'No delete in Coupa: set Status to inactive with Update.',
	},
	{
		resource: 'userGroup',
		name: 'User Group',
		plural: 'User Groups',
		path: 'user_groups',
		readScopes: ['core.user_group.read'],
		writeScopes: ['core.user_group.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			description,
			active,
			flag(
				'canApprove',
				'Can Approve',
				'can-approve',
				'Whether the group can be used as an approver',
			),
		],
		picker: { title: ['name'], search: ['name'] },
		webPath: 'user_groups',
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
	{
		resource: 'user',
		name: 'User',
		plural: 'Users',
		path: 'users',
		readScopes: ['core.user.read'],
		writeScopes: ['core.user.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		fields: [
			str('login', 'Login', 'login', { required: true }),
			str('email', 'Email', 'email', { required: true, placeholder: 'e.g. name@example.com' }),
			str('firstname', 'First Name', 'firstname', { required: true }),
			str('lastname', 'Last Name', 'lastname', { required: true }),
			active,
			flag('purchasingUser', 'Purchasing User', 'purchasing-user', 'Whether the user can buy'),
			flag('expenseUser', 'Expense User', 'expense-user', 'Whether the user can file expenses'),
			str('employeeNumber', 'Employee Number', 'employee-number'),
			ref('manager', 'Manager', 'manager', 'login', { lookup: 'users' }),
			ref('defaultCurrency', 'Default Currency', 'default-currency', 'code', {
				lookup: 'currencies',
			}),
		],
		simplify: [
			'id',
			'login',
			'email',
			'firstname',
			'lastname',
			'active',
			'employee-number',
			'updated-at',
			'custom-fields',
		],
		picker: { title: ['login', 'email'], search: ['login', 'email', 'lastname'] },
		webPath: 'users',
		comments: true,
		attachments: {},
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
];

/** The action every exportable object gets: Coupa's documented mark-exported round trip. */
export function markExportedAction(object: CoupaObject): CoupaAction {
	return {
		value: 'markExported',
		name: 'Mark as Exported',
		action: `Mark ${withArticle(object.name.toLowerCase())} as exported`,
		description: `Set Coupa's exported flag on ${withArticle(object.name.toLowerCase())} by its ID, after syncing it elsewhere; returns the record`,
		method: 'PUT',
		path: '{id}',
		scopes: object.writeScopes,
		leadsTo: { field: 'exported', values: [true] },
	};
}

/**
 * The actions every object on Coupa's Attachments API gets: list, download (the record's
 * `file-url`, the token only to the Coupa origin) and upload (a file, a URL or a text).
 */
export function attachmentActions(object: CoupaObject): CoupaAction[] {
	if (!object.attachments) return [];
	const name = object.name.toLowerCase();
	return [
		{
			value: 'listAttachments',
			name: 'List Attachments',
			action: `List the attachments of ${withArticle(name)}`,
			description: `List the attachments of ${withArticle(name)} by its ID; one item per attachment, with its ID`,
			method: 'GET',
			path: '{id}/attachments',
			scopes: object.readScopes,
			returnsList: true,
		},
		{
			value: 'downloadAttachment',
			name: 'Download Attachment',
			action: `Download an attachment of ${withArticle(name)}`,
			description: `Download the file of one ${name} attachment as binary data; needs the ${name} ID and the attachment ID (from List Attachments)`,
			method: 'GET',
			path: '{id}/attachments/{subId}',
			scopes: object.readScopes,
			binary: true,
			fileUrlKey: 'file-url',
			subId: {
				name: 'attachmentId',
				label: 'Attachment ID',
				description: 'ID of the attachment, as returned by List Attachments',
			},
		},
		{
			value: 'uploadAttachment',
			name: 'Upload Attachment',
			action: `Upload an attachment to ${withArticle(name)}`,
			description: `Attach a file from an input binary field, a URL or a text to ${withArticle(name)} by its ID; returns the attachment`,
			method: 'POST',
			path: '{id}/attachments',
			scopes: object.attachments.uploadScopes ?? object.writeScopes,
			multipart: {
				fileField: 'attachment[file]',
				kinds: ['file', 'url', 'text'],
				prefix: 'attachment',
				intent: true,
			},
		},
	];
}

/** List and Add Comment on every object of Coupa's Comments API (scopes core.comment.*). */
export function commentActions(object: CoupaObject): CoupaAction[] {
	if (!object.comments) return [];
	const name = object.name.toLowerCase();
	return [
		{
			value: 'listComments',
			name: 'List Comments',
			action: `List the comments of ${withArticle(name)}`,
			description: `List the comments on ${withArticle(name)} by its ID; one item per comment`,
			method: 'GET',
			path: '{id}/comments',
			scopes: ['core.comment.read'],
			returnsList: true,
		},
		{
			value: 'addComment',
			name: 'Add Comment',
			action: `Add a comment to ${withArticle(name)}`,
			description: `Add a comment to ${withArticle(name)} by its ID; returns the comment`,
			method: 'POST',
			path: '{id}/comments',
			scopes: ['core.comment.write'],
			inputs: [
				{
					name: 'commentText',
					label: 'Comment',
					description: 'The comment text',
					in: 'body',
					key: 'comments',
					required: true,
				},
			],
		},
	];
}

/** Every action of an object, including the generated attachment and comment actions and Mark as Exported. */
export function actionsOf(object: CoupaObject): CoupaAction[] {
	return [
		...object.actions,
		...attachmentActions(object),
		...commentActions(object),
		...(object.exportable ? [markExportedAction(object)] : []),
	];
}

/** A Coupa attribute a list can be filtered on: its label and its query name, e.g. `supplier[name]`. */
export interface FilterAttribute {
	name: string;
	value: string;
}

const words = (key: string) =>
	key
		.replace(/[-_]+/g, ' ')
		.replace(/\bid\b/gi, 'ID')
		.replace(/^\w/, (c) => c.toUpperCase());

/** `invoice-lines` + `account` → `invoice_lines[account]`: Coupa's query form, nested in brackets. */
const nested = (...keys: string[]) =>
	keys
		.map((key, index) => (index === 0 ? key : `[${key}]`))
		.join('')
		.replace(/-/g, '_');

function fieldAttributes(
	field: RecordField,
	prefix: string[] = [],
	labelPrefix = '',
): FilterAttribute[] {
	const label = `${labelPrefix}${field.label}`;
	if (field.type === 'reference' && field.naturalKey) {
		return [
			{
				name: `${label} ${words(field.naturalKey)}`,
				value: nested(...prefix, field.key, field.naturalKey),
			},
			{ name: `${label} ID`, value: nested(...prefix, field.key, 'id') },
		];
	}
	// Keys with a dot (order-line.id) are body paths, queried as nested attributes.
	return [{ name: label, value: nested(...prefix, ...field.key.split('.')) }];
}

/**
 * The attributes an object's lists can be filtered on, for the Filters dropdown: the ID, status,
 * exported flag, every catalogue field (references by their natural key and by ID, e.g.
 * `supplier[name]`, `supplier[id]`), line fields nested under the lines (`invoice_lines[price]`)
 * and the picker's search attributes. Other attributes can still be typed.
 */
export function filterAttributes(object: CoupaObject): FilterAttribute[] {
	const all: FilterAttribute[] = [
		{ name: 'ID', value: 'id' },
		...(object.statuses ? [{ name: 'Status', value: 'status' }] : []),
		...(object.exportable ? [{ name: 'Exported', value: 'exported' }] : []),
		...object.fields.flatMap((field) => fieldAttributes(field)),
		...(object.lines?.fields ?? []).flatMap((field) =>
			fieldAttributes(field, [object.lines!.key], `${object.lines!.label.replace(/s$/, '')}: `),
		),
		...object.picker.search.map((attribute) => ({
			name: words(attribute.replace(/\[(\w+)\]/g, ' $1')),
			value: nested(...attribute.replace(/\]/g, '').split('[')),
		})),
	];
	const byValue = new Map<string, FilterAttribute>();
	for (const attribute of all)
		if (!byValue.has(attribute.value)) byValue.set(attribute.value, attribute);
	return [...byValue.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const STANDARD_WRITES: StandardOperation[] = ['create', 'update', 'delete'];

/** The scopes (any one of) that an operation or action of an object needs. */
export function scopesFor(object: CoupaObject, operation: string): string[] {
	const standard = object.operations[operation as StandardOperation];
	if (standard) {
		if (standard.scopes) return standard.scopes;
		return STANDARD_WRITES.includes(operation as StandardOperation)
			? object.writeScopes
			: object.readScopes;
	}
	const action = actionsOf(object).find((a) => a.value === operation);
	if (!action) throw new RangeError(`${object.name} has no operation "${operation}"`);
	return action.scopes;
}

/** The attribute holding an object's status (`status`, or `state` for quote requests). */
export function statusKeyOf(object: CoupaObject): string {
	return object.statusKey ?? 'status';
}

/**
 * The path a create is POSTed to, below /api: the collection, or the documented nested route
 * with `{parentId}` for the parent record (e.g. `expense_reports/{parentId}/expense_lines`).
 */
export function createPathOf(object: CoupaObject): string {
	const parent = object.operations.create?.parent;
	return parent ? `${parent.path}/{parentId}/${object.path}` : object.path;
}

export function objectByResource(resource: string): CoupaObject {
	const object = CATALOG.find((o) => o.resource === resource);
	if (!object) throw new RangeError(`Unknown Coupa resource "${resource}"`);
	return object;
}

/**
 * The scopes a raw call to an /api path most likely needs (the object's read scopes for GET,
 * write scopes otherwise). Used to name the scope when Coupa refuses a custom API call.
 */
export function scopesForApiPath(path: string, method: string): string[] | undefined {
	const collection = path.replace(/^\/?(api\/)?/, '').split(/[/?]/)[0];
	const object = CATALOG.find((o) => o.path === collection);
	if (!object) return undefined;
	return method === 'GET' ? object.readScopes : object.writeScopes;
}
