import type { INodeProperties } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { actionsOf, CATALOG } from '../catalog';
import { showFor } from '../helpers/displayOptions';
import { lower } from '../helpers/labels';
import { fieldProperty } from './recordFields';

/** Operations that send a whole record: create, update, and actions such as create-and-submit. */
export function recordBodyOperations(object: CoupaObject): { create: string[]; update: string[] } {
	return {
		create: [
			...(object.operations.create ? ['create'] : []),
			...actionsOf(object)
				.filter((action) => action.takesRecordBody === true)
				.map((action) => action.value),
		],
		update: [
			...(object.operations.update ? ['update'] : []),
			...actionsOf(object)
				.filter((action) => action.takesRecordBody === 'update')
				.map((action) => action.value),
		],
	};
}

function bodyProperties(object: CoupaObject): INodeProperties[] {
	const { create, update } = recordBodyOperations(object);
	const all = [...create, ...update];
	if (all.length === 0) return [];
	const resource = [object.resource];
	const byFields = { specifyBody: ['fields'] };
	const required = object.fields.filter((field) => field.required);
	const optional = object.fields.filter((field) => !field.required);
	const parent = object.operations.create?.parent;
	const properties: INodeProperties[] = [
		...(parent
			? [
					{
						displayName: parent.label,
						name: parent.name,
						type: 'string' as const,
						default: '',
						required: true,
						placeholder: 'e.g. 2400',
						description: parent.description,
						displayOptions: showFor(resource, ['create']),
					},
				]
			: []),
		{
			displayName: 'Specify Body',
			name: 'specifyBody',
			type: 'options',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
			default: 'fields',
			description: 'Whether to fill in named fields, or give the Coupa record as JSON',
			displayOptions: showFor(resource, all),
		},
		{
			displayName: 'JSON Body',
			name: 'jsonBody',
			type: 'json',
			default: '{}',
			required: true,
			description: `The ${lower(object)} as Coupa's JSON with hyphenated keys, e.g. {"name": "…", "currency": {"code": "USD"}}. Sent as is.`,
			displayOptions: showFor(resource, all, { specifyBody: ['json'] }),
		},
	];
	if (create.length) {
		properties.push(
			...required.map((field) =>
				fieldProperty(field, {
					required: true,
					displayOptions: showFor(resource, create, byFields),
				}),
			),
		);
		if (object.lines) {
			properties.push({
				displayName: object.lines.label,
				name: 'lines',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Line',
				default: {},
				displayOptions: showFor(resource, create, byFields),
				options: [
					{
						displayName: 'Line',
						name: 'line',
						values: object.lines.fields.map((field) => fieldProperty(field)),
					},
				],
			});
		}
		if (optional.length) {
			properties.push({
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				displayOptions: showFor(resource, create, byFields),
				options: optional
					.map((field) => fieldProperty(field))
					.sort((a, b) => a.displayName.localeCompare(b.displayName)),
			});
		}
	}
	if (update.length && object.fields.length) {
		properties.push({
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: showFor(resource, update, byFields),
			options: object.fields
				.map((field) => fieldProperty(field))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	if (object.fields.length) properties.push(customFieldsProperty(object, all));
	return properties;
}

/**
 * The tenant's custom fields, sent under `custom-fields` (Coupa's custom field namespace). The
 * names come from recent records of the object; an expression gives any other name.
 */
function customFieldsProperty(object: CoupaObject, operations: string[]): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description: `Custom fields of the ${lower(object)}, sent under custom-fields`,
		displayOptions: showFor([object.resource], operations, { specifyBody: ['fields'] }),
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getCustomFields' },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	};
}

export const recordBodyProperties: INodeProperties[] = CATALOG.flatMap(bodyProperties);
