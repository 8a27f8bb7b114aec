import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

const SIMPLIFY: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description: 'Whether to return a compact set of key fields instead of the full Coupa record',
};

/** The Simplify switch: off for workflows, on by default where a model reads the output. */
export function simplifyProperty(displayOptions: IDisplayOptions, on = false): INodeProperties {
	return { ...SIMPLIFY, ...(on ? { default: true } : {}), displayOptions };
}
