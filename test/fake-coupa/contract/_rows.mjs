// Helpers that spell out contract rows. Files starting with "_" are not area files: index.mjs
// skips them. Every row is still plain data: { collection, op, method, path, scopes, required,
// optional?, query?, source, scopeSource?, unconfirmed? }.

/** Compass mirror page and R39 OpenAPI file names, as cited in rows. */
export const R39 = {
	core: 'R39_Core_Platform_API.json',
	purchasing: 'R39_Purchasing_API.json',
	invoicing: 'R39_Invoicing_API.json',
	sourcing: 'R39_Sourcing_API.json',
	expense: 'R39_Expense_Reporting_API.json',
};
export const SCOPE_MAP = 'rossumai/university docs/learn/coupa/oauth-scopes.md';

/**
 * The standard routes of a collection Coupa documents: `ops` names which of index/show/create/
 * update/destroy exist. `read`/`write` are the documented scopes; `create` overrides the create
 * row's fields (required keys, scopes, path, source).
 */
export function standardRoutes(
	collection,
	{ ops, read, write, source, scopeSource, create = {}, destroy = {} },
) {
	const base = `/api/${collection}`;
	const row = (op, method, path, scopes, extra = {}) => ({
		collection,
		op,
		method,
		path,
		scopes,
		required: [],
		source,
		scopeSource,
		...extra,
	});
	const rows = [];
	if (ops.includes('index')) rows.push(row('getAll', 'GET', base, read));
	if (ops.includes('show')) rows.push(row('get', 'GET', `${base}/{id}`, read));
	if (ops.includes('create'))
		rows.push(row('create', 'POST', create.path ?? base, create.scopes ?? write, create));
	if (ops.includes('update')) rows.push(row('update', 'PUT', `${base}/{id}`, write));
	if (ops.includes('destroy'))
		rows.push(row('delete', 'DELETE', `${base}/{id}`, destroy.scopes ?? write, destroy));
	return rows;
}

/** A documented action below a record (`{id}`) or the collection. */
export function actionRoute(collection, op, method, subPath, scopes, extra) {
	return {
		collection,
		op,
		method,
		path: `/api/${collection}/${subPath}`,
		scopes,
		required: [],
		...extra,
	};
}

/** Coupa's export-flag round trip: `PUT /api/<collection>/{id}?exported=true`, no body. */
export function markExportedRoute(collection, scopes, scopeSource) {
	return {
		collection,
		op: 'markExported',
		method: 'PUT',
		path: `/api/${collection}/{id}`,
		query: { exported: 'true' },
		scopes,
		required: [],
		source:
			'Compass 0016-Special_Actions_and_API_Notes.md; 0024-PO_s_and_PO_Changes_Integration_into_your_ERP.md',
		scopeSource,
	};
}
