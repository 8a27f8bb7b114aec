// The fake server's view of Coupa: routes, scopes, required inputs and status values come from the
// contract table in ./contract/ (written from Coupa's published docs, never from the package's
// catalogue), so a wrong path or scope in the package fails against the fake. Only facts the docs
// do not give the fake (lookup collections, model names of lookups) live here.
import {
	OBJECTS as CONTRACT_OBJECTS,
	ROUTES,
	stateKeyOf,
	statusValuesOf,
} from './contract/index.mjs';

export { ROUTES, stateKeyOf, statusValuesOf };

/** The OIDC and common scopes every client of the package requests (credentials/coupaScopes.ts). */
export const BASE_SCOPES = ['login', 'offline_access', 'openid', 'profile', 'core.common.read'];

/** Documented collections by path: `{ path, model, lines?, stateKey?, statuses?, parent? }`. */
export const OBJECTS = CONTRACT_OBJECTS;

/** Routes by collection path. */
export const ROUTES_BY_COLLECTION = ROUTES.reduce((map, row) => {
	if (!map.has(row.collection)) map.set(row.collection, []);
	map.get(row.collection).push(row);
	return map;
}, new Map());

/** The documented create route of a collection (its required inputs drive validation). */
export const createRouteOf = (path) =>
	ROUTES_BY_COLLECTION.get(path)?.find((row) => row.op === 'create');

/** Whether Coupa documents the export-flag round trip for a collection. */
export const isExportable = (path) =>
	Boolean(ROUTES_BY_COLLECTION.get(path)?.some((row) => row.op === 'markExported'));

/**
 * Read-only lookup collections (list + get). Fake-side facts: the node only reads them for
 * pickers; scopes per docs/coupa-docs.md, "Lookup lists and their scopes".
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
		['integrations', 'Integration', ['core.integration.read']],
	].map(([path, className, scopes]) => [path, { path, className, scopes }]),
);

const snake = (className) => className.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();

/**
 * Model naming for any routed collection: `model` keys validation errors
 * (`{"errors":{"order_header":[...]}}`), `className` names it in 404s, `xml` is the XML element.
 */
export function modelOf(path) {
	const className = OBJECTS.get(path)?.model ?? LOOKUPS.get(path)?.className ?? 'Record';
	const model = snake(className);
	return { className, model, xml: model.replace(/_/g, '-') };
}

/** Every scope the contract names anywhere, plus the base scopes: what the default client holds. */
export const ALL_SCOPES = (() => {
	const scopes = new Set(BASE_SCOPES);
	ROUTES.forEach((row) => row.scopes.forEach((scope) => scopes.add(scope)));
	LOOKUPS.forEach((lookup) => lookup.scopes.forEach((scope) => scopes.add(scope)));
	return [...scopes];
})();
