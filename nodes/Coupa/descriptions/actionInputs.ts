import type { INodeProperties } from 'n8n-workflow';

import { actionsOf, CATALOG } from '../catalog';
import { showFor } from '../shared/displayOptions';

/** The extra parameters of catalogue actions: reasons, dispute codes, attachment IDs, files. */
export const actionInputProperties: INodeProperties[] = CATALOG.flatMap((object) =>
	actionsOf(object).flatMap((action) => {
		const show = showFor([object.resource], [action.value]);
		const properties: INodeProperties[] = (action.inputs ?? []).map((input) => ({
			displayName: input.label,
			name: input.name,
			type: 'string',
			default: '',
			required: input.required ?? false,
			description: input.description,
			displayOptions: show,
		}));
		if (action.subId) {
			properties.push({
				displayName: action.subId.label,
				name: action.subId.name,
				type: 'string',
				default: '',
				required: true,
				description: action.subId.description,
				displayOptions: show,
			});
		}
		if (action.binary) {
			properties.push({
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				required: true,
				hint: 'The name of the output binary field to put the file in',
				displayOptions: show,
			});
		}
		return properties;
	}),
);
