// Master data for ERP syncs: addresses, commodities, currencies, departments, exchange rates,
// lookup values and payment terms. From the Compass reference-data pages mirrored in
// TimTini/coupa-compass-integration-docs output/markdown/ (each page's Actions and Elements
// tables) and the scope map Coupa publishes at /oauth2/scopes (core.common.read covers addresses,
// currencies, commodities, departments, exchange rates, lookup values and payment terms;
// core.common.write writes them). Never from the node's catalogue (nodes/Coupa/catalog/).
import { SCOPE_MAP, standardRoutes } from './_rows.mjs';

const READ = ['core.common.read'];
const WRITE = ['core.common.write'];
const SCOPES = `${SCOPE_MAP} §13 (core.common.read: addresses, commodities, currencies, departments, exchange rates, lookup values, payment terms), §14 (core.common.write)`;
const page = (file) => `Compass ${file}`;

export const ROUTES = [
	...standardRoutes('addresses', {
		ops: ['index', 'show', 'create', 'update'],
		// core.address.read_write: docs/coupa-docs.md, "core.address.read_write is not in the scope map".
		read: [...READ, 'core.address.read_write'],
		write: [...WRITE, 'core.address.read_write'],
		source: page('0034-Address_API_(_addresses).md'),
		scopeSource: `${SCOPES}; core.address.read_write (a real tenant's scope list, in no Coupa document)`,
		create: {
			required: ['street1', 'city', 'postal-code', 'country.code'],
			optional: ['name', 'street2', 'state', 'location-code', 'attention', 'active'],
			unconfirmed:
				'The page also flags local-tax-number as required; Compass required flags are partly wrong and the address examples send none, so the package leaves it to Additional Fields',
		},
	}),
	...standardRoutes('commodities', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source:
			'Compass Commodities API (/commodities) (transactional-resources/commodities-api-(commodities))',
		scopeSource: SCOPES,
		create: { required: ['name'], optional: ['category', 'active'] },
	}),
	...standardRoutes('currencies', {
		ops: ['index', 'show'],
		read: READ,
		write: WRITE,
		source: `${page('0049-Currencies_API_(_currencies).md')} ("The PUT, POST, and PATCH actions are not supported")`,
		scopeSource: SCOPES,
	}),
	...standardRoutes('departments', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: page('0052-Departments_API_(_departments).md'),
		scopeSource: SCOPES,
		create: { required: ['name'], optional: ['active'] },
	}),
	...standardRoutes('exchange_rates', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: `${page('0054-Exchange_Rates_API_(_exchange_rates).md')} (one-way rates: EUR > USD does not create USD > EUR)`,
		scopeSource: SCOPES,
		create: { required: ['from-currency', 'to-currency'], optional: ['rate', 'rate-date'] },
	}),
	...standardRoutes('lookup_values', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: `${page('0061-Lookup_Values_API_(_lookup_values).md')} (the lookup must already exist)`,
		scopeSource: SCOPES,
		create: {
			required: ['lookup.name', 'name'],
			optional: [
				'external-ref-num',
				'description',
				'active',
				'is-default',
				'parent.external-ref-code',
			],
		},
	}),
	...standardRoutes('payment_terms', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: page('0064-Payment_Terms_API_(_payment_terms).md'),
		scopeSource: SCOPES,
		create: {
			required: ['code'],
			optional: [
				'description',
				'days-for-net-payment',
				'days-for-discount-payment',
				'discount-rate',
				'active',
			],
			unconfirmed:
				'The page flags days-for-net-payment, days-for-discount-payment and the due-day/month elements as required; which apply depends on the term type (DaysAfterNetPaymentTerm or SpecificDayPaymentTerm), so the package asks for the code only',
		},
	}),
];

export const OBJECTS = [
	{ path: 'addresses', model: 'Address' },
	{ path: 'commodities', model: 'Commodity' },
	{ path: 'currencies', model: 'Currency' },
	{ path: 'departments', model: 'Department' },
	{ path: 'exchange_rates', model: 'ExchangeRate' },
	{ path: 'lookup_values', model: 'LookupValue' },
	{ path: 'payment_terms', model: 'PaymentTerm' },
];

// Supplier remit-to addresses (Compass 0071-Remit-To_Addresses_API_(_suppliers_addresses).md),
// scopes from the scope map: core.supplier.read also covers remit-to addresses.
const REMIT_TO = 'Compass 0071-Remit-To_Addresses_API_(_suppliers_addresses).md';
ROUTES.push(
	{
		collection: 'suppliers',
		op: 'addresses_index',
		method: 'GET',
		path: '/api/suppliers/{id}/addresses',
		scopes: ['core.supplier.read'],
		required: [],
		source: REMIT_TO,
		scopeSource: `${SCOPE_MAP} §103.3 core.supplier.read (API/Remit to Addresses)`,
	},
	{
		collection: 'suppliers',
		op: 'addresses_create',
		method: 'POST',
		path: '/api/suppliers/{id}/addresses',
		scopes: ['core.supplier.write'],
		required: ['remit-to-code', 'street1', 'city', 'postal-code', 'country.code'],
		optional: ['name', 'state', 'active'],
		source: REMIT_TO,
		scopeSource: `${SCOPE_MAP} §106.2 core.supplier.write (API/Remit to Addresses)`,
		unconfirmed:
			"The page also flags local-tax-number as required; left to the tenant (Coupa's 400 names it)",
	},
	{
		collection: 'suppliers',
		op: 'addresses_update',
		method: 'PUT',
		path: '/api/suppliers/{id}/addresses/{address_id}',
		scopes: ['core.supplier.write'],
		required: [],
		source: REMIT_TO,
		scopeSource: `${SCOPE_MAP} §106.2 core.supplier.write (API/Remit to Addresses)`,
	},
);

// Supplier sites (Compass 0085-Supplier_Sites_API_(_supplier_sites).md), scopes
// core.supplier_sites.read/.write (scope map).
const SITES = 'Compass 0085-Supplier_Sites_API_(_supplier_sites).md';
const SITE_SCOPES = `${SCOPE_MAP} §101.1 core.supplier_sites.read, §102.1 core.supplier_sites.write (API/Supplier Sites)`;
ROUTES.push(
	{
		collection: 'suppliers',
		op: 'supplier_sites_index',
		method: 'GET',
		path: '/api/suppliers/{id}/supplier_sites',
		scopes: ['core.supplier_sites.read'],
		required: [],
		source: SITES,
		scopeSource: SITE_SCOPES,
	},
	{
		collection: 'suppliers',
		op: 'supplier_sites_create',
		method: 'POST',
		path: '/api/suppliers/{id}/supplier_sites',
		scopes: ['core.supplier_sites.write'],
		required: ['code', 'name', 'po-method'],
		optional: ['po-email', 'po-change-method', 'payment-term.code', 'active'],
		source: SITES,
		scopeSource: SITE_SCOPES,
		unconfirmed:
			"The page also flags po-change-method as required, and the cxml-* and po-email elements when the PO method needs them; left to Coupa's 400",
	},
	{
		collection: 'suppliers',
		op: 'supplier_sites_update',
		method: 'PUT',
		path: '/api/suppliers/{id}/supplier_sites/{site_id}',
		scopes: ['core.supplier_sites.write'],
		required: [],
		source: SITES,
		scopeSource: SITE_SCOPES,
	},
);
