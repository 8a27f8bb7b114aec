import type { FailureFacts } from './retryPolicy';
import { parseRetryAfter } from './retryPolicy';

/** What a failed request looked like, read tolerantly from whatever n8n or axios threw. */
export interface Failure extends FailureFacts {
	body?: unknown;
	/** Error code of n8n's OAuth2 token call, e.g. invalid_scope, when the token could not be had. */
	tokenError?: string;
	tokenErrorDescription?: string;
	/** What the token endpoint answered instead of a token, e.g. "text/html" (tokenError not_json). */
	tokenAnswer?: string;
	/** The Location header of a 3xx answer. */
	location?: string;
	message: string;
}

type Loose = Record<string, unknown> | undefined;

function asRecord(value: unknown): Loose {
	return value !== null && typeof value === 'object'
		? (value as Record<string, unknown>)
		: undefined;
}

/** Walks an error and its causes (n8n wraps axios errors, token errors wrap AuthError). */
function causes(error: unknown): Array<Record<string, unknown>> {
	const chain: Array<Record<string, unknown>> = [];
	let current = asRecord(error);
	while (current && chain.length < 6 && !chain.includes(current)) {
		chain.push(current);
		current = asRecord(current.cause);
	}
	return chain;
}

function header(headers: unknown, name: string): unknown {
	const record = asRecord(headers);
	if (!record) return undefined;
	const getter = record.get;
	if (typeof getter === 'function') return (getter as (n: string) => unknown).call(headers, name);
	return record[name] ?? record[name.toLowerCase()];
}

export function describeFailure(error: unknown): Failure {
	const failure: Failure = { message: String(asRecord(error)?.message ?? error) };
	for (const link of causes(error)) {
		const response = asRecord(link.response);
		const status = Number(response?.status ?? link.status ?? link.httpCode);
		if (failure.status === undefined && Number.isInteger(status) && status >= 100)
			failure.status = status;
		if (failure.body === undefined && response && 'data' in response) failure.body = response.data;
		if (failure.body === undefined && asRecord(link.context)?.data !== undefined) {
			failure.body = asRecord(link.context)?.data;
		}
		if (failure.retryAfterSeconds === undefined && response) {
			failure.retryAfterSeconds = parseRetryAfter(header(response.headers, 'retry-after'));
		}
		const code = link.code ?? link.httpCode;
		if (
			failure.networkCode === undefined &&
			typeof code === 'string' &&
			code !== 'EAUTH' &&
			/^E[A-Z]+$/.test(code)
		) {
			failure.networkCode = code;
		}
		if (failure.location === undefined && response) {
			const location = header(response.headers, 'location');
			if (typeof location === 'string' && location !== '') failure.location = location;
		}
		const tokenBody = asRecord(link.body);
		if (failure.tokenError === undefined && typeof tokenBody?.error === 'string') {
			failure.tokenError = tokenBody.error;
			failure.tokenErrorDescription =
				typeof tokenBody.error_description === 'string' ? tokenBody.error_description : undefined;
		}
	}
	if (failure.tokenError === undefined) describeTokenAnswer(failure, causes(error));
	return failure;
}

/**
 * Token calls that failed without an OAuth error body. n8n's OAuth2 code (@n8n/client-oauth2)
 * throws a ResponseError (code ESTATUS) for a 3xx it did not follow and for an answer that is not
 * JSON, axios's follow-redirects gives up after 21 redirects (ERR_FR_TOO_MANY_REDIRECTS), and n8n's signing step throws "Unable to sign without access token" when the answer was
 * JSON without `access_token`. The first token call of a run is wrapped in "Failed to acquire
 * OAuth2 access token"; a re-mint after a 401 is not.
 */
function describeTokenAnswer(failure: Failure, links: Array<Record<string, unknown>>): void {
	const messages = links.map((link) => String(link.message ?? ''));
	const fromTokenEndpoint = links.find((link) => link.code === 'ESTATUS');
	const status = Number(fromTokenEndpoint?.status);
	const notJson = messages
		.map((m) =>
			/Expected JSON response from OAuth2 token endpoint \(content-type: ([^)]*)\)/.exec(m),
		)
		.find(Boolean);
	const redirectLoop = links.some((link) => link.code === 'ERR_FR_TOO_MANY_REDIRECTS');
	if ((fromTokenEndpoint && status >= 300 && status < 400) || redirectLoop) {
		failure.tokenError = 'token_redirect';
		failure.status = redirectLoop ? undefined : status;
	} else if (notJson) {
		failure.tokenError = 'not_json';
		failure.tokenAnswer = notJson[1].split(';')[0].trim() || undefined;
		if (fromTokenEndpoint && Number.isInteger(status)) failure.status = status;
	} else if (messages.some((m) => m.includes('Unable to sign without access token'))) {
		failure.tokenError = 'no_access_token';
	} else if (
		fromTokenEndpoint ||
		messages.some((m) => m.includes('Failed to acquire OAuth2 access token'))
	) {
		// The OAuth error body (invalid_scope, invalid_client, …) is handled above when Coupa sent one.
		failure.tokenError = 'token_request_failed';
	}
}
