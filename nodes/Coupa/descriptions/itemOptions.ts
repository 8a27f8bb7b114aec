import type { INodeProperties } from 'n8n-workflow';

/** Items run side by side by default (actions/bulk.ts); this runs them strictly in turn. */
export const itemsOneAtATimeOption: INodeProperties = {
	displayName: 'Items One at a Time',
	name: 'itemsOneAtATime',
	type: 'boolean',
	default: false,
	description:
		'Whether to run the input items one after another instead of side by side at the pace Coupa allows. Items that name the same record always run one after another, in input order.',
};

/** The Options of every operation but Get Many, whose own Options hold this option too. */
export const itemOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { hide: { operation: ['getAll'] } },
	options: [itemsOneAtATimeOption],
};
