// The Coupa Trigger against the fake Coupa over real HTTP, poll after poll, with n8n's staged
// cursor emulated by the harness (a failed poll's static data is discarded). The fake returns
// records that share a second in a fresh random order on every request, as Coupa may.
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { formatTimestamp } from './fake-coupa/clock.mjs';
import { clearLogs, logged } from './harness/logs.mjs';
import { registerNodeType, runPoll } from './harness/n8n.mjs';
import { allScopes, apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { startProxy } from './harness/proxy.mjs';

const require = createRequire(import.meta.url);
const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
const { MAX_TRIGGER_WINDOW } = require('../dist/nodes/Coupa/trigger/poll.js');
const {
	LOOKBACK_MS,
	nextPosition,
	SEEN_LIMIT,
	startPosition,
} = require('../dist/nodes/Coupa/trigger/state.js');
registerNodeType('coupaTrigger', new CoupaTrigger());

const wholeSecond = (ms) => Math.floor(ms / 1000) * 1000;
/** Recent: a minute before the test started by n8n's clock, well inside the trigger's look-back. */
let T0;
const sec = (n) => T0 + n * 1000;
/** A day before the test: older than the look-back, so only backlogs (Start From) reach it. */
let DAY_AGO;
const ago = (n) => DAY_AGO + n * 1000;
const PATH = 'invoices';
const KEY = 'node:Coupa Trigger';

let fake;
beforeEach(async () => {
	T0 = wholeSecond(Date.now()) - 60_000;
	DAY_AGO = wholeSecond(Date.now()) - 86_400_000;
	fake = await startCoupa({ seed: false, clock: T0, shuffleTies: true });
	clearLogs();
});
afterEach(() => fake.close());

const backfill = () => ({ startFrom: new Date(T0 - 3_600_000).toISOString() });
const fromDayAgo = () => ({ options: { startFrom: new Date(ago(-60)).toISOString() } });

/** A trigger with its own committed static data; poll() returns the emitted records. */
function trigger(parameters, { scope = allScopes(), via = fake } = {}) {
	const store = credentialFor(via, scope);
	const staticData = {};
	const params = {
		resource: 'invoice',
		event: 'updated',
		...parameters,
		options: { ...backfill(), ...parameters.options },
	};
	return {
		staticData,
		async poll(extra = {}) {
			const { result } = await runPoll({ parameters: params, store, staticData, ...extra });
			return result ? result[0].map((item) => item.json) : [];
		},
		/** Polls until a poll emits nothing; returns everything emitted. */
		async drain(extra = {}) {
			const all = [];
			for (let polls = 0; polls < 100; polls++) {
				const records = await this.poll(extra);
				if (!records.length) return all;
				all.push(...records);
			}
			throw new Error('the trigger never ran dry');
		},
	};
}

/** Insert an invoice whose timestamps are `at` (ms) written in the given offset. */
function insert(at, fields = {}, offset = -480) {
	const stamp = formatTimestamp(at, offset);
	return fake.store.insert(PATH, {
		status: 'draft',
		'created-at': stamp,
		'updated-at': stamp,
		...fields,
	});
}
function update(id, at, changes = {}, offset = -480) {
	return fake.store.update(PATH, id, changes, { at: formatTimestamp(at, offset) });
}

const version = (record) => `${record.id}@${Date.parse(record['updated-at'])}`;
const duplicates = (versions) => versions.filter((v, i) => versions.indexOf(v) !== i);

/** Fails exactly the `n`th API request from now on with a non-retryable 500 (fails fast). */
function failNthRequest(n) {
	const original = fake.faults.serverError;
	let count = 0;
	fake.faults.serverError = () => (++count === n ? { status: 500, body: 'boom' } : original());
}

describe('exactly once, whatever order Coupa gives records that share a second', () => {
	let proxy;
	afterEach(async () => proxy?.close());

	test('150 records in one second, read over several polls while records change, each version exactly once', async () => {
		const first = [];
		for (let i = 0; i < 150; i++) first.push(insert(sec(0), {}, [-480, 330, 0][i % 3]));
		for (let i = 0; i < 30; i++) first.push(insert(sec(1)));
		const initial = new Map(first.map((record) => [record.id, version(record)]));
		// Between requests, records change: each update is stamped with n8n's current second.
		const updated = new Set();
		let requests = 0;
		proxy = await startProxy(fake, () => {
			if (++requests % 3 !== 0 || updated.size >= 40) return;
			const id = 1 + ((requests * 37) % 180);
			updated.add(id);
			update(id, wholeSecond(Date.now()), { status: 'approved' });
		});
		const watcher = trigger({}, { via: proxy });
		const emitted = [];
		for (let i = 0; i < 3; i++) emitted.push(...(await watcher.poll({ pollBudgetMs: 0 })));
		emitted.push(...(await watcher.drain()));
		const versions = emitted.map(version);

		expect(duplicates(versions)).toEqual([]);
		expect(updated.size).toBeGreaterThan(5);
		// Every record's latest version, and the first version of every record never changed.
		for (const record of fake.store.list(PATH)) expect(versions).toContain(version(record));
		for (const [id, first] of initial) if (!updated.has(id)) expect(versions).toContain(first);
		expect(await watcher.poll()).toEqual([]);
	});

	test('1,000 changes over several polls, many in one second, each emitted exactly once', async () => {
		const watcher = trigger(fromDayAgo());
		const expected = new Set();
		const emitted = [];
		const track = (record) => expected.add(version(record));
		const pollAll = async (extra) => {
			const records = await watcher.poll(extra);
			emitted.push(...records.map(version));
			return records;
		};

		// Round 1, a backlog: 300 invoices in one second, 50 in the next.
		for (let i = 0; i < 300; i++) track(insert(ago(0), {}, [-480, 330, 0][i % 3]));
		for (let i = 0; i < 50; i++) track(insert(ago(1)));
		// A budget of 0 allows one step per poll, one page of a crowded second: the backlog is cut
		// across polls (the first reaches the crowded second, the next two read 50 of it each).
		await pollAll({ pollBudgetMs: 0 });
		await pollAll({ pollBudgetMs: 0 });
		await pollAll({ pollBudgetMs: 0 });

		// Round 2, while the backlog is still draining: more in the second being read, and updates
		// of records already emitted (new changes, so they must come again). Only emitted records
		// are updated: a version overwritten before any poll saw it cannot be emitted.
		for (let i = 0; i < 150; i++) track(insert(ago(1)));
		const seen = emitted.map((v) => Number(v.split('@')[0]));
		expect(seen.length).toBeGreaterThanOrEqual(100);
		for (const id of seen.slice(0, 100)) track(update(id, ago(2), { status: 'approved' }));
		await pollAll({ pollBudgetMs: 0 });
		await pollAll();

		// Round 3, caught up: recent changes, in one second and later, drained one step a poll.
		for (let i = 0; i < 200; i++) track(insert(sec(2), {}, 330));
		for (let id = 301; id <= 500; id++) track(update(id, sec(3 + (id % 3))));
		while ((await pollAll({ pollBudgetMs: 0 })).length > 0);
		expect(await pollAll()).toEqual([]);

		expect(fake.store.count(PATH)).toBe(700);
		expect(expected.size).toBe(1000);
		expect(duplicates(emitted)).toEqual([]);
		expect(new Set(emitted)).toEqual(expected);
	});

	test('a record updated again after it was emitted is emitted again', async () => {
		const watcher = trigger({});
		const a = insert(sec(0), { 'invoice-number': 'A' });
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id]);
		expect(await watcher.poll()).toEqual([]);
		update(a.id, sec(5), { status: 'pending_approval' });
		const again = await watcher.poll();
		expect(again).toHaveLength(1);
		expect(again[0]).toMatchObject({ id: a.id, status: 'pending_approval' });
		expect(await watcher.poll()).toEqual([]);
	});

	test('a record that joins a second already read, with a lower id, is not skipped', async () => {
		const watcher = trigger({});
		const early = insert(sec(-10));
		const b = insert(sec(0));
		const c = insert(sec(0));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([early.id, b.id, c.id]);
		// A second already read is joined by an older record (a late commit), and one already
		// emitted in it changes to a later second (the second shrinks).
		update(early.id, sec(0));
		update(b.id, sec(1));
		const next = await watcher.poll();
		expect(next.map((r) => r.id)).toEqual([early.id, b.id]);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a backlog larger than one poll budget is carried over without loss, in order', async () => {
		for (let i = 0; i < 600; i++) insert(ago(i % 240));
		const watcher = trigger(fromDayAgo());
		const first = await watcher.poll({ pollBudgetMs: 0 });
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(600);
		const all = [...first, ...(await watcher.drain({ pollBudgetMs: 0 }))];
		expect(all.map((r) => r.id).sort((x, y) => x - y)).toEqual(
			Array.from({ length: 600 }, (_, i) => i + 1),
		);
		// Emitted in time order, by id within a second.
		const order = all.map((r) => [Date.parse(r['updated-at']), r.id]);
		expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
		// With the default budget the same backlog drains in one poll.
		const fresh = trigger(fromDayAgo());
		expect(await fresh.poll()).toHaveLength(600);
	});

	test('a 2,000-record backlog is read in time ranges in flight together, each change once, in order', async () => {
		// Three changes a second, in mixed offsets.
		for (let i = 0; i < 2000; i++) insert(ago(Math.floor(i / 3)), {}, [-480, 330, 0][i % 3]);
		// Longer than the limiter's 1/24 s between requests, so paced pages are in flight together
		// (a fresh limiter has no burst allowance to send them at once).
		fake.faults.latency({ ms: 80 });
		const watcher = trigger(fromDayAgo());
		const all = await watcher.poll();
		expect(all.map((r) => r.id)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(MAX_TRIGGER_WINDOW);
		expect(await watcher.poll()).toEqual([]);
	});

	test('crowded seconds in a backlog, read in ranges in flight together: each record once, in order', async () => {
		// Ten seconds of 120 records each (read by id), spread over 15 minutes, and a few between.
		for (let s = 0; s < 10; s++) {
			for (let i = 0; i < 120; i++) insert(ago(s * 100), {}, [-480, 330, 0][i % 3]);
			insert(ago(s * 100 + 50));
		}
		fake.faults.latency({ ms: 80 });
		const watcher = trigger(fromDayAgo());
		const all = await watcher.poll();
		expect(duplicates(all.map(version))).toEqual([]);
		expect(all).toHaveLength(1210);
		const order = all.map((r) => [Date.parse(r['updated-at']), r.id]);
		expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.apiRequests().some((r) => r.query.order_by === 'id' && r.query['id[gt]'])).toBe(
			true,
		);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a backlog read from both ends, its newest second crowded: each record once, in order', async () => {
		// 1,500 changes over 25 minutes, then 130 in the newest second: a descending page there is
		// all one second, so the ascending steps must read it by id.
		for (let i = 0; i < 1500; i++) insert(ago(60 + i), {}, [-480, 330, 0][i % 3]);
		for (let i = 0; i < 130; i++) insert(ago(1600), {}, [-480, 330, 0][i % 3]);
		fake.faults.latency({ ms: 80 });
		const watcher = trigger(fromDayAgo());
		const all = await watcher.poll();
		expect(duplicates(all.map(version))).toEqual([]);
		expect(all.map((r) => r.id).sort((x, y) => x - y)).toEqual(
			Array.from({ length: 1630 }, (_, i) => i + 1),
		);
		const order = all.map((r) => [Date.parse(r['updated-at']), r.id]);
		expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
		const lists = fake.apiRequests();
		expect(lists.some((r) => r.query.dir === 'desc')).toBe(true);
		const walkedNewest = lists.filter(
			(r) => r.query.order_by === 'id' && Date.parse(r.query['updated_at[gt_or_eq]']) === ago(1600),
		);
		expect(walkedNewest.length).toBeGreaterThanOrEqual(3);
		expect(await watcher.poll()).toEqual([]);
	});

	test('inside a crowded second under a small budget every poll advances: each record once, in order', async () => {
		// 263 changes over 3 seconds (more than a page in each), 250 ms a request, a 300 ms budget:
		// a poll reads little more than one page, so the position inside a second must survive.
		for (let i = 0; i < 263; i++) insert(sec(i % 3), {}, [-480, 330, 0][i % 3]);
		fake.faults.latency({ ms: 250 });
		const watcher = trigger({});
		const all = [];
		let polls = 0;
		while (all.length < 263 && polls < 30) {
			const emitted = await watcher.poll({ pollBudgetMs: 300 });
			polls++;
			all.push(...emitted);
		}
		expect(duplicates(all.map(version))).toEqual([]);
		expect(all).toHaveLength(263);
		const order = all.map((r) => [Date.parse(r['updated-at']), r.id]);
		expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
		expect(await watcher.poll({ pollBudgetMs: 300 })).toEqual([]);
	}, 60_000);

	test('a record that changes while a backlog is read is neither skipped nor repeated', async () => {
		for (let i = 0; i < 400; i++) insert(ago(i));
		// Once the second request is answered, id 60 changes: it leaves its second for now.
		let moved;
		proxy = await startProxy(fake, async (url, { seen }) => {
			if (moved || seen.length !== 3) return;
			moved = update(60, wholeSecond(Date.now()), { status: 'approved' });
		});
		const watcher = trigger(fromDayAgo(), { via: proxy });
		const emitted = [...(await watcher.poll()), ...(await watcher.drain())];
		expect(moved).toBeDefined();
		const versions = emitted.map(version);
		expect(duplicates(versions)).toEqual([]);
		expect(versions.filter((v) => !v.startsWith('60@')).sort()).toEqual(
			Array.from({ length: 400 }, (_, i) => `${i + 1}@${ago(i)}`)
				.filter((v) => !v.startsWith('60@'))
				.sort(),
		);
		expect(versions).toContain(version(moved));
	});

	test('a poll that starts more than a day back reads its first page from both ends at once', async () => {
		for (let i = 0; i < 200; i++) insert(ago(i * 60), {}, [-480, 330, 0][i % 3]);
		const start = ago(-86_400);
		const watcher = trigger({ options: { startFrom: new Date(start).toISOString() } });
		expect((await watcher.poll()).map((r) => r.id)).toEqual(
			Array.from({ length: 200 }, (_, i) => i + 1),
		);
		// Sent before the first page came back: by then the upward end had moved past Start From.
		const first = fake.apiRequests().filter((r) => r.query.dir === 'desc')[0];
		expect(Date.parse(first.query['updated_at[gt_or_eq]'])).toBe(start);
		expect(first.query['updated_at[lt]']).toBeUndefined();
	});

	test('a record left out of the next page (id[not_in]) that changes meanwhile is neither skipped nor repeated', async () => {
		// 60 changes share one second and 40 the next: the first page ends inside the first second.
		for (let i = 0; i < 60; i++) insert(ago(100), {}, [-480, 330, 0][i % 3]);
		for (let i = 0; i < 40; i++) insert(ago(101));
		// Just before Coupa serves the page that leaves out ids already read, one of them changes:
		// it leaves its second for now, where that page can't see it either.
		let moved;
		proxy = await startProxy(fake, async (url) => {
			const leftOut = url.searchParams.get('id[not_in]');
			if (moved || !leftOut) return;
			moved = update(Number(leftOut.split(',')[0]), wholeSecond(Date.now()), {
				status: 'approved',
			});
		});
		const watcher = trigger(fromDayAgo(), { via: proxy });
		const emitted = [...(await watcher.poll()), ...(await watcher.drain())];
		expect(moved).toBeDefined();
		const versions = emitted.map(version);
		expect(duplicates(versions)).toEqual([]);
		// Its old version was read in the first page and counts; its new one comes too.
		const originals = Array.from({ length: 100 }, (_, i) => `${i + 1}@${ago(i < 60 ? 100 : 101)}`);
		expect(versions.filter((v) => v !== version(moved)).sort()).toEqual(originals.sort());
		expect(versions).toContain(version(moved));
	});

	test('a quiet poll costs one request', async () => {
		for (let i = 0; i < 120; i++) insert(ago(i));
		const watcher = trigger(fromDayAgo());
		expect(await watcher.poll()).toHaveLength(120);
		for (let i = 0; i < 3; i++) insert(sec(i));
		fake.clearRequests();
		expect((await watcher.poll()).map((r) => r.id)).toEqual([121, 122, 123]);
		expect(apiCalls(fake)).toEqual(['GET /api/invoices']);
		fake.clearRequests();
		expect(await watcher.poll()).toEqual([]);
		expect(apiCalls(fake)).toEqual(['GET /api/invoices']);
	});
});

describe('future stamps and late commits', () => {
	test('a record stamped in the future does not hide later changes', async () => {
		const watcher = trigger({});
		const a = insert(sec(0));
		const future = insert(wholeSecond(Date.now()) + 86_400_000);
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id, future.id]);
		// Changes after that poll, stamped now: before the future stamp.
		const b = insert(wholeSecond(Date.now()));
		update(a.id, wholeSecond(Date.now()), { status: 'approved' });
		expect((await watcher.poll()).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
		// The future record is not emitted again, however often it is read; a change of it is.
		expect(await watcher.poll()).toEqual([]);
		update(future.id, wholeSecond(Date.now()) + 86_401_000, { status: 'approved' });
		expect((await watcher.poll()).map((r) => r.id)).toEqual([future.id]);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a change that becomes visible after newer ones were emitted is emitted once', async () => {
		const watcher = trigger({});
		const a = insert(sec(0));
		const c = insert(sec(20));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id, c.id]);
		// Committed late: stamped between changes already emitted, and in a second already read.
		const late = insert(sec(10));
		const lateSameSecond = insert(sec(20));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([late.id, lateSameSecond.id]);
		expect(await watcher.poll()).toEqual([]);
		// Later polls re-read the look-back window and still emit nothing twice.
		const later = insert(sec(30));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([later.id]);
		expect(await watcher.poll()).toEqual([]);
		expect(LOOKBACK_MS).toBeGreaterThanOrEqual(60_000);
	});

	test('the look-back window is read to its end even when the poll budget is spent', async () => {
		const watcher = trigger({});
		insert(sec(0));
		expect(await watcher.poll()).toHaveLength(1);
		// 130 late changes across the window, more than two pages: one poll with no budget left.
		const late = Array.from({ length: 130 }, (_, i) => insert(sec(1 + (i % 40))));
		const emitted = await watcher.poll({ pollBudgetMs: 0 });
		expect(emitted.map((r) => r.id).sort((x, y) => x - y)).toEqual(late.map((r) => r.id));
		expect(await watcher.poll({ pollBudgetMs: 0 })).toEqual([]);
	});

	test('query timestamps are whole seconds with an offset', async () => {
		// 150 records in each of two seconds: crowded even once a page's 50 are left out, so each
		// second is read by id.
		for (let i = 0; i < 300; i++) insert(ago(i % 2));
		insert(sec(0));
		// The filter builder's dates (with milliseconds and Z) are sent in whole seconds too.
		const filters = {
			updatedBefore: new Date(Date.now() + 3_600_500).toISOString(),
			updatedAfter: new Date(ago(-30) + 500).toISOString(),
		};
		const watcher = trigger({ ...fromDayAgo(), filters });
		expect(await watcher.poll()).toHaveLength(301);
		const bounds = fake
			.apiRequests()
			.flatMap((r) =>
				Object.entries(r.query).filter(([key]) => /^updated_at\[(gt_or_eq|gt|lt)\]$/.test(key)),
			);
		expect(bounds.some(([key]) => key === 'updated_at[gt]')).toBe(true);
		expect(bounds.length).toBeGreaterThan(3);
		for (const [, value] of bounds)
			expect(value).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
		// The id walk of a crowded second is bounded the same way.
		expect(
			fake.apiRequests().some((r) => r.query.order_by === 'id' && r.query['updated_at[lt]']),
		).toBe(true);
	});
});

describe('position bookkeeping (state.ts)', () => {
	test("the position never passes n8n's now; the look-back reaches LOOKBACK_MS back; a budget cut reads on from where it stopped", () => {
		const now = wholeSecond(Date.now()) + 400;
		const position = startPosition(now - 3_600_000);
		const tomorrow = wholeSecond(now) + 86_400_000;
		position.seen.set(`1@${tomorrow}`, tomorrow);
		position.seen.set(`2@${now - 3_000_000}`, now - 3_000_000);
		const next = nextPosition(position, Infinity, now);
		expect(next).toMatchObject({ from: wholeSecond(now) - LOOKBACK_MS, to: wholeSecond(now) });
		expect([...next.seen.keys()]).toEqual([`1@${tomorrow}`]);
		const cut = nextPosition(startPosition(now - 3_600_000), wholeSecond(now) - 3_000_000, now);
		expect(cut).toMatchObject({
			from: wholeSecond(now) - 3_000_000,
			to: wholeSecond(now) - 3_000_000,
		});
	});

	test('beyond SEEN_LIMIT versions in the look-back, the oldest seconds are forgotten and no longer read again', () => {
		const now = wholeSecond(Date.now());
		const first = now - 110_000;
		const position = startPosition(now - 120_000);
		// 100 versions a second.
		for (let i = 0; i < SEEN_LIMIT + 50; i++) {
			const at = first + Math.floor(i / 100) * 1000;
			position.seen.set(`${i}@${at}`, at);
		}
		const next = nextPosition(position, Infinity, now);
		expect(next.seen.size).toBe(SEEN_LIMIT - 50);
		expect(next.from).toBe(first + 1000);
		expect(Math.min(...next.seen.values())).toBe(next.from);
		expect(next.to).toBe(now);
	});
});

describe('saved state that cannot be right', () => {
	const stream = 'invoice:updated_at';
	const withState = (watcher, state) => Object.assign(watcher.staticData, { [KEY]: state });
	const warnings = () => logged('warn').map((entry) => entry.message);

	test.each([
		['garbage', () => ({ version: 2, stream, from: 'yesterday', to: 42, seen: 'lots' })],
		[
			'a position far in the future',
			() => ({
				version: 2,
				stream,
				from: '2099-01-01T00:00:00.000Z',
				to: '2099-01-01T00:00:00.000Z',
				seen: [],
			}),
		],
		[
			'a position running backwards',
			() => ({
				version: 2,
				stream,
				from: new Date(sec(5)).toISOString(),
				to: new Date(sec(0)).toISOString(),
				seen: [],
			}),
		],
		[
			'impossible keys',
			() => ({
				version: 2,
				stream,
				from: new Date(sec(0)).toISOString(),
				to: new Date(sec(0)).toISOString(),
				seen: [[new Date(sec(-100)).toISOString(), [1]]],
			}),
		],
		['an unknown version', () => ({ version: 7, stream })],
		[
			'a version 1 cursor far in the future',
			() => ({
				version: 1,
				stream,
				cursor: { at: '2099-01-01T00:00:00.000Z', count: 3, keys: [] },
			}),
		],
		[
			'a version 1 cursor with garbage',
			() => ({ version: 1, stream, cursor: { at: 'soon', count: -1, keys: 5 } }),
		],
	])('%s: reset to Start From with a message in the log; the trigger goes on', async (_, state) => {
		const a = insert(sec(0));
		const b = insert(sec(1));
		const watcher = trigger({});
		withState(watcher, state());
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id, b.id]);
		expect(warnings()).toEqual([
			expect.stringMatching(
				/^Coupa Trigger "Coupa Trigger": the saved position could not be used \(.+\), so it was reset\. It reads again from Start From/,
			),
		]);
		clearLogs();
		const c = insert(sec(2));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([c.id]);
		expect(await watcher.poll()).toEqual([]);
		expect(warnings()).toEqual([]);
	});

	test('without Start From, a reset starts one poll interval before now', async () => {
		const old = insert(sec(-7200));
		const recent = insert(sec(30));
		const watcher = trigger({ options: { startFrom: '' } });
		withState(watcher, { version: 2, stream, from: 'x', to: 'y', seen: [] });
		expect((await watcher.poll()).map((r) => r.id)).toEqual([recent.id]);
		expect(old.id).toBe(1);
		expect(warnings()[0]).toMatch(
			/It reads from .* \(one poll interval before now\); changes before that which were not emitted yet are not emitted\./,
		);
	});

	test('a version 1 cursor whose count runs past the end is migrated: nothing stalls, nothing is lost', async () => {
		const atT = [insert(sec(0)), insert(sec(0)), insert(sec(0))];
		const after = [insert(sec(1)), insert(sec(2))];
		const watcher = trigger({});
		// Version 1 emitted the three records at sec(0) but remembers only two, and its count is
		// past the end of that second: version 1 asked for offset 498 there and stalled.
		withState(watcher, {
			version: 1,
			stream,
			cursor: {
				at: new Date(sec(0)).toISOString(),
				count: 500,
				keys: atT.slice(0, 2).map(version),
			},
		});
		const emitted = await watcher.poll();
		expect(emitted.map((r) => r.id)).toEqual([atT[2].id, ...after.map((r) => r.id)]);
		expect(warnings()).toEqual([
			expect.stringContaining('migrated from version 1; up to 498 records changed at'),
		]);
		expect(watcher.staticData[KEY]).toMatchObject({ version: 2, stream });
		expect(await watcher.poll()).toEqual([]);
	});

	test('a sound version 1 cursor is migrated without loss or repeats', async () => {
		const atT = [insert(sec(0)), insert(sec(0))];
		const after = insert(sec(1));
		const watcher = trigger({});
		withState(watcher, {
			version: 1,
			stream,
			cursor: { at: new Date(sec(0)).toISOString(), count: 2, keys: atT.map(version) },
		});
		expect((await watcher.poll()).map((r) => r.id)).toEqual([after.id]);
		expect(warnings()).toEqual([]);
		expect(logged('info').map((entry) => entry.message)).toEqual([
			expect.stringContaining('migrated from version 1'),
		]);
	});

	test('a Coupa answer that is not a list fails the poll and keeps the position', async () => {
		insert(sec(0));
		const watcher = trigger({});
		expect(await watcher.poll()).toHaveLength(1);
		const before = structuredClone(watcher.staticData);
		insert(sec(1));
		const proxy = await startProxy(fake, () => ({ status: 200, message: 'maintenance' }));
		try {
			const broken = trigger({}, { via: proxy });
			Object.assign(broken.staticData, structuredClone(before));
			await expect(broken.poll()).rejects.toThrow(/not a list/);
			expect(broken.staticData).toEqual(before);
		} finally {
			await proxy.close();
		}
		expect(await watcher.poll()).toHaveLength(1);
	});
});

describe('failures', () => {
	test('a poll failing in the middle of its pages emits nothing and keeps the cursor; the next repeats the window', async () => {
		for (let i = 0; i < 60; i++) insert(sec(i % 20));
		const watcher = trigger({});
		expect(await watcher.poll()).toHaveLength(60);
		const before = structuredClone(watcher.staticData);

		for (let i = 0; i < 80; i++) insert(sec(30 + i));
		for (let id = 1; id <= 20; id++) update(id, sec(200));
		// Each poll step is one request here; the third fails after two pages were read.
		failNthRequest(3);
		await expect(watcher.poll({ pollBudgetMs: 60_000 })).rejects.toThrow(/HTTP 500|failed/);
		expect(watcher.staticData).toEqual(before);

		const after = await watcher.poll();
		expect(after).toHaveLength(100);
		expect(new Set(after.map(version)).size).toBe(100);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a 400 from Coupa (bad projection) fails the poll without moving the cursor', async () => {
		insert(sec(0));
		const good = trigger({});
		expect(await good.poll()).toHaveLength(1);
		const before = structuredClone(good.staticData);
		insert(sec(1));
		const { staticData } = good;
		const store = credentialFor(fake, allScopes());
		await expect(
			runPoll({
				parameters: {
					resource: 'invoice',
					event: 'updated',
					options: { ...backfill(), fields: '["id", oops' },
				},
				store,
				staticData,
			}),
		).rejects.toThrow(/Coupa rejected/);
		expect(staticData).toEqual(before);
		expect(await good.poll()).toHaveLength(1);
	});

	test('the credential needs the object read scope, checked before any request', async () => {
		const watcher = trigger({}, { scope: 'core.supplier.read' });
		await expect(watcher.poll()).rejects.toThrow(
			'Watch Invoice needs the scope core.invoice.read, which this credential does not have',
		);
		expect(apiCalls(fake)).toEqual([]);
		expect(watcher.staticData).toEqual({});
	});
});

describe('events', () => {
	test('statusChanged fires only when the status becomes a watched one', async () => {
		const old = insert(sec(-7200), { status: 'approved' }); // approved before the trigger started
		const a = insert(sec(0), { status: 'draft' });
		const watcher = trigger({ event: 'statusChanged', statuses: ['approved', 'voided'] });
		expect(await watcher.poll()).toEqual([]);

		update(a.id, sec(1), { status: 'approved' });
		const b = insert(sec(1), { status: 'approved' });
		insert(sec(1), { status: 'pending_approval' });
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id, b.id]);

		update(a.id, sec(2), { 'invoice-number': 'edited' }); // still approved: no event
		update(b.id, sec(2), { status: 'voided' }); // another watched status: fires
		update(old.id, sec(2), { 'invoice-number': 'x' }); // unknown before: fires once (documented)
		expect((await watcher.poll()).map((r) => [r.id, r.status])).toEqual([
			[old.id, 'approved'],
			[b.id, 'voided'],
		]);

		update(old.id, sec(3), { 'invoice-number': 'y' });
		update(a.id, sec(3), { status: 'disputed' });
		expect(await watcher.poll()).toEqual([]);
		update(a.id, sec(4), { status: 'approved' });
		expect((await watcher.poll()).map((r) => r.id)).toEqual([a.id]);
		expect(watcher.staticData['node:Coupa Trigger'].inStatus).toEqual([
			[String(b.id), 'voided'],
			[String(old.id), 'approved'],
			[String(a.id), 'approved'],
		]);
	});

	test('created fires once per new record; updated also fires on later changes', async () => {
		const before = insert(sec(-7200));
		const created = trigger({ event: 'created' });
		const updated = trigger({ event: 'updated' });
		expect(await created.poll()).toEqual([]);
		expect(await updated.poll()).toEqual([]);

		const fresh = insert(sec(1));
		update(before.id, sec(2), { status: 'approved' });
		expect((await created.poll()).map((r) => r.id)).toEqual([fresh.id]);
		expect((await updated.poll()).map((r) => r.id)).toEqual([fresh.id, before.id]);

		update(fresh.id, sec(3), { status: 'approved' });
		expect(await created.poll()).toEqual([]);
		expect((await updated.poll()).map((r) => r.id)).toEqual([fresh.id]);
		expect(
			fake
				.apiRequests()
				.some((r) => r.query['created_at[gt_or_eq]'] && r.query.order_by === 'created_at'),
		).toBe(true);
	});

	test('timestamps with mixed offsets are compared as instants', async () => {
		// 12:00:05 written in +05:30 reads "17:30:05", later as a string than 12:00:09-08:00 reads "04:00:09".
		const watcher = trigger({});
		const x = insert(sec(5), {}, 330);
		const y = insert(sec(3), {}, -480);
		const z = insert(sec(4), {}, 0);
		expect((await watcher.poll()).map((r) => r.id)).toEqual([y.id, z.id, x.id]);

		const w = insert(sec(5), {}, -420); // same instant as x, another offset: a new record
		const v = insert(sec(4), {}, 330); // behind x, committed late: within the look-back, so it comes
		const u = insert(sec(6), {}, -480);
		expect((await watcher.poll()).map((r) => r.id)).toEqual([v.id, w.id, u.id]);
		expect(await watcher.poll()).toEqual([]);
	});

	test("filters on the polled timestamp and on id are combined with the trigger's own bounds", async () => {
		// 60 records share one second (read by id), one follows, one is after the user's bound.
		for (let i = 0; i < 60; i++) insert(sec(0));
		const next = insert(sec(1));
		insert(sec(5));
		const conditions = [
			{ field: 'id', operator: 'gt', value: '10' },
			{ field: 'updated_at', operator: 'lt', value: new Date(sec(3)).toISOString() },
		];
		const watcher = trigger({ filters: { conditions: { condition: conditions } } });
		expect((await watcher.poll()).map((r) => r.id)).toEqual(
			Array.from({ length: 51 }, (_, i) => i + 11),
		);
		expect(next.id).toBe(61);
		expect(await watcher.poll()).toEqual([]);
		expect((await watcher.poll({ mode: 'manual' }))[0].id).toBe(61);
	});

	test("a second split across two pages is completed by the next, which leaves out the ids read (with the user's own)", async () => {
		// 60 changes share one second and 40 the next: the first page ends inside the first second.
		for (let i = 0; i < 60; i++) insert(sec(0), {}, [-480, 330, 0][i % 3]);
		for (let i = 0; i < 40; i++) insert(sec(1));
		const conditions = [{ field: 'id', operator: 'not_in', value: '7,65' }];
		const watcher = trigger({ filters: { conditions: { condition: conditions } } });
		const emitted = await watcher.poll();
		expect(emitted.map((r) => r.id)).toEqual(
			Array.from({ length: 100 }, (_, i) => i + 1).filter((id) => id !== 7 && id !== 65),
		);
		const lists = fake.apiRequests();
		const leftOut = lists.map((r) => r.query['id[not_in]'].split(','));
		expect(leftOut.every((ids) => ids[0] === '7' && ids[1] === '65')).toBe(true);
		// The page after the first left out the 50 records it brought, all from the first second.
		const second = leftOut.find((ids) => ids.length === 52);
		expect(second).toBeDefined();
		expect(second.slice(2).every((id) => Number(id) <= 60)).toBe(true);
		// So neither second was read by id.
		expect(lists.some((r) => r.query.order_by === 'id')).toBe(false);
		expect(await watcher.poll()).toEqual([]);
	});

	test('simplify and the fields projection shape each event; filters narrow them', async () => {
		insert(sec(1), {
			'invoice-number': 'INV-1',
			total: '10.00',
			supplier: { id: 3, name: 'Acme' },
			'payment-term': { code: 'N30' },
		});
		insert(sec(2), { 'invoice-number': 'INV-2', status: 'approved' });
		const simple = trigger({ simplify: true });
		const [first] = await simple.poll();
		const { objectByResource } = require('../dist/nodes/Coupa/catalog');
		const kept = objectByResource('invoice').simplify;
		expect(Object.keys(first).every((key) => kept.includes(key))).toBe(true);
		expect(first.supplier).toEqual({ id: 3, name: 'Acme' });
		expect(first).toMatchObject({ id: 1, 'invoice-number': 'INV-1' });

		const projected = trigger({ options: { fields: 'invoice-number' } });
		const records = await projected.poll();
		expect(records.map((r) => Object.keys(r).sort())).toEqual([
			['id', 'invoice-number', 'updated-at'],
			['id', 'invoice-number', 'updated-at'],
		]);

		const filtered = trigger({ filters: { statuses: ['approved'] } });
		expect((await filtered.poll()).map((r) => r['invoice-number'])).toEqual(['INV-2']);
	});
});

describe('manual mode and activation', () => {
	test('Fetch test event returns the newest matching record and leaves the cursor alone', async () => {
		insert(sec(1), { 'invoice-number': 'older' }, 330);
		insert(sec(9), { 'invoice-number': 'newest' }, -480);
		insert(sec(5), { 'invoice-number': 'middle' }, 0);
		const watcher = trigger({});
		await watcher.poll();
		const committed = structuredClone(watcher.staticData);
		const [record] = await watcher.poll({ mode: 'manual' });
		expect(record['invoice-number']).toBe('newest');
		expect(watcher.staticData).toEqual(committed);

		const never = trigger({});
		expect((await never.poll({ mode: 'manual' }))[0]['invoice-number']).toBe('newest');
		expect(never.staticData).toEqual({});
	});

	test('Fetch test event without a matching record says so', async () => {
		insert(sec(1), { status: 'draft' });
		const watcher = trigger({ event: 'statusChanged', statuses: ['approved'] });
		await expect(watcher.poll({ mode: 'manual' })).rejects.toThrow(
			'No invoices in Coupa match this trigger yet',
		);
		expect(watcher.staticData).toEqual({});
	});

	test('start from now loses nothing between activation and the first committed poll', async () => {
		const now = Date.now();
		fake.clock.set(now);
		const stamp = (ms) => formatTimestamp(ms);
		fake.store.insert(PATH, {
			'created-at': stamp(now - 3_600_000),
			'updated-at': stamp(now - 3_600_000),
		});
		const store = credentialFor(fake, allScopes());
		const staticData = {};
		const parameters = {
			resource: 'invoice',
			event: 'updated',
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		};

		// Activation poll: nothing new, returns null, and n8n does not commit its cursor.
		const activation = await runPoll({ parameters, store, staticData, activation: true });
		expect(activation).toMatchObject({ result: null, committed: false });
		expect(staticData).toEqual({});

		// A change lands between activation and the first scheduled poll, which starts cursor-less again.
		const changed = fake.store.insert(PATH, {
			'created-at': stamp(now + 20_000),
			'updated-at': stamp(now + 20_000),
		});
		const first = await runPoll({ parameters, store, staticData });
		expect(first.result[0].map((item) => item.json.id)).toEqual([changed.id]);
		expect(staticData['node:Coupa Trigger']).toMatchObject({
			version: 2,
			stream: 'invoice:updated_at',
		});
		expect((await runPoll({ parameters, store, staticData })).result).toBeNull();
	});
});
