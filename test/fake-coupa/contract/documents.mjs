// Document actions (PO release and window issue, PO line invoicing close,
// invoice dispute withdrawal and approval restarts, requisition update-and-submit and add
// approver) and comments on documents. From Compass pages (Purchase Orders API, Requisitions API,
// Comments API), Coupa's Invoices API action list, R39_Purchasing_API.json, and the scope map
// Coupa publishes at /oauth2/scopes. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, R39, SCOPE_MAP } from './_rows.mjs';

const PO_PAGE = 'Compass Purchase Orders API (/purchase_orders) actions table';
const INVOICE_ACTIONS =
	'Compass Invoices API (/invoices), actions table (image_scan, …, bypass_current_approval, restart_approvals, withdraw_dispute)';
const REQ_PAGE = 'Compass Requisitions API (/requisitions) actions table';
const COMMENTS_PAGE =
	'Compass Comments API (shared resources): GET/POST /api/<document>/:id/comments; body element comments (example <comments>COMMENT TEXT</comments>)';

/** The document types the Comments API lists. */
export const COMMENTABLE = [
	{ collection: 'expense_reports', className: 'ExpenseReport' },
	{ collection: 'invoices', className: 'InvoiceHeader' },
	{ collection: 'purchase_orders', className: 'OrderHeader' },
	{ collection: 'requisitions', className: 'RequisitionHeader' },
	{ collection: 'users', className: 'User' },
];

export const ROUTES = [
	actionRoute(
		'purchase_orders',
		'release_from_buyer_hold',
		'PUT',
		'{id}/release_from_buyer_hold',
		[],
		{
			source: `${PO_PAGE} ("Release purchase order on buyer hold"); ${R39.purchasing} paths./purchase_orders/{id}/release_from_buyer_hold`,
			scopeSource: `${SCOPE_MAP}: core.purchase_order.write lists cancel, close, create, export, ignore_window_and_issue, issue, issue_without_send, reopen, update`,
			unconfirmed:
				'No scope names release_from_buyer_hold: the pre-check lets the call through and Coupa decides',
		},
	),
	actionRoute(
		'purchase_orders',
		'ignore_window_and_issue',
		'PUT',
		'{id}/ignore_window_and_issue',
		['core.purchase_order.write'],
		{
			source: `${PO_PAGE} ("Ignore Windows And Issue")`,
			scopeSource: `${SCOPE_MAP} core.purchase_order.write (ignore_window_and_issue)`,
		},
	),
	...['soft_close_for_invoicing', 'reopen_for_invoicing'].map((op) =>
		actionRoute('purchase_order_lines', op, 'PUT', `{id}/${op}`, ['core.purchase_order.write'], {
			source: `${R39.purchasing} paths./purchase_order_lines/{id}/${op}`,
			scopeSource: `${SCOPE_MAP} core.purchase_order.write (soft_close_for_receiving/invoicing, reopen_for_receiving/invoicing)`,
		}),
	),
	actionRoute(
		'invoices',
		'withdraw_dispute',
		'PUT',
		'{id}/withdraw_dispute',
		['core.invoice.write'],
		{
			source: INVOICE_ACTIONS,
			scopeSource: `${SCOPE_MAP} §53.2 core.invoice.write (withdraw_dispute)`,
		},
	),
	actionRoute(
		'invoices',
		'restart_approvals',
		'PUT',
		'{id}/restart_approvals',
		['core.invoice.approval.write'],
		{
			source: INVOICE_ACTIONS,
			scopeSource: `${SCOPE_MAP} core.invoice.approval.write (add_approver, remove_approval, restart_approvals)`,
		},
	),
	actionRoute(
		'invoices',
		'bypass_current_approval',
		'PUT',
		'{id}/bypass_current_approval',
		['core.invoice.approval.bypass'],
		{
			source: `${INVOICE_ACTIONS} ("Allows a 3rd-party system ... to get an invoice approved from the current approver")`,
			scopeSource: `${SCOPE_MAP} core.invoice.approval.bypass (bypass_approvals, bypass_current_approval)`,
		},
	),
	actionRoute(
		'requisitions',
		'update_and_submit_for_approval',
		'PUT',
		'{id}/update_and_submit_for_approval',
		['core.requisition.write'],
		{
			source: `${REQ_PAGE} ("Update requisition and submit for approval")`,
			scopeSource: `${SCOPE_MAP} core.requisition.write (update_and_submit_for_approval)`,
		},
	),
	actionRoute(
		'requisitions',
		'add_approver',
		'PUT',
		'{id}/add_approver',
		['core.requisition.write'],
		{
			required: ['approver_id'],
			in: 'query',
			source: `${REQ_PAGE} ("Manually add an approver for a requisition")`,
			scopeSource: `${SCOPE_MAP} core.requisition.write (add_approver)`,
			unconfirmed:
				'The Requisitions API names no parameter; approver_id is the one the Receipt Requests API documents for its add_approver (PUT /api/receipt_requests/:id/add_approver?approver_id=33)',
		},
	),
	...COMMENTABLE.flatMap(({ collection }) => [
		actionRoute(collection, 'comments_index', 'GET', '{id}/comments', ['core.comment.read'], {
			returns: 'list of comment records',
			source: COMMENTS_PAGE,
			scopeSource: `${SCOPE_MAP} §11.1 core.comment.read (API/Comments)`,
		}),
		actionRoute(collection, 'comments_create', 'POST', '{id}/comments', ['core.comment.write'], {
			required: ['comments'],
			source: COMMENTS_PAGE,
			scopeSource: `${SCOPE_MAP} §12.1 core.comment.write (API/Comments)`,
		}),
	]),
];
