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
import { COLLABORATION_OBJECTS } from './collaboration';
import { SUPPLIER_ONBOARDING_OBJECTS } from './supplierOnboarding';
import { RECEIVING_AND_STOCK_OBJECTS } from './receivingAndStock';
import { MASTER_DATA_OBJECTS } from './masterData';
import { PAYABLES_OBJECTS } from './payables';
import { INTEGRATION_SETUP_OBJECTS } from './integrationSetup';
import { SOURCING_AND_CONFIRMATION_OBJECTS } from './sourcingAndConfirmations';

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
	...COLLABORATION_OBJECTS,
	...SUPPLIER_ONBOARDING_OBJECTS,
	...RECEIVING_AND_STOCK_OBJECTS,
	...MASTER_DATA_OBJECTS,
	...PAYABLES_OBJECTS,
	...INTEGRATION_SETUP_OBJECTS,
	...SOURCING_AND_CONFIRMATION_OBJECTS,
].sort((a, b) => a.resource.localeCompare(b.resource));
