import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { StandardOperation } from '../catalog';
import { objectByResource, scopesFor } from '../catalog';
import { CUSTOM_API_CALL } from '../descriptions/resource';
import { operationLabel } from '../shared/labels';
import { operationEntry } from '../shared/operations';
import { rethrowForItem } from '../shared/rethrow';
import { assertScopes } from '../transport/scopeCheck';
import { runAction } from './action.operation';
import { create } from './create.operation';
import { customApiCall } from './customApiCall.operation';
import { deleteRecord } from './delete.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { markExported } from './markExported.operation';
import type { OperationExecutor } from './types';
import { update } from './update.operation';

const STANDARD_EXECUTORS: Record<StandardOperation, OperationExecutor> = {
	get,
	getAll,
	create,
	update,
	delete: deleteRecord,
};

async function runItem(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	if (resource === CUSTOM_API_CALL) return await customApiCall(ctx, itemIndex);
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const object = objectByResource(resource);
	const entry = operationEntry(object, operation);
	if (!entry) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Coupa does not support "${operation}" on ${object.plural.toLowerCase()}`,
			{
				itemIndex,
			},
		);
	}
	const scopes = scopesFor(object, operation);
	const label = operationLabel(object, entry.name);
	await assertScopes(ctx, scopes, label, itemIndex);
	const executor =
		STANDARD_EXECUTORS[operation as StandardOperation] ??
		(operation === 'markExported' ? markExported : runAction);
	return await executor({
		ctx,
		itemIndex,
		object,
		entry,
		call: { itemIndex, operationLabel: label, objectName: object.name, scopes },
	});
}

/**
 * As a tool (AI Agent, MCP server) only the error's message may reach the model: n8n's agent
 * hands it the message alone. The description says what to change, so it joins the message.
 */
function inlineDescription(error: NodeApiError | NodeOperationError): void {
	const { description } = error;
	if (typeof description === 'string' && description && !error.message.includes(description)) {
		error.message = `${error.message}. ${description}`;
	}
}

/** Runs every input item on its own: one item's failure never stops the others under Continue On Fail. */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await runItem(this, itemIndex);
			for (const result of results) output.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: (error as Error).message,
						description: (error as NodeApiError).description ?? undefined,
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			if (this.getNode().type.endsWith('Tool')) inlineDescription(error as NodeApiError);
			rethrowForItem(this, error, itemIndex);
		}
	}
	return [output];
}
