// Seeded PRNG (mulberry32) so seeded data is the same on every run.

export function createRandom(seed = 1) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min, max) => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		chance: (p) => next() < p,
		pick: (list) => list[Math.floor(next() * list.length)],
		/** A decimal string like Coupa's (`"123.45"`). */
		decimal: (min, max, places = 2) => (min + next() * (max - min)).toFixed(places),
		digits: (count) => Array.from({ length: count }, () => int(0, 9)).join(''),
	};
}

/** A stable 32-bit seed from a string (FNV-1a), e.g. per object path. */
export function seedOf(text) {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}
