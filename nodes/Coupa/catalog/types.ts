/**
 * What the catalogue is made of: objects, their fields, operations and actions.
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
	/** Notes shown in docs/operations.md, e.g. tenant-dependent behaviour. */
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
