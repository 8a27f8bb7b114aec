import type { INodeProperties } from 'n8n-workflow';

import { CATALOG } from '../catalog';
import { showFor } from '../helpers/displayOptions';
import { lower } from '../helpers/labels';
import { operationsOf } from '../helpers/operations';

/** Coupa record pages end in the id, e.g. https://acme.coupahost.com/order_headers/2400. */
const RECORD_URL = '^https?://[^/]+/.*?/(\\d+)(?:[/?#].*)?$';

/** The record ID: picked from a searchable list, typed, or taken from the record's Coupa URL. */
export const recordIdProperties: INodeProperties[] = CATALOG.flatMap((object) => {
	const operations = operationsOf(object)
		.filter((entry) => entry.needsId)
		.map((entry) => entry.value);
	if (operations.length === 0) return [];
	return [
		{
			displayName: `${object.name}`,
			name: 'id',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: `ID of the ${lower(object)}: the ID from Get Many ${object.plural}, or the number in its Coupa URL`,
			displayOptions: showFor([object.resource], operations),
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchRecords', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: 'e.g. 2400',
					validation: [
						{
							type: 'regex',
							properties: { regex: '^\\d+$', errorMessage: 'A Coupa ID is a whole number' },
						},
					],
				},
				{
					displayName: 'By URL',
					name: 'url',
					type: 'string',
					placeholder: `e.g. https://acme.coupahost.com/${object.webPath}/2400`,
					extractValue: { type: 'regex', regex: RECORD_URL },
					validation: [
						{
							type: 'regex',
							properties: {
								regex: RECORD_URL,
								errorMessage: 'Paste the address of a Coupa record page',
							},
						},
					],
				},
			],
		},
	];
});
