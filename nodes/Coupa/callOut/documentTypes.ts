/**
 * The documents a Process Automator Document Event can start on (Compass "Process Automator
 * Triggers": Contract, Expense Report, Invoice, Order, Purchase Order, PO Change, Requisition,
 * Sourcing Event), with the element names Coupa's API gives their records (the XML root, e.g.
 * `<invoice-header>` in the Invoices API examples) and a few plain spellings a data mapping may use.
 */
export const DOCUMENT_TYPES = [
	{ name: 'Contract', value: 'contract', roots: ['contract'] },
	{ name: 'Expense Report', value: 'expense_report', roots: ['expense-report'] },
	{ name: 'Invoice', value: 'invoice', roots: ['invoice-header', 'invoice'] },
	{ name: 'Purchase Order', value: 'purchase_order', roots: ['order-header', 'purchase-order'] },
	{
		name: 'Purchase Order Change',
		value: 'purchase_order_change',
		roots: ['order-header-change', 'po-change'],
	},
	{ name: 'Requisition', value: 'requisition', roots: ['requisition-header', 'requisition'] },
	{ name: 'Sourcing Event', value: 'sourcing_event', roots: ['quote-request', 'sourcing-event'] },
] as const;

/** `invoice-header` -> `invoice`; an unknown name is kept as it came, in snake case. */
export function documentTypeOfRoot(root: string): string {
	const name = root.toLowerCase().replace(/_/g, '-');
	const known = DOCUMENT_TYPES.find((type) => (type.roots as readonly string[]).includes(name));
	return known?.value ?? name.replace(/-/g, '_');
}
