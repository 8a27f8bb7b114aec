import type { INodeProperties } from 'n8n-workflow';

import type { MultipartSpec } from '../catalog';
import { actionsOf, CATALOG } from '../catalog';
import { showFor } from '../helpers/displayOptions';
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB } from '../transport/boundedBody';

type Show = ReturnType<typeof showFor>;

const KIND_LABELS = { file: 'File (From Binary Field)', url: 'URL', text: 'Text' } as const;

/** Attachment Type, the binary field, URL, text and intent of an upload. */
function multipartProperties(spec: MultipartSpec, noun: string, show: Show): INodeProperties[] {
	const choice = spec.kinds.length > 1;
	const onlyFor = (kind: string): Show =>
		choice ? { show: { ...show.show, attachmentType: [kind] } } : show;
	const properties: INodeProperties[] = [];
	if (choice) {
		properties.push({
			displayName: 'Attachment Type',
			name: 'attachmentType',
			type: 'options',
			options: spec.kinds.map((kind) => ({ name: KIND_LABELS[kind], value: kind })),
			default: 'file',
			description: `What to attach to the ${noun}`,
			displayOptions: show,
		});
	}
	if (spec.kinds.includes('file')) {
		properties.push({
			displayName: 'Input Binary Field',
			name: 'inputBinaryField',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the input binary field holding the file to upload',
			displayOptions: onlyFor('file'),
		});
	}
	if (spec.kinds.includes('url')) {
		properties.push({
			displayName: 'URL',
			name: 'attachmentUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/terms.pdf',
			description: 'The link Coupa stores as a URL attachment',
			displayOptions: onlyFor('url'),
		});
	}
	if (spec.kinds.includes('text')) {
		properties.push({
			displayName: 'Text',
			name: 'attachmentText',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'The text Coupa stores as a text attachment',
			displayOptions: onlyFor('text'),
		});
	}
	if (spec.intent) {
		properties.push({
			displayName: 'Intent',
			name: 'attachmentIntent',
			type: 'options',
			options: [
				{
					name: 'Coupa Default',
					value: '',
					description: 'Send no intent: Coupa applies its default',
				},
				{ name: 'Internal', value: 'Internal', description: 'Visible to internal users only' },
				{ name: 'Supplier', value: 'Supplier', description: 'Shared with the supplier' },
			],
			default: '',
			description: 'Who may see the attachment in Coupa',
			displayOptions: show,
		});
	}
	return properties;
}

/** The size limit of a download: a file over it is refused, not read whole into memory. */
function maxFileSizeProperty(show: Show): INodeProperties {
	return {
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_FILE_MB },
		default: DEFAULT_MAX_FILE_MB,
		description: `The largest file to download, in MB; a larger one fails the item. n8n holds the file in memory, so raise it (up to ${MAX_FILE_MB}) only as far as n8n's memory allows.`,
		displayOptions: show,
	};
}

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
		if (action.multipart)
			properties.push(...multipartProperties(action.multipart, object.name.toLowerCase(), show));
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
			properties.push(maxFileSizeProperty(show));
		}
		return properties;
	}),
);
