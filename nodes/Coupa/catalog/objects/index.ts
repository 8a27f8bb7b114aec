import type { CoupaObject } from '../types';
import { CORE_OBJECTS } from './core';
import { SUPPLIER_OBJECTS } from './suppliers';
import { REFERENCE_OBJECTS } from './reference';
import { PURCHASING_OBJECTS } from './purchasing';
import { PURCHASE_ORDER_OBJECTS } from './purchaseOrders';
import { INVOICING_OBJECTS } from './invoicing';
import { EXPENSE_OBJECTS } from './expenses';
import { INTEGRATION_OBJECTS } from './integration';
import { INVENTORY_OBJECTS } from './inventory';
import { SOURCING_OBJECTS } from './sourcing';

/** Every Coupa object the package knows, sorted by resource name. */
export const CATALOG: CoupaObject[] = [
	...CORE_OBJECTS,
	...SUPPLIER_OBJECTS,
	...REFERENCE_OBJECTS,
	...PURCHASING_OBJECTS,
	...PURCHASE_ORDER_OBJECTS,
	...INVOICING_OBJECTS,
	...EXPENSE_OBJECTS,
	...INTEGRATION_OBJECTS,
	...INVENTORY_OBJECTS,
	...SOURCING_OBJECTS,
].sort((a, b) => a.resource.localeCompare(b.resource));
