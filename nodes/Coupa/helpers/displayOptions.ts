import type { IDisplayOptions } from 'n8n-workflow';

export function showFor(
	resources: string[],
	operations?: string[],
	extra: IDisplayOptions['show'] = {},
): IDisplayOptions {
	return {
		show: { resource: resources, ...(operations ? { operation: operations } : {}), ...extra },
	};
}
