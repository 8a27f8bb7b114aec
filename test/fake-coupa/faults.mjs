// Switchable fault injection for /api routes: rate limiting (leaky bucket; docs/coupa-docs.md,
// "Rate limit: 25 requests a second, burst of 20"), 5xx bursts, latency and dropped connections. Token faults delegate to the auth module.

const SERVICE_UNAVAILABLE =
	'<html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>';

/** What a proxy in front of Coupa answers when Coupa's own answer did not reach it. */
export function proxyErrorPage(status) {
	const title = status === 504 ? '504 Gateway Time-out' : `${status} Bad Gateway`;
	return `<html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
}

export function createFaults(auth) {
	let bucket = null; // { perSecond, burst, retryAfter, level, at }
	let errors = null; // { remaining, status, body }
	let delay = null; // { ms, jitterMs }
	let drops = null; // { remaining, afterProcessing }
	let lostAnswers = null; // { remaining, as, methods }
	let shuffledTies = false;
	const freshStats = () => ({
		requests: 0,
		rateLimited: 0,
		serverErrors: 0,
		dropped: 0,
		maxConcurrent: 0,
		maxConcurrentOnOneRecord: 0,
	});
	const stats = freshStats();

	const faults = {
		stats,
		rateLimit(options = {}) {
			if (options === false) bucket = null;
			else {
				const { perSecond = 25, burst = 20, retryAfter } = options;
				bucket = { perSecond, burst, retryAfter, level: 0, at: Date.now() };
			}
		},
		/** The next `count` API requests fail before Coupa processes them; `retryAfter` (seconds) adds that header. */
		serverErrors({ count = 1, status = 503, body = SERVICE_UNAVAILABLE, retryAfter } = {}) {
			errors = count > 0 ? { remaining: count, status, body, retryAfter } : null;
		},
		latency(options) {
			delay =
				options && options.ms > 0 ? { ms: options.ms, jitterMs: options.jitterMs ?? 0 } : null;
		},
		dropConnections({ count = 1, afterProcessing = false } = {}) {
			drops = count > 0 ? { remaining: count, afterProcessing } : null;
		},
		/**
		 * Coupa carries the next `count` requests out (of the given methods, default any), then their
		 * answer is lost on the way back: `as: 'reset'` drops the connection, `as: 502` or `504` is a
		 * proxy's error page in place of Coupa's answer.
		 */
		loseAnswers({ count = 1, as = 'reset', methods } = {}) {
			lostAnswers = count > 0 ? { remaining: count, as, methods } : null;
		},
		...createAnswerFaults(),
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
			bucket = errors = delay = drops = lostAnswers = null;
			faults.resetAnswerFaults();
			auth.expireAfter(null);
		},
		resetStats() {
			Object.assign(stats, freshStats());
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
			const { status, body, retryAfter } = errors;
			if (--errors.remaining <= 0) errors = null;
			stats.serverErrors++;
			return {
				status,
				body,
				headers: retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) },
			};
		},
		/** How this request's answer is lost after Coupa carried it out: 'reset', 502, 504, or null. */
		lostAnswer(method) {
			if (!lostAnswers || (lostAnswers.methods && !lostAnswers.methods.includes(method)))
				return null;
			const { as } = lostAnswers;
			if (--lostAnswers.remaining <= 0) lostAnswers = null;
			stats.dropped++;
			return as;
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

/**
 * Canned answers that stand in for Coupa's (credential-safety tests):
 * - `redirect({ to, count, status, path })`: the next `count` /api requests (whose path starts with
 *   `path`, when given) are answered with a redirect to `to`. `to` is an origin (the request's path
 *   and query are appended) or a full URL; `null` sends a 3xx without Location.
 * - `tokenAnswer({ count, status, body, headers })`: the next `count` token requests get this
 *   answer instead of a token, e.g. `{}` with 200, an HTML page, or a 307 with a Location header.
 * - `echoToken({ count, status })`: the next `count` API requests that carry a valid token are
 *   refused with a Coupa error whose text contains that token (a server that echoes what it got).
 */
function createAnswerFaults() {
	let redirects = null; // { remaining, to, status, path }
	let tokenAnswers = null; // { remaining, status, body, headers }
	let echoes = null; // { remaining, status }
	const take = (fault) => {
		if (--fault.remaining <= 0) return null;
		return fault;
	};
	return {
		redirect({ to, count = 1, status = 302, path } = {}) {
			redirects = count > 0 ? { remaining: count, to, status, path } : null;
		},
		tokenAnswer({
			count = 1,
			status = 200,
			body = '{}',
			headers = { 'Content-Type': 'application/json' },
		} = {}) {
			tokenAnswers = count > 0 ? { remaining: count, status, body, headers } : null;
		},
		echoToken({ count = 1, status = 400 } = {}) {
			echoes = count > 0 ? { remaining: count, status } : null;
		},
		resetAnswerFaults() {
			redirects = tokenAnswers = echoes = null;
		},
		/** The redirect for this /api request ({ status, location }), if one is armed. */
		redirectFor(url) {
			if (!redirects || (redirects.path && !url.pathname.startsWith(redirects.path))) return null;
			const { to, status } = redirects;
			redirects = take(redirects);
			if (to === null) return { status, location: null };
			const location = /^[a-z]+:\/\/[^/]+$/i.test(to) ? `${to}${url.pathname}${url.search}` : to;
			return { status, location };
		},
		/** The canned token answer ({ status, body, headers }), if one is armed. */
		tokenAnswerNow() {
			if (!tokenAnswers) return null;
			const { status, body, headers } = tokenAnswers;
			tokenAnswers = take(tokenAnswers);
			return { status, body, headers };
		},
		/** The error ({ status, errors }) echoing `accessToken`, if one is armed. */
		echoFor(accessToken) {
			if (!echoes || !accessToken) return null;
			const { status } = echoes;
			echoes = take(echoes);
			return {
				status,
				errors: {
					base: [`Request with token ${accessToken} refused: this token may not change the record`],
				},
			};
		},
	};
}
