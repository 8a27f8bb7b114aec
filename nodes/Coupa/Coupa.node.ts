import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from './actions/router';
import { coupaNodeProperties } from './descriptions';
import { getEndpointPlaceholders, searchDocumentedEndpoints } from './methods/documentedEndpoints';
import { loadOptions } from './methods/loadOptions';
import { searchRecords } from './methods/listSearch';
import { nodeSubtitle } from './helpers/subtitle';

export class Coupa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupa',
		name: 'coupa',
		icon: { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' },
		group: ['transform'],
		// A version list with a defaultVersion keeps n8n from appending its own "Custom API Call"
		// (HTTP Request only) to Resource and to every Operation list: n8n only does that for a node
		// whose defaultVersion is unset or equal to its version. Ours is in Resource already.
		version: [1],
		defaultVersion: 1,
		subtitle: nodeSubtitle,
		description:
			'Work with Coupa suppliers, requisitions, purchase orders, invoices, approvals, contracts, expenses and more',
		defaults: { name: 'Coupa' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupaOAuth2Api', required: true }],
		properties: coupaNodeProperties,
	};

	methods = {
		listSearch: { searchRecords, searchDocumentedEndpoints },
		loadOptions: { ...loadOptions, getEndpointPlaceholders },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
