import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CoupaObject, RecordField } from '../catalog';
import { withArticle } from './labels';

/**
 * Sets `a.b` style keys as nested objects: `order-line.id` → {"order-line": {"id": …}}. A number
 * part makes an array: `responses.0.response-message` → {"responses": [{"response-message": …}]}.
 */
export function setNested(target: IDataObject, key: string, value: unknown): void {
	const parts = key.split('.');
	let node = target;
	parts.slice(0, -1).forEach((part, index) => {
		const array = /^\d+$/.test(parts[index + 1]);
		if (typeof node[part] !== 'object' || node[part] === null) node[part] = array ? [] : {};
		node = node[part] as IDataObject;
	});
	node[parts[parts.length - 1]] = value as IDataObject[keyof IDataObject];
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** Number fields are Coupa IDs, and n8n fills unset ones in line collections with 0. */
function isUnset(field: RecordField, value: unknown): boolean {
	return isEmpty(value) || (field.type === 'number' && Number(value) === 0);
}

/**
 * A field value as Coupa expects it. References accept an ID (a whole number) or the natural
 * key (name, code, login), e.g. "USD" → {"code": "USD"}, "17" → {"id": 17}.
 */
export function toCoupaValue(field: RecordField, value: unknown): unknown {
	if (field.type === 'reference') {
		if (typeof value === 'object' && value !== null) return value;
		const text = String(value).trim();
		return /^\d+$/.test(text) ? { id: Number(text) } : { [field.naturalKey ?? 'name']: text };
	}
	if (field.type === 'number') return Number(value);
	if (field.type === 'boolean') return value === true || value === 'true';
	if (field.type === 'date') return dateOnly(value);
	// JSON fields are checked by checkJsonFields before the body is built.
	if (field.type === 'json' && typeof value === 'string') return JSON.parse(value) as unknown;
	return value;
}

/**
 * The date part of a date or date-time as Coupa asks for it where the docs say "date only"
 * (e.g. invoice-date): `2026-11-20T00:00:00.000Z` → `2026-11-20`. The calendar date the user
 * picked is kept; no time-zone conversion shifts it to another day.
 */
export function dateOnly(value: unknown): unknown {
	const text = String(value).trim();
	const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(text);
	return match ? match[1] : value;
}

/** Maps the editor's values (keyed by parameter name) to a Coupa body (keyed by Coupa keys). */
export function fieldsToBody(
	fields: RecordField[],
	values: IDataObject,
	body: IDataObject = {},
): IDataObject {
	for (const field of fields) {
		const value = values[field.name];
		if (!isUnset(field, value)) setNested(body, field.key, toCoupaValue(field, value));
	}
	return body;
}

/** Parses the JSON Body parameter; bad JSON fails the item before anything is sent. */
export function parseJsonParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
): IDataObject | IDataObject[] {
	const raw = ctx.getNodeParameter(name, itemIndex, '{}') as unknown;
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	try {
		const parsed = JSON.parse(String(raw));
		if (typeof parsed !== 'object' || parsed === null)
			throw new SyntaxError('it is not a JSON object');
		return parsed as IDataObject;
	} catch (error) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The JSON Body is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
				description:
					'Give the Coupa record as a JSON object, e.g. {"name": "Acme", "currency": {"code": "USD"}}.',
			},
		);
	}
}

/** Fails the item, naming the field, when a JSON field (e.g. a line's custom fields) is not a JSON object. */
function checkJsonFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: RecordField[],
	values: IDataObject,
): void {
	for (const field of fields.filter((f) => f.type === 'json')) {
		const value = values[field.name];
		if (typeof value !== 'string' || value.trim() === '') continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			parsed = error;
		}
		if (
			parsed === null ||
			typeof parsed !== 'object' ||
			Array.isArray(parsed) ||
			parsed instanceof Error
		) {
			throw new NodeOperationError(ctx.getNode(), `"${field.label}" is not a JSON object`, {
				itemIndex,
				description: `Give an object such as {"cost-center": "CC-100"}. Got: ${value.slice(0, 80)}`,
			});
		}
	}
}

/** Adds the Custom Fields collection under `custom-fields` (Coupa's custom field namespace). */
function withCustomFields(
	ctx: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
): IDataObject {
	const entries = ((ctx.getNodeParameter('customFields', itemIndex, {}) as IDataObject).field ??
		[]) as IDataObject[];
	const custom: IDataObject = {};
	for (const entry of entries) {
		const name = String(entry.name ?? '').trim();
		if (name) custom[name] = entry.value as IDataObject[keyof IDataObject];
	}
	if (Object.keys(custom).length) body['custom-fields'] = custom;
	return body;
}

/** The record body for create-like operations (create, create-and-submit) or update. */
export function buildRecordBody(
	ctx: IExecuteFunctions,
	itemIndex: number,
	object: CoupaObject,
	purpose: 'create' | 'update',
): IDataObject | IDataObject[] {
	if (ctx.getNodeParameter('specifyBody', itemIndex, 'fields') === 'json') {
		return parseJsonParameter(ctx, 'jsonBody', itemIndex);
	}
	if (purpose === 'update') {
		const updates = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const body = withCustomFields(ctx, itemIndex, fieldsToBody(object.fields, updates));
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`No fields to update on the ${object.name.toLowerCase()}`,
				{
					itemIndex,
					description:
						'Add at least one field under Update Fields, or switch Specify Body to Using JSON.',
				},
			);
		}
		return body;
	}
	const values: IDataObject = {};
	for (const field of object.fields.filter((f) => f.required)) {
		const value = ctx.getNodeParameter(field.name, itemIndex, '') as unknown;
		if (isUnset(field, value)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`"${field.label}" is required to create ${withArticle(object.name.toLowerCase())}`,
				{
					itemIndex,
					description: `Fill in ${field.label}, or switch Specify Body to Using JSON.`,
				},
			);
		}
		values[field.name] = value as IDataObject[keyof IDataObject];
	}
	Object.assign(values, ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const body = withCustomFields(ctx, itemIndex, fieldsToBody(object.fields, values));
	if (object.lines) {
		const lines = ((ctx.getNodeParameter('lines', itemIndex, {}) as IDataObject).line ??
			[]) as IDataObject[];
		if (lines.length) {
			lines.forEach((line) => checkJsonFields(ctx, itemIndex, object.lines!.fields, line));
			body[object.lines.key] = lines.map((line, index) => ({
				'line-num': index + 1,
				...fieldsToBody(object.lines!.fields, line),
			}));
		}
	}
	return body;
}
