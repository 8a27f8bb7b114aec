import type { FailureFacts } from './retryPolicy';
import { parseRetryAfter } from './retryPolicy';

/** What a failed request looked like, read tolerantly from whatever n8n or axios threw. */
export interface Failure extends FailureFacts {
	body?: unknown;
	/** Error code of n8n's OAuth2 token call, e.g. invalid_scope, when the token could not be had. */
	tokenError?: string;
	tokenErrorDescription?: string;
	message: string;
}

type Loose = Record<string, unknown> | undefined;

function asRecord(value: unknown): Loose {
	return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
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
		if (failure.status === undefined && Number.isInteger(status) && status >= 100) failure.status = status;
		if (failure.body === undefined && response && 'data' in response) failure.body = response.data;
		if (failure.body === undefined && asRecord(link.context)?.data !== undefined) {
			failure.body = asRecord(link.context)?.data;
		}
		if (failure.retryAfterSeconds === undefined && response) {
			failure.retryAfterSeconds = parseRetryAfter(header(response.headers, 'retry-after'));
		}
		const code = link.code ?? link.httpCode;
		if (failure.networkCode === undefined && typeof code === 'string' && code !== 'EAUTH' && /^E[A-Z]+$/.test(code)) {
			failure.networkCode = code;
		}
		const tokenBody = asRecord(link.body);
		if (failure.tokenError === undefined && typeof tokenBody?.error === 'string') {
			failure.tokenError = tokenBody.error;
			failure.tokenErrorDescription =
				typeof tokenBody.error_description === 'string' ? tokenBody.error_description : undefined;
		}
	}
	// n8n reports a failed token call as "Failed to acquire OAuth2 access token"; the OAuth error
	// body (invalid_scope, invalid_client, …) sits further down the chain when Coupa sent one.
	if (failure.tokenError === undefined && failure.message.includes('Failed to acquire OAuth2 access token')) {
		failure.tokenError = 'token_request_failed';
	}
	return failure;
}
