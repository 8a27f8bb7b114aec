// Attachments on documents and invoice image scans. From Compass "Attachments API" (shared
// resources: the verb/path table of create, index and show per document type), Compass
// 0110-Attachment_File_API.md (the attachment record's elements), the Invoices API action list
// (image_scan, retrieve_image_scan) and R39_Invoicing_API.json (retrieve_legal_invoice_pdf), with
// scopes from Coupa's /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, R39, SCOPE_MAP } from './_rows.mjs';

const ATTACHMENTS_API =
	'Compass Attachments API (shared resources; POST/GET /api/<document>/:id/attachments, GET .../attachments/:id)';
const FILE_API = 'Compass 0110-Attachment_File_API.md';

/**
 * The document types the Attachments API lists, with the parent document's scopes. The scope map
 * names attachments only under core.invoice.create ("create attachments"); for the others the
 * parent's read/write scope is the documented permission family (UiPath maps
 * contracts/{id}/attachments GET to core.contract.read, CODE).
 */
export const ATTACHABLE = [
	{
		collection: 'contracts',
		read: ['core.contract.read'],
		write: ['core.contract.write'],
		className: 'Contract',
	},
	{
		collection: 'expense_reports',
		read: ['core.expense.read'],
		write: ['core.expense.write'],
		className: 'ExpenseReport',
	},
	{
		collection: 'invoices',
		read: ['core.invoice.read'],
		write: ['core.invoice.create'],
		writeSource: `${SCOPE_MAP} §50.2 core.invoice.create "Create attachments"`,
		className: 'InvoiceHeader',
	},
	{
		collection: 'purchase_orders',
		read: ['core.purchase_order.read'],
		write: ['core.purchase_order.write'],
		className: 'OrderHeader',
	},
	{
		collection: 'requisitions',
		read: ['core.requisition.read'],
		write: ['core.requisition.write'],
		className: 'RequisitionHeader',
	},
	{ collection: 'users', read: ['core.user.read'], write: ['core.user.write'], className: 'User' },
];

const UNCONFIRMED_SCOPE =
	'The scope map lists no attachments permission for this document: the parent document scope is assumed';

export const ROUTES = [
	...ATTACHABLE.flatMap(({ collection, read, write, writeSource }) => [
		actionRoute(collection, 'attachments_index', 'GET', '{id}/attachments', read, {
			returns: 'list of attachment records',
			source: ATTACHMENTS_API,
			scopeSource: 'Parent document read scope (CODE: UiPath)',
			unconfirmed: UNCONFIRMED_SCOPE,
		}),
		actionRoute(collection, 'attachments_show', 'GET', '{id}/attachments/{attachment_id}', read, {
			returns:
				'attachment record (id, type, intent, file, file-file-size, file-url, url, text, linked-to); the file is at file-url',
			source: `${ATTACHMENTS_API}; ${FILE_API} (show returns the attachment record; bytes at file-url)`,
			scopeSource: 'Parent document read scope (CODE)',
			unconfirmed: UNCONFIRMED_SCOPE,
		}),
		actionRoute(collection, 'attachments_create', 'POST', '{id}/attachments', write, {
			contentType: 'multipart/form-data',
			// One of file, url or text, by attachment[type]; intent is optional.
			optional: [
				'attachment[type]',
				'attachment[file]',
				'attachment[url]',
				'attachment[text]',
				'attachment[intent]',
			],
			source: `${ATTACHMENTS_API}; ${FILE_API} (type, url, text, intent, file-url are api_in); multipart attachment[file] / attachment[url] / attachment[text] with attachment[type] and attachment[intent] (Compass Attachments API, its upload examples)`,
			scopeSource: writeSource ?? 'Parent document write scope',
			...(writeSource ? {} : { unconfirmed: UNCONFIRMED_SCOPE }),
		}),
	]),
	actionRoute('invoices', 'image_scan', 'PUT', '{id}/image_scan', ['core.invoice.write'], {
		contentType: 'multipart/form-data',
		optional: ['file'],
		source:
			'Compass Invoices API (/invoices), actions table ("image_scan: Update image scan attachment or image scan URL")',
		scopeSource: `${SCOPE_MAP} §53.2 core.invoice.write (image_scan)`,
		unconfirmed:
			'The multipart field name of the scan is not documented; the package sends it as `file`',
	}),
	actionRoute(
		'invoices',
		'retrieve_image_scan',
		'GET',
		'{id}/retrieve_image_scan',
		['core.invoice.read'],
		{
			returns: 'the image scan file itself (bytes)',
			source: `Compass Invoices API actions ("retrieve_image_scan: Retrieve/Download image scan"); ${R39.invoicing} paths./invoices/{id}/retrieve_image_scan`,
			scopeSource: `${SCOPE_MAP} core.invoice.read (retrieve_image_scan)`,
		},
	),
	actionRoute(
		'invoices',
		'retrieve_legal_invoice_pdf',
		'GET',
		'{id}/retrieve_legal_invoice_pdf',
		['core.invoice.read'],
		{
			returns: 'the legal invoice PDF (bytes); only for invoices of compliant-invoicing countries',
			source: `${R39.invoicing} paths./invoices/{id}/retrieve_legal_invoice_pdf`,
			scopeSource: `${SCOPE_MAP} core.invoice.read (retrieve_legal_invoice_pdf)`,
		},
	),
];
