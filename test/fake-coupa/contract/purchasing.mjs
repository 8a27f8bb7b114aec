// Purchasing: purchase orders, their lines and changes, requisitions, contracts. From Compass pages
// and R39_Purchasing_API.json (TimTini/coupa-compass-integration-docs); scopes from Coupa's
// /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, markExportedRoute, R39, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const PO_READ = ['core.purchase_order.read'];
const PO_WRITE = ['core.purchase_order.write'];
const PO_PAGE = 'Compass 0233-Purchase_Orders_API_(_purchase_orders).md';
const PO_SCOPES = `${SCOPE_MAP} §83.4 and core.purchase_order.write (cancel, close, create, export, issue, issue_without_send, reopen, update)`;

const poAction = (op, extra = {}) =>
	actionRoute('purchase_orders', op, 'PUT', `{id}/${op}`, PO_WRITE, {
		source: `${PO_PAGE} Actions; ${R39.purchasing} paths./purchase_orders/{id}/${op}`,
		scopeSource: PO_SCOPES,
		...extra,
	});

export const ROUTES = [
	...standardRoutes('purchase_orders', {
		ops: ['index', 'show', 'create', 'update'],
		read: PO_READ,
		write: PO_WRITE,
		source: `${PO_PAGE}; ${R39.purchasing} paths./purchase_orders`,
		scopeSource: PO_SCOPES,
		create: {
			required: ['po-number', 'supplier', 'ship-to-address', 'ship-to-user', 'order-lines'],
			optional: ['payment-term', 'currency', 'ship-to-attention'],
			source: `${R39.purchasing} definitions.OrderHeader.required; ${PO_PAGE} (external purchase orders only)`,
			unconfirmed:
				'Compass marks ship-to-address "no" while R39 requires it; the package follows R39',
		},
	}),
	poAction('issue'),
	poAction('issue_without_send'),
	poAction('cancel'),
	poAction('close'),
	poAction('reopen', {
		optional: ['reason-insight-code', 'reason-insight-event-comment'],
		source: `${PO_PAGE} Actions and "Using a reason insight code" example; ${R39.purchasing} paths./purchase_orders/{id}/reopen`,
	}),
	markExportedRoute('purchase_orders', PO_WRITE, `${SCOPE_MAP} core.purchase_order.write Export`),

	...standardRoutes('purchase_order_lines', {
		ops: ['index', 'show', 'destroy'],
		read: PO_READ,
		write: PO_WRITE,
		source: `Compass Purchase Order Lines API; ${R39.purchasing} paths./purchase_order_lines`,
		scopeSource: `${SCOPE_MAP} §83.2 and core.purchase_order.write (destroy, soft_close_for_receiving, reopen_for_receiving)`,
	}),
	...['soft_close_for_receiving', 'reopen_for_receiving'].map((op) =>
		actionRoute('purchase_order_lines', op, 'PUT', `{id}/${op}`, PO_WRITE, {
			source: `${R39.purchasing} paths./purchase_order_lines/{id}/${op}`,
			scopeSource: `${SCOPE_MAP} core.purchase_order.write`,
		}),
	),

	...standardRoutes('purchase_order_changes', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.purchase_order.read', 'core.purchase_order_change.read'],
		write: ['core.purchase_order.write', 'core.purchase_order_change.write'],
		source: `Compass Purchase Order Change API; ${R39.purchasing} paths./purchase_order_changes`,
		scopeSource: `${SCOPE_MAP} §83.1 (core.purchase_order.*); core.purchase_order_change.* from a real tenant's scope list (CODE)`,
		create: {
			required: ['order-header-id'],
			optional: ['justification', 'reason-insight-event'],
			unconfirmed: 'R39 also lists reason-insight-event as required; tenant configuration decides',
		},
	}),
	actionRoute(
		'purchase_order_changes',
		'submit_for_approval',
		'PUT',
		'{id}/submit_for_approval',
		['core.purchase_order.write', 'core.purchase_order_change.write'],
		{
			source: `${R39.purchasing} paths./purchase_order_changes/{id}/submit_for_approval`,
			scopeSource: `${SCOPE_MAP} core.purchase_order.write; core.purchase_order_change.write (CODE)`,
		},
	),

	...standardRoutes('requisitions', {
		ops: ['index', 'show', 'create', 'update', 'destroy'],
		read: ['core.requisition.read'],
		write: ['core.requisition.write'],
		source: `Compass Requisitions API and example calls; ${R39.purchasing} paths./requisitions`,
		scopeSource:
			'Coupa /oauth2/scopes core.requisition.read (index, show) / .write (create, submit_for_approval, update, destroy, export)',
		create: {
			required: ['requisition-lines'],
			optional: ['requested-by', 'ship-to-address', 'justification'],
			source:
				'Compass Requisitions API: "At least one requisition line; a description or item for each line; a currency for each line"',
		},
	}),
	actionRoute(
		'requisitions',
		'submit_for_approval',
		'POST',
		'submit_for_approval',
		['core.requisition.write'],
		{
			required: ['requisition-lines'],
			optional: ['requested-by', 'ship-to-address', 'justification'],
			source:
				'Compass Requisitions API (POST /api/requisitions/submit_for_approval: create and submit)',
			scopeSource: 'Coupa /oauth2/scopes core.requisition.write (submit_for_approval)',
		},
	),
	markExportedRoute(
		'requisitions',
		['core.requisition.write'],
		'Coupa /oauth2/scopes core.requisition.write (export)',
	),

	...standardRoutes('contracts', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.contract.read'],
		write: ['core.contract.write'],
		source: `Compass Contracts API and example calls; ${R39.purchasing} paths./contracts`,
		scopeSource: `${SCOPE_MAP} §15.4, §16.3`,
		create: {
			required: ['name', 'number', 'supplier'],
			optional: ['start-date', 'end-date', 'status', 'description', 'currency', 'content-groups'],
			unconfirmed:
				'R39 definitions.Contract.required also lists content-groups, no-of-renewals, reason-insight-events, renewal-length-unit, renewal-length-value and status; the Contracts API create example sends only some of them. Their need depends on tenant setup, so the package asks for name, number and supplier and lets Coupa name the rest',
		},
	}),
	actionRoute(
		'contracts',
		'submit_for_approval',
		'PUT',
		'{id}/submit_for_approval',
		['core.contract.write'],
		{
			source: `${R39.purchasing} paths./contracts/{id}/submit_for_approval`,
			scopeSource: `${SCOPE_MAP} §16.3 Submit for Approval`,
		},
	),
];

export const OBJECTS = [
	{
		path: 'purchase_orders',
		model: 'OrderHeader',
		lines: 'order-lines',
		stateKey: 'status',
		statuses: [
			'draft',
			'buyer_hold',
			'supplier_hold',
			'currency_hold',
			'supplier_window_hold',
			'issued',
			'closed',
			'cancelled',
			'expensed',
			'error',
			'exported',
			'soft_closed',
		],
		statusesSource: `${PO_PAGE} Elements status allowable values; soft_closed from 0024-PO_s_and_PO_Changes_Integration_into_your_ERP.md`,
	},
	{ path: 'purchase_order_lines', model: 'OrderLine' },
	{
		path: 'purchase_order_changes',
		model: 'OrderHeaderChange',
		stateKey: 'status',
		statuses: ['pending_approval', 'approved'],
		statusesSource:
			'Compass Purchase Order Change API ("approved if no approval is needed, otherwise pending_approval")',
		statusesUnconfirmed: ['draft', 'rejected', 'withdrawn'],
	},
	{
		path: 'requisitions',
		model: 'RequisitionHeader',
		lines: 'requisition-lines',
		stateKey: 'status',
		statuses: [
			'draft',
			'cart',
			'pending_buyer_action',
			'pending_approval',
			'approved',
			'ordered',
			'partially_received',
			'received',
			'abandoned',
			'backgrounded',
			'withdrawn',
		],
		statusesSource: `Compass Requisitions API status allowable values; ${R39.purchasing} definitions.RequisitionHeader.status`,
	},
	{
		path: 'contracts',
		model: 'Contract',
		stateKey: 'status',
		statuses: [],
		statusesSource: `${R39.purchasing} definitions.Contract.status is a free string(50) with no enum: no value is documented`,
		statusesUnconfirmed: [
			'draft',
			'pending_approval',
			'published',
			'expired',
			'inactive',
			'completed',
		],
	},
];
