import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CoupaAction, MultipartKind } from '../catalog';
import { buildRecordBody, setNested } from '../helpers/recordBody';
import { withArticle } from '../helpers/labels';
import { describeSent } from '../helpers/sentSummary';
import type { MultipartPart } from '../transport/multipart';
import { multipartBody } from '../transport/multipart';
import { coupaRequest } from '../transport/request';
import { writeOnce } from './confirmWrite';
import { download } from './download';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor, OperationInput } from './types';

/** Whether `text` is an absolute http or https URL (what a URL attachment may link to). */
function isWebLink(text: string): boolean {
	try {
		const { protocol } = new URL(text);
		return protocol === 'https:' || protocol === 'http:';
	} catch {
		return false;
	}
}

/** The action's query and body from its inputs (reason, dispute code, …) or a record body. */
function actionPayload(
	input: OperationInput,
	action: CoupaAction,
): { qs: IDataObject; body?: IDataObject | IDataObject[] } {
	const { ctx, itemIndex, object } = input;
	const qs: IDataObject = {};
	let body: IDataObject | IDataObject[] | undefined = action.takesRecordBody
		? buildRecordBody(
				ctx,
				itemIndex,
				object,
				action.takesRecordBody === 'update' ? 'update' : 'create',
			)
		: undefined;
	for (const field of action.inputs ?? []) {
		const value = String(ctx.getNodeParameter(field.name, itemIndex, '') ?? '').trim();
		if (!value) {
			if (field.required) {
				throw new NodeOperationError(
					ctx.getNode(),
					`"${field.label}" is required for ${action.name} on ${withArticle(object.name.toLowerCase())}`,
					{
						itemIndex,
						description: field.description,
					},
				);
			}
			continue;
		}
		if (field.in === 'query') qs[field.key] = value;
		else setNested((body ??= {}) as IDataObject, field.key, value);
	}
	return { qs, body };
}

/**
 * A multipart upload: an attachment (a file from an input binary field, a URL or a text, with
 * Coupa's intent) or an invoice image scan. The file is read with n8n's binary helpers, so it
 * works with n8n's in-memory and file-system binary data modes alike.
 */
async function upload(
	input: OperationInput,
	path: string,
	action: CoupaAction,
	recordCall: OperationInput['call'],
): Promise<INodeExecutionData[]> {
	const { ctx, itemIndex, object } = input;
	const spec = action.multipart!;
	const field = (name: string) => (spec.prefix ? `${spec.prefix}[${name}]` : name);
	const kind = (
		spec.kinds.length > 1
			? ctx.getNodeParameter('attachmentType', itemIndex, 'file')
			: spec.kinds[0]
	) as MultipartKind;
	const parts: MultipartPart[] = spec.prefix ? [{ name: field('type'), value: kind }] : [];
	if (kind === 'file') {
		const property = String(ctx.getNodeParameter('inputBinaryField', itemIndex, 'data')).trim();
		const item = ctx.getInputData()[itemIndex];
		if (!item?.binary?.[property]) {
			const present = Object.keys(item?.binary ?? {});
			throw new NodeOperationError(
				ctx.getNode(),
				`The input item has no binary field "${property}" to upload`,
				{
					itemIndex,
					description: present.length
						? `Set Input Binary Field to one of: ${present.join(', ')}`
						: 'Connect a node that outputs a file (e.g. an email trigger, Read/Write Files from Disk or HTTP Request) before this one.',
				},
			);
		}
		const binary = item.binary[property];
		// In n8n's in-memory mode the item holds the file as base64 text: it is decoded straight into
		// the request body. Other modes (file system, S3) hand over a Buffer.
		const data =
			binary.id === undefined && typeof binary.data === 'string' && binary.data !== ''
				? { base64: binary.data }
				: await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
		parts.push({
			name: spec.fileField,
			data,
			fileName:
				binary.fileName ?? `${property}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`,
			contentType: binary.mimeType || 'application/octet-stream',
		});
	} else {
		const name = kind === 'url' ? 'attachmentUrl' : 'attachmentText';
		const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
		if (!value) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Enter the ${kind === 'url' ? 'URL' : 'text'} to attach to the ${object.name.toLowerCase()}`,
				{
					itemIndex,
					description:
						kind === 'url'
							? 'Coupa stores the link as a URL attachment, e.g. https://example.com/terms.pdf'
							: 'Coupa stores the text as a text attachment.',
				},
			);
		}
		if (kind === 'url' && !isWebLink(value)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The URL to attach must be an http or https link, not "${value.slice(0, 60)}"`,
				{
					itemIndex,
					description:
						'Coupa shows a URL attachment as a link people open; javascript:, data:, file: and other schemes are refused. Enter e.g. https://example.com/terms.pdf',
				},
			);
		}
		parts.push({ name: field(kind), value });
	}
	if (spec.intent) {
		const intent = String(ctx.getNodeParameter('attachmentIntent', itemIndex, '') ?? '').trim();
		if (intent) parts.push({ name: field('intent'), value: intent });
	}
	const result = await coupaRequest(
		ctx,
		{ method: action.method, path, multipart: multipartBody(parts) },
		recordCall,
	);
	return recordsToItems(ctx, itemIndex, object, result);
}

/** A catalogue action: issue, approve, dispute, list attachments, create-and-submit, … */
export const runAction: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, entry, call } = input;
	const action = entry.catalogAction!;
	let path = action.path;
	let recordCall = call;
	if (path.includes('{id}')) {
		const id = recordId(input);
		path = path.replace('{id}', id);
		recordCall = { ...call, recordId: id };
	}
	if (action.subId) {
		const subId = String(ctx.getNodeParameter(action.subId.name, itemIndex, '')).trim();
		if (!/^\d+$/.test(subId)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`"${subId}" is not a valid ${action.subId.label}`,
				{
					itemIndex,
					description: action.subId.description,
				},
			);
		}
		path = path.replace('{subId}', subId);
	}
	const fullPath = `${object.path}/${path}`;
	if (action.binary) return await download({ ...input, call: recordCall }, fullPath, action);
	if (action.multipart) return await upload(input, fullPath, action, recordCall);
	const { qs, body } = actionPayload(input, action);
	const sent =
		describeSent(object, body) ?? (Object.keys(qs).length ? describeSent(object, qs) : undefined);
	const result = await writeOnce(
		input,
		{ method: action.method, path: fullPath, qs, body },
		{ ...recordCall, sent },
		action.leadsTo,
	);
	return recordsToItems(ctx, itemIndex, object, result);
};
