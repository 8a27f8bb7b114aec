import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getFilterAttributes } from './methods/loadOptions';
import { triggerSubtitle } from './helpers/subtitle';
import { triggerProperties } from './trigger/description';
import { pollCoupa } from './trigger/poll';

export class CoupaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupa Trigger',
		name: 'coupaTrigger',
		icon: { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' },
		group: ['trigger'],
		// See Coupa.node.ts: keeps n8n from appending its "Custom API Call" to Resource.
		version: [1],
		defaultVersion: 1,
		subtitle: triggerSubtitle,
		description: 'Starts the workflow when Coupa records are created, changed or reach a status',
		defaults: { name: 'Coupa Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupaOAuth2Api', required: true }],
		properties: triggerProperties,
	};

	methods = {
		loadOptions: { getFilterAttributes },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCoupa(this);
	}
}
