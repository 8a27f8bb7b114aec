import { limiterFor } from './rateLimiter';

/**
 * How long Coupa takes to answer, per origin, and so how many items must be in flight to keep
 * the shared rate limiter busy (Little's law: in flight = rate × time each takes).
 */
const WEIGHT_OF_NEW = 0.2;
/** The round trip assumed before Coupa has answered once. */
const FIRST_GUESS_MS = 500;
/** Items in flight never exceed this, whatever the latency: 50,000 items never become 50,000 requests. */
export const MAX_ITEMS_IN_FLIGHT = 64;
/** Slack over rate × latency, for latency that varies from one request to the next. */
const HEADROOM = 1.25;
const EXTRA_ITEMS = 2;

const latencies = new Map<string, number>();

/** A request to `originKey` took `ms` from sending to its answer. */
export function recordLatency(originKey: string, ms: number): void {
	const before = latencies.get(originKey);
	latencies.set(originKey, before === undefined ? ms : before + WEIGHT_OF_NEW * (ms - before));
}

export function latencyOf(originKey: string): number {
	return latencies.get(originKey) ?? FIRST_GUESS_MS;
}

/** Items to run at once against `originKey`: its allowed rate times its latency, with slack, bounded. */
export function itemsInFlight(originKey: string, maxRequestsPerSecond: number): number {
	const rate = limiterFor(originKey, maxRequestsPerSecond).rateAt(Date.now());
	const wanted = Math.ceil((rate * latencyOf(originKey) * HEADROOM) / 1000) + EXTRA_ITEMS;
	return Math.max(1, Math.min(MAX_ITEMS_IN_FLIGHT, wanted));
}
