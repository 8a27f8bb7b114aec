import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { StandardOperation } from '../catalog';
import { objectByResource, scopesFor } from '../catalog';
import { CUSTOM_API_CALL } from '../descriptions/resource';
import { operationLabel } from '../helpers/labels';
import { operationEntry } from '../helpers/operations';
import { errorForItem } from '../helpers/rethrow';
import { itemsInFlight } from '../transport/latency';
import { getConnection } from '../transport/request';
import { assertScopes } from '../transport/scopeCheck';
import { startWriteLog } from '../transport/writeLog';
import { appliedSummary } from './appliedSummary';
import { runItems } from './bulk';
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

/**
 * The record an item names, e.g. `invoices/12`: items naming the same one never run at once. A
 * Custom API Call names the record its path starts with (`invoices/12/…`).
 */
function recordKeyOf(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	const resource = ctx.getNodeParameter('resource', itemIndex) as string;
	if (resource === CUSTOM_API_CALL) {
		const path = String(ctx.getNodeParameter('path', itemIndex, '')).replace(/^\/*(api\/)?/, '');
		const match = /^([a-z_]+)\/(\d+)(?:[/?]|$)/.exec(path);
		return match ? `${match[1]}/${match[2]}` : undefined;
	}
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	if (operation === 'create' || operation === 'getAll') return undefined;
	const id = String(ctx.getNodeParameter('id', itemIndex, '', { extractValue: true }) ?? '').trim();
	return /^\d+$/.test(id) ? `${objectByResource(resource).path}/${id}` : undefined;
}

/** How many items may run at once: Coupa's allowed rate times its latency (latency.ts), or one. */
async function itemLimit(ctx: IExecuteFunctions): Promise<() => number> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	if (options.itemsOneAtATime === true) return () => 1;
	try {
		const { originKey, maxRequestsPerSecond } = await getConnection(ctx);
		return () => itemsInFlight(originKey, maxRequestsPerSecond);
	} catch {
		return () => 1; // the credential is unusable: each item fails on its own, in order
	}
}

function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	return {
		json: {
			error: (error as Error).message,
			description: (error as NodeApiError).description ?? undefined,
		},
		pairedItem: { item: itemIndex },
	};
}

/**
 * Runs the input items side by side (bulk.ts), each on its own: output in input order, each
 * item's results paired with it. Under Continue On Fail a failing item becomes its error item;
 * otherwise the run stops and the error names what was already applied in Coupa.
 */
export async function route(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const log = startWriteLog(this);
	const outcome = await runItems({
		count: items.length,
		limit: await itemLimit(this),
		keyOf: (index) => recordKeyOf(this, index),
		run: async (index) => await runItem(this, index),
		stopOnFailure: !continueOnFail,
	});
	if (outcome.stoppedBy !== undefined) {
		const failed = outcome.stoppedBy;
		const error = (outcome.results[failed] as { error: unknown }).error;
		if (this.getNode().type.endsWith('Tool')) inlineDescription(error as NodeApiError);
		const itemError = errorForItem(this, error, failed);
		if (items.length > 1) {
			const summary = appliedSummary(outcome, log, failed);
			itemError.description = itemError.description
				? `${itemError.description} ${summary}`
				: summary;
		}
		throw itemError;
	}
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, result] of outcome.results.entries()) {
		if (result === undefined) continue;
		if ('error' in result) output.push(errorItem(result.error, itemIndex));
		else for (const item of result.items) output.push({ ...item, pairedItem: { item: itemIndex } });
	}
	return [output];
}
