/**
 * Receiving and inventory beyond receipts: advance ship notices, receipt and return requests,
 * returns to suppliers, warehouses, inventory adjustments, transfers and consumptions, cycle
 * counts, asset tags and default receiving locations (R39 Core Platform, Purchasing, Inventory).
 */
import { account, currency, description, ref, str, supplierRef, uom } from '../fields';
import { day, plainObject, type PlainAction } from '../plain';
import type { CoupaObject, RecordField } from '../types';

const COMMON_INV_READ = ['core.inventory.common.read'];
const COMMON_INV_WRITE = ['core.inventory.common.write'];
const item = ref('item', 'Item', 'item', 'name');
const warehouse = (name: string, label: string, key: string) => ref(name, label, key, 'name');
const quantity = str('quantity', 'Quantity', 'quantity', { placeholder: 'e.g. 1.0' });
const rfidTag = str('rfidTag', 'RFID Tag', 'rfid-tag', {
	required: true,
	description: 'RFID tag of the transaction (R39 and Compass mark it required)',
});

/** One kind of inventory transaction, e.g. an adjustment: the same record shape, its own path. */
function inventoryTransaction(
	resource: string,
	name: string,
	plural: string,
	path: string,
	scope: string,
	kinds: string[],
	describe: string,
	extra: RecordField[],
	updateScopes?: string[],
): CoupaObject {
	return plainObject({
		resource,
		name,
		plural,
		path,
		description: describe,
		read: [`${scope}.read`, `${scope}.write`],
		write: [`${scope}.write`],
		ops: ['getAll', 'get', 'create', 'update'],
		...(updateScopes ? { scopes: { update: updateScopes } } : {}),
		fields: [
			{ name: 'type', label: 'Type', key: 'type', type: 'options', options: kinds, required: true },
			rfidTag,
			item,
			quantity,
			uom,
			...extra,
			str('notes', 'Notes', 'notes'),
		],
		attachments: true,
		title: ['type', 'item'],
		search: ['type'],
	});
}

const approvalActions = (scopes: string[]): PlainAction[] => [
	{
		value: 'addApprover',
		name: 'Add Approver',
		segment: 'add_approver',
		method: 'PUT',
		scopes,
		does: 'add an approver to {target}',
	},
	{
		value: 'removeApproval',
		name: 'Remove Approval',
		segment: 'remove_approval',
		method: 'PUT',
		scopes,
		does: 'remove a manual approval from {target}',
	},
];

export const RECEIVING_AND_STOCK_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'advanceShipNotice',
		name: 'Advance Ship Notice',
		plural: 'Advance Ship Notices',
		path: 'asn/headers',
		description: "A supplier's notice of a shipment (ASN): what ships, when, to which address",
		read: ['core.inventory.asn.read'],
		write: ['core.inventory.asn.write'],
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('asnNumber', 'ASN Number', 'asn-number', { required: true }),
			{ ...supplierRef, required: true },
			day('shipDate', 'Ship Date', 'ship-date', { required: true }),
			ref('shipToAddress', 'Ship-To Address', 'ship-to-address', 'name', { required: true }),
			day('deliveryDate', 'Delivery Date', 'delivery-date'),
			str('carrier', 'Carrier', 'carrier'),
			str('trackingNumber', 'Tracking Number', 'tracking-number'),
			str('shipNote', 'Ship Note', 'ship-note'),
		],
		lines: {
			key: 'lines',
			label: 'Lines',
			required: true,
			fields: [
				str('lineNum', 'Line Number', 'line-num'),
				str('quantity', 'Quantity', 'quantity'),
				str('receivedQty', 'Received Quantity', 'received-qty'),
				str('supplierPartNum', 'Supplier Part Number', 'supplier-part-num'),
				{ name: 'orderLineId', label: 'Order Line ID', key: 'order-line.id', type: 'number' },
			],
		},
		actions: [
			{
				value: 'receive',
				name: 'Receive',
				segment: 'receive',
				method: 'PUT',
				scopes: ['core.inventory.asn.write'],
				does: 'receive the goods of {target}',
			},
			{
				value: 'void',
				name: 'Void',
				segment: 'void',
				method: 'PUT',
				scopes: [],
				does: 'void {target}',
			},
		],
		title: ['asn-number', 'supplier'],
		search: ['asn-number'],
		webPath: 'asn/headers',
		notes: 'The scope map names no scope for Void: the pre-check lets Coupa decide.',
	}),
	plainObject({
		resource: 'receiptRequest',
		name: 'Receipt Request',
		plural: 'Receipt Requests',
		path: 'receipt_requests',
		description: 'A request to receive goods or services, with its approvals and watchers',
		read: ['core.inventory.receiveing.read'],
		write: ['core.inventory.receiving.write'],
		ops: ['getAll', 'get'],
		actions: [
			...(['submit', 'withdraw'] as const).map(
				(verb): PlainAction => ({
					value: verb,
					name: verb === 'submit' ? 'Submit' : 'Withdraw',
					segment: verb,
					method: 'POST',
					scopes: ['core.inventory.receiving.write'],
					does: `${verb === 'submit' ? 'submit {target} for approval' : 'withdraw {target} from approval'}`,
				}),
			),
			...approvalActions([]),
			...(['add_watcher', 'remove_watcher'] as const).map(
				(segment): PlainAction => ({
					value: segment === 'add_watcher' ? 'addWatcher' : 'removeWatcher',
					name: segment === 'add_watcher' ? 'Add Watcher' : 'Remove Watcher',
					segment,
					method: 'PUT',
					scopes: [],
					does: `${segment === 'add_watcher' ? 'add a watcher to' : 'remove a watcher from'} {target}`,
				}),
			),
		],
		title: [],
		search: ['status'],
		notes:
			'The scope map spells the read scope core.inventory.receiveing.read (§42). It names no scope for the approver and watcher actions: the pre-check lets Coupa decide.',
	}),
	plainObject({
		resource: 'returnRequest',
		name: 'Return Request',
		plural: 'Return Requests',
		path: 'return_requests',
		description: 'A request to return received goods to the supplier',
		read: [],
		write: [],
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [
			ref('address', 'Address', 'address', 'name', { required: true }),
			str('number', 'Number', 'number'),
			str('rma', 'RMA', 'rma', { description: "The supplier's return authorisation number" }),
		],
		lines: {
			key: 'lines',
			label: 'Lines',
			required: true,
			fields: [
				str('quantity', 'Quantity', 'quantity'),
				str('price', 'Price', 'price'),
				str('weight', 'Weight', 'weight'),
				{
					name: 'sourceTransactionId',
					label: 'Receipt ID',
					key: 'source-transaction-id',
					type: 'number',
				},
			],
		},
		actions: [
			{
				value: 'submit',
				name: 'Submit',
				segment: 'submit',
				method: 'POST',
				scopes: [],
				does: 'submit {target}',
			},
		],
		title: ['number'],
		search: ['number'],
		notes: 'The scope map names no scope for return requests: the pre-check lets Coupa decide.',
	}),
	plainObject({
		resource: 'returnToSupplierTransaction',
		name: 'Return to Supplier',
		plural: 'Returns to Supplier',
		path: 'return_to_supplier_transactions',
		description: 'Goods sent back to the supplier against a receipt',
		read: ['core.inventory.return_to_supplier.read'],
		write: ['core.inventory.return_to_supplier.write'],
		ops: ['getAll', 'get', 'update'],
		fields: [quantity, str('notes', 'Notes', 'notes')],
		attachments: true,
		title: ['type', 'item'],
		search: ['type'],
		notes: 'Coupa documents no create here; returns start from a return request.',
	}),
	plainObject({
		resource: 'warehouse',
		name: 'Warehouse',
		plural: 'Warehouses',
		path: 'warehouses',
		description: 'A stocking location for inventory, with its address and currency',
		read: COMMON_INV_READ,
		write: COMMON_INV_WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			{ ...description, required: true },
			ref('address', 'Address', 'address', 'name', { required: true }),
			{ ...currency, required: true },
			ref('warehouseType', 'Warehouse Type', 'warehouse-type', 'name', { required: true }),
		],
		title: ['name'],
		search: ['name'],
	}),
	inventoryTransaction(
		'inventoryAdjustment',
		'Inventory Adjustment',
		'Inventory Adjustments',
		'inventory_adjustments',
		'core.inventory.adjustment',
		['InventoryAdjustment'],
		'A correction of stock on hand (count differences, damage)',
		[warehouse('toWarehouse', 'Warehouse', 'to-warehouse'), account],
	),
	inventoryTransaction(
		'inventoryTransfer',
		'Inventory Transfer',
		'Inventory Transfers',
		'inventory_transfers',
		'core.inventory.transfer',
		['InventoryTransfer'],
		'A move of stock from one warehouse or location to another',
		[
			warehouse('fromWarehouse', 'From Warehouse', 'from-warehouse'),
			warehouse('toWarehouse', 'To Warehouse', 'to-warehouse'),
		],
		// The scope map lists no update for transfers.
		[],
	),
	inventoryTransaction(
		'inventoryConsumption',
		'Inventory Consumption',
		'Inventory Consumptions',
		'inventory_consumptions',
		'core.inventory.consumption',
		['InventoryConsumption'],
		'Stock taken out of a warehouse for use',
		[warehouse('fromWarehouse', 'From Warehouse', 'from-warehouse'), account],
	),
	plainObject({
		resource: 'cycleCount',
		name: 'Cycle Count',
		plural: 'Cycle Counts',
		path: 'cycle_counts',
		description: 'A periodic stock count of a warehouse, with its count lines',
		read: ['core.inventory.cycle_counts.read'],
		write: ['core.inventory.cycle_counts.write'],
		ops: ['getAll', 'get'],
		actions: [
			{
				value: 'submit',
				name: 'Submit',
				segment: 'submit',
				method: 'PATCH',
				scopes: ['core.inventory.cycle_counts.write'],
				does: 'submit {target} with its counted lines',
			},
		],
		title: [],
		search: ['status'],
	}),
	plainObject({
		resource: 'assetTag',
		name: 'Asset Tag',
		plural: 'Asset Tags',
		path: 'asset_tags',
		description: 'A tag on a received asset: serial number, owner, note',
		read: ['core.inventory.balance.read'],
		write: COMMON_INV_WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('tag', 'Tag', 'tag'),
			str('serialNumber', 'Serial Number', 'serial-number'),
			str('owner', 'Owner', 'owner'),
			str('note', 'Note', 'note'),
		],
		title: ['tag', 'serial-number'],
		search: ['tag', 'serial-number'],
	}),
	plainObject({
		resource: 'defaultReceivingLocation',
		name: 'Default Receiving Location',
		plural: 'Default Receiving Locations',
		path: 'default_receiving_locations',
		description: 'Where an item is received by default: warehouse and location',
		read: COMMON_INV_READ,
		write: COMMON_INV_WRITE,
		ops: ['getAll', 'get', 'create'],
		fields: [
			{ ...item, required: true },
			{ ...warehouse('warehouse', 'Warehouse', 'warehouse'), required: true },
			ref('warehouseLocation', 'Warehouse Location', 'warehouse-location', 'name', {
				required: true,
			}),
		],
		title: ['item', 'warehouse'],
		search: ['item-id'],
	}),
];
