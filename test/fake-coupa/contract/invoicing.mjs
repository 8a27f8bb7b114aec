// Invoices. From Compass Invoices API (TimTini/coupa-compass-integration-docs output/markdown/
// 0205-Invoices_API...), R39_Invoicing_API.json and Coupa's /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, markExportedRoute, R39, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const PAGE = 'Compass 0205-Invoices_API_(_invoices).md';
const invoiceAction = (op, scopes, scopeSource, extra = {}) =>
	actionRoute('invoices', op, 'PUT', `{id}/${op}`, scopes, {
		source: `${PAGE} Actions; ${R39.invoicing} paths./invoices/{id}/${op}`,
		scopeSource,
		...extra,
	});

export const ROUTES = [
	...standardRoutes('invoices', {
		ops: ['index', 'show', 'create', 'update', 'destroy'],
		read: ['core.invoice.read'],
		write: ['core.invoice.write'],
		source: `${PAGE}; ${R39.invoicing} paths./invoices`,
		scopeSource: `${SCOPE_MAP} §52.1, §53.2`,
		create: {
			scopes: ['core.invoice.create', 'core.invoice.write'],
			scopeSource: `${SCOPE_MAP} §50.2 core.invoice.create "Create – Create invoice" and §53.2 core.invoice.write "Create – Create an invoice"`,
			required: ['invoice-number', 'invoice-date', 'supplier', 'currency', 'invoice-lines'],
			optional: [
				'account-type',
				'payment-term',
				'bill-to-address',
				'line-level-taxation',
				'tax-amount',
				'comments',
			],
			dateOnly: ['invoice-date'],
			source: `${PAGE} (POST /api/invoices "Creates an invoice in draft status"; invoice-date: provide the date only); absent from the R39 OpenAPI`,
			unconfirmed:
				'The Elements table flags account-type, bill-to-address, line-level-taxation, remit-to-address and supplier-remit-to as required (and ship-from-address, which is output only) but not supplier or currency; what a tenant needs depends on its configuration. The package asks for the fields of the create examples',
		},
		destroy: {
			scopes: [],
			source: `${R39.invoicing} paths./invoices/{id} delete ("Delete Invoice in New status")`,
			unconfirmed: 'No documented scope for DELETE /invoices/{id}',
		},
	}),
	invoiceAction('submit', ['core.invoice.write'], `${SCOPE_MAP} §53.2 Submit`),
	invoiceAction('void', ['core.invoice.delete'], `${SCOPE_MAP} §51.1 Void`),
	invoiceAction('abandon', ['core.invoice.delete'], `${SCOPE_MAP} §51.1 Abandon`),
	invoiceAction('dispute', ['core.invoice.write'], `${SCOPE_MAP} §53.2 Dispute`, {
		optional: ['dispute-reason.code', 'comment'],
		source: `${PAGE} ("the dispute request can include a dispute reason"); ${R39.invoicing} paths./invoices/{id}/dispute`,
	}),
	invoiceAction('bypass_approvals', ['core.invoice.approval.bypass'], `${SCOPE_MAP} §48.1`),
	markExportedRoute('invoices', ['core.invoice.write'], `${SCOPE_MAP} §53.2 Export`),
];

export const OBJECTS = [
	{
		path: 'invoices',
		model: 'InvoiceHeader',
		lines: 'invoice-lines',
		stateKey: 'status',
		statuses: [
			'new',
			'draft',
			'processing',
			'invalid',
			'ap_hold',
			'on_hold',
			'pending_receipt',
			'pending_approval',
			'pending_action',
			'booking_hold',
			'disputed',
			'approved',
			'rejected',
			'abandoned',
			'voided',
			'payable_adjustment',
		],
		statusesSource: `${PAGE} Elements: status allowable values (new ... voided, processing, invalid, payable_adjustment)`,
	},
];
