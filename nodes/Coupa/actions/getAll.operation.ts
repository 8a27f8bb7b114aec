import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { statusKeyOf } from '../catalog';
import { fieldsProjection, filtersToQuery } from '../shared/listQuery';
import { coupaPaginate } from '../transport/paginate';
import { recordsToItems } from './output';
import type { OperationExecutor } from './types';

export const getAll: OperationExecutor = async ({ ctx, itemIndex, object, call }) => {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : positiveLimit(ctx, itemIndex);
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
		window: options.pageWindow as number | undefined,
		call,
	});
	return recordsToItems(ctx, itemIndex, object, records, true);
};

/** The Limit as a whole number of at least 1; anything else fails the item before a request is sent. */
function positiveLimit(ctx: IExecuteFunctions, itemIndex: number): number {
	const value = ctx.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Limit must be a whole number of at least 1, not ${JSON.stringify(value)}`,
			{
				itemIndex,
				description: 'Set Limit to how many records to return, e.g. 50, or turn on Return All.',
			},
		);
	}
	return limit;
}
