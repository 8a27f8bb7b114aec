import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../shared/displayOptions';
import { CUSTOM_API_CALL } from './resource';

const show = showFor([CUSTOM_API_CALL], ['request']);

/** Any Coupa API path through the same credential and transport, for what the catalogue lacks. */
export const customApiCallProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor([CUSTOM_API_CALL]),
		options: [
			{
				name: 'Send Request',
				value: 'request',
				action: 'Send a custom request',
				description: 'Call any /api path with any method, query and JSON body',
			},
		],
		default: 'request',
	},
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((method) => ({
			name: method,
			value: method,
		})),
		default: 'GET',
		displayOptions: show,
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /api/receiving_transactions',
		description: 'The Coupa API path, with or without the leading /api',
		displayOptions: show,
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. status[in]',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'JSON Body',
		name: 'body',
		type: 'json',
		default: '',
		description: 'Sent as the JSON body for POST, PUT and PATCH; leave empty for none',
		displayOptions: showFor([CUSTOM_API_CALL], ['request'], { method: ['POST', 'PUT', 'PATCH'] }),
	},
	{
		displayName: 'Return All Pages',
		name: 'paginate',
		type: 'boolean',
		default: false,
		description:
			"Whether to follow Coupa's offset paging and return every record of a list (GET only)",
		displayOptions: showFor([CUSTOM_API_CALL], ['request'], { method: ['GET'] }),
	},
];
