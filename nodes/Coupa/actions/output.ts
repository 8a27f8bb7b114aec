import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { simplifyRecord } from '../helpers/simplify';

/** One n8n item per record; keys stay as Coupa sends them unless Simplify is on. */
export function recordsToItems(
	ctx: IExecuteFunctions,
	itemIndex: number,
	object: CoupaObject,
	records: unknown,
	allowSimplify = false,
): INodeExecutionData[] {
	const list = (Array.isArray(records) ? records : [records]) as IDataObject[];
	const simplify =
		allowSimplify &&
		object.simplify &&
		(ctx.getNodeParameter('simplify', itemIndex, false) as boolean);
	return list.map((record) => ({ json: simplify ? simplifyRecord(object, record) : record }));
}
