import type { IDataObject } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';

const MAX_LENGTH = 200;
/** Keys that name a referenced record, most telling first. */
const NAMING_KEYS = ['number', 'name', 'code', 'login', 'id'];

function shown(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) return `${value.length} line${value.length === 1 ? '' : 's'}`;
	const record = value as IDataObject;
	const key = NAMING_KEYS.find(
		(name) => record[name] !== undefined && typeof record[name] !== 'object',
	);
	return key ? `${key} ${JSON.stringify(record[key])}` : undefined;
}

/**
 * The values a write sent, in a few words, so that a "may have been applied" message lets the
 * user find the record in Coupa: the object's required fields first (they identify a record),
 * then other top-level values, e.g. `invoice-number "INV-7", supplier name "Acme"`.
 */
export function describeSent(
	object: CoupaObject,
	body: IDataObject | IDataObject[] | undefined,
): string | undefined {
	if (body === undefined) return undefined;
	if (Array.isArray(body)) return `${body.length} records`;
	const required = object.fields
		.filter((field) => field.required)
		.map((field) => field.key.split('.')[0]);
	const keys = [...new Set([...required.filter((key) => key in body), ...Object.keys(body)])];
	const parts: string[] = [];
	for (const key of keys) {
		const value = shown(body[key]);
		if (value !== undefined) parts.push(`${key} ${value}`);
	}
	const text = parts.join(', ');
	if (!text) return undefined;
	return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
