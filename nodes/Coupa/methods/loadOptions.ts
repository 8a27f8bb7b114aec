import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { LookupName } from '../catalog';
import { LOOKUPS, objectByResource } from '../catalog';
import { lookupMethodName } from '../descriptions/recordFields';
import { coupaPaginate } from '../transport/paginate';

/** Lookups are short lists; 500 entries is plenty for a dropdown and keeps the editor fast. */
const MAX_OPTIONS = 500;

function lookupLoader(name: LookupName) {
	const lookup = LOOKUPS[name];
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const records = await coupaPaginate(this, lookup.path, {}, {
			limit: MAX_OPTIONS,
			call: { operationLabel: `Load ${lookup.path.replace(/_/g, ' ')}`, scopes: [...lookup.scopes] },
		});
		return records
			.filter((record: IDataObject) => record[lookup.valueKey] !== undefined && record.active !== false)
			.map((record: IDataObject) => {
				const [first, ...rest] = lookup.labelKeys.map((key) => record[key]).filter(Boolean);
				return {
					name: rest.length ? `${first} (${rest.join(', ')})` : String(first),
					value: String(record[lookup.valueKey]),
				};
			})
			.sort((a, b) => a.name.localeCompare(b.name));
	};
}

/** One loader per catalogue lookup, named as the fields' loadOptionsMethod expects. */
export const loadOptions = Object.fromEntries(
	(Object.keys(LOOKUPS) as LookupName[]).map((name) => [lookupMethodName(name), lookupLoader(name)]),
) as Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>;

/** How many recent records are read to discover the tenant's custom field names. */
const CUSTOM_FIELD_SAMPLE = 10;

/**
 * The custom field names of the chosen object: the `custom-fields` keys of its most recently
 * updated records (Coupa has no API that lists them). Any other name can be given as an expression.
 */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const object = objectByResource(this.getCurrentNodeParameter('resource') as string);
	const records = await coupaPaginate(this, object.path, { order_by: 'updated_at', dir: 'desc' }, {
		limit: CUSTOM_FIELD_SAMPLE,
		call: { operationLabel: `Load ${object.name.toLowerCase()} custom fields`, scopes: object.readScopes },
	});
	const names = new Set<string>();
	for (const record of records as IDataObject[]) {
		const custom = record['custom-fields'];
		if (custom && typeof custom === 'object' && !Array.isArray(custom)) Object.keys(custom).forEach((name) => names.add(name));
	}
	return [...names].sort().map((name) => ({ name, value: name }));
}
