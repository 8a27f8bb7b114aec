// Receipts. Compass Receipts API: "Inventory Transactions API (/inventory_transactions) – Only HTTP
// GET is supported"; receipts are written through /receiving_transactions. Scopes from Coupa's
// /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const RECEIVING_WRITE = ['core.inventory.receiving.write'];

export const ROUTES = [
	...standardRoutes('inventory_transactions', {
		ops: ['index', 'show'],
		read: [],
		source: 'Compass Receipts API ("Only HTTP GET is supported" for /inventory_transactions)',
		scopeSource: 'none: the /oauth2/scopes map has no inventory transactions entry',
	}).map((row) => ({
		...row,
		unconfirmed:
			'No doc maps a scope to this route (R39 lists scopes such as core.inventory.transaction.read globally, not per route)',
	})),
	...standardRoutes('receiving_transactions', {
		ops: ['index', 'show', 'create'],
		read: ['core.inventory.receiving.read', 'core.inventory.receiving.write'],
		write: RECEIVING_WRITE,
		source: 'Compass Receipts API (POST /api/receiving_transactions example)',
		scopeSource: `${SCOPE_MAP} §42.3 (spelled core.inventory.receiveing.read there), §43.5 (receiving.write: create, index, show, update, void)`,
		create: {
			required: ['type'],
			optional: [
				'quantity',
				'price',
				'order-line',
				'uom',
				'account',
				'item',
				'to-warehouse',
				'barcode',
			],
			unconfirmed:
				'R39 also marks rfid-tag required, an artifact: the documented example creates a receipt without it',
		},
	}),
	actionRoute('receiving_transactions', 'void', 'PUT', '{id}/void', RECEIVING_WRITE, {
		source: 'Compass Receipts API; 0016-Special_Actions_and_API_Notes.md (void)',
		scopeSource: `${SCOPE_MAP} §43.5 Void`,
	}),
];

export const OBJECTS = [
	{ path: 'inventory_transactions', model: 'InventoryTransaction' },
	{ path: 'receiving_transactions', model: 'InventoryTransaction', xml: 'inventory-transaction' },
];
