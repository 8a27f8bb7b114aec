/**
 * When a failed Coupa request is worth sending again, and how long to wait first.
 * Coupa documents its rate limit but not how it refuses (Compass "Exception Handling and Error
 * Codes"); integrations report a 429 without Retry-After (docs/coupa-docs.md, "Throttled
 * requests get a 429, usually without Retry-After"), so the wait is exponential with jitter (half
 * fixed, half random) unless the server names one.
 *
 * Reads are resent after any transient failure. A write (POST, PUT, PATCH, DELETE) is resent only
 * when Coupa certainly did not process it: a 429 refusal, or a connection that was never made.
 * After a reset, a timeout or a 5xx the write may have been carried out (a proxy can lose Coupa's
 * answer), so resending could adjust a budget twice or issue a PO twice: its outcome is unknown.
 */
export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ECONNREFUSED',
	'EPIPE',
	'EAI_AGAIN',
	'ESOCKETTIMEDOUT',
]);
/** Failures that prove the request never reached Coupa: the connection was never made. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND']);
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface FailureFacts {
	status?: number;
	networkCode?: string;
	retryAfterSeconds?: number;
	/** The access token could not be had, so the API request itself was never sent. */
	tokenError?: string;
}

export function isWrite(method: string | undefined): boolean {
	return method !== undefined && WRITE_METHODS.has(method.toUpperCase());
}

function neverSent(failure: FailureFacts): boolean {
	return (
		failure.tokenError !== undefined ||
		(failure.networkCode !== undefined && NOT_SENT_CODES.has(failure.networkCode))
	);
}

export function isRetryable(failure: FailureFacts, method: string): boolean {
	if (failure.status === 429) return true;
	if (isWrite(method)) return failure.status === undefined && neverSent(failure);
	if (failure.status !== undefined && RETRYABLE_STATUSES.has(failure.status)) return true;
	return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/**
 * Whether a failed write may nevertheless have been carried out by Coupa: it was sent and no
 * answer from Coupa itself says otherwise (a 5xx, a reset, a timeout, an answer lost on the way).
 */
export function outcomeUnknown(failure: FailureFacts, method: string | undefined): boolean {
	if (!isWrite(method) || neverSent(failure)) return false;
	if (failure.status !== undefined) return failure.status >= 500;
	return true;
}

/** Delay before attempt number `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(
	attempt: number,
	failure: FailureFacts,
	random: () => number = Math.random,
): number {
	if (failure.retryAfterSeconds !== undefined && failure.retryAfterSeconds >= 0) {
		return Math.min(failure.retryAfterSeconds * 1000, MAX_DELAY_MS);
	}
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}
