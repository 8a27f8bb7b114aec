import type { IDataObject } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';

/** Keys that identify a nested Coupa record; Simplify keeps only these of nested objects. */
const IDENTIFYING_KEYS = [
	'id',
	'name',
	'code',
	'login',
	'email',
	'number',
	'po-number',
	'invoice-number',
];

function compact(value: unknown): unknown {
	if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
	const kept: IDataObject = {};
	for (const key of IDENTIFYING_KEYS) {
		if (key in (value as IDataObject)) kept[key] = (value as IDataObject)[key];
	}
	return kept;
}

/**
 * The compact form of a bulky record: the catalogue's key fields, with nested records reduced to
 * their identifying keys. Objects without a Simplify list are returned as they are.
 */
export function simplifyRecord(object: CoupaObject, record: IDataObject): IDataObject {
	if (!object.simplify) return record;
	const simple: IDataObject = {};
	for (const key of object.simplify) {
		if (!(key in record)) continue;
		// The tenant's own fields (ERP ids, cost centres) are what integrations read: kept whole.
		simple[key] = (
			key === 'custom-fields' ? record[key] : compact(record[key])
		) as IDataObject[keyof IDataObject];
	}
	return simple;
}
