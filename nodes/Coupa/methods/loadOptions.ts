import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { CoupaObject, LookupName } from '../catalog';
import { filterAttributes, LOOKUPS, objectByResource } from '../catalog';
import { lookupMethodName } from '../descriptions/recordFields';
import { coupaPaginate } from '../transport/paginate';
import { coupaRequest } from '../transport/request';

/** Lookups are short lists; 500 entries is plenty for a dropdown and keeps the editor fast. */
const MAX_OPTIONS = 500;

function lookupLoader(name: LookupName) {
	const lookup = LOOKUPS[name];
	return async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		const records = await coupaPaginate(
			this,
			lookup.path,
			{},
			{
				limit: MAX_OPTIONS,
				call: {
					operationLabel: `Load ${lookup.path.replace(/_/g, ' ')}`,
					scopes: [...lookup.scopes],
				},
			},
		);
		return records
			.filter(
				(record: IDataObject) => record[lookup.valueKey] !== undefined && record.active !== false,
			)
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

/** Records read to find the tenant's custom fields: they are per tenant, so not in the catalogue. */
const CUSTOM_FIELD_SAMPLE = 20;

/**
 * The custom field names of an object: the `custom-fields` keys of its most recently updated records (Coupa has
 * no API that lists them). One small request, projected to the custom fields.
 */
async function customFieldNames(
	ctx: ILoadOptionsFunctions,
	object: CoupaObject,
): Promise<string[]> {
	const records = (await coupaRequest(
		ctx,
		{
			method: 'GET',
			path: object.path,
			qs: {
				limit: CUSTOM_FIELD_SAMPLE,
				order_by: 'updated_at',
				dir: 'desc',
				fields: '["id",{"custom_fields":{}}]',
			},
		},
		{
			operationLabel: `Read the custom fields of ${object.plural}`,
			objectName: object.name,
			scopes: object.readScopes,
		},
	)) as IDataObject[];
	const names = new Set<string>();
	for (const record of Array.isArray(records) ? records : []) {
		const custom = record['custom-fields'] ?? record.custom_fields;
		if (custom && typeof custom === 'object' && !Array.isArray(custom))
			Object.keys(custom).forEach((name) => names.add(name));
	}
	return [...names].sort();
}

/** "cost-center" → "Custom Field: Cost Center". */
const customFieldLabel = (key: string) =>
	`Custom Field: ${key
		.split(/[-_\s]+/)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ')}`;

/**
 * The Filters' Field dropdown: the object's filterable attributes from the catalogue, the custom
 * fields found on its newest records (as `custom_fields[<name>]`), and Other to type any
 * attribute. Reading the records is best effort: without a credential, scope or connection the
 * catalogue's list still shows.
 */
export async function getFilterAttributes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const object = objectByResource(this.getCurrentNodeParameter('resource') as string);
	const options: INodePropertyOptions[] = filterAttributes(object).map(({ name, value }) => ({
		name,
		value,
	}));
	try {
		for (const key of await customFieldNames(this, object)) {
			options.push({
				name: customFieldLabel(key),
				value: `custom_fields[${key.replace(/-/g, '_')}]`,
			});
		}
	} catch {
		// The catalogue's attributes are enough to filter; custom fields can be typed under Other.
	}
	options.sort((a, b) => a.name.localeCompare(b.name));
	options.push({ name: 'Other (Type the Attribute)', value: '' });
	return options;
}

/** The Custom Fields collection's names for create and update: the tenant's, as found on its records. */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const object = objectByResource(this.getCurrentNodeParameter('resource') as string);
	return (await customFieldNames(this, object)).map((name) => ({ name, value: name }));
}

/** One loader per catalogue lookup, named as the fields' loadOptionsMethod expects, plus the field lists. */
export const loadOptions = {
	...(Object.fromEntries(
		(Object.keys(LOOKUPS) as LookupName[]).map((name) => [
			lookupMethodName(name),
			lookupLoader(name),
		]),
	) as Record<string, (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>>),
	getFilterAttributes,
	getCustomFields,
};
