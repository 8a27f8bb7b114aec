import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { pollCoupa } from './trigger/poll';

export class CoupaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupa Trigger',
		name: 'coupaTrigger',
		icon: { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"] + ": " + $parameter["resource"]}}',
		description: 'Starts the workflow when Coupa records are created, changed or reach a status',
		defaults: { name: 'Coupa Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupaOAuth2Api', required: true }],
		properties: triggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollCoupa(this);
	}
}
