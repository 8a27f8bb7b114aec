// The fake server's view of the project's catalogue. Object paths, operations, actions and
// scopes come from the COMPILED catalogue (dist/), so the fake cannot drift from what ships.
// Only facts the catalogue does not hold (lookup collections, Coupa model names) live here.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let compiled;
try {
	compiled = require('../../dist/nodes/Coupa/catalog.js');
} catch (error) {
	throw new Error(`fake-coupa needs the compiled catalogue: run "npx tsc -p tsconfig.json" first (${error.message})`);
}

export const { CATALOG, actionsOf, scopesFor, BASE_SCOPES } = compiled;

/** Catalogue objects by collection path (e.g. `purchase_orders`). */
export const OBJECTS = new Map(CATALOG.map((object) => [object.path, object]));

/**
 * Read-only lookup collections (list + get). Not in the catalogue because the node only reads
 * them for pickers; scopes per coupa-api.md §6.19.
 */
export const LOOKUPS = new Map(
	[
		['currencies', 'Currency', ['core.common.read']],
		['payment_terms', 'PaymentTerm', ['core.common.read']],
		['commodities', 'Commodity', ['core.common.read']],
		['uoms', 'Uom', ['core.common.read']],
		['addresses', 'Address', ['core.common.read']],
		['lookup_values', 'LookupValue', ['core.common.read']],
		['expense_categories', 'ExpenseCategory', ['core.common.read']],
		['account_types', 'AccountType', ['core.accounting.read']],
		['budget_periods', 'BudgetPeriod', ['core.budget.read']],
	].map(([path, className, scopes]) => [path, { path, className, scopes }]),
);

/**
 * Coupa's Rails model behind each object: `model` keys validation errors
 * (`{"errors":{"order_header":[...]}}`), `className` names it in 404s, `xml` is the XML element.
 */
const MODEL_NAMES = {
	accounts: 'Account',
	approvals: 'Approval',
	budget_lines: 'BudgetLine',
	contracts: 'Contract',
	expense_lines: 'ExpenseLine',
	expense_reports: 'ExpenseReport',
	inventory_transactions: 'InventoryTransaction',
	invoices: 'InvoiceHeader',
	items: 'Item',
	purchase_orders: 'OrderHeader',
	purchase_order_changes: 'OrderHeaderChange',
	purchase_order_lines: 'OrderLine',
	quote_requests: 'QuoteRequest',
	requisitions: 'RequisitionHeader',
	suppliers: 'Supplier',
	user_groups: 'UserGroup',
	users: 'User',
};

const snake = (className) => className.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();

/** Model naming for any routed collection (catalogue object or lookup). */
export function modelOf(path) {
	const className = MODEL_NAMES[path] ?? LOOKUPS.get(path)?.className ?? 'Record';
	const model = snake(className);
	return { className, model, xml: model.replace(/_/g, '-') };
}

/** Every scope the catalogue names anywhere, plus the base scopes: what the default client holds. */
export const ALL_SCOPES = (() => {
	const scopes = new Set(BASE_SCOPES);
	const add = (list = []) => list.forEach((scope) => scopes.add(scope));
	for (const object of CATALOG) {
		add(object.readScopes);
		add(object.writeScopes);
		Object.values(object.operations).forEach((operation) => add(operation.scopes));
		actionsOf(object).forEach((action) => add(action.scopes));
	}
	LOOKUPS.forEach((lookup) => add(lookup.scopes));
	return [...scopes];
})();
