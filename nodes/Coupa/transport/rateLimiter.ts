import { sleep } from 'n8n-workflow';

/**
 * Coupa allows 25 requests a second per instance with a burst of 20 (Compass "Exception Handling
 * and Error Codes"). That budget belongs to the instance, not to one n8n process: in queue mode
 * several workers, and other integrations, share it, and nothing here can see them. So every
 * process paces itself, and learns about the others only from the 429s Coupa sends it.
 *
 * One limiter per origin and per-credential cap, shared by every execution that this n8n process runs.
 * It is a GCRA (virtual scheduling) limiter: each call reserves the next free slot at once, which
 * keeps it fair (first come, first served) and race-free in single-threaded JavaScript, then waits
 * for that slot. Its rate adapts like TCP's congestion window (AIMD):
 * - it starts at the cap (the credential's Max Requests per Second, default 24, just under Coupa's
 *   25) with an empty burst allowance, earned while idle: a new limiter can't know who else is
 *   using Coupa's bucket;
 * - a 429 cuts the rate to DECREASE_FACTOR times what this process sent over the last second (or
 *   its rate, if lower) and spends the burst allowance (Coupa's bucket is full). 429s for requests
 *   sent before that cut carry no news and cut nothing, so a cluster of 429s from one collision
 *   costs one cut, not one per 429;
 * - after the cut it sends nothing for one round trip (the refused request's), so new requests
 *   don't follow the ones still on their way into Coupa's full bucket;
 * - while no 429 comes the rate grows back by INCREASE_PER_SECOND each second, up to the cap;
 * - a Retry-After pauses the whole origin until then (at most MAX_PAUSE_MS), then resumes without
 *   a burst.
 * Processes that share an instance this way converge to equal shares of it (AIMD is fair), and
 * an admin who wants no 429s at all splits the budget with the cap.
 */
export const COUPA_REQUESTS_PER_SECOND = 24;
/** Coupa's documented burst. */
export const COUPA_BURST = 20;
/**
 * The burst this limiter allows itself at the default cap: 4 short of Coupa's. Requests sent at
 * the limiter's pace reach Coupa's bucket a little bunched (each waits a different time on the
 * way), and right after a burst that bucket is nearly full, so without slack one bunch costs a 429
 * and the rate cut that follows it (bench: one 429 cost a 10,000-change backlog about 7% of its
 * pace).
 */
export const LIMITER_BURST = 16;
/** Coupa's documented limit per instance. */
export const COUPA_INSTANCE_LIMIT = 25;
/** Rate kept after a 429: the rate at that moment times this. */
export const DECREASE_FACTOR = 0.75;
/** The window over which the rate this process actually sent is measured, for a cut. */
export const SENT_WINDOW_MS = 1000;
const SENDS_KEPT = 4096;
/** Requests per second regained for each second without a 429. */
export const INCREASE_PER_SECOND = 1;
export const MIN_REQUESTS_PER_SECOND = 1;
/** The longest hold after a 429 while the requests sent before it come back. */
export const MAX_ROUND_TRIP_PAUSE_MS = 1000;
/** The longest pause a Retry-After can impose on the origin. */
export const MAX_PAUSE_MS = 60_000;
/** Highest cap accepted from a credential; Coupa's documented limit is 25. */
export const MAX_CAP = 1000;

/** The number a credential field holds (typed, or text from an expression); undefined when empty. */
function capValue(value: unknown): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : Number(value);
	return value;
}

/** The cap a credential field gives: a number from 1 to MAX_CAP, else the default (see capProblem). */
export function capFrom(value: unknown): number {
	const cap = capValue(value);
	if (typeof cap !== 'number' || !Number.isFinite(cap) || cap <= 0)
		return COUPA_REQUESTS_PER_SECOND;
	return Math.min(MAX_CAP, Math.max(MIN_REQUESTS_PER_SECOND, cap));
}

/**
 * Why the credential's Max Requests per Second can't be used, or undefined. Checked when a node
 * runs: a value below 1 would make a request wait minutes (or, tiny enough, overflow the timer so
 * that nothing is limited), and text from an expression must not silently become the default.
 */
export function capProblem(value: unknown): string | undefined {
	const cap = capValue(value);
	if (cap === undefined) return undefined;
	if (typeof cap === 'number' && cap >= MIN_REQUESTS_PER_SECOND && cap <= MAX_CAP) return undefined;
	const shown = typeof value === 'string' ? `"${value.slice(0, 40)}"` : String(value).slice(0, 40);
	return `The credential's Max Requests per Second must be a number from ${MIN_REQUESTS_PER_SECOND} to ${MAX_CAP}, not ${shown}`;
}

/**
 * The burst that goes with a cap: LIMITER_BURST at the default (one process using the instance).
 * A lower cap is a share of the instance's 25 a second, so it gets the same share of Coupa's burst,
 * rounded down and no more than LIMITER_BURST: caps that add up to at most 25 then have bursts that
 * add up to at most 20, and processes that split the budget can't overflow Coupa's bucket together.
 */
export function burstFor(cap: number): number {
	const share = Math.floor(
		(COUPA_BURST * Math.min(cap, COUPA_INSTANCE_LIMIT)) / COUPA_INSTANCE_LIMIT,
	);
	return Math.max(1, Math.min(LIMITER_BURST, share));
}

export class AdaptiveRateLimiter {
	/** GCRA theoretical arrival time (ms). */
	private theoreticalArrival = -Infinity;
	/** The slot interval when theoreticalArrival was last set (ms). */
	private lastInterval = 1000 / COUPA_REQUESTS_PER_SECOND;
	/** The rate right after the last cut, and when that was (ms). */
	private cutRate: number;
	private cutAt = -Infinity;
	private pausedUntil = -Infinity;
	/** Bumped by every cut or pause: a caller that slept through one takes a new slot. */
	epoch = 0;
	/** Slot times handed out lately, in order. */
	private readonly sends: number[] = [];
	/** How many times a 429 cut the rate. */
	cuts = 0;

	constructor(
		readonly cap: number = COUPA_REQUESTS_PER_SECOND,
		readonly burst: number = burstFor(cap),
	) {
		this.cutRate = cap;
	}

	/** Requests per second allowed at `now`. */
	rateAt(now: number): number {
		const grown = this.cutRate + (INCREASE_PER_SECOND * Math.max(0, now - this.cutAt)) / 1000;
		return Math.min(this.cap, grown);
	}

	/** Requests a second this limiter let go over the last SENT_WINDOW_MS (slots still ahead excluded). */
	sentRate(now: number): number {
		let count = 0;
		for (let i = this.sends.length - 1; i >= 0; i--) {
			const at = this.sends[i];
			if (at <= now - SENT_WINDOW_MS) break;
			if (at <= now) count++;
		}
		return (count * 1000) / SENT_WINDOW_MS;
	}

	/**
	 * How many requests could go at once at `now` without waiting (its burst allowance earned so
	 * far), reserving nothing: 0 while requests queue for slots or the origin is paused.
	 */
	freeSlots(now: number): number {
		if (now < this.pausedUntil) return 0;
		if (this.theoreticalArrival === -Infinity) return 1;
		const interval = 1000 / this.rateAt(now);
		const tolerance = (this.burst - 1) * interval;
		const owed = Math.max(this.theoreticalArrival, now) - now;
		return owed > tolerance ? 0 : Math.floor((tolerance - owed) / interval) + 1;
	}

	/** Milliseconds the caller must wait before sending; the slot is reserved on return. */
	reserve(now: number): number {
		const interval = 1000 / this.rateAt(now);
		const tolerance = (this.burst - 1) * interval;
		// A new limiter can't know whether Coupa's bucket is already in use by another process, so
		// its burst allowance starts empty and is earned while idle, as GCRA always earns it.
		if (this.theoreticalArrival === -Infinity) this.theoreticalArrival = now + tolerance;
		// The rate changed since the last call: keep what is owed in requests, not milliseconds, so a
		// growing rate frees slots sooner instead of pushing them back.
		if (this.theoreticalArrival > now && interval !== this.lastInterval) {
			this.theoreticalArrival =
				now + ((this.theoreticalArrival - now) * interval) / this.lastInterval;
		}
		this.lastInterval = interval;
		const sendAt = Math.max(now, this.pausedUntil, this.theoreticalArrival - tolerance);
		this.theoreticalArrival = Math.max(this.theoreticalArrival, sendAt) + interval;
		this.sends.push(sendAt);
		if (this.sends.length > 2 * SENDS_KEPT) this.sends.splice(0, this.sends.length - SENDS_KEPT);
		return sendAt - now;
	}

	/**
	 * Coupa answered 429 to a request sent at `sentAt`. Cuts the rate once per collision, forgets
	 * the reservations made at the old rate, and pauses for a Retry-After.
	 */
	rateLimited(now: number, sentAt: number, retryAfterSeconds?: number): void {
		const fresh = sentAt >= this.cutAt;
		if (fresh) {
			// Cut from what this process actually sent lately, not from what it was allowed: a process
			// that sends less than its rate (its executions are busy elsewhere) would otherwise need
			// several cuts before one bites (TCP cuts from the data in flight, not the window).
			const base = Math.min(
				this.rateAt(now),
				Math.max(MIN_REQUESTS_PER_SECOND, this.sentRate(now)),
			);
			this.cutRate = Math.max(MIN_REQUESTS_PER_SECOND, Math.min(this.cap, base * DECREASE_FACTOR));
			this.cutAt = now;
			this.cuts++;
			// Requests sent before this one came back are still on their way into a full bucket:
			// hold new ones for one round trip (this request's), so they don't follow them in.
			this.pausedUntil = Math.max(
				this.pausedUntil,
				now + Math.min(MAX_ROUND_TRIP_PAUSE_MS, Math.max(0, now - sentAt)),
			);
		}
		if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
			this.pausedUntil = Math.max(
				this.pausedUntil,
				now + Math.min(MAX_PAUSE_MS, retryAfterSeconds * 1000),
			);
		}
		if (!fresh && this.pausedUntil <= now) return;
		// Coupa's bucket is full: no burst until it drains. The next request may go at once (or
		// when the pause ends), then one every interval at the new rate. Callers already waiting
		// for an old slot take a new one when they wake (epoch).
		const interval = 1000 / this.rateAt(now);
		this.theoreticalArrival = Math.max(now, this.pausedUntil) + (this.burst - 1) * interval;
		this.lastInterval = interval;
		this.epoch++;
	}
}

/** A sent request's slot, to report what Coupa answered. */
export interface RateLimitSlot {
	sentAt: number;
	/** Report a 429 (with Retry-After in seconds if Coupa named one). */
	rateLimited(retryAfterSeconds?: number): void;
}

const limiters = new Map<string, AdaptiveRateLimiter>();

/** The limiter for an origin key and a per-credential cap (default 24 a second). */
export function limiterFor(key: string, maxPerSecond?: unknown): AdaptiveRateLimiter {
	const cap = capFrom(maxPerSecond);
	const id = `${key}\n${cap}`;
	let limiter = limiters.get(id);
	if (!limiter) {
		limiter = new AdaptiveRateLimiter(cap);
		limiters.set(id, limiter);
	}
	return limiter;
}

/**
 * Waits until this process may send one more request to `key` (the origin) under the cap, and
 * returns its slot so the caller can report a 429.
 */
export async function waitForRateLimit(
	key: string,
	maxPerSecond?: unknown,
): Promise<RateLimitSlot> {
	const limiter = limiterFor(key, maxPerSecond);
	for (;;) {
		const epoch = limiter.epoch;
		const wait = limiter.reserve(Date.now());
		if (wait > 0) await sleep(wait);
		// A 429 or a pause arrived while this caller waited: its slot was planned at the old rate.
		if (limiter.epoch === epoch || wait <= 0) break;
	}
	const sentAt = Date.now();
	return {
		sentAt,
		rateLimited: (retryAfterSeconds?: number) =>
			limiter.rateLimited(Date.now(), sentAt, retryAfterSeconds),
	};
}
