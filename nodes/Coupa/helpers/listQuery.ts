import type { IDataObject } from 'n8n-workflow';

/** `supplier.name` or `supplier[name]` or `po-email` → Coupa's query form `supplier[name]`, `po_email`. */
export function queryAttribute(field: string): string {
	const parts = field
		.trim()
		.replace(/\]/g, '')
		.split(/[.[]/)
		.filter(Boolean)
		.map((part) => part.trim().replace(/-/g, '_'));
	return (
		parts[0] +
		parts
			.slice(1)
			.map((part) => `[${part}]`)
			.join('')
	);
}

interface Condition {
	/** Picked from the Field dropdown; empty for Other. */
	attribute?: string;
	/** Typed when Field is Other; conditions saved by 0.1 have only this. */
	field?: string;
	operator?: string;
	value?: string | number | boolean;
}

/** Converts a date-time to the ISO form Coupa expects (with offset), leaving other text alone. */
function isoInstant(value: unknown): string {
	const text = String(value);
	const time = Date.parse(text);
	return Number.isNaN(time) ? text : new Date(time).toISOString();
}

/**
 * The query string of a Get Many (or a trigger poll) from the Filters collection. `statusKey` is
 * the attribute the object keeps its status in (`status`, or `state` for quote requests).
 */
export function filtersToQuery(filters: IDataObject, statusKey = 'status'): IDataObject {
	const qs: IDataObject = {};
	const conditions = ((filters.conditions as IDataObject | undefined)?.condition ??
		[]) as Condition[];
	for (const { attribute: picked, field, operator = 'equals', value = '' } of conditions) {
		const name = picked || field;
		if (!name || !name.trim()) continue;
		const attribute = queryAttribute(name);
		const key = operator === 'equals' ? attribute : `${attribute}[${operator}]`;
		qs[key] =
			operator === 'in' || operator === 'not_in'
				? String(value)
						.split(',')
						.map((v) => v.trim())
						.join(',')
				: value;
	}
	const dates: Array<[string, string]> = [
		['createdAfter', 'created_at[gt]'],
		['createdBefore', 'created_at[lt]'],
		['updatedAfter', 'updated_at[gt]'],
		['updatedBefore', 'updated_at[lt]'],
	];
	for (const [name, key] of dates) {
		if (filters[name]) qs[key] = isoInstant(filters[name]);
	}
	const statuses = filters.statuses as string[] | undefined;
	if (statuses?.length) qs[`${queryAttribute(statusKey)}[in]`] = statuses.join(',');
	if (filters.exported === 'true' || filters.exported === 'false') qs.exported = filters.exported;
	return qs;
}

/**
 * Coupa's `fields` projection from the editor: either a JSON array as Coupa documents it, or a
 * comma-separated list where `supplier.name` selects a nested field. `id` is always included
 * so records can be ordered and referenced.
 */
export function fieldsProjection(text: string): string | undefined {
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	if (trimmed.startsWith('[')) return trimmed;
	const top: Array<string | Record<string, string[]>> = ['id'];
	const nested = new Map<string, string[]>();
	for (const name of trimmed
		.split(',')
		.map((n) => n.trim().replace(/-/g, '_'))
		.filter(Boolean)) {
		const [parent, child] = name.split('.', 2);
		if (child) {
			if (!nested.has(parent)) nested.set(parent, []);
			nested.get(parent)!.push(child);
		} else if (!top.includes(name)) {
			top.push(name);
		}
	}
	for (const [parent, children] of nested) top.push({ [parent]: children });
	return JSON.stringify(top);
}
