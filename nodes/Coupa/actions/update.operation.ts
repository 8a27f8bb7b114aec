import { buildRecordBody } from '../helpers/recordBody';
import { describeSent } from '../helpers/sentSummary';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

/**
 * An update can't be confirmed by reading the record back (a body that adds a line looks the
 * same applied once or twice), so a lost answer fails the item, naming the record and the values sent.
 */
export const update: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, call } = input;
	const id = recordId(input);
	const body = buildRecordBody(ctx, itemIndex, object, 'update');
	const record = await coupaRequest(
		ctx,
		{ method: 'PUT', path: `${object.path}/${id}`, body },
		{ ...call, recordId: id, sent: describeSent(object, body) },
	);
	return recordsToItems(ctx, itemIndex, object, record);
};
