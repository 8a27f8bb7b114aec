import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scopesForApiPath } from '../catalog';
import { parseJsonParameter } from '../shared/recordBody';
import { coupaPaginate } from '../transport/paginate';
import { coupaRequest } from '../transport/request';

/** Any method and /api path through the same credential, limiter, retries and error mapping. */
export async function customApiCall(ctx: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const method = ctx.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const rawPath = String(ctx.getNodeParameter('path', itemIndex, '')).trim();
	const path = rawPath.replace(/^https?:\/\/[^/]+/, '').replace(/^\/?(api\/)?/, '');
	if (!path || /\s/.test(path)) {
		throw new NodeOperationError(ctx.getNode(), `"${rawPath}" is not a Coupa API path`, {
			itemIndex,
			description: 'Enter a path such as /api/receiving_transactions or /api/suppliers/17/addresses.',
		});
	}
	const qs: IDataObject = {};
	const parameters = ((ctx.getNodeParameter('queryParameters', itemIndex, {}) as IDataObject).parameter ?? []) as IDataObject[];
	for (const { name, value } of parameters) if (name) qs[String(name)] = value;
	const call = { itemIndex, operationLabel: `${method} /api/${path}`, scopes: scopesForApiPath(path, method) };
	if (method === 'GET' && (ctx.getNodeParameter('paginate', itemIndex, false) as boolean)) {
		const records = await coupaPaginate(ctx, path, qs, { call });
		return records.map((json) => ({ json }));
	}
	const hasBody = ['POST', 'PUT', 'PATCH'].includes(method) && String(ctx.getNodeParameter('body', itemIndex, '')).trim() !== '';
	const body = hasBody ? parseJsonParameter(ctx, 'body', itemIndex) : undefined;
	const response = await coupaRequest(ctx, { method, path, qs, body }, call);
	if (Array.isArray(response)) return response.map((json) => ({ json: json as IDataObject }));
	return [{ json: (response ?? {}) as IDataObject }];
}
