import { buildRecordBody } from '../shared/recordBody';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import type { OperationExecutor } from './types';

export const create: OperationExecutor = async ({ ctx, itemIndex, object, call }) => {
	const body = buildRecordBody(ctx, itemIndex, object, 'create');
	const record = await coupaRequest(ctx, { method: 'POST', path: object.path, body }, call);
	return recordsToItems(ctx, itemIndex, object, record);
};
