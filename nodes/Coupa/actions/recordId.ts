import { NodeOperationError } from 'n8n-workflow';

import { withArticle } from '../helpers/labels';
import type { OperationInput } from './types';

/** The record ID of the item, from any locator mode or a plain string, checked before any call. */
export function recordId({ ctx, itemIndex, object }: OperationInput): string {
	const value = ctx.getNodeParameter('id', itemIndex, '', { extractValue: true }) as unknown;
	const id = String(value ?? '').trim();
	if (!/^\d+$/.test(id)) {
		throw new NodeOperationError(ctx.getNode(), `"${id}" is not ${withArticle(object.name)} ID`, {
			itemIndex,
			description: `A Coupa ID is a whole number, e.g. 2400. Pick the ${object.name.toLowerCase()} from the list, or paste the address of its Coupa page.`,
		});
	}
	return id;
}
