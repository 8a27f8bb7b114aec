// Which scopes the scope map grants for each R39 operation. The map names a resource by a title
// ("API/Supplier Sites") and an action ("Index", "Show", "Create", "Update", "Destroy" or a
// custom action such as "Soft close for invoicing"); R39 names routes by path. The rules, also
// written in docs/coupa-docs.md:
//   1. A title names the collection whose last path segment reads the same (case, spaces,
//      underscores and a plural "s" ignored): "API/Supplier Sites" is `supplier_sites`, top level
//      or nested (`/suppliers/{supplier_id}/supplier_sites`). Titles with a folder
//      ("API/Coupa_Pay/Invoices") must match that many trailing collection segments.
//   2. Index = GET on the collection, Show = GET on `{id}`, Create = POST on the collection,
//      Update = PUT/PATCH on `{id}`, Destroy = DELETE on `{id}`; any other action is the route
//      whose last fixed segment reads the same ("Submit for Approval" = `.../submit_for_approval`).
//   3. Attachments are granted per owner: an "API/Attachments" entry counts only for the
//      attachments of a collection the scope's own name names (core.invoice.create for
//      `/invoices/{invoice_id}/attachments`, core.inventory.adjustment.write for inventory
//      adjustments' attachments).
//   4. TITLE_ALIASES and ENTRY_ROUTES below: titles and actions that do not read like their path,
//      each checked by hand against the entry's description.
//   An operation no entry matches gets no scope: the node's pre-check lets Coupa decide.

/** Title (or `scope|title`) → collection path segments, where the title does not read like the path. */
export const TITLE_ALIASES = {
	// Listed under core.catalog.write with "Create supplier item" and friends.
	'core.catalog.write|API/Supplier': ['supplier_items'],
	'API/Travel/Expense Artifacts': ['expense_artifacts'],
	'API/OCR/Expense Artifacts': ['expense_artifacts'],
	'API Invoice Payables': ['payables', 'invoices'],
	'API Payables Allocations': ['payables', 'allocations'],
	'API Payable Allocations': ['payables', 'allocations'],
	'API External Payables': ['external', 'payables'],
	'API Payables Orders': ['payables', 'orders'],
	'API Payables Order Reconciliation Lines': ['order', 'reconciliation_lines'],
	'API Coupa Pay Payments': ['coupa_pay', 'payments'],
	'API Inventory Receiving': ['receiving_transactions'],
	'API Inventory Adjustment': ['inventory_adjustments'],
	'API Inventory Transfer': ['inventory_transfers'],
	'Supplier users Integration Contacts': ['supplier_user_integration_contacts'],
	'API/ASN/Headers': ['asn', 'headers'],
	'API/ASN/Lines': ['asn', 'lines'],
	'API/Advance Ship Notice Lines': ['asn', 'lines'],
	'API/Order Pads': ['order_pads'],
	'API/Order Pad Lines': ['order_pad_lines'],
	'API/UOMs': ['uoms'],
	'API/Lookups': ['lookups'],
	'API/Supplier Business Groups': ['suppliers', 'business_groups'],
	'API/User Business Groups': ['users', 'business_groups'],
	'API/Contract Business Groups': ['contracts', 'business_groups'],
	'API/User Addresses': ['users', 'addresses'],
	// Both remit-to routes: below invoices, and a supplier's addresses (R39: "remit to address").
	'API/Remit to Addresses': [['remit_to_addresses'], ['suppliers', 'addresses']],
	'API Default receiving location': ['default_receiving_locations'],
	'API Default Receiving Location': ['default_receiving_locations'],
	'API warehouse locations': ['warehouses', 'locations'],
	'API Warehouse Locations': ['warehouses', 'locations'],
	'Custom Object Instances': ['object_instances'],
	'API/Coupa_Pay/Invoices': ['coupa_pay', 'invoices'],
	'API Receivable Purchase Order Lines': ['receivable_purchase_order_lines'],
	'Risk Aware Feed': ['supplier_risk_aware_feed'],
};

/** `title|action` → the routes it names, where the action's words differ from the path's. */
export const ENTRY_ROUTES = {
	'API/Pending Quote Supplier|Index': [
		'GET /quote_requests/{quote_request_id}/pending_quote_suppliers',
	],
	'API/Pending Quote Supplier|Create': [
		'POST /quote_requests/{quote_request_id}/pending_quote_suppliers',
	],
	'API/Integration History Records|Mark export': [
		'POST /integration_history_records/mark_exported',
	],
	'API/Integration History Records|Create alert and mark export': [
		'POST /integration_history_records/create_alert_and_mark_exported',
	],
	'API/Supplier Items|Catalogue Item Info': ['GET /supplier_items/catalog_item_info'],
	'API/Supplier Items|Catalogue Items': ['GET /supplier_items/catalog_items'],
	'API/ASN/Lines|Receive ASN lines': ['PUT /asn/lines/receive', 'PUT /asn/lines/{id}/receive'],
	'API/ASN/Lines|Void ASN lines': ['PUT /asn/lines/void', 'PUT /asn/lines/{id}/void'],
	'API Invoice Payables|List payables that are available to be allocated to this one': [
		'GET /payables/invoices/available_allocations',
	],
	'API Payables Allocations|Reverse the payable allocation and associated reconciliation lines': [
		'PUT /payables/allocations/{id}/reverse',
		'PATCH /payables/allocations/{id}/reverse',
	],
	'API Invoice Payables|Exported': [
		'PUT /payables/invoices/{id}/export',
		'PATCH /payables/invoices/{id}/export',
	],
	'API Invoice Payables|Mark this document as paid and stop tracking it in Coupa': [
		'PUT /payables/invoices/{id}/pay_externally',
		'PATCH /payables/invoices/{id}/pay_externally',
	],
	'API Invoice Payables|Stop tracking this document in Coupa': [
		'PUT /payables/invoices/{id}/track_externally',
		'PATCH /payables/invoices/{id}/track_externally',
	],
	'API Invoice Payables|Resume tracking this document in Coupa': [
		'PUT /payables/invoices/{id}/track_in_coupa',
		'PATCH /payables/invoices/{id}/track_in_coupa',
	],
	'API Payables Orders|Mark this document as paid and stop tracking it in Coupa': [
		'PUT /payables/orders/{id}/pay_externally',
		'PATCH /payables/orders/{id}/pay_externally',
	],
	'API Payables Orders|Allow API users to mark Coupa Pay orders as ready to pay': [
		'PUT /payables/orders/{id}/ready_to_pay',
		'PATCH /payables/orders/{id}/ready_to_pay',
	],
	'API/Requisitions|Save for later for API requisitions': ['PUT /requisitions/{id}/save_for_later'],
	'API/Requisitions|Update requisition and submit for approval': [
		'PUT /requisitions/{id}/update_and_submit_for_approval',
	],
	'API/Requisitions|Update requisition without validation': [
		'PUT /requisitions/{id}/update_without_validation',
	],
	'API/Requisitions|To display current cart details via API': ['GET /requisitions/current_cart'],
	'API/Quote Requests|Create a sourcing event from the requisition': [
		'POST /quote_requests/create_from_source',
	],
	'API/Quote Requests|Submit sourcing event to production': [
		'PATCH /quote_requests/{id}/go_to_production',
	],
	'API/Quote Requests|Move a sourcing event to a test state': [
		'PATCH /quote_requests/{id}/go_to_test',
	],
	'API/Quote Responses|Remove award': ['DELETE /quote_responses/{id}/award'],
	'API/Expense Lines|Calculate Mileage Amount': ['POST /expense_lines/{id}/calculate_mileage'],
	'API/Expense Lines|Assign Attendee': [
		'POST /expense_lines/{id}/assign_attendee/{expense_attendee_id}',
	],
	'API/Expense Lines|Unassign attendees': [
		'DELETE /expense_lines/{id}/unassign_attendee/{expense_attendee_id}',
	],
	'API/Expense Reports|Sending expense line back to submitter': [
		'PUT /expense_reports/{id}/send_back_line',
	],
	'API/Users|Avatar show': ['GET /users/{id}/avatar'],
	'API/Users|Delete avatar': ['DELETE /users/{id}/avatar'],
	'API/Users|Avatar update': ['PUT /users/{id}/avatar'],
	'API/User Business Groups|Index': ['GET /users/{user_id}/business_groups'],
	'API/Contracts|Update Legal Agreement': ['PUT /contracts/{id}/legal_agreement'],
	'API/Contracts|Notify that a signature has been added in CCC': [
		'PUT /contracts/{id}/ccc_signature_created',
	],
	'API/Contracts|Moves contract to corresponding status after CCC withdraws signatures': [
		'PUT /contracts/{id}/withdraw_signatures',
	],
	'API/Contracts|Update Completed or Published- Update completed or published contracts': [
		'PUT /contracts/{id}/update_published',
	],
	'API/Contract Business Groups|Add- Add a business group to a contract': [
		'PUT /contracts/{contract_id}/business_groups/add',
		'PUT /contracts/{contract_id}/business_groups/{id}/add',
	],
};

const norm = (word) =>
	word
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')
		.replace(/(ies)$/, 'y')
		.replace(/s$/, '');

/**
 * The collection chains a title names: "API/Coupa_Pay/Invoices" → [['coupa_pay', 'invoices']];
 * an alias may name several.
 */
function titleChains(scope, title) {
	const alias = TITLE_ALIASES[`${scope}|${title}`] ?? TITLE_ALIASES[title];
	if (alias) return Array.isArray(alias[0]) ? alias : [alias];
	return [
		title
			.replace(/^API\s*\/?\s*/i, '')
			.split('/')
			.map((part) => part.trim())
			.filter(Boolean),
	];
}

/** Nested collections a title of their own claims (`suppliers/addresses`: remit-to addresses). */
const CLAIMED = new Set(
	Object.values(TITLE_ALIASES)
		.flatMap((alias) => (Array.isArray(alias[0]) ? alias : [alias]))
		.filter((chain) => chain.length > 1)
		.map((chain) => chain.map(norm).join('/')),
);

/**
 * How a path reads: its collection chain (fixed segments, the last one the collection), whether
 * it names a member (`{id}` last) and the action segment, if any.
 * `paths` holds every documented path, to tell a nested collection from an action.
 */
export function shapeOf(path, paths) {
	const parts = path.split('/').filter(Boolean);
	const last = parts.at(-1);
	const isParam = (part) => part.startsWith('{');
	let action;
	let member = false;
	let chain = parts;
	if (isParam(last)) {
		member = true;
		chain = parts.slice(0, -1);
	} else if (parts.length > 1 && !paths.has(`${path}/{id}`)) {
		// `/x/{id}/submit` or `/x/submit`: an action, unless the path also has members.
		const withoutLast = parts.slice(0, -1);
		if (!(withoutLast.length === 1 && !paths.has(`/${withoutLast[0]}`))) {
			action = last;
			member = isParam(withoutLast.at(-1));
			chain = member ? withoutLast.slice(0, -1) : withoutLast;
		}
	}
	const collections = chain.filter((part) => !isParam(part));
	return { collections, member, action };
}

const STANDARD = {
	index: (op, shape) => op.method === 'GET' && !shape.member && !shape.action,
	show: (op, shape) => op.method === 'GET' && shape.member && !shape.action,
	create: (op, shape) => op.method === 'POST' && !shape.member && !shape.action,
	update: (op, shape) => ['PUT', 'PATCH'].includes(op.method) && shape.member && !shape.action,
	destroy: (op, shape) => op.method === 'DELETE' && shape.member && !shape.action,
};

function actionMatches(entry, op, shape) {
	const name = entry.action.toLowerCase();
	if (STANDARD[name]) return STANDARD[name](op, shape);
	return Boolean(shape.action) && norm(shape.action) === norm(entry.action);
}

function titleMatches(entry, shape) {
	return titleChains(entry.scope, entry.title).some((chain) => chainMatches(entry, chain, shape));
}

function chainMatches(entry, chain, shape) {
	const wanted = chain.map(norm);
	const have = shape.collections.map(norm);
	if (wanted.length > have.length) return false;
	// A one-word title does not reach a nested collection another title claims.
	if (wanted.length === 1 && have.length > 1 && CLAIMED.has(have.slice(-2).join('/'))) return false;
	const tail = have.slice(have.length - wanted.length);
	if (!wanted.every((part, i) => part === tail[i])) return false;
	// Rule 3: attachments count only for the owner the scope names.
	if (wanted.at(-1) === 'attachment' && have.length > 1) {
		const owner = norm(have.at(-2));
		const scopeWords = norm(
			entry.scope.replace(/^core\./, '').replace(/\.(read|write|create|delete)$/, ''),
		);
		return (
			owner.startsWith(scopeWords) || scopeWords.startsWith(owner) || scopeWords.endsWith(owner)
		);
	}
	return true;
}

/**
 * Scopes per operation: `operations` (from readSpecs) each get `scopes` (sorted) and
 * `scopeSections` (the scope map's section numbers). Returns the entries nothing matched.
 */
export function matchScopes(operations, entries) {
	const paths = new Set(operations.map((op) => op.path));
	const shapes = operations.map((op) => shapeOf(op.path, paths));
	const unmatched = [];
	operations.forEach((op) => Object.assign(op, { scopes: [], scopeSections: [] }));
	for (const entry of entries) {
		let hit = false;
		const named = ENTRY_ROUTES[`${entry.title}|${entry.action}`];
		operations.forEach((op, i) => {
			const matches = named
				? named.includes(`${op.method} ${op.path}`)
				: titleMatches(entry, shapes[i]) && actionMatches(entry, op, shapes[i]);
			if (!matches) return;
			hit = true;
			if (!op.scopes.includes(entry.scope)) op.scopes.push(entry.scope);
			if (!op.scopeSections.includes(entry.section)) op.scopeSections.push(entry.section);
		});
		if (!hit) unmatched.push(entry);
	}
	operations.forEach((op) => {
		op.scopes.sort();
		op.scopeSections.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
	});
	return unmatched;
}
