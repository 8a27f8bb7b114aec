import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

/**
 * Coupa's documented export round trip: `PUT /{object}/{id}?exported=true` with no body. The
 * projection keeps the answer small: {"id", "exported", "last-exported-at"}.
 */
export const markExported: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, call } = input;
	const id = recordId(input);
	const record = await coupaRequest(
		ctx,
		{
			method: 'PUT',
			path: `${object.path}/${id}`,
			qs: { exported: true, fields: '["id","exported","last_exported_at"]' },
		},
		{ ...call, recordId: id },
	);
	return recordsToItems(ctx, itemIndex, object, record);
};
