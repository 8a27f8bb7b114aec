import { NodeOperationError } from 'n8n-workflow';

import { createPathOf } from '../catalog';
import { buildRecordBody } from '../helpers/recordBody';
import { describeSent } from '../helpers/sentSummary';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import type { OperationExecutor, OperationInput } from './types';

/** The create path, with the parent record's ID where Coupa nests the create (expense lines). */
function createPath({ ctx, itemIndex, object }: OperationInput): string {
	const parent = object.operations.create?.parent;
	if (!parent) return createPathOf(object);
	const id = String(ctx.getNodeParameter(parent.name, itemIndex, '') ?? '').trim();
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `"${id}" is not a valid ${parent.label}`, {
			itemIndex,
			description: `${parent.description}. A Coupa ID is a whole number, e.g. 2400.`,
		});
	}
	return createPathOf(object).replace('{parentId}', id);
}

export const create: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, call } = input;
	const path = createPath(input);
	const body = buildRecordBody(ctx, itemIndex, object, 'create');
	const record = await coupaRequest(
		ctx,
		{ method: 'POST', path, body },
		{ ...call, sent: describeSent(object, body) },
	);
	return recordsToItems(ctx, itemIndex, object, record);
};
