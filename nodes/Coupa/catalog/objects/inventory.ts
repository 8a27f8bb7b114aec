/** Inventory and receiving transactions. */
import type { CoupaObject } from '../types';
import { str, account, uom, recordType } from '../fields';

export const INVENTORY_OBJECTS: CoupaObject[] = [
	{
		resource: 'inventoryTransaction',
		name: 'Inventory Transaction',
		plural: 'Inventory Transactions',
		path: 'inventory_transactions',
		// No doc maps a scope to this route: the pre-check lets it through and Coupa decides.
		readScopes: [],
		writeScopes: [],
		operations: { get: {}, getAll: {} },
		actions: [],
		fields: [],
		picker: { title: ['type', 'id'], search: ['type'] },
		webPath: 'receipts',
		notes: 'Read only, as Coupa documents it. Create and void receipts with Receiving Transaction.',
	},
	{
		resource: 'receivingTransaction',
		name: 'Receiving Transaction',
		plural: 'Receiving Transactions',
		path: 'receiving_transactions',
		readScopes: ['core.inventory.receiving.read', 'core.inventory.receiving.write'],
		writeScopes: ['core.inventory.receiving.write'],
		operations: { get: {}, getAll: {}, create: {} },
		actions: [
			{
				value: 'void',
				name: 'Void',
				action: 'Void a receiving transaction',
				description:
					'Void a receipt by its ID (from Get Many Receiving Transactions), e.g. one entered by mistake; returns the receipt',
				method: 'PUT',
				path: '{id}/void',
				scopes: ['core.inventory.receiving.write'],
				leadsTo: { field: 'status', values: ['voided'] },
			},
		],
		fields: [
			recordType(
				['InventoryReceipt', 'ReceivingQuantityConsumption', 'ReceivingAmountConsumption'],
				{ required: true },
			),
			str('quantity', 'Quantity', 'quantity', { placeholder: 'e.g. 1.0' }),
			str('price', 'Price', 'price', { placeholder: 'e.g. 1000.00' }),
			{ name: 'orderLineId', label: 'Order Line ID', key: 'order-line.id', type: 'number' },
			uom,
			account,
		],
		picker: { title: ['type', 'id'], search: ['type'] },
		webPath: 'receipts',
		notes: 'Receipts against purchase order lines (POST /receiving_transactions).',
	},
];
