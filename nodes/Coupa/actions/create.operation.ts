import { buildRecordBody } from '../shared/recordBody';
import { describeSent } from '../shared/sentSummary';
import { coupaRequest } from '../transport/request';
import { recordsToItems } from './output';
import type { OperationExecutor } from './types';

/** A create is sent once: if its answer is lost, the message names the values sent so the user can look for the record. */
export const create: OperationExecutor = async ({ ctx, itemIndex, object, call }) => {
	const body = buildRecordBody(ctx, itemIndex, object, 'create');
	const record = await coupaRequest(ctx, { method: 'POST', path: object.path, body }, { ...call, sent: describeSent(object, body) });
	return recordsToItems(ctx, itemIndex, object, record);
};
