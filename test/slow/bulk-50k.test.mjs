// 50,000 input items through one node: the number of requests in flight stays bounded (counted
// at the fake Coupa), and every item comes back once, in order. About ten minutes (n8n evaluates
// each item's expressions), so it is kept out of `npm test`: `npm run test:slow` runs it, and so do
// .ci/run and its own CI lane.
import { createRequire } from 'node:module';

import { credentialFor, startCoupa } from '../harness/setup.mjs';
import { runNode } from '../harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { MAX_ITEMS_IN_FLIGHT } = require('../../dist/nodes/Coupa/transport/latency.js');

let fake;
afterEach(async () => fake?.close());

describe('bounded in flight', () => {
	test('50,000 input items never put more than the bound in flight at Coupa', async () => {
		fake = await startCoupa({ seed: { suppliers: 500 } });
		// A latency at which the allowed rate would want more than the bound in flight.
		fake.faults.latency({ ms: 100 });
		const store = credentialFor(fake, 'core.supplier.read', { maxRequestsPerSecond: 1000 });
		const count = 50_000;
		const output = await runNode({
			store,
			items: Array.from({ length: count }, (_, n) => ({ json: { id: (n % 500) + 1 } })),
			parameters: { resource: 'supplier', operation: 'get', id: '={{ $json.id }}' },
		});
		expect(output).toHaveLength(count);
		expect(output.every((o, n) => o.json.id === (n % 500) + 1 && o.pairedItem.item === n)).toBe(
			true,
		);
		expect(fake.stats.requests).toBe(count);
		expect(fake.stats.maxConcurrent).toBeGreaterThan(1);
		expect(fake.stats.maxConcurrent).toBeLessThanOrEqual(MAX_ITEMS_IN_FLIGHT);
		expect(fake.stats.maxConcurrentOnOneRecord).toBe(1);
	}, 2_400_000);
});
