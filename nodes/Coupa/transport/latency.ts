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

interface OriginTimes {
	/** Moving average of answered round trips (ms). */
	average?: number;
	/** When each request still waiting for its answer was sent. */
	open: Set<{ sentAt: number }>;
}

const origins = new Map<string, OriginTimes>();

function timesOf(originKey: string): OriginTimes {
	let times = origins.get(originKey);
	if (!times) {
		times = { open: new Set() };
		origins.set(originKey, times);
	}
	return times;
}

/**
 * Starts timing a request to `originKey`; call the result once it is answered (`true` when Coupa
 * answered, so the round trip counts) or failed without an answer (`false`).
 */
export function timeRequest(originKey: string): (answered: boolean) => void {
	const times = timesOf(originKey);
	const entry = { sentAt: Date.now() };
	times.open.add(entry);
	return (answered) => {
		if (!times.open.delete(entry) || !answered) return;
		const ms = Date.now() - entry.sentAt;
		times.average =
			times.average === undefined ? ms : times.average + WEIGHT_OF_NEW * (ms - times.average);
	};
}

/**
 * The round trip to expect: the moving average, or longer while a request has been waiting
 * longer than that (Coupa slowed down, or the average came from a faster kind of request).
 */
export function latencyOf(originKey: string, now = Date.now()): number {
	const times = origins.get(originKey);
	let latency = times?.average ?? FIRST_GUESS_MS;
	for (const { sentAt } of times?.open ?? []) latency = Math.max(latency, now - sentAt);
	return latency;
}

/** Items to run at once against `originKey`: its allowed rate times its latency, with slack, bounded. */
export function itemsInFlight(originKey: string, maxRequestsPerSecond: number): number {
	const now = Date.now();
	const rate = limiterFor(originKey, maxRequestsPerSecond).rateAt(now);
	const wanted = Math.ceil((rate * latencyOf(originKey, now) * HEADROOM) / 1000) + EXTRA_ITEMS;
	return Math.max(1, Math.min(MAX_ITEMS_IN_FLIGHT, wanted));
}
