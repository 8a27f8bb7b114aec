/**
 * Master data for ERP syncs over real HTTP against the fake Coupa: exchange rates, lookup values
 * (chart-of-accounts segments), addresses, departments, payment terms, commodities and currencies.
 */
import { createRequire } from 'node:module';

import { credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

const require = createRequire(import.meta.url);
const { objectByResource } = require('../dist/nodes/Coupa/catalog');
const { operationsOf } = require('../dist/nodes/Coupa/helpers/operations.js');

let fake;
afterEach(async () => fake?.close());

test('an exchange rate is created from currency codes; Coupa resolves them', async () => {
	fake = await startCoupa();
	const [rate] = await runNode({
		store: credentialFor(fake, 'core.common.write'),
		parameters: {
			resource: 'exchangeRate',
			operation: 'create',
			fromCurrency: 'CAD',
			toCurrency: 'USD',
			additionalFields: { rate: '0.7312', rateDate: '2026-11-30T00:00:00Z' },
		},
	});
	expect(fake.apiRequests()[0]).toMatchObject({
		method: 'POST',
		path: '/api/exchange_rates',
		body: {
			'from-currency': { code: 'CAD' },
			'to-currency': { code: 'USD' },
			rate: '0.7312',
			'rate-date': '2026-11-30T00:00:00Z',
		},
	});
	expect(rate.json).toMatchObject({
		'from-currency': { code: 'CAD', id: expect.any(Number) },
		'to-currency': { code: 'USD' },
		rate: '0.7312',
	});
});

test('a lookup value (a chart-of-accounts segment value) names its lookup and parent by nested keys', async () => {
	fake = await startCoupa();
	const [value] = await runNode({
		store: credentialFor(fake, 'core.common.write'),
		parameters: {
			resource: 'lookupValue',
			operation: 'create',
			lookup: 'Department',
			name: 'Research',
			additionalFields: { externalRefNum: 'DEPT-900', parent: 'ROOT', active: true },
		},
	});
	expect(fake.apiRequests()[0].body).toEqual({
		lookup: { name: 'Department' },
		name: 'Research',
		'external-ref-num': 'DEPT-900',
		parent: { 'external-ref-code': 'ROOT' },
		active: true,
	});
	expect(fake.store.get('lookup_values', value.json.id)).toMatchObject({
		name: 'Research',
		'external-ref-num': 'DEPT-900',
	});
});

test('an address is created with its country code, and accepted with core.address.read_write', async () => {
	fake = await startCoupa();
	const [address] = await runNode({
		store: credentialFor(fake, 'core.address.read_write'),
		parameters: {
			resource: 'address',
			operation: 'create',
			street1: '1 Dock Road',
			city: 'Rotterdam',
			postalCode: '3011',
			country: 'NL',
			additionalFields: { name: 'Rotterdam DC' },
		},
	});
	expect(fake.apiRequests()[0].body).toEqual({
		street1: '1 Dock Road',
		city: 'Rotterdam',
		'postal-code': '3011',
		country: { code: 'NL' },
		name: 'Rotterdam DC',
	});
	expect(fake.store.get('addresses', address.json.id)).toMatchObject({
		name: 'Rotterdam DC',
		country: { code: 'NL' },
	});
});

test('departments and payment terms are created and updated; writes need core.common.write', async () => {
	fake = await startCoupa();
	const store = credentialFor(fake, 'core.common.write');
	const [department] = await runNode({
		store,
		parameters: { resource: 'department', operation: 'create', name: 'Procurement' },
	});
	await runNode({
		store,
		parameters: {
			resource: 'department',
			operation: 'update',
			id: String(department.json.id),
			updateFields: { active: false },
		},
	});
	expect(fake.store.get('departments', department.json.id)).toMatchObject({
		name: 'Procurement',
		active: false,
	});

	const [term] = await runNode({
		store,
		parameters: {
			resource: 'paymentTerm',
			operation: 'create',
			code: 'Net 45',
			additionalFields: { daysForNetPayment: '45' },
		},
	});
	expect(fake.apiRequests().at(-1).body).toEqual({ code: 'Net 45', 'days-for-net-payment': '45' });
	expect(term.json.code).toBe('Net 45');

	await expect(
		runNode({
			store: credentialFor(fake, 'core.common.read'),
			parameters: { resource: 'commodity', operation: 'create', name: 'Cloud Services' },
		}),
	).rejects.toThrow(/core\.common\.write/);
});

test('currencies are read only, as Coupa documents them', async () => {
	expect(operationsOf(objectByResource('currency')).map((entry) => entry.value)).toEqual([
		'get',
		'getAll',
	]);
	fake = await startCoupa();
	const output = await runNode({
		store: credentialFor(fake, 'core.common.read'),
		parameters: { resource: 'currency', operation: 'getAll', returnAll: true },
	});
	expect(output.map((item) => item.json.code)).toEqual(
		fake.store.list('currencies').map((c) => c.code),
	);
});

test('supplier remit-to addresses: create under the supplier, list, update one', async () => {
	fake = await startCoupa();
	const supplier = fake.store.list('suppliers')[0];
	const store = credentialFor(fake, 'core.supplier.read core.supplier.write');
	const id = String(supplier.id);
	const [created] = await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'createRemitToAddress',
			id,
			remitToCode: 'ACME-PAY-1',
			remitToStreet1: '2 West Hillsdale',
			remitToCity: 'Las Vegas',
			remitToPostalCode: '23902',
			remitToCountry: 'US',
			remitToState: 'NV',
		},
	});
	expect(fake.apiRequests()[0]).toMatchObject({
		method: 'POST',
		path: `/api/suppliers/${supplier.id}/addresses`,
		body: {
			'remit-to-code': 'ACME-PAY-1',
			street1: '2 West Hillsdale',
			city: 'Las Vegas',
			'postal-code': '23902',
			country: { code: 'US' },
			state: 'NV',
		},
	});
	const listed = await runNode({
		store,
		parameters: { resource: 'supplier', operation: 'listRemitToAddresses', id },
	});
	expect(listed.map((item) => item.json.id)).toEqual([created.json.id]);

	const [updated] = await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'updateRemitToAddress',
			id,
			remitToAddressId: String(created.json.id),
			remitToCity: 'Henderson',
		},
	});
	expect(fake.apiRequests().at(-1)).toMatchObject({
		method: 'PUT',
		path: `/api/suppliers/${supplier.id}/addresses/${created.json.id}`,
		body: { city: 'Henderson' },
	});
	expect(updated.json).toMatchObject({
		id: created.json.id,
		city: 'Henderson',
		'remit-to-code': 'ACME-PAY-1',
	});

	await expect(
		runNode({
			store,
			parameters: {
				resource: 'supplier',
				operation: 'createRemitToAddress',
				id,
				remitToCode: 'X',
				remitToStreet1: 'a',
				remitToCity: 'b',
				remitToPostalCode: 'c',
			},
		}),
	).rejects.toThrow('"Country Code" is required for Create Remit-To Address on a supplier');
});

test('supplier sites: create under the supplier with its PO method and payment term, list, update', async () => {
	fake = await startCoupa();
	const supplier = fake.store.list('suppliers')[0];
	const id = String(supplier.id);
	// Neither core.supplier.* nor core.supplier_sites.*: refused before anything is sent.
	await expect(
		runNode({
			store: credentialFor(fake, 'core.common.write'),
			parameters: {
				resource: 'supplier',
				operation: 'createSupplierSite',
				id,
				siteCode: 'EU',
				siteName: 'Europe',
				sitePoMethod: 'email',
			},
		}),
	).rejects.toThrow(/core\.supplier\.write, core\.supplier_sites\.write/);
	expect(fake.apiRequests()).toEqual([]);
	const store = credentialFor(fake, 'core.supplier_sites.read core.supplier_sites.write');
	const [site] = await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'createSupplierSite',
			id,
			siteCode: 'EU',
			siteName: 'Europe',
			sitePoMethod: 'email',
			sitePoEmail: 'eu@acme.example',
			sitePaymentTerm: 'Net 30',
		},
	});
	expect(fake.apiRequests()[0]).toMatchObject({
		method: 'POST',
		path: `/api/suppliers/${supplier.id}/supplier_sites`,
		body: {
			code: 'EU',
			name: 'Europe',
			'po-method': 'email',
			'po-email': 'eu@acme.example',
			'payment-term': { code: 'Net 30' },
		},
	});
	const listed = await runNode({
		store,
		parameters: { resource: 'supplier', operation: 'listSupplierSites', id },
	});
	expect(listed.map((item) => item.json.id)).toEqual([site.json.id]);
	const [updated] = await runNode({
		store,
		parameters: {
			resource: 'supplier',
			operation: 'updateSupplierSite',
			id,
			supplierSiteId: String(site.json.id),
			sitePoMethod: 'cxml',
		},
	});
	expect(fake.apiRequests().at(-1)).toMatchObject({
		method: 'PUT',
		path: `/api/suppliers/${supplier.id}/supplier_sites/${site.json.id}`,
		body: { 'po-method': 'cxml' },
	});
	expect(updated.json).toMatchObject({ id: site.json.id, 'po-method': 'cxml', code: 'EU' });
});
