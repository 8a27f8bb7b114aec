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
	/** The action takes the same record body as `create` (fields or JSON). */
	takesRecordBody?: boolean;
	/** The action returns a file, not JSON. */
	binary?: boolean;
	/** The action needs a second id, e.g. an attachment of a contract. */
	subId?: { name: string; label: string; description: string };
	/** The action returns a list (one item per element). */
	returnsList?: boolean;
}

/** `number` fields are IDs of other Coupa records (never 0). */
export type FieldType = 'string' | 'number' | 'boolean' | 'dateTime' | 'options' | 'reference';

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
	currencies: { path: 'currencies', valueKey: 'code', labelKeys: ['code', 'name'], scopes: ['core.common.read'] },
	paymentTerms: { path: 'payment_terms', valueKey: 'code', labelKeys: ['code', 'description'], scopes: ['core.common.read'] },
	accountTypes: { path: 'account_types', valueKey: 'name', labelKeys: ['name'], scopes: ['core.accounting.read'] },
	suppliers: { path: 'suppliers', valueKey: 'name', labelKeys: ['name', 'number'], scopes: ['core.supplier.read'] },
	users: { path: 'users', valueKey: 'login', labelKeys: ['login', 'email'], scopes: ['core.user.read'] },
} as const;

export type LookupName = keyof typeof LOOKUPS;

/** A repeating line (requisition line, invoice line, ...) in the create form. */
export interface LineCollection {
	key: string;
	label: string;
	fields: RecordField[];
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
	operations: Partial<Record<StandardOperation, { scopes?: string[] }>>;
	actions: CoupaAction[];
	/** Carries Coupa's `exported` flag, so it offers Mark as Exported. */
	exportable?: boolean;
	/** Known status values, used by filters and the trigger's Status Changed event. */
	statuses?: string[];
	/** Fields shown by name on create (required ones) and in Additional/Update Fields. */
	fields: RecordField[];
	lines?: LineCollection;
	/** Keys kept by the Simplify option. Only bulky objects have it. */
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
}

export { BASE_SCOPES } from '../../credentials/coupaScopes';

import { withArticle } from './shared/labels';

const reasonInput: ActionInput = {
	name: 'reason',
	label: 'Reason',
	description: 'Optional reason recorded on the approval',
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

const str = (name: string, label: string, key: string, extra: Partial<RecordField> = {}): RecordField => ({
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
const active = flag('active', 'Active', 'active', 'Whether the record is active');

const PO_WRITE = ['core.purchase_order.write'];

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
			ref('accountType', 'Chart of Accounts', 'account-type', 'name', { required: true, lookup: 'accountTypes' }),
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
				description: 'Approve a pending approval. Coupa rejects the call if the approval is not pending.',
				method: 'PUT',
				path: '{id}/approve',
				scopes: ['core.approval.write'],
				inputs: [reasonInput],
			},
			{
				value: 'reject',
				name: 'Reject',
				action: 'Reject a pending approval',
				description: 'Reject a pending approval, optionally with a reason',
				method: 'PUT',
				path: '{id}/reject',
				scopes: ['core.approval.write'],
				inputs: [reasonInput],
			},
			{
				value: 'hold',
				name: 'Hold',
				action: 'Put a pending approval on hold',
				description: 'Put a pending approval on hold, optionally with a reason',
				method: 'PUT',
				path: '{id}/hold',
				scopes: ['core.approval.write'],
				inputs: [reasonInput],
			},
		],
		statuses: ['pending_approval', 'approved', 'rejected', 'on_hold', 'skipped', 'withdrawn'],
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
		operations: { get: {}, getAll: {}, create: {}, update: {}, delete: {} },
		actions: [
			{
				value: 'adjust',
				name: 'Adjust',
				action: 'Adjust a budget line amount',
				description: 'Create an adjustment on a budget line (positive or negative amount)',
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
		notes: 'Delete is listed in the R39 spec only; its scope is assumed to be the write scope.',
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
				description: 'Submit a draft contract for approval',
				method: 'PUT',
				path: '{id}/submit_for_approval',
				scopes: ['core.contract.write'],
			},
			{
				value: 'listAttachments',
				name: 'List Attachments',
				action: 'List the attachments of a contract',
				description: 'List the attachments of a contract (one item per attachment)',
				method: 'GET',
				path: '{id}/attachments',
				scopes: ['core.contract.read'],
				returnsList: true,
			},
			{
				value: 'downloadAttachment',
				name: 'Download Attachment',
				action: 'Download an attachment of a contract',
				description: 'Download one attachment of a contract as binary data',
				method: 'GET',
				path: '{id}/attachments/{subId}',
				scopes: ['core.contract.read'],
				binary: true,
				subId: {
					name: 'attachmentId',
					label: 'Attachment ID',
					description: 'ID of the attachment, as returned by List Attachments',
				},
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
		simplify: ['id', 'name', 'number', 'status', 'start-date', 'end-date', 'supplier', 'currency', 'updated-at'],
		picker: { title: ['number', 'name'], search: ['name', 'number', 'supplier[name]'] },
		webPath: 'contracts',
		notes: 'No delete in Coupa. Sub-resources live under /api/contracts/{id}/…',
	},
	{
		resource: 'expenseLine',
		name: 'Expense Line',
		plural: 'Expense Lines',
		path: 'expense_lines',
		readScopes: ['core.expense.read'],
		writeScopes: ['core.expense.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {}, delete: {} },
		actions: [],
		fields: [
			{ name: 'expenseReportId', label: 'Expense Report ID', key: 'expense-report-id', type: 'number', required: true },
			ref('expenseCategory', 'Expense Category', 'expense-category', 'name', { required: true }),
			str('amount', 'Amount', 'amount', { required: true, placeholder: 'e.g. 255.00' }),
			{ ...currency, required: true },
			{ name: 'expenseDate', label: 'Expense Date', key: 'expense-date', type: 'dateTime', required: true },
			description,
			str('merchant', 'Merchant', 'merchant'),
		],
		picker: { title: ['description', 'amount'], search: ['description', 'merchant'] },
		webPath: 'expense_lines',
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
				description: 'Submit a draft expense report for approval',
				method: 'PUT',
				path: '{id}/submit',
				scopes: ['core.expense.write'],
			},
		],
		exportable: true,
		statuses: ['draft', 'pending_approval', 'approved', 'rejected', 'paid', 'accounting_review'],
		fields: [
			str('title', 'Title', 'title', { required: true }),
			ref('expensedBy', 'Expensed By', 'expensed-by', 'login', { lookup: 'users' }),
			currency,
		],
		simplify: ['id', 'title', 'status', 'total', 'currency', 'expensed-by', 'submitted-at', 'exported', 'updated-at'],
		picker: { title: ['title'], search: ['title'], total: 'total' },
		webPath: 'expense_reports',
	},
	{
		resource: 'inventoryTransaction',
		name: 'Inventory Transaction',
		plural: 'Inventory Transactions',
		path: 'inventory_transactions',
		readScopes: [
			'core.inventory.adjustment.read',
			'core.inventory.asn.read',
			'core.inventory.balance.read',
			'core.inventory.common.read',
			'core.inventory.consumption.read',
			'core.inventory.receiving.read',
			'core.inventory.transfer.read',
			'core.inventory.transaction.read',
		],
		writeScopes: [
			'core.inventory.adjustment.write',
			'core.inventory.consumption.write',
			'core.inventory.receiving.write',
			'core.inventory.transfer.write',
		],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'void',
				name: 'Void',
				action: 'Void an inventory transaction',
				description: 'Void an inventory transaction (e.g. a receipt entered by mistake)',
				method: 'PUT',
				path: '{id}/void',
				scopes: [
					'core.inventory.adjustment.write',
					'core.inventory.consumption.write',
					'core.inventory.receiving.write',
					'core.inventory.transfer.write',
				],
			},
		],
		exportable: true,
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
		],
		picker: { title: ['type', 'id'], search: ['type'] },
		webPath: 'receipts',
		notes: 'Some Coupa releases only allow reads here; writes then go through /api/receiving_transactions (use Custom API Call).',
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
			create: { scopes: ['core.invoice.create'] },
			update: {},
			delete: { scopes: ['core.invoice.delete'] },
		},
		actions: [
			{
				value: 'submit',
				name: 'Submit',
				action: 'Submit an invoice for approval',
				description: 'Submit a draft invoice for approval',
				method: 'PUT',
				path: '{id}/submit',
				scopes: ['core.invoice.write'],
			},
			{
				value: 'void',
				name: 'Void',
				action: 'Void an invoice',
				description: 'Void an invoice (approved, draft or pending receipt)',
				method: 'PUT',
				path: '{id}/void',
				scopes: ['core.invoice.delete'],
			},
			{
				value: 'abandon',
				name: 'Abandon',
				action: 'Abandon an invoice',
				description: 'Abandon a draft or new invoice',
				method: 'PUT',
				path: '{id}/abandon',
				scopes: ['core.invoice.delete'],
			},
			{
				value: 'dispute',
				name: 'Dispute',
				action: 'Dispute an invoice',
				description: 'Dispute an invoice with the supplier, with a dispute reason code and a comment',
				method: 'PUT',
				path: '{id}/dispute',
				scopes: ['core.invoice.write'],
				inputs: [
					{
						name: 'disputeReasonCode',
						label: 'Dispute Reason Code',
						description: 'Code of an active dispute reason in Coupa, e.g. INCORRECT-QUANTITY',
						in: 'body',
						key: 'dispute-reason.code',
						required: true,
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
				description: 'Bypass all pending approvals of an invoice',
				method: 'PUT',
				path: '{id}/bypass_approvals',
				scopes: ['core.invoice.approval.bypass'],
			},
		],
		exportable: true,
		statuses: [
			'new',
			'draft',
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
		],
		fields: [
			str('invoiceNumber', 'Invoice Number', 'invoice-number', { required: true }),
			{ name: 'invoiceDate', label: 'Invoice Date', key: 'invoice-date', type: 'dateTime', required: true },
			{ ...supplierRef, required: true },
			{ ...currency, required: true },
			ref('accountType', 'Chart of Accounts', 'account-type', 'name', { lookup: 'accountTypes' }),
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			ref('billToAddress', 'Bill-To Address', 'bill-to-address', 'name'),
			flag('lineLevelTaxation', 'Line Level Taxation', 'line-level-taxation', 'Whether taxes are given per line'),
			str('taxAmount', 'Tax Amount', 'tax-amount', { placeholder: 'e.g. 0.00' }),
			str('comments', 'Comments', 'comments'),
		],
		lines: {
			key: 'invoice-lines',
			label: 'Invoice Lines',
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
		],
		picker: { title: ['invoice-number'], search: ['invoice_number', 'supplier[name]'], total: 'total-with-taxes' },
		webPath: 'invoices',
		notes: 'Create needs core.invoice.create; void, abandon and delete need core.invoice.delete.',
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
				description: 'Issue a purchase order and send it to the supplier',
				method: 'PUT',
				path: '{id}/issue',
				scopes: PO_WRITE,
			},
			{
				value: 'issueWithoutSend',
				name: 'Issue Without Send',
				action: 'Issue a purchase order without sending it',
				description: 'Issue a purchase order without sending it to the supplier',
				method: 'PUT',
				path: '{id}/issue_without_send',
				scopes: PO_WRITE,
			},
			{
				value: 'cancel',
				name: 'Cancel',
				action: 'Cancel a purchase order',
				description: 'Cancel a purchase order',
				method: 'PUT',
				path: '{id}/cancel',
				scopes: PO_WRITE,
			},
			{
				value: 'close',
				name: 'Close',
				action: 'Close a purchase order',
				description: 'Soft-close a purchase order',
				method: 'PUT',
				path: '{id}/close',
				scopes: PO_WRITE,
			},
			{
				value: 'reopen',
				name: 'Reopen',
				action: 'Reopen a closed purchase order',
				description: 'Reopen a soft-closed purchase order',
				method: 'PUT',
				path: '{id}/reopen',
				scopes: PO_WRITE,
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
		],
		fields: [
			str('poNumber', 'PO Number', 'po-number', { required: true }),
			{ ...supplierRef, required: true },
			ref('shipToAddress', 'Ship-To Address', 'ship-to-address', 'name', { required: true }),
			ref('shipToUser', 'Ship-To User', 'ship-to-user', 'login', { required: true, lookup: 'users' }),
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			currency,
			str('shipToAttention', 'Ship-To Attention', 'ship-to-attention'),
		],
		lines: {
			key: 'order-lines',
			label: 'Order Lines',
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
		],
		picker: { title: ['po-number'], search: ['po_number', 'supplier[name]'], total: 'total-with-estimated-tax' },
		webPath: 'order_headers',
		notes: 'Create is for Coupa\'s external purchase orders feature; normal POs come from approved requisitions.',
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
				description: 'Submit a purchase order change for approval',
				method: 'PUT',
				path: '{id}/submit_for_approval',
				scopes: ['core.purchase_order.write', 'core.purchase_order_change.write'],
			},
		],
		statuses: ['draft', 'pending_approval', 'approved', 'rejected', 'withdrawn'],
		fields: [
			{ name: 'orderHeaderId', label: 'Purchase Order ID', key: 'order-header-id', type: 'number', required: true },
			str('justification', 'Justification', 'justification'),
		],
		picker: { title: ['order-header-id'], search: ['order_header_id'] },
		webPath: 'order_header_changes',
		notes: 'Newer tenants may enforce core.purchase_order_change.*; either scope family is accepted.',
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
				description: 'Soft close a purchase order line for receiving',
				method: 'PUT',
				path: '{id}/soft_close_for_receiving',
				scopes: PO_WRITE,
			},
			{
				value: 'reopenForReceiving',
				name: 'Reopen for Receiving',
				action: 'Reopen a PO line for receiving',
				description: 'Reopen a soft-closed purchase order line for receiving',
				method: 'PUT',
				path: '{id}/reopen_for_receiving',
				scopes: PO_WRITE,
			},
		],
		fields: [],
		picker: { title: ['order-header-number', 'line-num', 'description'], search: ['description', 'order_header_number'] },
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
		fields: [
			{ ...description, required: true, description: 'Name of the sourcing event' },
			str('eventType', 'Event Type', 'event-type', { required: true, placeholder: 'e.g. rfq' }),
			currency,
			commodity,
		],
		picker: { title: ['description'], search: ['description'] },
		webPath: 'quotes/requests',
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
				description: 'Create a requisition and submit it for approval in one step',
				method: 'POST',
				path: 'submit_for_approval',
				scopes: ['core.requisition.write'],
				takesRecordBody: true,
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
			'withdrawn',
		],
		fields: [
			ref('requestedBy', 'Requested By', 'requested-by', 'login', { required: true, lookup: 'users' }),
			ref('shipToAddress', 'Ship-To Address', 'ship-to-address', 'name'),
			str('justification', 'Justification', 'justification'),
		],
		lines: {
			key: 'requisition-lines',
			label: 'Requisition Lines',
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
			],
		},
		simplify: ['id', 'status', 'requested-by', 'total', 'currency', 'submitted-at', 'exported', 'updated-at'],
		picker: { title: ['requested-by'], search: ['id', 'requested_by[login]', 'justification'], total: 'total' },
		webPath: 'requisition_headers',
	},
	{
		resource: 'supplier',
		name: 'Supplier',
		plural: 'Suppliers',
		path: 'suppliers',
		readScopes: ['core.supplier.read'],
		writeScopes: ['core.supplier.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		statuses: ['draft', 'active', 'inactive'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('number', 'Number', 'number'),
			{ name: 'status', label: 'Status', key: 'status', type: 'options', options: ['draft', 'active', 'inactive'] },
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
		simplify: ['id', 'name', 'number', 'status', 'po-method', 'payment-term', 'primary-contact', 'updated-at'],
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
			flag('canApprove', 'Can Approve', 'can-approve', 'Whether the group can be used as an approver'),
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
			ref('defaultCurrency', 'Default Currency', 'default-currency', 'code', { lookup: 'currencies' }),
		],
		simplify: ['id', 'login', 'email', 'firstname', 'lastname', 'active', 'employee-number', 'updated-at'],
		picker: { title: ['login', 'email'], search: ['login', 'email', 'lastname'] },
		webPath: 'users',
		notes: 'No delete in Coupa: set Active to false with Update.',
	},
];

/** The action every exportable object gets: Coupa's documented mark-exported round trip. */
export function markExportedAction(object: CoupaObject): CoupaAction {
	return {
		value: 'markExported',
		name: 'Mark as Exported',
		action: `Mark ${withArticle(object.name.toLowerCase())} as exported`,
		description: `Set Coupa's exported flag on ${withArticle(object.name.toLowerCase())} after it was synced to another system`,
		method: 'PUT',
		path: '{id}',
		scopes: object.writeScopes,
	};
}

/** Every action of an object, including the generated Mark as Exported. */
export function actionsOf(object: CoupaObject): CoupaAction[] {
	return object.exportable ? [...object.actions, markExportedAction(object)] : object.actions;
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
const nested = (...keys: string[]) => keys.map((key, index) => (index === 0 ? key : `[${key}]`)).join('').replace(/-/g, '_');

function fieldAttributes(field: RecordField, prefix: string[] = [], labelPrefix = ''): FilterAttribute[] {
	const label = `${labelPrefix}${field.label}`;
	if (field.type === 'reference' && field.naturalKey) {
		return [
			{ name: `${label} ${words(field.naturalKey)}`, value: nested(...prefix, field.key, field.naturalKey) },
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
		...object.picker.search.map((attribute) => ({ name: words(attribute.replace(/\[(\w+)\]/g, ' $1')), value: nested(...attribute.replace(/\]/g, '').split('[')) })),
	];
	const byValue = new Map<string, FilterAttribute>();
	for (const attribute of all) if (!byValue.has(attribute.value)) byValue.set(attribute.value, attribute);
	return [...byValue.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const STANDARD_WRITES: StandardOperation[] = ['create', 'update', 'delete'];

/** The scopes (any one of) that an operation or action of an object needs. */
export function scopesFor(object: CoupaObject, operation: string): string[] {
	const standard = object.operations[operation as StandardOperation];
	if (standard) {
		if (standard.scopes) return standard.scopes;
		return STANDARD_WRITES.includes(operation as StandardOperation) ? object.writeScopes : object.readScopes;
	}
	const action = actionsOf(object).find((a) => a.value === operation);
	if (!action) throw new RangeError(`${object.name} has no operation "${operation}"`);
	return action.scopes;
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
