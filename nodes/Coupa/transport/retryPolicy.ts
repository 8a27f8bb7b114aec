/**
 * When a failed Coupa request is worth sending again, and how long to wait first.
 * Coupa throttles with 429 and usually sends no Retry-After (coupa-api.md §4), so the wait is
 * exponential with jitter (half fixed, half random) unless the server names one.
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
/** Failures that prove the request never reached Coupa, so even a create may be resent. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN']);

export interface FailureFacts {
	status?: number;
	networkCode?: string;
	retryAfterSeconds?: number;
}

/**
 * A create (POST) is resent only when Coupa cannot have carried it out: a 429 refusal or a
 * connection that was never made. A reset or timeout after sending might have created the record.
 */
export function isRetryable(failure: FailureFacts, method: string): boolean {
	if (failure.status === 429) return true;
	if (method === 'POST') return failure.networkCode !== undefined && NOT_SENT_CODES.has(failure.networkCode);
	if (failure.status !== undefined && RETRYABLE_STATUSES.has(failure.status)) return true;
	return failure.networkCode !== undefined && RETRYABLE_NETWORK_CODES.has(failure.networkCode);
}

/** Delay before attempt number `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(attempt: number, failure: FailureFacts, random: () => number = Math.random): number {
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
