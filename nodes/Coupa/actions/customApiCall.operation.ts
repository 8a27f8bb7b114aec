import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { scopesForApiPath } from '../catalog';
import { documentedScopes } from '../catalog/documentedPaths';
import { fillEndpoint } from '../helpers/endpoint';
import { parseJsonParameter } from '../helpers/recordBody';
import { coupaPaginate } from '../transport/paginate';
import { coupaRequest, getConnection } from '../transport/request';

const PATH_HINT =
	"Enter a path below /api on the credential's Coupa, such as /api/receiving_transactions or /api/suppliers/17/addresses.";

/** Decodes %XX escapes of unreserved characters (RFC 3986 §6.2.2.2), the only ones safe to decode. */
function decodeUnreserved(text: string): string {
	return text.replace(/%([0-9a-f]{2})/gi, (escape, hex: string) => {
		const character = String.fromCharCode(parseInt(hex, 16));
		return /[A-Za-z0-9\-._~]/.test(character) ? character : escape.toUpperCase();
	});
}

/**
 * The path below /api that a typed Custom API Call path really calls, or why it may not be
 * called. Accepted: `/api/x`, `api/x`, `x`, or a full URL on the credential's own origin. Refused,
 * before anything is sent: another origin, `//host`, a backslash, a fragment, control characters
 * or spaces, a path that leaves /api/, and dot segments (`.`, `..`) written raw or percent-encoded
 * (`%2e%2e`, `%2E%2E`, or encoded twice and more), as well as encoded slashes and backslashes
 * (`%2F`, `%5C`), which servers and proxies read differently. Escapes of unreserved characters are
 * decoded (`%75sers` is `users`), so the scope named in errors is that of the path really called.
 */
export function resolveCustomApiPath(
	typed: string,
	baseUrl: string,
): { path: string } | { problem: string } {
	const raw = typed.trim();
	const refuse = (why: string) => ({ problem: `"${typed}" can't be called: ${why}` });
	if (raw === '') return refuse('the path is empty');
	if (
		[...raw].some((character) => character.charCodeAt(0) <= 32 || character.charCodeAt(0) === 127)
	) {
		return refuse('it contains spaces or control characters');
	}
	if (raw.includes('\\')) return refuse('it contains a backslash');
	if (raw.includes('#')) return refuse('it contains a fragment (#)');
	let rest = raw;
	const absolute = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(raw);
	if (absolute) {
		let url: URL;
		try {
			url = new URL(raw);
		} catch {
			return refuse('it is not a valid URL');
		}
		const coupa = new URL(baseUrl);
		if (url.origin !== coupa.origin || absolute[2].includes('@')) {
			return refuse(
				`it points at ${url.host || absolute[2]}, not at the credential's Coupa (${coupa.host}). Custom API calls only go to the credential's Coupa`,
			);
		}
		rest = raw.slice(absolute[0].length);
	} else if (raw.startsWith('//')) {
		return refuse('it starts with "//", which names another host');
	} else if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
		return refuse("it starts with a scheme but is not a URL of the credential's Coupa");
	}
	const pathPart = rest.split('?')[0];
	const query = rest.slice(pathPart.length);
	// Read the path as a server or a proxy might: decoded once, twice, …, until nothing changes.
	let view = pathPart;
	for (let round = 0; round < 5; round++) {
		const segments = view.split('/');
		if (segments.some((segment) => segment === '.' || segment === '..')) {
			return refuse(
				'it contains a dot segment ("." or ".."), written or percent-encoded, that would leave the path it names',
			);
		}
		if (/%(2f|5c)/i.test(view))
			return refuse('it contains an encoded slash or backslash (%2F, %5C)');
		let decoded: string;
		try {
			decoded = decodeURIComponent(view);
		} catch {
			return refuse('it contains a malformed percent-encoding');
		}
		if (decoded.includes('\\')) return refuse('it contains an encoded backslash');
		if (decoded === view) break;
		view = decoded;
	}
	// "/users/1" and "users/1" mean /api/users/1, as the field's description says.
	const canonical = decodeUnreserved(pathPart).replace(/^\/+/, '');
	const below = canonical.replace(/^api(\/|$)/, '');
	if (below === '' || below.startsWith('/'))
		return refuse('it names no Coupa API path below /api/');
	return { path: below + query };
}

/** The picked documented endpoint with its placeholders filled, or the typed Method and Path. */
function methodAndPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { method: IHttpRequestMethods; rawPath: string } {
	const endpoint = String(
		ctx.getNodeParameter('endpoint', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (endpoint === '') {
		return {
			method: ctx.getNodeParameter('method', itemIndex) as IHttpRequestMethods,
			rawPath: String(ctx.getNodeParameter('path', itemIndex, '')),
		};
	}
	const values: Record<string, string> = {};
	const parameters = ((ctx.getNodeParameter('pathParameters', itemIndex, {}) as IDataObject)
		.parameter ?? []) as IDataObject[];
	for (const { name, value } of parameters) if (name) values[String(name)] = String(value ?? '');
	const filled = fillEndpoint(endpoint, values);
	if ('problem' in filled) {
		throw new NodeOperationError(ctx.getNode(), filled.problem, {
			itemIndex,
			description: 'Nothing was sent.',
		});
	}
	return { method: filled.method as IHttpRequestMethods, rawPath: filled.path };
}

/** Any method and /api path through the same credential, limiter, retries and error mapping. */
export async function customApiCall(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { method, rawPath } = methodAndPath(ctx, itemIndex);
	const { baseUrl } = await getConnection(ctx, itemIndex);
	const resolved = resolveCustomApiPath(rawPath, baseUrl);
	if ('problem' in resolved) {
		throw new NodeOperationError(ctx.getNode(), resolved.problem, {
			itemIndex,
			description: `Nothing was sent. ${PATH_HINT}`,
		});
	}
	const { path } = resolved;
	const qs: IDataObject = {};
	const parameters = ((ctx.getNodeParameter('queryParameters', itemIndex, {}) as IDataObject)
		.parameter ?? []) as IDataObject[];
	for (const { name, value } of parameters) if (name) qs[String(name)] = value;
	const call = {
		itemIndex,
		operationLabel: `${method} /api/${path}`,
		scopes: documentedScopes(method, path) ?? scopesForApiPath(path, method),
	};
	if (method === 'GET' && (ctx.getNodeParameter('paginate', itemIndex, false) as boolean)) {
		const records = await coupaPaginate(ctx, path, qs, { call });
		return records.map((json) => ({ json }));
	}
	const hasBody =
		['POST', 'PUT', 'PATCH'].includes(method) &&
		String(ctx.getNodeParameter('body', itemIndex, '')).trim() !== '';
	const body = hasBody ? parseJsonParameter(ctx, 'body', itemIndex) : undefined;
	const response = await coupaRequest(ctx, { method, path, qs, body }, call);
	if (Array.isArray(response)) return response.map((json) => ({ json: json as IDataObject }));
	return [{ json: (response ?? {}) as IDataObject }];
}
