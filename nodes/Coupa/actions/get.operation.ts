import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

export const get: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, call } = input;
	const id = recordId(input);
	const record = await coupaRequest(
		ctx,
		{ method: 'GET', path: `${object.path}/${id}` },
		{ ...call, recordId: id },
	);
	return recordsToItems(ctx, itemIndex, object, record, true);
};
