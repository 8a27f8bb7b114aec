import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CoupaAction } from '../catalog';
import { buildRecordBody, setNested } from '../shared/recordBody';
import { withArticle } from '../shared/labels';
import type { BinaryResponse } from '../transport/request';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor, OperationInput } from './types';

function fileNameOf(headers: Record<string, string>, fallback: string): string {
	const disposition = headers['content-disposition'] ?? '';
	const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
	return match ? decodeURIComponent(match[1]) : fallback;
}

/** The action's query and body from its inputs (reason, dispute code, …) or a record body. */
function actionPayload(input: OperationInput, action: CoupaAction): { qs: IDataObject; body?: IDataObject | IDataObject[] } {
	const { ctx, itemIndex, object } = input;
	const qs: IDataObject = {};
	let body: IDataObject | IDataObject[] | undefined = action.takesRecordBody
		? buildRecordBody(ctx, itemIndex, object, 'create')
		: undefined;
	for (const field of action.inputs ?? []) {
		const value = String(ctx.getNodeParameter(field.name, itemIndex, '') ?? '').trim();
		if (!value) {
			if (field.required) {
				throw new NodeOperationError(ctx.getNode(), `"${field.label}" is required to ${action.name.toLowerCase()} ${withArticle(object.name.toLowerCase())}`, {
					itemIndex,
					description: field.description,
				});
			}
			continue;
		}
		if (field.in === 'query') qs[field.key] = value;
		else setNested((body ??= {}) as IDataObject, field.key, value);
	}
	return { qs, body };
}

async function download(input: OperationInput, path: string): Promise<INodeExecutionData[]> {
	const { ctx, itemIndex, call } = input;
	const response = (await coupaRequest(ctx, { method: 'GET', path, binary: true }, call)) as BinaryResponse;
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const fileName = fileNameOf(response.headers, path.split('/').pop() ?? 'file');
	const binary = await ctx.helpers.prepareBinaryData(
		Buffer.from(response.body),
		fileName,
		response.headers['content-type']?.split(';')[0],
	);
	return [{ json: { fileName, mimeType: binary.mimeType, fileSize: binary.fileSize }, binary: { [property]: binary } }];
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
			throw new NodeOperationError(ctx.getNode(), `"${subId}" is not a valid ${action.subId.label}`, {
				itemIndex,
				description: action.subId.description,
			});
		}
		path = path.replace('{subId}', subId);
	}
	const fullPath = `${object.path}/${path}`;
	if (action.binary) return await download({ ...input, call: recordCall }, fullPath);
	const { qs, body } = actionPayload(input, action);
	const result = await coupaRequest(ctx, { method: action.method, path: fullPath, qs, body }, recordCall);
	return recordsToItems(ctx, itemIndex, object, result);
};
