import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { route } from './actions/router';
import { coupaNodeProperties } from './descriptions';
import { getCustomFields, loadOptions } from './methods/loadOptions';
import { searchRecords } from './methods/listSearch';

export class Coupa implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupa',
		name: 'coupa',
		icon: { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
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
		listSearch: { searchRecords },
		loadOptions: { ...loadOptions, getCustomFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this);
	}
}
