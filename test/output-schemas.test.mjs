import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import {
	RECORD_OPERATIONS,
	SCHEMA_DIR,
	VERSION_DIR,
	generateSchemas,
	staleSchemas,
} from '../scripts/output-schemas.mjs';

const require = createRequire(import.meta.url);
const { CATALOG } = require('../dist/nodes/Coupa/catalog');

describe('output schemas for the editor', () => {
	test('the committed schemas are what the generator makes from the fake Coupa (run npm run docs when this fails)', async () => {
		expect(await staleSchemas()).toEqual([]);
	});

	test('every listable object has a schema per record operation for the node, and one per resource for the trigger', async () => {
		const files = await generateSchemas();
		for (const object of CATALOG) {
			for (const operation of RECORD_OPERATIONS) {
				expect(files.has(`${VERSION_DIR}/${object.resource}/${operation}.json`)).toBe(
					Boolean(object.operations[operation]),
				);
			}
			expect(files.has(`${VERSION_DIR}/${object.resource}.json`)).toBe(
				Boolean(object.operations.getAll),
			);
		}
		const invoice = files.get(`${VERSION_DIR}/invoice/getAll.json`);
		expect(invoice.type).toBe('object');
		expect(invoice.properties['invoice-number']).toEqual({ type: 'string' });
		expect(invoice.properties.supplier.properties.name).toEqual({ type: 'string' });
		expect(invoice.properties['invoice-lines'].type).toBe('array');
		expect(invoice.properties['invoice-lines'].items.type).toBe('object');
	});

	test('the build ships them where n8n looks: <node dir>/__schema__/v1.0.0/<resource>/<operation>.json', () => {
		const shipped = join(process.cwd(), 'dist', 'nodes', 'Coupa', '__schema__', VERSION_DIR);
		expect(existsSync(join(shipped, 'purchaseOrder', 'get.json'))).toBe(true);
		expect(existsSync(join(shipped, 'invoice.json'))).toBe(true);
		expect(readFileSync(join(shipped, 'invoice', 'getAll.json'), 'utf8')).toBe(
			readFileSync(join(SCHEMA_DIR, VERSION_DIR, 'invoice', 'getAll.json'), 'utf8'),
		);
	});
});
