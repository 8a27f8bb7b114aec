import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { coupaDomainProblem, credentialDomain, normalizeCoupaDomain } from '../../../credentials/coupaDomain';
import { composeScopes } from '../../../credentials/coupaScopes';
import type { CallContext } from './errorMessages';
import { coupaApiError } from './errorMessages';
import { describeFailure } from './failure';
import { waitForRateLimit } from './rateLimiter';
import { isRetryable, MAX_ATTEMPTS, retryDelayMs } from './retryPolicy';

export const CREDENTIAL_NAME = 'coupaOAuth2Api';
const REQUEST_TIMEOUT_MS = 120_000;

/** Every n8n context that may call Coupa: the node, the trigger and the dropdown loaders. */
export type CoupaContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface CoupaRequest {
	method: IHttpRequestMethods;
	/** Path below /api, e.g. `invoices/12` or `purchase_orders/7/issue`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Return the raw file (body and headers) instead of parsed JSON. */
	binary?: boolean;
}

export interface BinaryResponse {
	body: Buffer;
	headers: Record<string, string>;
}

/** Lets a caller stop retries of requests it no longer needs (e.g. the rest of a paging window). */
export interface Cancellation {
	cancelled: boolean;
}

export interface CoupaConnection {
	baseUrl: string;
	host: string;
	/** The scopes the credential holds (base scopes plus the typed OAuth Scope). */
	scopes: string[];
	/** Values that must never appear in an error: the client secret and tokens. */
	secrets: string[];
}

export async function getConnection(ctx: CoupaContext, itemIndex = 0): Promise<CoupaConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
	const domain = credentialDomain(credentials);
	const problem = coupaDomainProblem(domain);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex });
	const baseUrl = normalizeCoupaDomain(domain);
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return {
		baseUrl,
		host: baseUrl.replace(/^https?:\/\//, ''),
		scopes: composeScopes(credentials.scope),
		secrets: [credentials.clientSecret, tokenData.access_token, tokenData.refresh_token].filter(
			(value): value is string => typeof value === 'string',
		),
	};
}

/**
 * The one request path of the package. It asks Coupa for JSON, waits for the shared rate limiter,
 * retries what is safe to retry with backoff, and turns every failure into an actionable
 * NodeApiError that never contains the secret or a token.
 */
export async function coupaRequest(
	ctx: CoupaContext,
	request: CoupaRequest,
	call: CallContext = {},
	cancellation?: Cancellation,
): Promise<unknown> {
	const connection = await getConnection(ctx, call.itemIndex);
	const hasBody = request.body !== undefined && ['POST', 'PUT', 'PATCH'].includes(request.method);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${connection.baseUrl}/api/${request.path.replace(/^\/+/, '')}`,
		qs: request.qs,
		headers: {
			Accept: request.binary ? '*/*' : 'application/json',
			...(hasBody ? { 'Content-Type': 'application/json' } : {}),
		},
		body: hasBody ? request.body : undefined,
		json: !request.binary,
		timeout: REQUEST_TIMEOUT_MS,
		...(request.binary ? { encoding: 'arraybuffer' as const, returnFullResponse: true } : {}),
	};

	for (let attempt = 1; ; attempt++) {
		await waitForRateLimit(connection.host);
		// A paging window may have finished or failed while this request waited for its slot.
		if (cancellation?.cancelled) {
			throw new NodeOperationError(ctx.getNode(), 'Request cancelled: its page is no longer needed', {
				itemIndex: call.itemIndex,
			});
		}
		let response: unknown;
		try {
			response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_NAME, options);
		} catch (error) {
			const failure = describeFailure(error);
			const giveUp =
				cancellation?.cancelled ||
				attempt >= MAX_ATTEMPTS ||
				failure.tokenError !== undefined ||
				!isRetryable(failure, request.method);
			if (giveUp) {
				throw coupaApiError(ctx.getNode(), failure, { ...call, attempts: attempt, method: request.method }, connection.secrets);
			}
			await sleep(retryDelayMs(attempt, failure));
			continue;
		}
		if (!request.binary && typeof response === 'string' && response.trim() !== '') {
			throw nonJsonError(ctx, response, call);
		}
		return response;
	}
}

/** A 200 that is not JSON: usually a proxy, an SSO page, or Coupa's XML default. */
function nonJsonError(ctx: CoupaContext, body: string, call: CallContext): NodeApiError {
	const kind = /^\s*</.test(body) ? 'XML or HTML' : 'plain text';
	const message = `Coupa answered ${call.operationLabel ?? 'the request'} with ${kind} instead of JSON`;
	return new NodeApiError(
		ctx.getNode(),
		{ message },
		{
			message,
			description:
				'A proxy or login page may sit in front of Coupa, or the Domain points at the wrong host. Check the credential\'s Domain.',
			itemIndex: call.itemIndex,
		},
	);
}
