/**
 * Tests for behaviour that faults planted in the code showed no test checked: the record
 * picker's pagination token, Status Changed with the builder's own Status filter, a record that
 * leaves a watched status and comes back, and an activation whose first change is stamped in the
 * past (inside the look-back).
 */
import { createRequire } from 'node:module';

import { formatTimestamp } from './fake-coupa/clock.mjs';
import { loadOptions, registerNodeType, runPoll } from './harness/n8n.mjs';
import { allScopes, credentialFor, startCoupa } from './harness/setup.mjs';

const require = createRequire(import.meta.url);
const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
registerNodeType('coupaTrigger', new CoupaTrigger());

const wholeSecond = (ms) => Math.floor(ms / 1000) * 1000;
const PATH = 'invoices';

let fake;
afterEach(async () => fake?.close());

describe('record picker', () => {
	test('each page of the From-list picker follows the one before: every record once, then no token', async () => {
		fake = await startCoupa({ seed: { suppliers: 120 } });
		const store = credentialFor(fake, 'core.supplier.read');
		const pages = [];
		let token;
		do {
			const page = await loadOptions({
				store,
				kind: 'listSearch',
				method: 'searchRecords',
				parameters: { resource: 'supplier', operation: 'get' },
				paginationToken: token,
			});
			pages.push(page.results.map((result) => Number(result.value)));
			token = page.paginationToken;
		} while (token !== undefined && pages.length < 10);
		const all = fake.store.list('suppliers').map((s) => s.id);
		expect(pages.map((page) => page.length)).toEqual([50, 50, 20]);
		expect(pages.flat()).toEqual([...all].sort((a, b) => b - a));
	});
});

describe('Status Changed', () => {
	let T0;
	const sec = (n) => T0 + n * 1000;
	beforeEach(async () => {
		T0 = wholeSecond(Date.now()) - 60_000;
		fake = await startCoupa({ seed: false, clock: T0 });
	});
	const insert = (at, fields) =>
		fake.store.insert(PATH, {
			'created-at': formatTimestamp(at),
			'updated-at': formatTimestamp(at),
			...fields,
		});
	const update = (id, at, changes) =>
		fake.store.update(PATH, id, changes, { at: formatTimestamp(at) });

	function watcher(extra = {}) {
		const store = credentialFor(fake, allScopes());
		const staticData = {};
		const parameters = {
			resource: 'invoice',
			event: 'statusChanged',
			statuses: ['approved'],
			options: { startFrom: new Date(T0 - 3_600_000).toISOString() },
			...extra,
		};
		return async () => {
			const { result } = await runPoll({ parameters, store, staticData });
			return result ? result[0].map((item) => [item.json.id, item.json.status]) : [];
		};
	}

	test('a record that leaves the watched status and comes back fires again, once per return', async () => {
		const poll = watcher();
		const a = insert(sec(0), { status: 'draft' });
		expect(await poll()).toEqual([]);
		update(a.id, sec(1), { status: 'approved' });
		expect(await poll()).toEqual([[a.id, 'approved']]);
		update(a.id, sec(2), { status: 'disputed' });
		expect(await poll()).toEqual([]);
		update(a.id, sec(3), { status: 'approved' });
		expect(await poll()).toEqual([[a.id, 'approved']]);
		update(a.id, sec(4), { 'invoice-number': 'edited' });
		expect(await poll()).toEqual([]);
	});

	test("the builder's own Status filter does not hide a record leaving the watched status", async () => {
		// With Filters → Status = approved kept in the query, the trigger would never see the
		// record become disputed, and would take its return for an unrelated edit.
		const poll = watcher({ filters: { statuses: ['approved'] } });
		const a = insert(sec(0), { status: 'approved' });
		expect(await poll()).toEqual([[a.id, 'approved']]);
		update(a.id, sec(1), { status: 'disputed' });
		expect(await poll()).toEqual([]);
		update(a.id, sec(2), { status: 'approved' });
		expect(await poll()).toEqual([[a.id, 'approved']]);
		const queried = fake.apiRequests().map((r) => Object.keys(r.query));
		expect(queried.flat()).not.toContain('status[in]');
	});
});

describe('activation', () => {
	test('changes stamped in the past: before the first poll, and committed late after it, are each emitted once', async () => {
		const now = wholeSecond(Date.now());
		fake = await startCoupa({ seed: false, clock: now });
		const store = credentialFor(fake, allScopes());
		const staticData = {};
		const parameters = {
			resource: 'invoice',
			event: 'updated',
			pollTimes: { item: [{ mode: 'everyMinute' }] },
		};
		const stampedAgo = (ms) =>
			fake.store.insert(PATH, {
				'created-at': formatTimestamp(now - ms),
				'updated-at': formatTimestamp(now - ms),
			});
		const ids = async () => {
			const { result } = await runPoll({ parameters, store, staticData });
			return result ? result[0].map((item) => item.json.id) : [];
		};
		const activation = await runPoll({ parameters, store, staticData, activation: true });
		expect(activation).toMatchObject({ result: null, committed: false });
		const before = stampedAgo(20_000);
		expect(await ids()).toEqual([before.id]);
		// Stamped 20 s before the committed position, visible only now (a late commit, or Coupa's
		// clock behind n8n's): only the look-back reads that far back again.
		const late = stampedAgo(20_000);
		expect(await ids()).toEqual([late.id]);
		expect(await ids()).toEqual([]);
	});
});
