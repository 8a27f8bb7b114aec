import type { IDataObject } from 'n8n-workflow';

import { statusKeyOf } from '../catalog';
import { fieldsProjection, filtersToQuery } from '../helpers/listQuery';
import { wholeNumber } from '../helpers/numberParameter';
import { coupaPaginate, DEFAULT_PAGE_WINDOW, MAX_PAGE_WINDOW } from '../transport/paginate';
import { recordsToItems } from './output';
import type { OperationExecutor } from './types';

export const getAll: OperationExecutor = async ({ ctx, itemIndex, object, call }) => {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? undefined
		: wholeNumber(ctx, itemIndex, ctx.getNodeParameter('limit', itemIndex, 50), {
				label: 'Limit',
				min: 1,
				description: 'Set Limit to how many records to return, e.g. 50, or turn on Return All.',
			});
	const filters = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = filtersToQuery(filters, statusKeyOf(object));
	const fields = fieldsProjection(String(options.fields ?? ''));
	if (fields) qs.fields = fields;
	if (options.returnObject && options.returnObject !== 'full')
		qs.return_object = options.returnObject;
	const apiFilter = String(options.apiFilter ?? '').trim();
	if (apiFilter) qs.filter = apiFilter;
	if (object.showDeletedLines && options.showDeletedLines === true) qs.show_deleted_lines = true;
	if (options.orderBy) {
		qs.order_by = String(options.orderBy).trim().replace(/-/g, '_');
		qs.dir = options.direction ?? 'asc';
	}
	const records = await coupaPaginate(ctx, object.path, qs, {
		limit,
		window: wholeNumber(ctx, itemIndex, options.pageWindow ?? DEFAULT_PAGE_WINDOW, {
			label: 'Concurrent Pages',
			min: 1,
			max: MAX_PAGE_WINDOW,
			description: `Set Options → Concurrent Pages to how many pages to request at once (1 to ${MAX_PAGE_WINDOW}), or remove the option to use ${DEFAULT_PAGE_WINDOW}.`,
		}),
		call,
	});
	return recordsToItems(ctx, itemIndex, object, records, true);
};
