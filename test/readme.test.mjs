import { readFileSync } from 'node:fs';

import { README, renderReadme } from '../scripts/readme-tables.mjs';

test('the README scope and operations tables are generated from the catalogue (run `npm run docs`)', () => {
	const text = readFileSync(README, 'utf8');
	expect(text).toContain(
		'| Invoice | Void | `PUT /api/invoices/{id}/void` | `core.invoice.delete` |',
	);
	expect(text).toContain(
		'| Purchase Order | Issue | `PUT /api/purchase_orders/{id}/issue` | `core.purchase_order.write` |',
	);
	expect(renderReadme(text)).toBe(text);
});
