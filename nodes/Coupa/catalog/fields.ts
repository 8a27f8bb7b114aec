/**
 * The building blocks of catalogue objects: field helpers (`ref`, `str`, `flag`), fields and
 * scope lists that several objects share, and the body-input factory of create and update actions.
 */
import type { ActionInput, RecordField } from './types';

export const ref = (
	name: string,
	label: string,
	key: string,
	naturalKey: string,
	extra: Partial<RecordField> = {},
): RecordField => ({
	name,
	label,
	key,
	type: 'reference',
	naturalKey,
	description: `${label} by ID, or by ${naturalKey}`,
	...extra,
});

export const str = (
	name: string,
	label: string,
	key: string,
	extra: Partial<RecordField> = {},
): RecordField => ({
	name,
	label,
	key,
	type: 'string',
	...extra,
});

export const flag = (
	name: string,
	label: string,
	key: string,
	description: string,
): RecordField => ({
	name,
	label,
	key,
	type: 'boolean',
	description,
});

export const currency = ref('currency', 'Currency', 'currency', 'code', { lookup: 'currencies' });
export const account = ref('account', 'Account', 'account', 'code');
export const commodity = ref('commodity', 'Commodity', 'commodity', 'name');
export const supplierRef = ref('supplier', 'Supplier', 'supplier', 'name', { lookup: 'suppliers' });
export const uom = ref('uom', 'Unit of Measure', 'uom', 'code', { placeholder: 'e.g. EA' });
export const description = str('description', 'Description', 'description');
/** A line's custom fields (Coupa's custom field namespace), given as a JSON object. */
export const lineCustomFields: RecordField = {
	name: 'customFields',
	label: 'Custom Fields (JSON)',
	key: 'custom-fields',
	type: 'json',
	placeholder: 'e.g. {"cost-center": "CC-100"}',
	description: 'Custom fields of the line as a JSON object, sent under custom-fields',
};
export const active = flag('active', 'Active', 'active', 'Whether the record is active');

export const PO_WRITE = ['core.purchase_order.write'];
export const COMMON_READ = ['core.common.read'];
export const COMMON_WRITE = ['core.common.write'];

/** A body input of a create (required when `required`) or an update (never required) action. */
export function bodyInputs(creating: boolean) {
	return (
		name: string,
		label: string,
		key: string,
		description: string,
		required = false,
	): ActionInput => ({
		name,
		label,
		description,
		in: 'body',
		key,
		required: creating && required,
	});
}

/** The `type` of a record that comes in kinds, e.g. an invoice line's InvoiceAmountLine. */
export const recordType = (kinds: string[], extra: Partial<RecordField> = {}): RecordField => ({
	name: 'type',
	label: 'Type',
	key: 'type',
	type: 'options',
	options: kinds,
	...extra,
});
