/**
 * What the package derives from the catalogue's objects: every action of an object (its own plus
 * the generated attachment, comment and Mark as Exported actions), the attributes its lists can be
 * filtered on, the scopes an operation needs, and look-ups by resource or API path.
 */
import { withArticle } from '../helpers/article';
import { CATALOG } from './objects';
import type { CoupaAction, CoupaObject, RecordField, StandardOperation } from './types';

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
