import { sleep } from 'n8n-workflow';

/**
 * Coupa allows 25 requests a second per instance with a burst of 20 (coupa-api.md §4). One
 * limiter per host is shared by every execution in this n8n process, so parallel workflows
 * and concurrent paging are smoothed instead of hitting 429s.
 *
 * It is a GCRA (virtual scheduling) limiter: each call reserves the next free slot at once,
 * which keeps it fair and race-free in single-threaded JavaScript, then waits for that slot.
 */
export const COUPA_REQUESTS_PER_SECOND = 24;
export const COUPA_BURST = 20;

class HostRateLimiter {
	private theoreticalArrival = 0;

	constructor(
		private readonly perSecond: number,
		private readonly burst: number,
	) {}

	/** Milliseconds the caller must wait before sending; the slot is reserved on return. */
	reserve(now: number): number {
		const interval = 1000 / this.perSecond;
		const arrival = Math.max(this.theoreticalArrival, now);
		const wait = Math.max(0, arrival - now - (this.burst - 1) * interval);
		this.theoreticalArrival = arrival + interval;
		return wait;
	}
}

const limiters = new Map<string, HostRateLimiter>();

export async function waitForRateLimit(host: string): Promise<void> {
	let limiter = limiters.get(host);
	if (!limiter) {
		limiter = new HostRateLimiter(COUPA_REQUESTS_PER_SECOND, COUPA_BURST);
		limiters.set(host, limiter);
	}
	const wait = limiter.reserve(Date.now());
	if (wait > 0) await sleep(wait);
}
