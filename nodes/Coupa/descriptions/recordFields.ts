import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { RecordField } from '../catalog';

const DYNAMIC_OPTIONS_HINT =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** "mark_as_sent" → "Mark As Sent", "InvoiceAmountLine" → "Invoice Amount Line". */
export function humanize(value: string): string {
	return value
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.split(/[_\s]+/)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function lookupMethodName(lookup: string): string {
	return `get${lookup.charAt(0).toUpperCase()}${lookup.slice(1)}`;
}

/** The editor parameter for one Coupa record field. */
export function fieldProperty(
	field: RecordField,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.name,
		description: field.description,
		placeholder: field.placeholder,
	};
	const typed = ((): INodeProperties => {
		switch (field.type) {
			case 'number':
				return { ...base, type: 'number', default: 0 };
			case 'boolean':
				return { ...base, type: 'boolean', default: false };
			case 'json':
				return { ...base, type: 'json', default: '' };
			case 'date':
			case 'dateTime':
				return { ...base, type: 'dateTime', default: '' };
			case 'options': {
				const options: INodePropertyOptions[] = (field.options ?? [])
					.map((value) => ({ name: humanize(value), value }))
					.sort((a, b) => a.name.localeCompare(b.name));
				return { ...base, type: 'options', options, default: field.options?.[0] ?? '' };
			}
			case 'reference':
				if (field.lookup) {
					return {
						...base,
						placeholder: undefined,
						type: 'options',
						typeOptions: { loadOptionsMethod: lookupMethodName(field.lookup) },
						default: '',
						description: DYNAMIC_OPTIONS_HINT,
					};
				}
				return { ...base, type: 'string', default: '' };
			default:
				return { ...base, type: 'string', default: '' };
		}
	})();
	const property = { ...typed, ...overrides } as INodeProperties;
	for (const key of ['description', 'placeholder'] as const) {
		if (property[key] === undefined) delete property[key];
	}
	return property;
}
