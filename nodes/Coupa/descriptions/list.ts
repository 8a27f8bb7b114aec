import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { CATALOG, filterAttributes } from '../catalog';
import { showFor } from '../helpers/displayOptions';
import { DEFAULT_PAGE_WINDOW, MAX_PAGE_WINDOW } from '../transport/paginate';
import { itemsOneAtATimeOption } from './itemOptions';
import { humanize } from './recordFields';
import { simplifyProperty } from './simplify';

/** Coupa's filter operators (Compass "API Operators"; docs/coupa-docs.md, "Filter operators"). `equals` is the plain `attr=value` form. */
export const FILTER_OPERATORS = [
	{ name: 'Equals', value: 'equals' },
	{ name: 'Not Equal', value: 'not_eq' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Starts With', value: 'starts_with' },
	{ name: 'Ends With', value: 'ends_with' },
	{ name: 'Greater Than', value: 'gt' },
	{ name: 'Greater Than or Equal', value: 'gt_or_eq' },
	{ name: 'Less Than', value: 'lt' },
	{ name: 'Less Than or Equal', value: 'lt_or_eq' },
	{ name: 'In List', value: 'in' },
	{ name: 'Not In List', value: 'not_in' },
	{ name: 'Is Blank', value: 'blank' },
];

/** An attribute of the object to show in the free-text placeholder: a nested one, differing per object. */
export function otherAttributeExample(object: CoupaObject): string {
	const listed = filterAttributes(object);
	const example =
		listed.find(
			(attribute) => attribute.value.includes('[') && !attribute.value.endsWith('[id]'),
		) ?? listed[listed.length - 1];
	return example.value;
}

/** The filter builder; the node's Get Many and the trigger share it. */
export function filterOptions(object: CoupaObject): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Conditions',
			name: 'conditions',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Condition',
			default: {},
			options: [
				{
					displayName: 'Condition',
					name: 'condition',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'attribute',
							type: 'options',
							typeOptions: {
								loadOptionsMethod: 'getFilterAttributes',
								loadOptionsDependsOn: ['resource'],
							},
							default: '',
							description:
								'A filterable attribute of the record (custom fields included), or Other to type one. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
						},
						{
							displayName: 'Attribute',
							name: 'field',
							type: 'string',
							default: '',
							placeholder: `e.g. ${otherAttributeExample(object)}`,
							description:
								'Any Coupa attribute; nested ones as supplier[name] or supplier.name, custom fields as custom_fields.cost-center. Coupa returns no records for an attribute it does not know.',
							displayOptions: { show: { attribute: [''] } },
						},
						{
							displayName: 'Operator',
							name: 'operator',
							type: 'options',
							options: [...FILTER_OPERATORS].sort((a, b) => a.name.localeCompare(b.name)),
							default: 'equals',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description:
								'For In List and Not In List, separate values with commas; for Is Blank, true or false',
						},
					],
				},
			],
		},
		...(['Created After', 'Created Before', 'Updated After', 'Updated Before'] as const).map(
			(label): INodeProperties => ({
				displayName: label,
				name: label.charAt(0).toLowerCase() + label.slice(1).replace(' ', ''),
				type: 'dateTime',
				default: '',
				description: `Only records ${label.toLowerCase()} this date and time (ISO 8601, e.g. 2026-01-31T00:00:00Z)`,
			}),
		),
	];
	if (object.statuses) {
		options.push({
			displayName: 'Status',
			name: 'statuses',
			type: 'multiOptions',
			options: object.statuses
				.map((status) => ({ name: humanize(status), value: status }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: [],
			description:
				'Only records in one of these statuses (Coupa status values, e.g. pending_approval)',
		});
	}
	if (object.exportable) {
		options.push({
			displayName: 'Exported',
			name: 'exported',
			type: 'options',
			options: [
				{ name: 'Exported', value: 'true' },
				{ name: 'Not Exported', value: 'false' },
			],
			default: 'false',
			description:
				'Whether to list only records already marked as exported, or only those not yet exported',
		});
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** The Filters collection of one object, for Get Many and for the trigger. */
export function filtersProperty(
	object: CoupaObject,
	displayOptions: IDisplayOptions,
	description?: string,
): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		...(description ? { description } : {}),
		displayOptions,
		options: filterOptions(object),
	};
}

/** Options shared by every Get Many and by the trigger. */
export const projectionOption: INodeProperties = {
	displayName: 'Fields',
	name: 'fields',
	type: 'string',
	default: '',
	placeholder: 'e.g. invoice-number, status, supplier.name',
	description:
		'Only return these Coupa fields (comma-separated; nested as supplier.name), or a Coupa fields JSON array. Cuts response size a lot for big objects.',
};

/**
 * Defaults of the Coupa Tool variant (AI agents, MCP clients), which differ on purpose from the
 * node's usual Limit of 50: every listed record goes into the model's context.
 */
export const TOOL_DEFAULTS = { limit: 10 } as const;

const listResources = CATALOG.filter((object) => object.operations.getAll).map(
	(object) => object.resource,
);
const showDeletedLinesResources = CATALOG.filter((object) => object.showDeletedLines).map(
	(object) => object.resource,
);
const simplifyResources = CATALOG.filter((object) => object.simplify).map(
	(object) => object.resource,
);

const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: showFor(listResources, ['getAll'], { returnAll: [false], '@tool': [false] }),
};

export const listProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: showFor(listResources, ['getAll']),
	},
	limitProperty,
	// The Coupa Tool (AI agents, MCP) lists fewer records by default: they go into the model's context.
	{
		...limitProperty,
		default: TOOL_DEFAULTS.limit,
		displayOptions: showFor(listResources, ['getAll'], { returnAll: [false], '@tool': [true] }),
	},
	...CATALOG.filter((object) => object.operations.getAll).map((object) =>
		filtersProperty(object, showFor([object.resource], ['getAll'])),
	),
	simplifyProperty(showFor(simplifyResources, ['get', 'getAll'], { '@tool': [false] })),
	// In the Coupa Tool, Simplify is on by default: key fields are what a model needs.
	simplifyProperty(showFor(simplifyResources, ['get', 'getAll'], { '@tool': [true] }), true),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor(listResources, ['getAll']),
		options: [
			{
				displayName: 'API Response Filter',
				name: 'apiFilter',
				type: 'string',
				default: '',
				placeholder: 'e.g. ERP Export',
				description:
					'Name of an API response filter set up in Coupa (Setup > Integrations > API Filters), sent as filter=; Coupa then returns only the attributes that filter keeps',
			},
			{
				displayName: 'Concurrent Pages',
				name: 'pageWindow',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_WINDOW },
				default: DEFAULT_PAGE_WINDOW,
				description:
					'How many pages of 50 to request at once when returning all; 1 pages one after another',
			},
			itemsOneAtATimeOption,
			projectionOption,
			{
				displayName: 'Order By',
				name: 'orderBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. updated_at',
				description: 'Coupa attribute to sort by (default: ID)',
			},
			{
				displayName: 'Order Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				default: 'asc',
			},
			{
				displayName: 'Return Object',
				name: 'returnObject',
				type: 'options',
				options: [
					{
						name: 'Full',
						value: 'full',
						description: 'Every attribute with nested records expanded',
					},
					{ name: 'Limited', value: 'limited', description: 'Only IDs' },
					{
						name: 'Shallow',
						value: 'shallow',
						description: 'Attributes, with nested records as IDs and keys',
					},
				],
				default: 'full',
				description: "How much of each record Coupa returns (Coupa's return_object)",
			},
			{
				displayName: 'Show Deleted Lines',
				name: 'showDeletedLines',
				type: 'boolean',
				default: false,
				description:
					'Whether Coupa also returns the deleted lines of each record (show_deleted_lines=true)',
				displayOptions: { show: { '/resource': showDeletedLinesResources } },
			},
		],
	},
];
