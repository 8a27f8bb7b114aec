import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../helpers/displayOptions';
import { CUSTOM_API_CALL } from './resource';

const show = showFor([CUSTOM_API_CALL], ['request']);
/** Method and Path are typed when no documented endpoint is picked. */
const typed = showFor([CUSTOM_API_CALL], ['request'], { endpoint: [''] });
/** The picked endpoint's method, read from its value ("POST /api/..."). */
const picked = (methods: string[]) =>
	showFor([CUSTOM_API_CALL], ['request'], {
		endpoint: [{ _cnd: { regex: `^(${methods.join('|')}) ` } }],
	});

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
		displayName: 'Documented Endpoint',
		name: 'endpoint',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description:
			"An operation of Coupa's R39 API reference: search by method, path, summary or scope. It sets the method and path; fill its {placeholders} under Path Parameters. Leave empty to type Method and Path.",
		displayOptions: show,
		modes: [
			{
				displayName: "From Coupa's Docs",
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchDocumentedEndpoints', searchable: true },
			},
			{
				displayName: 'Method and Path',
				name: 'endpoint',
				type: 'string',
				placeholder: 'e.g. PUT /api/invoices/{id}/void',
			},
		],
	},
	{
		displayName: 'Path Parameters',
		name: 'pathParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Path Parameter',
		default: {},
		description: "A value for each of the endpoint's {placeholders}, e.g. supplier_id = 17",
		displayOptions: showFor([CUSTOM_API_CALL], ['request'], {
			endpoint: [{ _cnd: { includes: '{' } }],
		}),
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getEndpointPlaceholders',
							loadOptionsDependsOn: ['endpoint.value'],
						},
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
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
		displayOptions: typed,
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. /api/receiving_transactions',
		description: 'The Coupa API path, with or without the leading /api',
		displayOptions: typed,
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
	// Body and paging show for a typed method, or for a picked endpoint of that method.
	...[
		showFor([CUSTOM_API_CALL], ['request'], { endpoint: [''], method: ['POST', 'PUT', 'PATCH'] }),
		picked(['POST', 'PUT', 'PATCH']),
	].map(
		(displayOptions): INodeProperties => ({
			displayName: 'JSON Body',
			name: 'body',
			type: 'json',
			default: '',
			description: 'Sent as the JSON body for POST, PUT and PATCH; leave empty for none',
			displayOptions,
		}),
	),
	...[
		showFor([CUSTOM_API_CALL], ['request'], { endpoint: [''], method: ['GET'] }),
		picked(['GET']),
	].map(
		(displayOptions): INodeProperties => ({
			displayName: 'Return All Pages',
			name: 'paginate',
			type: 'boolean',
			default: false,
			description:
				"Whether to follow Coupa's offset paging and return every record of a list (GET only)",
			displayOptions,
		}),
	),
];
