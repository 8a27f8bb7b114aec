/**
 * A stored trigger state is sized before it is read: one holding millions of remembered keys (the
 * trigger never keeps more than SEEN_LIMIT) is refused without walking them. The work is counted
 * by reading through a Proxy, not timed.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { positionFromJson, SEEN_LIMIT } = require('../dist/nodes/Coupa/trigger/state.js');

const NOW = Date.parse('2026-12-01T12:00:00Z');
const AT = '2026-12-01T11:59:00.000Z';

/** `array` behind a Proxy that counts reads of its elements. */
function counted(array) {
	const reads = { count: 0 };
	const proxy = new Proxy(array, {
		get(target, key, receiver) {
			if (typeof key === 'string' && /^\d+$/.test(key)) reads.count++;
			return Reflect.get(target, key, receiver);
		},
	});
	return { proxy, reads };
}

const state = (seen) => ({ from: AT, to: AT, seen });

test('two million keys in one group: refused, no key read', () => {
	const ids = counted(Array.from({ length: 2_000_000 }, (_, i) => i + 1));
	const loaded = positionFromJson(state([[AT, ids.proxy]]), NOW);
	expect(loaded.problem).toBe(
		`it remembers more emitted records than the ${SEEN_LIMIT} it ever keeps`,
	);
	expect(ids.reads.count).toBe(0);
});

test('two million groups of one key: refused, no group read', () => {
	const groups = counted(Array.from({ length: 2_000_000 }, () => [AT, [1]]));
	const loaded = positionFromJson(state(groups.proxy), NOW);
	expect(loaded.problem).toMatch(/more emitted records than the/);
	expect(groups.reads.count).toBe(0);
});

test('many groups just over the limit: the count stops once it passes the limit', () => {
	const groups = counted(Array.from({ length: 6_000 }, () => [AT, [1, 2]]));
	const loaded = positionFromJson(state(groups.proxy), NOW);
	expect(loaded.problem).toMatch(/more emitted records than the/);
	// 5,001 groups of two pass 10,000 keys; nothing after them is read.
	expect(groups.reads.count).toBe(SEEN_LIMIT / 2 + 1);
});

test('exactly the limit is a valid state', () => {
	const ids = Array.from({ length: SEEN_LIMIT }, (_, i) => i + 1);
	const loaded = positionFromJson(state([[AT, ids]]), NOW);
	expect(loaded.problem).toBeUndefined();
	expect(loaded.position.seen.size).toBe(SEEN_LIMIT);
});
