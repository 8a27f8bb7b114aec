// Switchable fault injection for /api routes: rate limiting (leaky bucket, coupa-api.md §4),
// 5xx bursts, latency and dropped connections. Token faults delegate to the auth module.

const SERVICE_UNAVAILABLE = '<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>';

export function createFaults(auth) {
	let bucket = null; // { perSecond, burst, retryAfter, level, at }
	let errors = null; // { remaining, status, body }
	let delay = null; // { ms, jitterMs }
	let drops = null; // { remaining, afterProcessing }
	let shuffledTies = false;
	const stats = { requests: 0, rateLimited: 0, serverErrors: 0, dropped: 0, maxConcurrent: 0 };

	const faults = {
		stats,
		rateLimit(options = {}) {
			if (options === false) bucket = null;
			else {
				const { perSecond = 25, burst = 20, retryAfter } = options;
				bucket = { perSecond, burst, retryAfter, level: 0, at: Date.now() };
			}
		},
		serverErrors({ count = 1, status = 503, body = SERVICE_UNAVAILABLE } = {}) {
			errors = count > 0 ? { remaining: count, status, body } : null;
		},
		latency(options) {
			delay = options && options.ms > 0 ? { ms: options.ms, jitterMs: options.jitterMs ?? 0 } : null;
		},
		dropConnections({ count = 1, afterProcessing = false } = {}) {
			drops = count > 0 ? { remaining: count, afterProcessing } : null;
		},
		/** Records sharing a sort key (e.g. one `updated-at` second) come back in a fresh random order on every list request. */
		shuffleTies(on = true) {
			shuffledTies = Boolean(on);
		},
		tiesShuffled: () => shuffledTies,
		revokeTokens: () => auth.revokeAll(),
		expireTokensAfter: (seconds) => auth.expireAfter(seconds),
		get tokenTtlSeconds() {
			return auth.tokenTtlSeconds;
		},
		set tokenTtlSeconds(seconds) {
			auth.tokenTtlSeconds = seconds;
		},
		/** All faults off. Revoked tokens stay revoked; stats are kept (see resetStats). */
		reset() {
			bucket = errors = delay = drops = null;
			auth.expireAfter(null);
		},
		resetStats() {
			Object.assign(stats, { requests: 0, rateLimited: 0, serverErrors: 0, dropped: 0, maxConcurrent: 0 });
		},

		/** Milliseconds to hold this API response (0 = none). */
		delayMs: () => (delay ? delay.ms + Math.round(Math.random() * delay.jitterMs) : 0),

		/** Leaky bucket: drains at perSecond, holds `burst`; a full bucket answers 429. */
		rateLimited() {
			if (!bucket) return null;
			const now = Date.now();
			bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * bucket.perSecond);
			bucket.at = now;
			if (bucket.level + 1 > bucket.burst) {
				stats.rateLimited++;
				return bucket.retryAfter === undefined ? {} : { 'Retry-After': String(bucket.retryAfter) };
			}
			bucket.level += 1;
			return null;
		},
		/** The injected server error for this request, if any. */
		serverError() {
			if (!errors) return null;
			const { status, body } = errors;
			if (--errors.remaining <= 0) errors = null;
			stats.serverErrors++;
			return { status, body };
		},
		/** 'before' | 'after' | null: whether and when this request's connection is dropped. */
		drop() {
			if (!drops) return null;
			const when = drops.afterProcessing ? 'after' : 'before';
			if (--drops.remaining <= 0) drops = null;
			stats.dropped++;
			return when;
		},
	};
	return faults;
}
