import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import {
	coupaDomainProblem,
	coupaOriginKey,
	credentialDomain,
	normalizeCoupaDomain,
	tokenUrlProblem,
} from '../../../credentials/coupaDomain';
import { composeScopes, scopeSeparatorProblem } from '../../../credentials/coupaScopes';
import type { CallContext } from './errorMessages';
import {
	BYTES_PER_MB,
	DEFAULT_MAX_FILE_MB,
	discardBody,
	fileTooLargeError,
	readBounded,
} from './boundedBody';
import { coupaApiError } from './errorMessages';
import { describeFailure } from './failure';
import type { MultipartBody } from './multipart';
import { capFrom, capProblem, waitForRateLimit } from './rateLimiter';
import { redirectTarget } from './redirect';
import { isRetryable, isWrite, MAX_ATTEMPTS, outcomeUnknown, retryDelayMs } from './retryPolicy';
import { timeRequest } from './latency';
import { tokenGateFor, WITHOUT_RENEWAL } from './tokenGate';
import { markOutcomeUnknown } from './uncertainWrite';
import { noteWrite } from './writeLog';

export const CREDENTIAL_NAME = 'coupaOAuth2Api';
const REQUEST_TIMEOUT_MS = 120_000;

/** Every n8n context that may call Coupa: the node, the trigger and the dropdown loaders. */
export type CoupaContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface CoupaRequest {
	method: IHttpRequestMethods;
	/** Path below /api, e.g. `invoices/12` or `purchase_orders/7/issue`. */
	path: string;
	/**
	 * A whole URL on the Coupa origin instead of a path below /api (a file an attachment record
	 * points at). Callers check the origin first: the token is only ever sent to Coupa.
	 */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** Return the raw file (body and headers) instead of parsed JSON. */
	binary?: boolean;
	/** With `binary`: the most bytes the file may have (see boundedBody.ts); larger fails. */
	maxBytes?: number;
	/** A multipart/form-data body (attachments, image scans) instead of a JSON body. */
	multipart?: MultipartBody;
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
	/** The rate limiter's key: the normalised origin, so two spellings of one instance share one limit. */
	originKey: string;
	/** The scopes the credential holds (base scopes plus the typed OAuth Scope). */
	scopes: string[];
	/** Values that must never appear in an error: the client secret and tokens. */
	secrets: string[];
	/** The credential's Max Requests per Second (the rate limiter's cap). */
	maxRequestsPerSecond: number;
	/** Whether n8n holds an access token for the credential yet. */
	hasToken: boolean;
}

/**
 * The connection of each context (one node run, poll or dropdown), once n8n holds a token: its
 * fields don't change during the run, and reading the credential costs n8n a decryption and an
 * expression pass for every request of every item. Tokens minted later are read again for
 * redaction (secretsNow).
 */
const connections = new WeakMap<object, CoupaConnection>();

export async function getConnection(ctx: CoupaContext, itemIndex = 0): Promise<CoupaConnection> {
	const known = connections.get(ctx);
	if (known) return known;
	const connection = await readConnection(ctx, itemIndex);
	if (connection.hasToken) connections.set(ctx, connection);
	return connection;
}

async function readConnection(ctx: CoupaContext, itemIndex: number): Promise<CoupaConnection> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
	const domain = credentialDomain(credentials);
	const baseUrl = normalizeCoupaDomain(domain);
	const problem =
		coupaDomainProblem(domain) ??
		tokenUrlProblem(credentials.accessTokenUrl, baseUrl) ??
		scopeSeparatorProblem(credentials.scope) ??
		capProblem(credentials.maxRequestsPerSecond);
	if (problem) throw new NodeOperationError(ctx.getNode(), problem, { itemIndex });
	return {
		baseUrl,
		host: baseUrl.replace(/^https?:\/\//, ''),
		originKey: coupaOriginKey(baseUrl),
		scopes: composeScopes(credentials.scope),
		secrets: secretsOf(credentials),
		maxRequestsPerSecond: capFrom(credentials.maxRequestsPerSecond),
		hasToken:
			typeof (credentials.oauthTokenData as IDataObject | undefined)?.access_token === 'string',
	};
}

function secretsOf(credentials: IDataObject): string[] {
	const tokenData = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [
		credentials.clientSecret,
		tokenData.access_token,
		tokenData.refresh_token,
		tokenData.id_token,
	].filter((value): value is string => typeof value === 'string');
}

/**
 * The secrets to redact from an error: those known before the call plus any token n8n minted
 * and stored during it (n8n re-mints inside httpRequestWithAuthentication after a 401).
 */
async function secretsNow(
	ctx: CoupaContext,
	connection: CoupaConnection,
	itemIndex = 0,
): Promise<string[]> {
	try {
		const current = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
		return Array.from(new Set([...connection.secrets, ...secretsOf(current)]));
	} catch {
		return connection.secrets;
	}
}

/**
 * Whether n8n holds an access token for the credential yet. Until it does, every request sent at
 * once would make n8n fetch a token of its own, so callers send their first request alone.
 */
export async function hasAccessToken(ctx: CoupaContext, itemIndex = 0): Promise<boolean> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME, itemIndex);
	return typeof (credentials.oauthTokenData as IDataObject | undefined)?.access_token === 'string';
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
	redirectsSoFar = 0,
): Promise<unknown> {
	// One renewal at a time per credential (by its id), whichever execution its requests belong to.
	const gate = tokenGateFor(ctx.getNode().credentials?.[CREDENTIAL_NAME]?.id ?? '');
	const use = gate.begin();
	const connection = await getConnection(ctx, call.itemIndex);
	use.hadToken = connection.hasToken;
	if (request.url !== undefined && !sameOrigin(request.url, connection.baseUrl)) {
		throw new NodeOperationError(ctx.getNode(), 'Refused to send the Coupa token to another host', {
			itemIndex: call.itemIndex,
		});
	}
	const hasBody = request.body !== undefined && ['POST', 'PUT', 'PATCH'].includes(request.method);
	const contentType = request.multipart?.contentType ?? (hasBody ? 'application/json' : undefined);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url ?? `${connection.baseUrl}/api/${request.path.replace(/^\/+/, '')}`,
		qs: request.qs,
		headers: {
			Accept: request.binary ? '*/*' : 'application/json',
			...(contentType ? { 'Content-Type': contentType } : {}),
		},
		body: request.multipart?.body ?? (hasBody ? request.body : undefined),
		json: !request.binary,
		timeout: REQUEST_TIMEOUT_MS,
		// n8n would re-send the Authorization header on a redirect to any host; redirect.ts decides.
		disableFollowRedirect: true,
		// A file is streamed, so that one over its size limit is cut off, not read whole.
		...(request.binary ? { encoding: 'stream' as const, returnFullResponse: true } : {}),
	};

	for (let attempt = 1; ; attempt++) {
		const slot = await waitForRateLimit(connection.originKey, connection.maxRequestsPerSecond);
		// A paging window may have finished or failed while this request waited for its slot.
		if (cancellation?.cancelled) {
			throw new NodeOperationError(
				ctx.getNode(),
				'Request cancelled: its page is no longer needed',
				{
					itemIndex: call.itemIndex,
				},
			);
		}
		let response: unknown;
		const answered = timeRequest(connection.originKey);
		try {
			response = await gate.send(
				use,
				async (renew) =>
					await ctx.helpers.httpRequestWithAuthentication.call(
						ctx,
						CREDENTIAL_NAME,
						options,
						renew ? undefined : WITHOUT_RENEWAL,
					),
			);
			answered(true);
		} catch (error) {
			const failure = describeFailure(error);
			if (request.binary) discardBody(failure.body);
			answered(failure.status !== undefined);
			if (failure.status === 429) slot.rateLimited(failure.retryAfterSeconds);
			// A 401 refuses the token, before Coupa does anything: the request is sent again, as
			// or after a renewal (tokenGate.ts), unless the token is refused for real.
			if (failure.status === 401 && failure.tokenError === undefined && gate.refused(use)) {
				attempt--;
				continue;
			}
			if (
				failure.tokenError === undefined &&
				failure.status !== undefined &&
				failure.status >= 300 &&
				failure.status < 400
			) {
				const next = redirectTarget(
					ctx.getNode(),
					failure,
					connection.baseUrl,
					options.url,
					request.method,
					call,
					redirectsSoFar,
					await secretsNow(ctx, connection, call.itemIndex),
				);
				if (typeof next !== 'string') {
					// Any redirect but 307/308 may answer a write Coupa already carried out: callers may confirm it.
					if (isWrite(request.method) && failure.status !== 307 && failure.status !== 308) {
						markOutcomeUnknown(next, failure);
						noteWrite(ctx, call.itemIndex, writeText(request), false);
					}
					throw next;
				}
				// The next request goes to the redirect's path: a whole URL (a file) is not kept.
				return await coupaRequest(
					ctx,
					{ ...request, url: undefined, path: next, qs: undefined },
					call,
					cancellation,
					redirectsSoFar + 1,
				);
			}
			const giveUp =
				cancellation?.cancelled ||
				attempt >= MAX_ATTEMPTS ||
				failure.tokenError !== undefined ||
				!isRetryable(failure, request.method);
			if (giveUp) {
				const secrets = await secretsNow(ctx, connection, call.itemIndex);
				const error = coupaApiError(
					ctx.getNode(),
					failure,
					{ ...call, attempts: attempt, method: request.method },
					secrets,
				);
				// A write that may have been carried out is never resent; the caller may confirm it by reading.
				if (outcomeUnknown(failure, request.method)) {
					markOutcomeUnknown(error, failure);
					noteWrite(ctx, call.itemIndex, writeText(request), false);
				}
				throw error;
			}
			await sleep(retryDelayMs(attempt, failure));
			continue;
		}
		if (request.binary) return await boundedFile(ctx, response, request.maxBytes, call.itemIndex);
		if (typeof response === 'string' && response.trim() !== '') {
			throw nonJsonError(ctx, response, call);
		}
		if (isWrite(request.method)) noteWrite(ctx, call.itemIndex, writeText(request, response), true);
		return response;
	}
}

/** A streamed file answer read whole, up to `maxBytes`. */
async function boundedFile(
	ctx: CoupaContext,
	response: unknown,
	maxBytes = DEFAULT_MAX_FILE_MB * BYTES_PER_MB,
	itemIndex?: number,
): Promise<BinaryResponse> {
	const full = response as { body?: unknown; headers?: Record<string, string> };
	const headers = full.headers ?? {};
	const read = await readBounded(full.body, headers, maxBytes);
	if ('tooLarge' in read)
		throw fileTooLargeError(ctx.getNode(), itemIndex, read.tooLarge, maxBytes);
	return { body: read.bytes, headers };
}

/** A write in a few words, e.g. `PUT /api/invoices/12`, or `POST /api/suppliers → id 812`. */
function writeText(request: CoupaRequest, answer?: unknown): string {
	const where = request.url ?? `/api/${request.path.replace(/^\/+/, '')}`;
	const id = (answer as IDataObject | undefined)?.id;
	const created = request.method === 'POST' && (typeof id === 'number' || typeof id === 'string');
	return `${request.method} ${where}${created ? ` → id ${String(id)}` : ''}`;
}

/** Whether `url` is on the origin (scheme, host and port) of the Coupa instance at `baseUrl`. */
export function sameOrigin(url: string, baseUrl: string): boolean {
	try {
		return new URL(url).origin === new URL(baseUrl).origin;
	} catch {
		return false;
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
				"A proxy or login page may sit in front of Coupa, or the Domain points at the wrong host. Check the credential's Domain.",
			itemIndex: call.itemIndex,
		},
	);
}
