import { coupaRequest } from '../transport/request';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

export const deleteRecord: OperationExecutor = async (input) => {
	const { ctx, object, call } = input;
	const id = recordId(input);
	await coupaRequest(ctx, { method: 'DELETE', path: `${object.path}/${id}` }, { ...call, recordId: id });
	return [{ json: { deleted: true, id: Number(id) } }];
};
