/**
 * Objects that follow Coupa's plain REST shape (index, show, create, update, destroy and a few
 * named actions), each written as one short spec: the operations, scopes and required fields
 * come from Coupa's R39 specs and the OAuth scope map (test/fake-coupa/contract/_r39.mjs holds
 * the same facts and the contract test compares the two).
 */
import { withArticle } from '../helpers/article';
import type {
	ActionInput,
	CoupaAction,
	CoupaObject,
	HttpMethod,
	LineCollection,
	RecordField,
	ResultingState,
	StandardOperation,
	StandardOperationSpec,
} from './types';

/** A documented action: Coupa's path segment, on one record (`{id}/<segment>`) or the collection. */
export interface PlainAction {
	value: string;
	name: string;
	/** Coupa's path segment, e.g. `submit` or `in_progress`. */
	segment: string;
	method: HttpMethod;
	scopes: string[];
	/** What it does, for builders and agents; the record's name is added. */
	does: string;
	/** Works on the collection, not one record (no ID asked). */
	collection?: boolean;
	returnsList?: boolean;
	inputs?: ActionInput[];
	takesRecordBody?: boolean | 'update';
	leadsTo?: ResultingState;
}

export interface PlainObject {
	resource: string;
	name: string;
	plural: string;
	/** Collection path below /api, e.g. `projects` or `payables/invoices`. */
	path: string;
	/** What the object is and when to use it, shown under the resource name. */
	description: string;
	read: string[];
	write: string[];
	/** The standard operations Coupa documents for the collection. */
	ops: StandardOperation[];
	/** Scopes per operation where they differ from `read` (get, getAll) or `write` (the rest). */
	scopes?: Partial<Record<StandardOperation, string[]>>;
	fields?: RecordField[];
	lines?: LineCollection;
	actions?: PlainAction[];
	/** The attributes that name a record in pickers, and the ones a typed search looks in. */
	title: string[];
	search?: string[];
	webPath?: string;
	attachments?: boolean;
	statuses?: string[];
	statusKey?: string;
	exportable?: boolean;
	notes?: string;
	/** Actions that need more than a plain spec (a second ID, a list), written out in full. */
	extraActions?: CoupaAction[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function action(object: PlainObject, spec: PlainAction): CoupaAction {
	const target = spec.collection
		? object.plural.toLowerCase()
		: withArticle(object.name.toLowerCase());
	// Builders and agents read what it needs (the record's ID) and what comes back.
	const does = spec.does.replace('{target}', spec.collection ? target : `${target} by its ID`);
	const returns = /returns|one item per/.test(does)
		? ''
		: `; returns the ${object.name.toLowerCase()}`;
	return {
		value: spec.value,
		name: spec.name,
		action: capitalized(`${spec.name.toLowerCase()} ${target}`),
		description: capitalized(`${does}${returns}`),
		method: spec.method,
		path: spec.collection ? spec.segment : `{id}/${spec.segment}`,
		scopes: spec.scopes,
		...(spec.returnsList ? { returnsList: true } : {}),
		...(spec.inputs ? { inputs: spec.inputs } : {}),
		...(spec.takesRecordBody ? { takesRecordBody: spec.takesRecordBody } : {}),
		...(spec.leadsTo ? { leadsTo: spec.leadsTo } : {}),
	};
}

/** A date-only field (Coupa's `YYYY-MM-DD` dates). */
export const day = (name: string, label: string, key: string, extra: Partial<RecordField> = {}) =>
	({ name, label, key, type: 'date', ...extra }) as RecordField;

/** A date and time field. */
export const moment = (
	name: string,
	label: string,
	key: string,
	extra: Partial<RecordField> = {},
) => ({ name, label, key, type: 'dateTime', ...extra }) as RecordField;

/** A field with Coupa's documented values (R39 `enum`). */
export const choice = (
	name: string,
	label: string,
	key: string,
	options: string[],
	extra: Partial<RecordField> = {},
) => ({ name, label, key, type: 'options', options, ...extra }) as RecordField;

/** The ID of another record, sent as a number. */
export const idOf = (name: string, label: string, key: string, extra: Partial<RecordField> = {}) =>
	({ name, label, key, type: 'number', ...extra }) as RecordField;

/** The catalogue object of a plain spec. */
export function plainObject(spec: PlainObject): CoupaObject {
	const operations: Partial<Record<StandardOperation, StandardOperationSpec>> = {};
	for (const op of spec.ops) operations[op] = spec.scopes?.[op] ? { scopes: spec.scopes[op] } : {};
	return {
		resource: spec.resource,
		name: spec.name,
		plural: spec.plural,
		path: spec.path,
		description: spec.description,
		readScopes: spec.read,
		writeScopes: spec.write,
		operations,
		actions: [
			...(spec.actions ?? []).map((entry) => action(spec, entry)),
			...(spec.extraActions ?? []),
		],
		fields: spec.fields ?? [],
		...(spec.lines ? { lines: spec.lines } : {}),
		...(spec.statuses ? { statuses: spec.statuses } : {}),
		...(spec.statusKey ? { statusKey: spec.statusKey } : {}),
		...(spec.exportable ? { exportable: true } : {}),
		...(spec.attachments ? { attachments: {} } : {}),
		...(spec.notes ? { notes: spec.notes } : {}),
		picker: { title: spec.title, search: spec.search ?? spec.title.slice(0, 1) },
		webPath: spec.webPath ?? spec.path,
	};
}
