// Realistic, deterministic seed data shaped as Coupa documents records (docs/coupa-docs.md,
// "Records have hyphenated keys, decimals as strings and timestamps with offsets"): decimals as
// strings, embedded suppliers/users/currencies, timestamps with MIXED offsets. Each collection
// has its own seeded PRNG, and a generator that references an empty collection seeds that
// collection first, so `{ invoices: 10000 }` comes with the suppliers and users it points at.
import { insertAttachment } from './attachments.mjs';
import { statusValuesOf } from './catalog.mjs';
import { formatTimestamp, SEED_OFFSETS } from './clock.mjs';
import { createRandom, seedOf } from './random.mjs';
import { embed, LOOKUP_ROWS } from './reference-data.mjs';

const DAY = 86400000;

export const SEED_COUNTS = {
	default: {
		users: 10,
		suppliers: 8,
		accounts: 8,
		items: 8,
		user_groups: 5,
		contracts: 6,
		requisitions: 8,
		purchase_orders: 8,
		purchase_order_changes: 5,
		invoices: 10,
		expense_reports: 6,
		budget_lines: 8,
		inventory_transactions: 8,
		receiving_transactions: 6,
		quote_requests: 5,
		approvals: 8,
		integration_runs: 4,
		integration_history_records: 6,
		integration_errors: 3,
	},
	sandbox: {
		users: 25,
		suppliers: 40,
		accounts: 30,
		items: 40,
		user_groups: 8,
		contracts: 30,
		requisitions: 50,
		purchase_orders: 50,
		purchase_order_changes: 20,
		invoices: 60,
		expense_reports: 30,
		budget_lines: 30,
		inventory_transactions: 40,
		receiving_transactions: 20,
		quote_requests: 20,
		approvals: 30,
		integration_runs: 10,
		integration_history_records: 30,
		integration_errors: 8,
	},
};

/** Seeding order: referenced collections first; approvals last because they point at documents. */
const ORDER = [
	'users',
	'suppliers',
	'accounts',
	'items',
	'user_groups',
	'contracts',
	'requisitions',
	'purchase_orders',
	'purchase_order_lines',
	'purchase_order_changes',
	'invoices',
	'expense_reports',
	'expense_lines',
	'budget_lines',
	'inventory_transactions',
	'receiving_transactions',
	'quote_requests',
	'approvals',
	'integration_runs',
	'integration_history_records',
	'integration_errors',
];

const PEOPLE = [
	['coupasupport', 'Coupa', 'Support'],
	['integration', 'API', 'Integration'],
	['jdoe', 'Jane', 'Doe'],
	['sjones', 'Sally', 'Jones'],
	['mgr1', 'Sam', 'Manager'],
	['apclerk', 'Anna', 'Manning'],
	['apmanager', 'Carl', 'Johnson'],
	['buyer1', 'Brian', 'Buyer'],
	['req1', 'Gail', 'Requester'],
	['kyle', 'Kyle', 'Smith'],
];
const FIRST = ['Alex', 'Maria', 'Chen', 'Priya', 'Omar', 'Lena', 'Tom', 'Aisha', 'Diego', 'Yuki'];
const LAST = [
	'Garcia',
	'Mueller',
	'Wang',
	'Patel',
	'Haddad',
	'Novak',
	'Brown',
	'Okafor',
	'Rossi',
	'Tanaka',
];
const COMPANIES = [
	'Acme Computers',
	'ABS Services',
	'Maintenance Mart',
	'Fishy Foods',
	'Globex Logistics',
	'Initech Consulting',
	'Umbrella Office Supply',
	'Stark Industrial',
	'Wayne Facilities',
	'Hooli Cloud',
	'Vandelay Imports',
	'Soylent Catering',
	'Cyberdyne Systems',
	'Tyrell Staffing',
	'Wonka Promotions',
	'Acme Leasing',
];
const WORDS = [
	'Laptop',
	'Monitor',
	'Toner',
	'Desk Chair',
	'Consulting Hours',
	'Software License',
	'Cleaning Service',
	'Projector Bulb',
	'Headset',
	'Training',
];
const DISPUTE_FREE = [
	'approved',
	'pending_approval',
	'draft',
	'new',
	'on_hold',
	'pending_receipt',
	'ap_hold',
	'disputed',
	'voided',
];

const customStatuses = (path) => (statusValuesOf(path).length ? statusValuesOf(path) : ['active']);
const RECEIPT_TYPES = [
	'InventoryReceipt',
	'ReceivingQuantityConsumption',
	'ReceivingAmountConsumption',
];

export function createSeeder(store, clock) {
	const rngs = new Map();
	const rngFor = (path) => {
		if (!rngs.has(path)) rngs.set(path, createRandom(seedOf(path)));
		return rngs.get(path);
	};
	let now = clock.now();

	/** A random existing record of `path` (seeding defaults first if the collection is empty). */
	const any = (rng, path) => {
		if (store.count(path) === 0) seedPath(path, SEED_COUNTS.default[path] ?? 5);
		const rows = store.rows(path);
		return rows[Math.floor(rng.next() * rows.length)];
	};
	const ref = (rng, path) => embed(path, any(rng, path));
	const lookup = (rng, path, code) =>
		embed(
			path,
			code
				? LOOKUP_ROWS[path].find((r) => r.code === code || r.name === code)
				: rng.pick(LOOKUP_ROWS[path]),
		);
	const userByLogin = (login) => store.rows('users').find((u) => u.login === login);

	/** created-at within the last year, updated-at after it (a third of them in the last 3 days). */
	const times = (rng) => {
		const created = now - rng.int(4, 400) * DAY - rng.int(0, DAY);
		const updated = rng.chance(0.33)
			? now - rng.int(0, 3 * DAY)
			: created + rng.int(0, now - created);
		const offset = rng.pick(SEED_OFFSETS);
		return {
			'created-at': formatTimestamp(created, offset),
			'updated-at': formatTimestamp(Math.max(created, updated), offset),
		};
	};
	const by = (rng) => {
		const user = ref(rng, 'users');
		return { 'created-by': user, 'updated-by': user };
	};
	/** Midnight Pacific time, `days` from now (Coupa's date-only fields). */
	const date = (days) => {
		const at = now + days * DAY;
		return formatTimestamp(at - (at % DAY) + 8 * 3600000, -480);
	};
	const money = (n) => n.toFixed(2);

	const GENERATORS = {
		users(rng, n) {
			const [login, firstname, lastname] = PEOPLE[n] ?? [
				`user${n + 1}`,
				rng.pick(FIRST),
				rng.pick(LAST),
			];
			const existing = store.count('users');
			return {
				login,
				email: `${login}@example.com`,
				'purchasing-user': true,
				'expense-user': rng.chance(0.7),
				'sourcing-user': rng.chance(0.3),
				'inventory-user': false,
				'employee-number': `E${1000 + n}`,
				firstname,
				lastname,
				fullname: `${firstname} ${lastname}`,
				'api-user': login === 'integration',
				active: rng.chance(0.9),
				'salesforce-id': null,
				'authentication-method': 'coupa_credentials',
				'default-locale': null,
				'mention-name': login,
				manager: existing > 4 ? embed('users', store.get('users', rng.pick([4, 5]))) : null,
				'default-address': lookup(rng, 'addresses'),
				'default-currency': lookup(rng, 'currencies', 'USD'),
				roles: [
					{
						id: 3,
						name: 'User',
						description: 'Standard role',
						omnipotent: false,
						'system-role': true,
					},
				],
				'custom-fields': { 'cost-center': `CC-${rng.int(100, 999)}` },
				...times(rng),
				...(existing ? by(rng) : { 'created-by': null, 'updated-by': null }),
			};
		},
		suppliers(rng, n) {
			const base = COMPANIES[n % COMPANIES.length];
			const name = n < COMPANIES.length ? base : `${base} ${Math.floor(n / COMPANIES.length) + 1}`;
			const domain = `${base.split(' ')[0].toLowerCase()}.example`;
			return {
				name,
				'display-name': name,
				number: `${100000 + n * 7}-0`,
				status: rng.chance(0.8) ? 'active' : rng.pick(customStatuses('suppliers')),
				website: `https://www.${domain}`,
				'po-method': rng.pick(['email', 'cxml', 'prompt']),
				'po-change-method': 'email',
				'po-email': `orders@${domain}`,
				'payment-method': 'invoice',
				'invoice-matching-level': rng.pick(['2-way', '3-way', 'none']),
				'account-number': '',
				duns: rng.digits(9),
				'tax-id': `${rng.digits(2)}-${rng.digits(7)}`,
				'buyer-hold': false,
				'on-hold': rng.chance(0.1),
				'savings-pct': rng.decimal(0, 8, 1),
				'allow-cxml-invoicing': false,
				'primary-contact': {
					id: 700 + n,
					email: `sales@${domain}`,
					'name-given': rng.pick(FIRST),
					'name-family': rng.pick(LAST),
					purposes: [],
				},
				'primary-address': lookup(rng, 'addresses'),
				'payment-term': lookup(rng, 'payment_terms'),
				commodity: lookup(rng, 'commodities'),
				'remit-to-addresses': [],
				'custom-fields': { 'vendor-class': rng.pick(['A', 'B', 'C']) },
				...times(rng),
				...by(rng),
			};
		},
		accounts(rng, n) {
			const type = lookup(rng, 'account_types', 'Chart of Accounts');
			const segments = [
				String(1 + (n % 3)).padStart(2, '0'),
				String(100 + n * 10),
				String(8000 + rng.int(0, 99)),
			];
			return {
				name: `${rng.pick(['USA', 'EMEA', 'APAC'])}-${rng.pick(['Marketing', 'IT', 'Facilities', 'Sales'])}, ${rng.pick(['Assets', 'Expenses'])}`,
				code: segments.join('-'),
				active: rng.chance(0.9),
				'account-type-id': type.id,
				'segment-1': segments[0],
				'segment-2': segments[1],
				'segment-3': segments[2],
				'account-type': type,
				...times(rng),
				...by(rng),
			};
		},
		items(rng, n) {
			const word = WORDS[n % WORDS.length];
			return {
				name: n < WORDS.length ? word : `${word} ${Math.floor(n / WORDS.length) + 1}`,
				description: `${word} (standard)`,
				'item-number': `ITM-${5000 + n}`,
				active: rng.chance(0.9),
				uom: lookup(rng, 'uoms', 'EA'),
				commodity: lookup(rng, 'commodities'),
				...times(rng),
				...by(rng),
			};
		},
		user_groups(rng, n) {
			return {
				name:
					['AP Team', 'Buyers', 'IT Approvers', 'Finance Controllers', 'Travel Desk'][n] ??
					`Group ${n + 1}`,
				description: 'Seeded group',
				active: true,
				open: false,
				'can-approve': rng.chance(0.5),
				owner: ref(rng, 'users'),
				users: [ref(rng, 'users'), ref(rng, 'users')],
				...times(rng),
				...by(rng),
			};
		},
		contracts(rng, n) {
			const supplier = ref(rng, 'suppliers');
			return {
				name: `${supplier.name} Master Agreement ${n + 1}`,
				number: `CTR-${2000 + n}`,
				status: rng.pick(customStatuses('contracts')),
				supplier,
				'start-date': date(-rng.int(30, 300)),
				'end-date': date(rng.int(30, 700)),
				currency: lookup(rng, 'currencies', 'USD'),
				description: 'Seeded contract',
				'content-groups': [{ id: 28, name: 'English - USD', description: '' }],
				'custom-fields': {},
				...times(rng),
				...by(rng),
			};
		},
		requisitions(rng) {
			const currency = lookup(rng, 'currencies', 'USD');
			const lines = Array.from({ length: rng.int(1, 3) }, (_, i) => {
				const quantity = rng.int(1, 10);
				const price = Number(rng.decimal(5, 900));
				return {
					id: store.nextLineId('requisition-lines'),
					'line-num': i + 1,
					'line-type': 'RequisitionQuantityLine',
					description: rng.pick(WORDS),
					quantity: `${quantity}.0`,
					'unit-price': money(price),
					total: money(price * quantity),
					uom: lookup(rng, 'uoms', 'EA'),
					supplier: ref(rng, 'suppliers'),
					currency,
					account: ref(rng, 'accounts'),
					commodity: lookup(rng, 'commodities'),
				};
			});
			const status = rng.pick(customStatuses('requisitions'));
			const stamps = times(rng);
			return {
				status,
				'requested-by': ref(rng, 'users'),
				'ship-to-address': lookup(rng, 'addresses'),
				justification: rng.pick(['', 'Team expansion', 'Replacement']),
				total: money(lines.reduce((sum, l) => sum + Number(l.total), 0)),
				currency,
				'submitted-at': status === 'draft' || status === 'cart' ? null : stamps['created-at'],
				exported: rng.chance(0.3),
				'last-exported-at': null,
				'requisition-lines': lines,
				'custom-fields': {},
				...stamps,
				...by(rng),
			};
		},
		purchase_orders(rng) {
			const currency = lookup(rng, 'currencies', rng.chance(0.8) ? 'USD' : 'EUR');
			const supplier = ref(rng, 'suppliers');
			const stamps = times(rng);
			const poNumber = String(4000 + store.count('purchase_orders') + 1);
			const lines = Array.from({ length: rng.int(1, 3) }, (_, i) =>
				orderLine(rng, { currency, supplier, stamps, poNumber, lineNum: i + 1 }),
			);
			const exported = rng.chance(0.4);
			return {
				'po-number': poNumber,
				status: rng.chance(0.6) ? 'issued' : rng.pick(customStatuses('purchase_orders')),
				'transmission-status': 'sent_via_email',
				version: 1,
				'acknowledged-flag': false,
				exported,
				'last-exported-at': exported ? stamps['updated-at'] : null,
				'payment-method': 'invoice',
				'ship-to-attention': 'Receiving Dock',
				'total-with-estimated-tax': money(lines.reduce((sum, l) => sum + Number(l.total), 0)),
				currency,
				'requisition-header': store.count('requisitions')
					? { id: any(rng, 'requisitions').id }
					: null,
				'ship-to-address': lookup(rng, 'addresses'),
				'ship-to-user': ref(rng, 'users'),
				supplier,
				'payment-term': lookup(rng, 'payment_terms'),
				'shipping-term': { id: 1, code: 'UPS - Ground' },
				attachments: [],
				'order-lines': lines,
				'custom-fields': { 'sap-po': '' },
				...stamps,
				...by(rng),
			};
		},
		purchase_order_lines(rng) {
			const po = any(rng, 'purchase_orders');
			return orderLine(rng, {
				currency: po.currency,
				supplier: po.supplier,
				stamps: times(rng),
				poNumber: po['po-number'],
				lineNum: (po['order-lines'] ?? []).length + 1,
				poId: po.id,
			});
		},
		purchase_order_changes(rng) {
			const po = any(rng, 'purchase_orders');
			return {
				'order-header-id': po.id,
				'order-header-number': po['po-number'],
				status: rng.pick(customStatuses('purchase_order_changes')),
				justification: 'Quantity change requested by supplier',
				'order-line-changes': [],
				requester: ref(rng, 'users'),
				...times(rng),
				...by(rng),
			};
		},
		invoices(rng, n) {
			const currency = lookup(rng, 'currencies', rng.chance(0.85) ? 'USD' : 'EUR');
			const lineCount = rng.int(1, 3);
			const lines = [];
			for (let i = 0; i < lineCount; i++) {
				const amountLine = rng.chance(0.5);
				const quantity = rng.int(1, 20);
				const price = Number(rng.decimal(10, 2000));
				lines.push({
					id: store.nextLineId('invoice-lines'),
					'line-num': i + 1,
					type: amountLine ? 'InvoiceAmountLine' : 'InvoiceQuantityLine',
					description: rng.pick(WORDS),
					'po-number': null,
					'order-line-id': null,
					quantity: amountLine ? null : `${quantity}.0`,
					price: money(price),
					total: money(amountLine ? price : price * quantity),
					'tax-amount': '0.00',
					status: rng.pick(['matched', 'new']),
					account: ref(rng, 'accounts'),
					commodity: lookup(rng, 'commodities'),
					currency,
					uom: amountLine ? null : lookup(rng, 'uoms', 'EA'),
				});
			}
			const total = money(lines.reduce((sum, l) => sum + Number(l.total), 0));
			const status = rng.pick(customStatuses('invoices'));
			const stamps = times(rng);
			const exported = status === 'approved' && rng.chance(0.5);
			return {
				'invoice-number': `INV-${100000 + n}`,
				'invoice-date':
					stamps['created-at'].slice(0, 10) + 'T00:00:00' + stamps['created-at'].slice(19),
				status,
				'document-type': 'Invoice',
				'is-credit-note': false,
				'line-level-taxation': false,
				'total-with-taxes': total,
				'gross-total': total,
				'supplier-total': total,
				'tax-amount': '0.00',
				'shipping-amount': '0.00',
				'handling-amount': '0.00',
				'misc-amount': '0.00',
				paid: status === 'approved' && rng.chance(0.3),
				'payment-date': null,
				exported,
				'last-exported-at': exported ? stamps['updated-at'] : null,
				'line-count': lineCount,
				currency,
				'payment-term': lookup(rng, 'payment_terms'),
				supplier: ref(rng, 'suppliers'),
				'account-type': lookup(rng, 'account_types', 'Chart of Accounts'),
				'bill-to-address': lookup(rng, 'addresses', null),
				'dispute-reason': null,
				comments: null,
				'custom-fields': {
					'sap-document-number': DISPUTE_FREE.includes(status) ? '' : rng.digits(10),
				},
				'invoice-lines': lines,
				...stamps,
				...by(rng),
			};
		},
		expense_reports(rng) {
			const currency = lookup(rng, 'currencies', 'USD');
			const stamps = times(rng);
			const lines = Array.from({ length: rng.int(1, 3) }, (_, i) =>
				expenseLine(rng, { currency, stamps, lineNum: i + 1 }),
			);
			const status = rng.pick(customStatuses('expense_reports'));
			return {
				title: `${rng.pick(['Customer visit', 'Conference', 'Team offsite', 'Training'])} ${rng.pick(['Berlin', 'Austin', 'Pune', 'Toronto'])}`,
				status,
				'submitted-at': status === 'draft' ? null : stamps['created-at'],
				total: money(lines.reduce((sum, l) => sum + Number(l.amount), 0)),
				paid: status === 'paid',
				currency,
				'expensed-by': ref(rng, 'users'),
				exported: status === 'paid',
				'last-exported-at': status === 'paid' ? stamps['updated-at'] : null,
				'expense-lines': lines,
				...stamps,
				...by(rng),
			};
		},
		expense_lines(rng) {
			const report = any(rng, 'expense_reports');
			return {
				...expenseLine(rng, {
					currency: report.currency,
					stamps: times(rng),
					lineNum: (report['expense-lines'] ?? []).length + 1,
				}),
				'expense-report-id': report.id,
			};
		},
		budget_lines(rng, n) {
			const segments = [
				String(1 + (n % 3)).padStart(2, '0'),
				String(100 + n * 10),
				String(8000 + n),
			];
			return {
				period: lookup(rng, 'budget_periods'),
				amount: rng.decimal(5000, 250000),
				code: segments.join('-'),
				'segment-1': segments[0],
				'segment-2': segments[1],
				'segment-3': segments[2],
				description: `${rng.pick(['Marketing', 'IT', 'Facilities'])} budget`,
				owner: ref(rng, 'users'),
				currency: lookup(rng, 'currencies', 'USD'),
				notes: '',
				...times(rng),
				...by(rng),
			};
		},
		inventory_transactions: (rng) => receipt(rng),
		receiving_transactions: (rng) => receipt(rng),
		quote_requests(rng) {
			const state = rng.pick(customStatuses('quote_requests'));
			return {
				description: `${rng.pick(WORDS)} sourcing event`,
				'event-type': rng.pick(['rfq', 'rfp', 'rfi']),
				state,
				currency: lookup(rng, 'currencies', 'USD'),
				commodity: lookup(rng, 'commodities'),
				'start-time': null,
				'end-time': null,
				'quote-suppliers': [ref(rng, 'suppliers')],
				...times(rng),
				...by(rng),
			};
		},
		integration_runs(rng, n) {
			const status = rng.pick(customStatuses('integration_runs'));
			const total = rng.int(5, 200);
			const { 'created-at': start, ...rest } = times(rng);
			return {
				integration: lookup(rng, 'integrations', n % 2 ? 'PO-EXPORT' : 'INVOICE-EXPORT'),
				status,
				'start-time': start,
				'end-time': ['successful', 'failed'].includes(status) ? rest['updated-at'] : null,
				'total-records': total,
				'records-processed': status === 'successful' ? total : rng.int(0, total),
				'created-at': start,
				...rest,
				...by(rng),
			};
		},
		integration_history_records(rng) {
			const invoice = any(rng, 'invoices');
			const ok = rng.chance(0.7);
			return {
				'document-type': 'InvoiceHeader',
				'document-id': invoice.id,
				'document-status': invoice.status,
				'contact-alert-type': 'Functional',
				status: ok ? 'success' : 'failed',
				'external-id': ok ? `ERP-${rng.int(10000, 99999)}` : null,
				integration: lookup(rng, 'integrations', 'INVOICE-EXPORT'),
				'integration-run-id': any(rng, 'integration_runs').id,
				resolved: ok,
				responses: [
					{
						'response-code': ok ? '200' : '422',
						'response-message': ok ? 'Posted to ERP' : 'Supplier not found in ERP',
					},
				],
				...times(rng),
				...by(rng),
			};
		},
		integration_errors(rng) {
			const run = any(rng, 'integration_runs');
			return {
				'integration-run-id': run.id,
				integration: run.integration,
				'contact-alert-type': 'Technical',
				'document-type': 'InvoiceHeader',
				'document-id': any(rng, 'invoices').id,
				status: 'failed',
				resolved: false,
				responses: [{ 'response-code': '500', 'response-message': 'ERP timed out' }],
				...times(rng),
				...by(rng),
			};
		},
		approvals(rng, n) {
			const [path, type] = rng.pick([
				['requisitions', 'RequisitionHeader'],
				['invoices', 'InvoiceHeader'],
				['expense_reports', 'ExpenseReport'],
			]);
			const approvable = any(rng, path);
			// Half the approvals wait on mgr1 so "my pending approvals" has data.
			const pending = n % 2 === 0;
			return {
				position: rng.int(1, 3),
				'approval-chain-id': rng.int(10, 99),
				status: pending ? 'pending_approval' : rng.pick(customStatuses('approvals')),
				'approval-date': null,
				note: null,
				type: 'ApprovalChainApproval',
				'approvable-type': type,
				'approvable-id': approvable.id,
				'delegate-id': null,
				holdable: true,
				'approver-type': 'User',
				approver: embed(
					'users',
					pending ? (userByLogin('mgr1') ?? any(rng, 'users')) : any(rng, 'users'),
				),
				...times(rng),
				...by(rng),
			};
		},
	};

	function orderLine(rng, { currency, supplier, stamps, poNumber, lineNum, poId }) {
		const amountLine = rng.chance(0.3);
		const quantity = rng.int(1, 10);
		const price = Number(rng.decimal(10, 1500));
		const total = amountLine ? price : price * quantity;
		return {
			'created-at': stamps['created-at'],
			'updated-at': stamps['updated-at'],
			type: amountLine ? 'OrderAmountLine' : 'OrderQuantityLine',
			'line-num': String(lineNum),
			...(poId ? { 'order-header-id': poId } : {}),
			'order-header-number': poNumber,
			description: rng.pick(WORDS),
			'need-by-date': date(rng.int(5, 60)),
			price: money(price),
			quantity: amountLine ? null : `${quantity}.0`,
			total: money(total),
			'accounting-total': money(total),
			received: '0.00',
			invoiced: '0.00',
			status: rng.pick(['created', 'partially_received', 'received']),
			'soft-closed-for-receiving': false,
			'source-part-num': '',
			account: ref(rng, 'accounts'),
			currency,
			supplier,
			commodity: lookup(rng, 'commodities'),
			uom: amountLine ? null : lookup(rng, 'uoms', 'EA'),
			item: null,
		};
	}

	function expenseLine(rng, { currency, stamps, lineNum }) {
		return {
			'created-at': stamps['created-at'],
			'updated-at': stamps['updated-at'],
			'line-number': lineNum,
			description: rng.pick(['Airfare', 'Hotel 2 nights', 'Client dinner', 'Taxi']),
			merchant: rng.pick(['United', 'Marriott', 'Uber', 'Bistro 21']),
			amount: rng.decimal(12, 900),
			'expense-date': stamps['created-at'],
			'expense-category': lookup(rng, 'expense_categories'),
			currency,
		};
	}

	/** A receipt against a PO line (Compass Receipts API example fields). */
	function receipt(rng) {
		const line = any(rng, 'purchase_order_lines');
		const quantity = rng.int(1, 5);
		const exported = rng.chance(0.3);
		const stamps = times(rng);
		return {
			type: rng.pick(RECEIPT_TYPES),
			status: rng.chance(0.9) ? 'created' : 'voided',
			quantity: `${quantity}.0`,
			price: line.price,
			total: money(Number(line.price) * quantity),
			'order-line': embed('purchase_order_lines', line),
			uom: lookup(rng, 'uoms', 'EA'),
			account: line.account,
			'transaction-date': stamps['created-at'],
			exported,
			'last-exported-at': exported ? stamps['updated-at'] : null,
			...stamps,
			...by(rng),
		};
	}

	function seedPath(path, count) {
		const generate = GENERATORS[path];
		if (!generate) throw new RangeError(`fake-coupa cannot seed "${path}"`);
		const rng = rngFor(path);
		now = clock.now();
		const start = store.count(path);
		const records = [];
		for (let i = 0; i < count; i++) records.push(store.insert(path, generate(rng, start + i)));
		if (path === 'contracts') records.forEach((contract) => seedAttachments(rng, contract));
		// A scan and an attached copy on the first invoices, so the scan and attachment downloads have something to show.
		if (path === 'invoices') records.slice(0, 5).forEach((invoice) => seedInvoiceCopy(invoice));
		return records;
	}

	function seedAttachments(rng, contract) {
		for (let i = 0; i < rng.int(1, 2); i++) {
			insertAttachment(store, 'contracts', {
				type: 'AttachmentFile',
				'attachable-id': contract.id,
				'file-name':
					i === 0 ? `${contract.number}-signed.pdf` : `${contract.number}-schedule-${i}.pdf`,
				intent: rng.pick(['Internal', 'Supplier']),
				'created-at': contract['created-at'],
				'updated-at': contract['created-at'],
			});
		}
	}

	function seedInvoiceCopy(invoice) {
		invoice['image-scan'] = `${invoice['invoice-number']}-scan.pdf`;
		store.insert('invoice_comments', {
			comments: `Scanned copy of ${invoice['invoice-number']} received from the supplier.`,
			'commentable-type': 'InvoiceHeader',
			'commentable-id': invoice.id,
			'to-supplier': false,
			'created-at': invoice['created-at'],
			'updated-at': invoice['created-at'],
		});
		insertAttachment(store, 'invoices', {
			type: 'AttachmentFile',
			'attachable-id': invoice.id,
			'file-name': `${invoice['invoice-number']}-copy.pdf`,
			intent: 'Internal',
			'created-at': invoice['created-at'],
			'updated-at': invoice['created-at'],
		});
	}

	function seedLookups() {
		for (const [path, rows] of Object.entries(LOOKUP_ROWS)) {
			if (store.count(path) === 0)
				rows.forEach((row) =>
					store.insert(path, { ...structuredClone(row), ...times(rngFor(path)) }),
				);
		}
	}

	/** `'default' | 'sandbox' | { path: count } | false` (false: lookups only). */
	function seedAll(option) {
		seedLookups();
		if (option === false) return;
		const counts =
			typeof option === 'object' && option !== null ? option : SEED_COUNTS[option ?? 'default'];
		if (!counts) throw new RangeError(`Unknown seed "${option}"`);
		const unknown = Object.keys(counts).filter((path) => !ORDER.includes(path));
		if (unknown.length) throw new RangeError(`fake-coupa cannot seed: ${unknown.join(', ')}`);
		for (const path of ORDER) if (counts[path]) seedPath(path, counts[path]);
	}

	return { seedAll, seedPath, seedLookups };
}
