import { writeOnce } from './confirmWrite';
import { recordsToItems } from './output';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

const PROJECTION = '["id","exported","last_exported_at"]';

/**
 * Coupa's documented export round trip: `PUT /{object}/{id}?exported=true` with no body. The
 * projection keeps the answer small: {"id", "exported", "last-exported-at"}. A lost answer is
 * confirmed by reading the flag back.
 */
export const markExported: OperationExecutor = async (input) => {
	const { ctx, itemIndex, object, entry, call } = input;
	const id = recordId(input);
	const record = await writeOnce(
		input,
		{ method: 'PUT', path: `${object.path}/${id}`, qs: { exported: true, fields: PROJECTION } },
		{ ...call, recordId: id },
		entry.catalogAction?.leadsTo,
		{ fields: PROJECTION },
	);
	return recordsToItems(ctx, itemIndex, object, record);
};
