import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Throws `error` as this node's error for one item. Both constructors hand back an error of their
 * own kind unchanged (message, description and item index kept); anything else becomes a
 * NodeOperationError for the item.
 */
export function rethrowForItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): never {
	throw errorForItem(ctx, error, itemIndex);
}

/** The error rethrowForItem throws. */
export function errorForItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError)
		return new NodeApiError(ctx.getNode(), error as unknown as JsonObject);
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
