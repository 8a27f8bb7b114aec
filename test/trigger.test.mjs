// The Coupa Trigger against the fake Coupa over real HTTP, poll after poll, with n8n's staged
// cursor emulated by the harness (a failed poll's static data is discarded).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createRequire } from 'node:module';
import { formatTimestamp } from './fake-coupa/clock.mjs';
import { registerNodeType, runPoll } from './harness/n8n.mjs';
import { allScopes, apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { offsetOf, startProxy } from './harness/proxy.mjs';

const require = createRequire(import.meta.url);
const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
const { DEFAULT_PAGE_WINDOW } = require('../dist/nodes/Coupa/transport/paginate.js');
const { acceptWindow, SETTLED_AFTER_MS } = require('../dist/nodes/Coupa/trigger/readAhead.js');
registerNodeType('coupaTrigger', new CoupaTrigger());

const T0 = Date.parse('2026-11-27T12:00:00Z');
const sec = (n) => T0 + n * 1000;
const BACKFILL = { startFrom: '2026-11-27T11:00:00Z' };
const PATH = 'invoices';

let fake;
beforeEach(async () => {
	fake = await startCoupa({ seed: false, clock: T0 });
});
afterEach(() => fake.close());

/** A trigger with its own committed static data; poll() returns the emitted records. */
function trigger(parameters, { scope = allScopes(), via = fake } = {}) {
	const store = credentialFor(via, scope);
	const staticData = {};
	const params = { resource: 'invoice', event: 'updated', ...parameters, options: { ...BACKFILL, ...parameters.options } };
	return {
		staticData,
		async poll(extra = {}) {
			const { result } = await runPoll({ parameters: params, store, staticData, ...extra });
			return result ? result[0].map((item) => item.json) : [];
		},
	};
}

/** Insert an invoice whose timestamps are `at` (ms) written in the given offset. */
function insert(at, fields = {}, offset = -480) {
	const stamp = formatTimestamp(at, offset);
	return fake.store.insert(PATH, { status: 'draft', 'created-at': stamp, 'updated-at': stamp, ...fields });
}
function update(id, at, changes = {}, offset = -480) {
	return fake.store.update(PATH, id, changes, { at: formatTimestamp(at, offset) });
}

const version = (record) => `${record.id}@${Date.parse(record['updated-at'])}`;

/** Fails exactly the `n`th API request from now on with a non-retryable 500 (fails fast). */
function failNthRequest(n) {
	const original = fake.faults.serverError;
	let count = 0;
	fake.faults.serverError = () => (++count === n ? { status: 500, body: 'boom' } : original());
}

describe('exactly once over many polls', () => {
	test('1,000 changes over several polls, many in one second, each emitted exactly once', async () => {
		const watcher = trigger({});
		const expected = new Set();
		const emitted = [];
		const track = (record) => expected.add(version(record));
		const pollAll = async (extra) => {
			const records = await watcher.poll(extra);
			emitted.push(...records.map(version));
			return records;
		};

		// Round 1: 300 invoices in one second (more than the 200 boundary keys kept), 50 in the next.
		for (let i = 0; i < 300; i++) track(insert(sec(0), {}, [-480, 330, 0][i % 3]));
		for (let i = 0; i < 50; i++) track(insert(sec(1)));
		// A budget of 0 allows one request step per poll: the big group is cut across polls.
		await pollAll({ pollBudgetMs: 0 });
		await pollAll({ pollBudgetMs: 0 });

		// Round 2, while the first backlog is still draining: more in the boundary second, and
		// updates of records already emitted (new changes, so they must come again). Only emitted
		// records are updated: a version overwritten before any poll saw it cannot be emitted.
		for (let i = 0; i < 150; i++) track(insert(sec(1)));
		const seen = emitted.map((v) => Number(v.split('@')[0]));
		expect(seen.length).toBeGreaterThanOrEqual(100);
		for (const id of seen.slice(0, 100)) track(update(id, sec(2), { status: 'approved' }));
		await pollAll({ pollBudgetMs: 0 });
		await pollAll();

		// Round 3: changes at the boundary second again and later, then drain.
		for (let i = 0; i < 200; i++) track(insert(sec(2), {}, 330));
		for (let id = 301; id <= 500; id++) track(update(id, sec(3 + (id % 3))));
		let polls = 0;
		while ((await pollAll({ pollBudgetMs: 0 })).length > 0) polls++;
		expect(polls).toBeGreaterThan(3);
		expect(await pollAll()).toEqual([]);

		expect(fake.store.count(PATH)).toBe(700);
		expect(expected.size).toBe(1000);
		expect(emitted).toHaveLength(1000);
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

	test('a record that joins the boundary second later, with a lower id, is not skipped', async () => {
		const watcher = trigger({});
		const early = insert(sec(-10));
		const b = insert(sec(0));
		const c = insert(sec(0));
		expect((await watcher.poll()).map((r) => r.id)).toEqual([early.id, b.id, c.id]);
		// The boundary second is still "now" in Coupa: an older record changes within it, and one
		// already emitted in it changes to a later second (the group shrinks).
		update(early.id, sec(0));
		update(b.id, sec(1));
		const next = await watcher.poll();
		expect(next.map((r) => r.id)).toEqual([early.id, b.id]);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a backlog larger than one poll budget is carried over without loss', async () => {
		for (let i = 0; i < 600; i++) insert(sec(i % 240));
		const watcher = trigger({});
		const first = await watcher.poll({ pollBudgetMs: 0 });
		expect(first.length).toBeGreaterThan(0);
		expect(first.length).toBeLessThan(600);
		const all = [...first];
		for (let polls = 0; polls < 40; polls++) all.push(...(await watcher.poll({ pollBudgetMs: 0 })));
		expect(all.map((r) => r.id).sort((x, y) => x - y)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
		// Emitted in Coupa's order: timestamp, then id.
		const order = all.map((r) => [Date.parse(r['updated-at']), r.id]);
		expect(order).toEqual([...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
		// With the default budget the same backlog drains in one poll.
		const fresh = trigger({});
		expect(await fresh.poll()).toHaveLength(600);
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
				parameters: { resource: 'invoice', event: 'updated', options: { ...BACKFILL, fields: '["id", oops' } },
				store,
				staticData,
			}),
		).rejects.toThrow(/Coupa rejected/);
		expect(staticData).toEqual(before);
		expect(await good.poll()).toHaveLength(1);
	});

	test('the credential needs the object read scope, checked before any request', async () => {
		const watcher = trigger({}, { scope: 'core.supplier.read' });
		await expect(watcher.poll()).rejects.toThrow('Watch Invoice needs the scope core.invoice.read, which this credential does not have');
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
		expect(fake.apiRequests().some((r) => r.query['created_at[gt_or_eq]'] && r.query.order_by === 'created_at')).toBe(true);
	});

	test('timestamps with mixed offsets are compared as instants', async () => {
		// 12:00:05 written in +05:30 reads "17:30:05", later as a string than 12:00:09-08:00 reads "04:00:09".
		const watcher = trigger({});
		const x = insert(sec(5), {}, 330);
		const y = insert(sec(3), {}, -480);
		const z = insert(sec(4), {}, 0);
		expect((await watcher.poll()).map((r) => r.id)).toEqual([y.id, z.id, x.id]);
		expect(watcher.staticData['node:Coupa Trigger'].cursor).toMatchObject({ at: new Date(sec(5)).toISOString(), count: 1 });

		const w = insert(sec(5), {}, -420); // same instant as the boundary, another offset: new record
		const v = insert(sec(4), {}, 330); // behind the boundary: changed in the past, cannot come (Coupa stamps now)
		const u = insert(sec(6), {}, -480);
		expect((await watcher.poll()).map((r) => r.id)).toEqual([w.id, u.id]);
		expect(v.id).toBeGreaterThan(0);
		expect(await watcher.poll()).toEqual([]);
	});

	test('simplify and the fields projection shape each event; filters narrow them', async () => {
		insert(sec(1), { 'invoice-number': 'INV-1', total: '10.00', supplier: { id: 3, name: 'Acme' }, 'payment-term': { code: 'N30' } });
		insert(sec(2), { 'invoice-number': 'INV-2', status: 'approved' });
		const simple = trigger({ simplify: true });
		const [first] = await simple.poll();
		const { objectByResource } = require('../dist/nodes/Coupa/catalog.js');
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
		await expect(watcher.poll({ mode: 'manual' })).rejects.toThrow('No invoices in Coupa match this trigger yet');
		expect(watcher.staticData).toEqual({});
	});

	test('start from now loses nothing between activation and the first committed poll', async () => {
		const now = Date.now();
		fake.clock.set(now);
		const stamp = (ms) => formatTimestamp(ms);
		fake.store.insert(PATH, { 'created-at': stamp(now - 3_600_000), 'updated-at': stamp(now - 3_600_000) });
		const store = credentialFor(fake, allScopes());
		const staticData = {};
		const parameters = { resource: 'invoice', event: 'updated', pollTimes: { item: [{ mode: 'everyMinute' }] } };

		// Activation poll: nothing new, returns null, and n8n does not commit its cursor.
		const activation = await runPoll({ parameters, store, staticData, activation: true });
		expect(activation).toMatchObject({ result: null, committed: false });
		expect(staticData).toEqual({});

		// A change lands between activation and the first scheduled poll, which starts cursor-less again.
		const changed = fake.store.insert(PATH, { 'created-at': stamp(now + 20_000), 'updated-at': stamp(now + 20_000) });
		const first = await runPoll({ parameters, store, staticData });
		expect(first.result[0].map((item) => item.json.id)).toEqual([changed.id]);
		expect(staticData['node:Coupa Trigger']).toMatchObject({ version: 1, stream: 'invoice:updated_at' });
		expect((await runPoll({ parameters, store, staticData })).result).toBeNull();
	});
});

// Read-ahead (readAhead.ts) trusts only timestamps older than a few minutes of real time, so these
// backlogs were changed a day before the test runs.
describe('backlog read-ahead', () => {
	const DAY_AGO = Math.floor((Date.now() - 86_400_000) / 1000) * 1000;
	const ago = (n) => DAY_AGO + n * 1000;
	const FROM_DAY_AGO = { options: { startFrom: new Date(ago(-60)).toISOString() } };
	const inOrder = (records) => {
		const order = records.map((r) => [Date.parse(r['updated-at']), r.id]);
		return [...order].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
	};
	let proxy;
	afterEach(async () => proxy?.close());

	test('a 2,000-record backlog drains with pages in flight together, each change once, in order', async () => {
		// Three changes a second, in mixed offsets, so pages also meet inside a second.
		for (let i = 0; i < 2000; i++) insert(ago(Math.floor(i / 3)), {}, [-480, 330, 0][i % 3]);
		// Longer than the limiter's 1/24 s between requests, so paced pages are in flight together
		// (a fresh limiter has no burst allowance to send them at once).
		fake.faults.latency({ ms: 60 });
		const watcher = trigger(FROM_DAY_AGO);
		const all = await watcher.poll();
		expect(all.map((r) => r.id)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
		expect(all.map((r) => [Date.parse(r['updated-at']), r.id])).toEqual(inOrder(all));
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(DEFAULT_PAGE_WINDOW);
		// Pages overlap by one record, and at most the rest of the last window lies past the end.
		expect(fake.apiRequests().length).toBeLessThanOrEqual(Math.ceil(2000 / 49) + DEFAULT_PAGE_WINDOW);
		expect(await watcher.poll()).toEqual([]);
	});

	test('a quiet poll costs one request', async () => {
		for (let i = 0; i < 120; i++) insert(ago(i));
		const watcher = trigger(FROM_DAY_AGO);
		expect(await watcher.poll()).toHaveLength(120);
		for (let i = 0; i < 3; i++) insert(ago(200 + i));
		fake.clearRequests();
		expect((await watcher.poll()).map((r) => r.id)).toEqual([121, 122, 123]);
		expect(apiCalls(fake)).toEqual(['GET /api/invoices']);
		fake.clearRequests();
		expect(await watcher.poll()).toEqual([]);
		expect(apiCalls(fake)).toEqual(['GET /api/invoices']);
	});

	test('a record that moves while a window is read is neither skipped nor repeated', async () => {
		for (let i = 0; i < 400; i++) insert(ago(i));
		// The second step reads two pages from id 50: offsets 0 (ids 50-99) and 49 (ids 99-148).
		// Once the first is answered, id 60 changes and leaves for the end, so the second page
		// starts at id 100: taken as it is, it would skip id 100 for good.
		let moved;
		proxy = await startProxy(fake, async (url, { answered }) => {
			if (moved || offsetOf(url) !== 49) return;
			const sameStep = new URLSearchParams(url.searchParams);
			sameStep.set('offset', '0');
			await answered((other) => other.searchParams.toString() === sameStep.toString());
			moved = update(60, Date.now(), { status: 'approved' });
		});
		const watcher = trigger(FROM_DAY_AGO, { via: proxy });
		const emitted = await watcher.poll();
		expect(moved).toBeDefined();
		const versions = emitted.map(version);
		expect(new Set(versions).size).toBe(versions.length);
		expect(versions.sort()).toEqual([...Array.from({ length: 400 }, (_, i) => `${i + 1}@${ago(i)}`), version(moved)].sort());
		expect(await watcher.poll()).toEqual([]);
	});

	test('an error on a page past the end is ignored; one on a needed page fails the poll, which the next repeats', async () => {
		for (let i = 0; i < 60; i++) insert(ago(i));
		// The second step reads offsets 0 (ids 50-60, the end) and 49, past the end: refused.
		let refusing = true;
		let refused = 0;
		proxy = await startProxy(fake, (url) => (refusing && offsetOf(url) === 49 ? (refused++, { status: 400 }) : undefined));
		const watcher = trigger(FROM_DAY_AGO, { via: proxy });
		expect(await watcher.poll()).toHaveLength(60);
		expect(refused).toBe(1);

		// With 300 more, the page at offset 49 of the second step is needed.
		for (let i = 0; i < 300; i++) insert(ago(100 + i));
		const before = structuredClone(watcher.staticData);
		await expect(watcher.poll()).rejects.toThrow(/Coupa rejected/);
		expect(refused).toBe(2);
		expect(watcher.staticData).toEqual(before);

		refusing = false;
		expect((await watcher.poll()).map((r) => r.id)).toEqual(Array.from({ length: 300 }, (_, i) => i + 61));
	});

	test('recent changes are read one request per step', async () => {
		const now = Math.floor(Date.now() / 1000) * 1000;
		for (let i = 0; i < 150; i++) insert(now - 60_000 + Math.floor(i / 3) * 1000);
		fake.faults.latency({ ms: 20 });
		const watcher = trigger({ options: { startFrom: new Date(now - 120_000).toISOString() } });
		expect((await watcher.poll()).map((r) => r.id)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
		expect(fake.stats.maxConcurrent).toBe(1);
	});

	test('a page is accepted only when the page before vouches for it with a settled record', () => {
		const at = (n) => formatTimestamp(ago(n));
		// Overlapping pages of 50: page i holds records 49i+1 … 49i+50.
		const page = (i, length = 50, stamp = at) =>
			Array.from({ length }, (_, k) => ({ id: 49 * i + k + 1, 'updated-at': stamp(49 * i + k) }));
		const ids = (walk) => walk.records.map((r) => r.id);
		const settled = Date.now() - SETTLED_AFTER_MS;

		const agreeing = acceptWindow([page(0), page(1), page(2, 10)], 'updated-at', settled);
		expect(ids(agreeing)).toEqual(Array.from({ length: 108 }, (_, i) => i + 1));
		expect(agreeing).toMatchObject({ end: true, cut: false });

		const shifted = [page(0), page(1).slice(1).concat({ id: 999, 'updated-at': at(500) }), page(2)];
		expect(acceptWindow(shifted, 'updated-at', settled)).toMatchObject({ records: page(0), end: false, cut: true });

		// Same id, another instant: the overlap record itself changed in between.
		const restamped = [page(0), [{ ...page(1)[0], 'updated-at': at(300) }, ...page(1).slice(1)]];
		expect(acceptWindow(restamped, 'updated-at', settled)).toMatchObject({ records: page(0), cut: true });

		// An overlap record changed in the last minutes could still be joined by another: not trusted.
		expect(acceptWindow([page(0), page(1)], 'updated-at', ago(20))).toMatchObject({ records: page(0), cut: true });

		expect(acceptWindow([page(0), []], 'updated-at', settled)).toMatchObject({ records: page(0), end: true });
		expect(acceptWindow([page(0), page(1)], 'updated-at', settled)).toMatchObject({ end: false, cut: false });
	});
});
