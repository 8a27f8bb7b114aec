import type { INodeProperties } from 'n8n-workflow';

import { CATALOG } from '../catalog';
import { showFor } from '../helpers/displayOptions';
import { operationsOf } from '../helpers/operations';

export const CUSTOM_API_CALL = 'customApiCall';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		...CATALOG.map((object) => ({
			name: object.name,
			value: object.resource,
			...(object.description ? { description: object.description } : {}),
		})),
		{
			name: 'Custom API Call',
			value: CUSTOM_API_CALL,
			description: 'Call any Coupa API path with this credential',
		},
	].sort(byName),
	default: 'invoice',
};

/** One Operation dropdown per resource, listing only what Coupa supports for that object. */
export const operationProperties: INodeProperties[] = CATALOG.map((object) => {
	const options = operationsOf(object)
		.map(({ value, name, action, description }) => ({ value, name, action, description }))
		.sort(byName);
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showFor([object.resource]),
		options,
		default: 'getAll',
	};
});
