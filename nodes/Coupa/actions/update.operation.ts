import { buildRecordBody } from '../shared/recordBody';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

export const update: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, call } = input;
	const id = recordId(input);
	const body = buildRecordBody(ctx, itemIndex, object, 'update');
	const record = await coupaRequest(ctx, { method: 'PUT', path: `${object.path}/${id}`, body }, { ...call, recordId: id });
	return recordsToItems(ctx, itemIndex, object, record);
};
