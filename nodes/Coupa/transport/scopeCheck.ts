import { NodeOperationError } from 'n8n-workflow';

import { missingScopeMessage } from './errorMessages';
import type { CoupaContext } from './request';
import { getConnection } from './request';

/**
 * Fails at once, before anything is sent, when the credential holds none of the scopes an
 * operation needs. Any one of the listed scopes is enough.
 */
export async function assertScopes(
	ctx: CoupaContext,
	scopes: string[],
	operationLabel: string,
	itemIndex: number,
): Promise<void> {
	if (scopes.length === 0) return;
	const { scopes: held } = await getConnection(ctx, itemIndex);
	if (scopes.some((scope) => held.includes(scope))) return;
	const { message, description } = missingScopeMessage(scopes, operationLabel);
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex, description });
}
