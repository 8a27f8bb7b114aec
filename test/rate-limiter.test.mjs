/**
 * The rate limiter (nodes/Coupa/transport/rateLimiter.ts): its pacing on a simulated clock, its
 * adaptation to 429s (AIMD, Retry-After), several processes sharing one Coupa on a simulated
 * clock, and its pacing over real HTTP against the fake Coupa (request timestamps, lower bounds
 * only: load can delay a request, never send it early).
 */
import { createRequire } from 'node:module';
import { DEFAULT_CLIENT, startCoupa } from './harness/setup.mjs';

const require = createRequire(import.meta.url);
const limiterModule = require('../dist/nodes/Coupa/transport/rateLimiter.js');
const {
	AdaptiveRateLimiter,
	COUPA_BURST,
	COUPA_REQUESTS_PER_SECOND,
	DECREASE_FACTOR,
	INCREASE_PER_SECOND,
	burstFor,
	capFrom,
	waitForRateLimit,
} = limiterModule;

const INTERVAL = 1000 / 24;

/** Send times of `count` requests all asking at `now` (a simulated clock, in ms). */
function schedule(limiter, count, now) {
	return Array.from({ length: count }, () => now + limiter.reserve(now));
}

describe('default pacing: 24 a second with a burst of 16', () => {
	test("the defaults are Coupa's limit less one request a second, and Coupa's burst less 4", () => {
		expect(COUPA_REQUESTS_PER_SECOND).toBe(24);
		expect(COUPA_BURST).toBe(20);
		const limiter = new AdaptiveRateLimiter();
		expect(limiter.cap).toBe(24);
		expect(limiter.burst).toBe(16);
	});

	test('after a second idle, 60 requests at once: 16 go at once, then one every 1/24 s (GCRA)', () => {
		const limiter = new AdaptiveRateLimiter();
		expect(limiter.reserve(0)).toBe(0);
		const times = schedule(limiter, 60, 1000);
		times.forEach((at, k) => {
			expect(at).toBeCloseTo(k < 16 ? 1000 : 1000 + (k - 15) * INTERVAL, 6);
		});
		// Over any second, at most 24 + the burst: 4 fewer than Coupa's bucket takes.
		expect(times.filter((at) => at < 1999).length).toBe(16 + 23);
	});

	test('a new limiter starts with an empty burst allowance and earns it while idle', () => {
		const limiter = new AdaptiveRateLimiter();
		const cold = schedule(limiter, 5, 0);
		cold.forEach((at, k) => expect(at).toBeCloseTo(k * INTERVAL, 6));
		// Idle for 10 intervals after its last slot: 10 requests may go at once, the 11th waits.
		const later = 14 * INTERVAL;
		const warm = schedule(limiter, 12, later);
		warm.slice(0, 10).forEach((at) => expect(at).toBeCloseTo(later, 6));
		expect(warm[10]).toBeCloseTo(later + INTERVAL, 6);
		expect(warm[11]).toBeCloseTo(later + 2 * INTERVAL, 6);
	});

	test('freeSlots tells how many requests would go at once, and reserves nothing', () => {
		const limiter = new AdaptiveRateLimiter();
		expect(limiter.freeSlots(0)).toBe(1);
		limiter.reserve(0);
		expect(limiter.freeSlots(0)).toBe(0);
		expect(limiter.freeSlots(0)).toBe(0);
		// Each count equals the requests that then really go at once, whatever the idle time.
		for (const at of [10 * INTERVAL, 10 * INTERVAL + 5, 40 * INTERVAL, 60_000]) {
			const free = limiter.freeSlots(at);
			const times = schedule(limiter, 20, at);
			expect(times.filter((t) => t === at)).toHaveLength(free);
		}
		expect(limiter.freeSlots(60_000)).toBe(0);
		expect(limiter.freeSlots(120_000)).toBe(16);
	});

	test('a request after a long pause never waits, and the allowance stops at 16', () => {
		const limiter = new AdaptiveRateLimiter();
		limiter.reserve(0);
		const times = schedule(limiter, 25, 60_000);
		expect(times.filter((at) => at === 60_000)).toHaveLength(16);
	});
});

describe('the per-credential cap', () => {
	test('a cap below the default paces at the cap with a proportional burst', () => {
		expect(burstFor(24)).toBe(16);
		expect(burstFor(100)).toBe(16);
		// A share of the instance's 25 a second gets that share of Coupa's burst of 20, rounded
		// down, and never more than the default's 16.
		expect(burstFor(23)).toBe(16);
		expect(burstFor(20)).toBe(16);
		expect(burstFor(12)).toBe(9);
		expect(burstFor(8)).toBe(6);
		expect(burstFor(6)).toBe(4);
		expect(burstFor(1)).toBe(1);
		expect(burstFor(12) + burstFor(12)).toBeLessThanOrEqual(20);
		expect(3 * burstFor(8)).toBeLessThanOrEqual(20);
		const limiter = new AdaptiveRateLimiter(12);
		limiter.reserve(0);
		const times = schedule(limiter, 30, 10_000);
		times.forEach((at, k) =>
			expect(at).toBeCloseTo(k < 9 ? 10_000 : 10_000 + (k - 8) * (1000 / 12), 6),
		);
	});

	test('the credential field is read tolerantly', () => {
		expect(capFrom(undefined)).toBe(24);
		expect(capFrom('')).toBe(24);
		expect(capFrom(0)).toBe(24);
		expect(capFrom(-3)).toBe(24);
		expect(capFrom('abc')).toBe(24);
		expect(capFrom(12)).toBe(12);
		expect(capFrom('7.5')).toBe(7.5);
	});

	test('credentials with different caps on one origin get separate limiters; equal caps share one', () => {
		const a = limiterModule.limiterFor('cap-test.example', 12);
		const b = limiterModule.limiterFor('cap-test.example', 6);
		expect(a).not.toBe(b);
		expect(limiterModule.limiterFor('cap-test.example', '12')).toBe(a);
		expect(limiterModule.limiterFor('cap-test.example')).toBe(
			limiterModule.limiterFor('cap-test.example', 24),
		);
	});
});

describe('adapting to 429s (AIMD)', () => {
	test('a 429 cuts the rate once per collision and spends the burst allowance', () => {
		const limiter = new AdaptiveRateLimiter();
		expect(limiter.rateAt(5000)).toBe(24);
		// Busy: requests asked for all along, so it sends at its full 24 a second until 5 s.
		schedule(limiter, 120, 0);
		// Three requests sent at 4,000 ms come back 429 at 4,200 ms.
		limiter.rateLimited(4200, 4000);
		limiter.rateLimited(4210, 4000);
		limiter.rateLimited(4220, 4010);
		expect(limiter.cuts).toBe(1);
		expect(limiter.rateAt(4220)).toBeCloseTo(24 * DECREASE_FACTOR + INCREASE_PER_SECOND * 0.02, 6);
		// Nothing for one round trip (the refused request's: 200 ms), then no burst: one request at
		// 4,400 ms, then one per interval at the new rate.
		const times = schedule(limiter, 4, 4220);
		const interval = 1000 / limiter.rateAt(4220);
		expect(times[0]).toBe(4400);
		expect(times[1] - times[0]).toBeGreaterThan(1000 / (24 * DECREASE_FACTOR + 0.1));
		expect(times[1] - times[0]).toBeLessThan(1000 / (24 * DECREASE_FACTOR) + 2);
		expect(times[3] - times[2]).toBeCloseTo(interval, 6);
		// A request sent after the cut that is refused too cuts again.
		limiter.rateLimited(4500, 4300);
		expect(limiter.cuts).toBe(2);
	});

	test('without 429s the rate grows back by one request a second each second, up to the cap', () => {
		const limiter = new AdaptiveRateLimiter();
		schedule(limiter, 60, 0);
		limiter.rateLimited(2000, 2000);
		const cut = 24 * DECREASE_FACTOR;
		expect(limiter.rateAt(2000)).toBeCloseTo(cut, 6);
		expect(limiter.rateAt(4000)).toBeCloseTo(cut + 2 * INCREASE_PER_SECOND, 6);
		expect(limiter.rateAt(60_000)).toBe(24);
	});

	test('a process sending below its rate is cut from what it sent, so one cut bites', () => {
		const limiter = new AdaptiveRateLimiter();
		// Its executions only ask for 8 requests a second (e.g. busy parsing pages).
		for (let t = 1; t < 3000; t += 125) expect(limiter.reserve(t)).toBe(0);
		expect(limiter.sentRate(3000)).toBe(8);
		limiter.rateLimited(3000, 2900);
		expect(limiter.rateAt(3000)).toBeCloseTo(8 * DECREASE_FACTOR, 6);
	});

	test('the rate never falls below one request a second', () => {
		const limiter = new AdaptiveRateLimiter();
		for (let t = 0; t < 100; t++) limiter.rateLimited(t, t);
		expect(limiter.rateAt(99)).toBe(1);
	});

	test('Retry-After pauses the whole origin, then it resumes without a burst', () => {
		const limiter = new AdaptiveRateLimiter();
		limiter.reserve(0);
		limiter.rateLimited(2000, 1900, 3);
		const times = schedule(limiter, 3, 2000);
		expect(times[0]).toBe(5000);
		expect(times[1] - times[0]).toBeCloseTo(1000 / limiter.rateAt(2000), 6);
		// A later request that asks during the pause waits for its end too.
		expect(2500 + limiter.reserve(2500)).toBeGreaterThan(5000);
	});
});

/**
 * Processes that each run their own limiter against one Coupa (a leaky bucket of 25 a second,
 * burst 20, as the fake enforces it), on a simulated clock. Each process keeps `inFlight` requests
 * outstanding, every response takes `latency` ms, and a 429 is resent after `retryMs`.
 */
function simulate({
	processes,
	cap = 24,
	seconds = 30,
	latency = 150,
	inFlight = 8,
	retryMs = 500,
}) {
	const events = [];
	let now = 0;
	const at = (time, run) => events.push({ time, run });
	const bucket = { level: 0, at: 0 };
	const admit = () => {
		bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * 25);
		bucket.at = now;
		if (bucket.level + 1 > 20) return false;
		bucket.level += 1;
		return true;
	};
	const stats = Array.from({ length: processes }, () => ({
		sent: 0,
		ok: 0,
		limited: 0,
		okBySecond: [],
	}));
	const limiters = stats.map(() => new AdaptiveRateLimiter(cap));
	const send = (p) => {
		const limiter = limiters[p];
		const epoch = limiter.epoch;
		const wait = limiter.reserve(now);
		at(now + wait, () => {
			if (wait > 0 && limiter.epoch !== epoch) return send(p);
			if (now > seconds * 1000) return;
			const sentAt = now;
			stats[p].sent++;
			at(now + latency, () => {
				if (admit()) {
					stats[p].ok++;
					const second = Math.floor(now / 1000);
					stats[p].okBySecond[second] = (stats[p].okBySecond[second] ?? 0) + 1;
					return send(p);
				}
				stats[p].limited++;
				limiter.rateLimited(now, sentAt);
				at(now + retryMs, () => send(p));
			});
		});
	};
	for (let p = 0; p < processes; p++) for (let i = 0; i < inFlight; i++) at(p * 7, () => send(p));
	while (events.length) {
		let next = 0;
		for (let i = 1; i < events.length; i++) if (events[i].time < events[next].time) next = i;
		const [event] = events.splice(next, 1);
		now = event.time;
		event.run();
	}
	const sent = stats.reduce((sum, s) => sum + s.sent, 0);
	const ok = stats.reduce((sum, s) => sum + s.ok, 0);
	const limited = stats.reduce((sum, s) => sum + s.limited, 0);
	return { stats, sent, ok, limited, okPerSecond: ok / seconds };
}

describe('several processes sharing one Coupa (simulated clock)', () => {
	test.each([2, 3])(
		'%i processes at the default converge: few 429s, Coupa kept busy, nobody starved',
		(processes) => {
			const run = simulate({ processes });
			expect(run.limited / run.sent).toBeLessThanOrEqual(0.1);
			expect(run.okPerSecond).toBeGreaterThanOrEqual(0.8 * 25);
			// Fair shares: every process gets at least half of an equal share over the run.
			for (const s of run.stats) expect(s.ok).toBeGreaterThanOrEqual((0.5 * run.ok) / processes);
			// No oscillation into silence: in every second after the first, every process got requests through.
			for (const s of run.stats)
				for (let second = 1; second < 30; second++)
					expect(s.okBySecond[second] ?? 0).toBeGreaterThan(0);
		},
	);

	test('2 processes with the budget split by the cap (12 each) never see a 429', () => {
		const run = simulate({ processes: 2, cap: 12 });
		expect(run.limited).toBe(0);
		expect(run.okPerSecond).toBeGreaterThanOrEqual(0.9 * 24);
	});

	test('without adaptation (a fixed 24 each), 2 processes would be refused constantly', () => {
		const fixed = AdaptiveRateLimiter.prototype.rateLimited;
		AdaptiveRateLimiter.prototype.rateLimited = () => {};
		try {
			const run = simulate({ processes: 2 });
			expect(run.limited / run.sent).toBeGreaterThan(0.3);
		} finally {
			AdaptiveRateLimiter.prototype.rateLimited = fixed;
		}
	});
});

describe('pacing over real HTTP against the fake Coupa', () => {
	let fake;
	afterEach(async () => fake?.close());

	/** 60 requests asked for at once through the limiter, each a real GET to the fake. */
	async function burst(key, token, count = 60) {
		await Promise.all(
			Array.from({ length: count }, async () => {
				await waitForRateLimit(key);
				const response = await fetch(`${fake.url}/api/suppliers/1`, {
					headers: { Accept: 'application/json', Authorization: `Bearer ${token}` },
				});
				await response.arrayBuffer();
				expect(response.status).toBe(200);
			}),
		);
	}

	test('a burst of 60 requests reaches Coupa as GCRA dictates: 16 at once, then 24 a second', async () => {
		fake = await startCoupa();
		const tokenResponse = await fetch(`${fake.url}/oauth2/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				grant_type: 'client_credentials',
				client_id: DEFAULT_CLIENT.clientId,
				client_secret: DEFAULT_CLIENT.clientSecret,
				scope: DEFAULT_CLIENT.scopes.join(' '),
			}),
		});
		const { access_token: token } = await tokenResponse.json();
		const key = `${new URL(fake.url).host}`;
		// One request, then idle long enough to earn the whole burst allowance back.
		await burst(key, token, 1);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		fake.clearRequests();
		const asked = Date.now();
		await burst(key, token);
		const arrivals = fake
			.apiRequests()
			.map((r) => r.at)
			.sort((a, b) => a - b);
		expect(arrivals).toHaveLength(60);
		// The k-th arrival (from 0) can't come before asked + (k - 15) intervals (2 ms for timer
		// rounding): the first 16 may go at once, then one every 1/24 s.
		arrivals.forEach((at, k) => {
			expect(at - asked).toBeGreaterThanOrEqual(Math.max(0, k - 15) * INTERVAL - 2);
		});
		// So the 60 take at least 44 intervals (about 1.83 s), where an unlimited client takes milliseconds.
		expect(arrivals[59] - asked).toBeGreaterThanOrEqual(44 * INTERVAL - 2);
	});
});
