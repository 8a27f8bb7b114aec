/**
 * Heap use of one run: a baseline after a full GC, the peak seen by sampling while the run is in
 * flight, and what is still held after a GC once it is done (the output alone, if nothing leaks).
 * Sampling misses short spikes between ticks, so the peak is a lower bound; 5 ms keeps it close.
 */
const SAMPLE_MS = 5;

function collect() {
	if (typeof globalThis.gc !== 'function')
		throw new Error('Run the bench with node --expose-gc (npm run bench does)');
	globalThis.gc();
	return process.memoryUsage().heapUsed;
}

/** Runs `work` and returns its result with `heap: { peakGrowth, retainedGrowth }` in bytes. */
export async function withHeapWatch(work) {
	const baseline = collect();
	let peak = baseline;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, SAMPLE_MS);
	try {
		const result = await work();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
		return { result, heap: { peakGrowth: peak - baseline, retainedGrowth: collect() - baseline } };
	} finally {
		clearInterval(sampler);
	}
}
