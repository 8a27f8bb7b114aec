import type { IDataObject } from 'n8n-workflow';

import { fieldsProjection, filtersToQuery } from '../shared/listQuery';

/**
 * The user's filters and projection as a Coupa query. A projection must still return what the
 * trigger itself reads (the timestamp it polls on, and the status for Status Changed), or the
 * cursor could not move; those names are added when missing.
 */
export function triggerQuery(filters: IDataObject, fieldsText: string, required: string[], statusKey = 'status'): IDataObject {
	const qs = filtersToQuery(filters, statusKey);
	const fields = fieldsProjection(fieldsText);
	if (fields) qs.fields = withRequiredFields(fields, required);
	return qs;
}

function withRequiredFields(fields: string, required: string[]): string {
	let list: unknown;
	try {
		list = JSON.parse(fields);
	} catch {
		// Invalid JSON goes to Coupa unchanged, whose 400 names the problem.
		return fields;
	}
	if (!Array.isArray(list)) return fields;
	const named = new Set(list.filter((entry): entry is string => typeof entry === 'string').map((n) => n.replace(/-/g, '_')));
	for (const name of ['id', ...required]) if (!named.has(name)) list.push(name);
	return JSON.stringify(list);
}
