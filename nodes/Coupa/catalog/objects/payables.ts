/**
 * Coupa Pay: payables (invoices, orders and external payables to pay), allocations between
 * them, payments and Coupa Pay invoices (R39 Core Platform, Purchasing and Coupa Pay Base).
 */
import { currency, ref, str } from '../fields';
import { day, plainObject, type PlainAction } from '../plain';
import type { CoupaObject } from '../types';

const INVOICE_READ = ['core.payables.invoice.read'];
const INVOICE_WRITE = ['core.payables.invoice.write'];
const amount = (name: string, label: string, key: string, required = false) =>
	str(name, label, key, { required, placeholder: 'e.g. 100.00' });

/** An action on one payable: PUT /payables/<kind>/{id}/<segment>. */
const payableAction = (
	value: string,
	name: string,
	segment: string,
	scopes: string[],
	does: string,
): PlainAction => ({ value, name, segment, method: 'PUT', scopes, does });

export const PAYABLES_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'payableInvoice',
		name: 'Payable Invoice',
		plural: 'Payable Invoices',
		path: 'payables/invoices',
		description: 'An approved invoice as Coupa Pay sees it: amounts to pay, paid and remaining',
		read: INVOICE_READ,
		write: INVOICE_WRITE,
		ops: ['getAll', 'get'],
		actions: [
			payableAction(
				'export',
				'Mark as Exported',
				'export',
				INVOICE_WRITE,
				'mark {target} as exported',
			),
			payableAction(
				'payExternally',
				'Pay Externally',
				'pay_externally',
				INVOICE_WRITE,
				'mark {target} as paid outside Coupa and stop tracking it',
			),
			payableAction(
				'trackExternally',
				'Track Externally',
				'track_externally',
				INVOICE_WRITE,
				'stop tracking {target} in Coupa (it is paid elsewhere)',
			),
			payableAction(
				'trackInCoupa',
				'Track in Coupa',
				'track_in_coupa',
				INVOICE_WRITE,
				'resume tracking {target} in Coupa',
			),
			{
				value: 'availableAllocations',
				name: 'List Available Allocations',
				segment: 'available_allocations',
				method: 'GET',
				collection: true,
				returnsList: true,
				scopes: ['core.payables.allocations.read', ...INVOICE_READ],
				does: 'list the payables that can be allocated to {target}; one item per payable',
			},
		],
		title: ['document-id', 'status'],
		search: ['status'],
		webPath: 'payables/invoices',
	}),
	plainObject({
		resource: 'payableAllocation',
		name: 'Payable Allocation',
		plural: 'Payable Allocations',
		path: 'payables/allocations',
		description:
			'An allocation of one payable against another (e.g. a credit note against an invoice)',
		read: ['core.payables.allocations.read'],
		write: ['core.payables.allocations.write'],
		ops: ['getAll', 'get', 'create', 'update'],
		scopes: { get: [] },
		fields: [
			amount('payableFromAmount', 'Payable From Amount', 'payable-from-amount', true),
			ref('payableFromCurrency', 'Payable From Currency', 'payable-from-currency', 'code', {
				required: true,
				lookup: 'currencies',
			}),
			amount('payableToAmount', 'Payable To Amount', 'payable-to-amount', true),
			ref('payableToCurrency', 'Payable To Currency', 'payable-to-currency', 'code', {
				required: true,
				lookup: 'currencies',
			}),
			{ name: 'payableFromId', label: 'Payable From ID', key: 'payable-from-id', type: 'number' },
			str('payableFromType', 'Payable From Type', 'payable-from-type'),
			{ name: 'payableToId', label: 'Payable To ID', key: 'payable-to-id', type: 'number' },
			str('payableToType', 'Payable To Type', 'payable-to-type'),
			{
				name: 'reasonCode',
				label: 'Reason Code',
				key: 'reason-code',
				type: 'options',
				options: ['payment', 'auto_payment', 'epr', 'epr_rejected', 'manual'],
			},
		],
		actions: [
			payableAction(
				'export',
				'Mark as Exported',
				'export',
				['core.payables.allocations.write'],
				'mark {target} as exported',
			),
			payableAction(
				'reverse',
				'Reverse',
				'reverse',
				['core.payables.allocations.write'],
				'reverse {target} and its reconciliation lines',
			),
		],
		title: ['payable-from-amount', 'status'],
		search: ['status'],
		webPath: 'payables/allocations',
		notes:
			'The scope map names no scope for reading one allocation: the pre-check lets Coupa decide.',
	}),
	plainObject({
		resource: 'externalPayable',
		name: 'External Payable',
		plural: 'External Payables',
		path: 'payables/external/payables',
		description:
			'A payable that comes from outside Coupa (e.g. an ERP invoice) for Coupa Pay to pay',
		read: ['core.payables.external.read'],
		write: ['core.payables.external.write'],
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('documentNumber', 'Document Number', 'document-number', { required: true }),
			str('documentType', 'Document Type', 'document-type', { required: true }),
			amount('documentAmount', 'Document Amount', 'document-amount', true),
			amount('payableAmount', 'Payable Amount', 'payable-amount', true),
			{ ...currency, required: true },
			ref('accountType', 'Chart of Accounts', 'account-type', 'name', {
				required: true,
				lookup: 'accountTypes',
			}),
			str('sourceName', 'Source Name', 'source-name', { required: true }),
			str('sourceReference', 'Source Reference', 'source-reference', { required: true }),
			day('documentDate', 'Document Date', 'document-date'),
			day('dueDate', 'Due Date', 'due-date'),
		],
		actions: [
			payableAction('void', 'Void', 'void', ['core.payables.external.write'], 'void {target}'),
		],
		title: ['document-number', 'status'],
		search: ['document-number'],
		webPath: 'payables/external/payables',
	}),
	plainObject({
		resource: 'payableOrder',
		name: 'Payable Order',
		plural: 'Payable Orders',
		path: 'payables/orders',
		description: 'A purchase order to pay in advance through Coupa Pay',
		read: ['core.payables.order.read'],
		write: ['core.payables.order.write'],
		ops: ['getAll', 'get'],
		actions: [
			payableAction(
				'readyToPay',
				'Mark Ready to Pay',
				'ready_to_pay',
				['core.payables.order.write'],
				'mark {target} as ready to pay',
			),
			payableAction(
				'payExternally',
				'Pay Externally',
				'pay_externally',
				['core.payables.order.write'],
				'mark {target} as paid outside Coupa and stop tracking it',
			),
		],
		title: ['order-header', 'status'],
		search: ['status'],
		webPath: 'payables/orders',
	}),
	plainObject({
		resource: 'coupaPayPayment',
		name: 'Coupa Pay Payment',
		plural: 'Coupa Pay Payments',
		path: 'coupa_pay/payments',
		description: 'A payment Coupa Pay made or will make, with its payee and amounts',
		read: ['core.pay.payments.read'],
		write: ['core.pay.payments.write'],
		ops: ['getAll', 'get', 'update'],
		actions: [
			payableAction(
				'export',
				'Mark as Exported',
				'export',
				['core.pay.payments.write'],
				'mark {target} as exported',
			),
		],
		title: ['payment-identifier', 'status'],
		search: ['status'],
		webPath: 'coupa_pay/payments',
	}),
	plainObject({
		resource: 'coupaPayInvoice',
		name: 'Coupa Pay Invoice',
		plural: 'Coupa Pay Invoices',
		path: 'coupa_pay/invoices',
		description: 'An invoice as Coupa Pay holds it for payment',
		read: INVOICE_READ,
		write: INVOICE_WRITE,
		ops: ['getAll', 'get'],
		title: ['document-id', 'status'],
		search: ['status'],
		webPath: 'coupa_pay/invoices',
	}),
];
