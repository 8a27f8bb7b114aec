// Lookup data (currencies, payment terms, ...), how records are embedded in others, and which
// input keys are references that must resolve to an existing record (docs/coupa-docs.md,
// "References must point at existing records").

const US = { id: 223, code: 'US', name: 'United States' };

/** Static lookup rows, seeded even with `seed: false` because references resolve against them. */
export const LOOKUP_ROWS = {
	currencies: ['USD', 'EUR', 'GBP', 'CAD', 'JPY', 'INR', 'AUD', 'CHF'].map((code, i) => ({
		id: i + 1,
		code,
		decimals: code === 'JPY' ? 0 : 2,
		enabled: true,
	})),
	payment_terms: [
		['Net 30', 30, null, null],
		['2/10 Net 30', 30, 10, 2.0],
		['Net 45', 45, null, null],
		['Net 60', 60, null, null],
		['Due on Receipt', 0, null, null],
	].map(([code, net, discountDays, rate], i) => ({
		id: i + 1,
		code,
		description: '',
		'days-for-net-payment': net,
		'days-for-discount-payment': discountDays,
		'discount-rate': rate,
		active: true,
	})),
	commodities: [
		'Office Supplies',
		'Laptops and Tablets',
		'Consulting Services',
		'Software',
		'Facilities',
		'Travel',
		'Marketing',
		'Lease Short Term',
	].map((name, i) => ({ id: i + 1, name, active: true, 'parent-id': null })),
	uoms: [
		['EA', 'Each'],
		['HR', 'Hour'],
		['BX', 'Box'],
		['KG', 'Kilogram'],
		['LB', 'Pound'],
		['DAY', 'Day'],
	].map(([code, name], i) => ({ id: i + 1, code, name, active: true, 'allowable-precision': 0 })),
	addresses: [
		['Headquarters', '250 Sycamore Avenue', 'Redwood City', 'CA', '94029'],
		['East Coast Office', '100 Main Street', 'Boston', 'MA', '02110'],
		['Warehouse', '2 West Hillsdale', 'Las Vegas', 'NV', '89028'],
		['Billing Center', '28 Market Street', 'Springfield', 'IL', '62701'],
	].map(([name, street1, city, state, postal], i) => ({
		id: i + 1,
		name,
		'location-code': `LOC-${i + 1}`,
		street1,
		street2: null,
		city,
		state,
		'postal-code': postal,
		attention: null,
		active: true,
		country: { ...US },
	})),
	lookup_values: ['Engineering', 'Finance', 'Marketing', 'Operations', 'Sales'].map((name, i) => ({
		id: i + 1,
		name,
		description: `${name} department`,
		'external-ref-code': `DEPT-${100 + i}`,
		active: true,
		lookup: { id: 1, name: 'Department' },
	})),
	departments: ['Engineering', 'Finance', 'Marketing', 'Operations'].map((name, i) => ({
		id: i + 1,
		name,
		active: true,
	})),
	exchange_rates: [
		['EUR', 'USD', '1.0825'],
		['GBP', 'USD', '1.2650'],
		['USD', 'EUR', '0.9238'],
	].map(([from, to, rate], i) => ({
		id: i + 1,
		'from-currency': { id: ['USD', 'EUR', 'GBP'].indexOf(from) + 1, code: from },
		'to-currency': { id: ['USD', 'EUR', 'GBP'].indexOf(to) + 1, code: to },
		rate,
		'rate-date': '2026-11-01T00:00:00+00:00',
	})),
	// Integrations (Setup > Integrations): what integration runs, history records and errors belong to.
	integrations: [
		['Invoice Export to ERP', 'INVOICE-EXPORT'],
		['PO Export to ERP', 'PO-EXPORT'],
		['Supplier Sync', 'SUPPLIER-SYNC'],
	].map(([name, code], i) => ({
		id: i + 1,
		name,
		code,
		description: `${name} (n8n)`,
		active: true,
	})),
	expense_categories: ['Airfare', 'Hotel', 'Meals', 'Car Rental', 'Mileage', 'Office Supplies'].map(
		(name, i) => ({
			id: i + 1,
			name,
			active: true,
			'expense-category-type': name === 'Mileage' ? 'MileageExpenseCategory' : 'ExpenseCategory',
		}),
	),
	account_types: ['Chart of Accounts', 'US Chart Of Accounts', 'EU Chart Of Accounts'].map(
		(name, i) => ({
			id: i + 1,
			name,
			active: true,
			currency: { id: i === 2 ? 2 : 1, code: i === 2 ? 'EUR' : 'USD' },
		}),
	),
	budget_periods: ['FY26 Q1', 'FY26 Q2', 'FY26 Q3', 'FY26 Q4', 'FY27 Q1'].map((name, i) => ({
		id: i + 1,
		name,
		'start-date': `${name.startsWith('FY27') ? 2027 : 2026}-${String((i % 4) * 3 + 1).padStart(2, '0')}-01T00:00:00-08:00`,
		active: true,
	})),
};

const pick = (record, keys) =>
	Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));

/** How a record of each collection looks when embedded in another record. */
const EMBEDS = {
	users: (u) => ({
		...pick(u, ['id', 'login', 'email', 'employee-number', 'firstname', 'lastname', 'fullname']),
		'salesforce-id': null,
		'avatar-thumb-url': null,
	}),
	suppliers: (s) => pick(s, ['id', 'name', 'number']),
	currencies: (c) => pick(c, ['id', 'code']),
	payment_terms: (p) =>
		pick(p, ['id', 'code', 'days-for-net-payment', 'days-for-discount-payment', 'discount-rate']),
	account_types: (a) => pick(a, ['id', 'name']),
	accounts: (a) => ({
		...pick(a, [
			'id',
			'name',
			'code',
			'active',
			'segment-1',
			'segment-2',
			'segment-3',
			'segment-4',
		]),
		'account-type': a['account-type'] ? { ...a['account-type'] } : null,
	}),
	commodities: (c) => pick(c, ['id', 'name', 'active']),
	uoms: (u) => pick(u, ['id', 'code', 'name']),
	addresses: (a) => ({
		...pick(a, ['id', 'name', 'street1', 'street2', 'city', 'state', 'postal-code', 'attention']),
		country: { ...a.country },
	}),
	items: (i) => pick(i, ['id', 'name', 'item-number', 'description']),
	budget_periods: (p) => pick(p, ['id', 'name', 'start-date']),
	expense_categories: (c) => pick(c, ['id', 'name']),
	purchase_order_lines: (l) => pick(l, ['id', 'line-num', 'order-header-id', 'description']),
	lookup_values: (v) => pick(v, ['id', 'name', 'external-ref-code']),
	integrations: (i) => pick(i, ['id', 'name', 'code']),
};

export function embed(path, record) {
	if (!record) return null;
	return (EMBEDS[path] ?? ((r) => ({ id: r.id })))(record);
}

/** Input keys that reference other records, the collection they point at, and its natural keys. */
const USER = { path: 'users', naturalKeys: ['login', 'email', 'employee-number'] };
export const REFERENCES = {
	supplier: { path: 'suppliers', naturalKeys: ['name', 'number'] },
	currency: { path: 'currencies', naturalKeys: ['code'] },
	'default-currency': { path: 'currencies', naturalKeys: ['code'] },
	'foreign-currency': { path: 'currencies', naturalKeys: ['code'] },
	'payment-term': { path: 'payment_terms', naturalKeys: ['code'] },
	'account-type': { path: 'account_types', naturalKeys: ['name'] },
	account: { path: 'accounts', naturalKeys: ['code', 'name'] },
	commodity: { path: 'commodities', naturalKeys: ['name'] },
	uom: { path: 'uoms', naturalKeys: ['code'] },
	'ship-to-address': { path: 'addresses', naturalKeys: ['name', 'location-code'] },
	'bill-to-address': { path: 'addresses', naturalKeys: ['name', 'location-code'] },
	item: { path: 'items', naturalKeys: ['name', 'item-number'] },
	period: { path: 'budget_periods', naturalKeys: ['name'] },
	'expense-category': { path: 'expense_categories', naturalKeys: ['name'] },
	'order-line': { path: 'purchase_order_lines', naturalKeys: [] },
	'requested-by': USER,
	'ship-to-user': USER,
	'expensed-by': USER,
	owner: USER,
	manager: USER,
	approver: USER,
	integration: { path: 'integrations', naturalKeys: ['code', 'name'] },
	'from-currency': { path: 'currencies', naturalKeys: ['code'] },
	'to-currency': { path: 'currencies', naturalKeys: ['code'] },
	'integration-run': { path: 'integration_runs', naturalKeys: [] },
};

/** Keys that identify a record to people; `return_object=shallow` keeps these on associations. */
export const NATURAL_KEYS = ['id', 'name', 'code', 'login', 'number'];
