import type { IDataObject } from 'n8n-workflow';

import { fieldsProjection, filtersToQuery } from '../helpers/listQuery';
import { queryTime, SECOND } from './instants';

/**
 * The user's filters and projection as a Coupa query. A projection must still return what the
 * trigger itself reads (the timestamp it polls on, and the status for Status Changed), or the
 * cursor could not move; those names are added when missing.
 */
export function triggerQuery(
	filters: IDataObject,
	fieldsText: string,
	required: string[],
	statusKey = 'status',
): IDataObject {
	const qs = wholeSecondDates(filtersToQuery(filters, statusKey));
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
	const named = new Set(
		list
			.filter((entry): entry is string => typeof entry === 'string')
			.map((n) => n.replace(/-/g, '_')),
	);
	for (const name of ['id', ...required]) if (!named.has(name)) list.push(name);
	return JSON.stringify(list);
}

/** `2026-11-27T12:00:00.000Z`: how the filter builder writes a date (Date#toISOString). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * Date filters written as whole seconds with an offset, as Coupa documents query dates. Coupa
 * stamps whole seconds, so a bound inside a second is rounded the way that keeps the same records:
 * up for `gt_or_eq` and `lt`, down for `gt` and `lt_or_eq`.
 */
function wholeSecondDates(qs: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(qs)) {
		const match = /\[(gt|lt|gt_or_eq|lt_or_eq)\]$/.exec(key);
		if (!match || typeof value !== 'string' || !ISO_UTC.test(value)) continue;
		const ms = Date.parse(value);
		const up = match[1] === 'gt_or_eq' || match[1] === 'lt';
		qs[key] = queryTime(up ? Math.ceil(ms / SECOND) * SECOND : ms);
	}
	return qs;
}
