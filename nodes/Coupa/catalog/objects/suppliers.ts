/** Suppliers, with their remit-to addresses and supplier sites. */
import type { ActionInput, CoupaObject } from '../types';
import { ref, str, commodity, bodyInputs } from '../fields';

/** The elements of a supplier remit-to address (Compass Remit-To Addresses API). */
function remitToInputs(creating: boolean): ActionInput[] {
	const input = bodyInputs(creating);
	return [
		input(
			'remitToCode',
			'Remit-To Code',
			'remit-to-code',
			'Unique code of the remit-to address, e.g. the ERP vendor site code',
			true,
		),
		input('remitToStreet1', 'Street 1', 'street1', 'Address line 1', true),
		input('remitToCity', 'City', 'city', 'City name', true),
		input('remitToPostalCode', 'Postal Code', 'postal-code', 'Postal code', true),
		input(
			'remitToCountry',
			'Country Code',
			'country.code',
			'ISO code of the country, e.g. US',
			true,
		),
		input('remitToName', 'Name', 'name', 'Nickname of the address'),
		input('remitToState', 'State', 'state', 'State or region'),
		input('remitToActive', 'Active', 'active', 'true or false; Coupa sets no status when empty'),
	];
}

/** The elements of a supplier site (Compass Supplier Sites API). */
function supplierSiteInputs(creating: boolean): ActionInput[] {
	const input = bodyInputs(creating);
	return [
		input('siteCode', 'Site Code', 'code', 'Unique code of the site (up to 20 characters)', true),
		input('siteName', 'Site Name', 'name', 'Name of the site', true),
		input(
			'sitePoMethod',
			'PO Method',
			'po-method',
			'How POs reach the site: cxml, xml, email, prompt, mark_as_sent or buy_online',
			true,
		),
		input('sitePoEmail', 'PO Email', 'po-email', 'Where POs are sent when the PO method is email'),
		input(
			'sitePoChangeMethod',
			'PO Change Method',
			'po-change-method',
			'How PO changes reach the site (same values as PO Method)',
		),
		input(
			'sitePaymentTerm',
			'Payment Term Code',
			'payment-term.code',
			'Code of an existing payment term, e.g. Net 30',
		),
		input(
			'siteActive',
			'Active',
			'active',
			'true or false; Coupa makes a new site active when empty',
		),
	];
}

export const SUPPLIER_OBJECTS: CoupaObject[] = [
	{
		resource: 'supplier',
		name: 'Supplier',
		plural: 'Suppliers',
		path: 'suppliers',
		readScopes: ['core.supplier.read'],
		writeScopes: ['core.supplier.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [
			{
				value: 'listRemitToAddresses',
				name: 'List Remit-To Addresses',
				action: 'List the remit-to addresses of a supplier',
				description: 'List the remit-to addresses of a supplier by its ID; one item per address',
				method: 'GET',
				path: '{id}/addresses',
				scopes: ['core.supplier.read'],
				returnsList: true,
			},
			{
				value: 'createRemitToAddress',
				name: 'Create Remit-To Address',
				action: 'Create a remit-to address for a supplier',
				description:
					'Add a remit-to address (where payments go) to a supplier by its ID; returns the address',
				method: 'POST',
				path: '{id}/addresses',
				scopes: ['core.supplier.write'],
				inputs: remitToInputs(true),
			},
			{
				value: 'updateRemitToAddress',
				name: 'Update Remit-To Address',
				action: 'Update a remit-to address of a supplier',
				description:
					'Change a remit-to address of a supplier by its ID; empty fields are left as they are; returns the address',
				method: 'PUT',
				path: '{id}/addresses/{subId}',
				scopes: ['core.supplier.write'],
				inputs: remitToInputs(false),
				subId: {
					name: 'remitToAddressId',
					label: 'Remit-To Address ID',
					description: 'ID of the remit-to address, as returned by List Remit-To Addresses',
				},
			},
			{
				value: 'listSupplierSites',
				name: 'List Supplier Sites',
				action: 'List the sites of a supplier',
				description: 'List the supplier sites of a supplier by its ID; one item per site',
				method: 'GET',
				path: '{id}/supplier_sites',
				scopes: ['core.supplier_sites.read'],
				returnsList: true,
			},
			{
				value: 'createSupplierSite',
				name: 'Create Supplier Site',
				action: 'Create a site for a supplier',
				description:
					'Add a supplier site (its own PO method, payment term, …) to a supplier by its ID; returns the site',
				method: 'POST',
				path: '{id}/supplier_sites',
				scopes: ['core.supplier_sites.write'],
				inputs: supplierSiteInputs(true),
			},
			{
				value: 'updateSupplierSite',
				name: 'Update Supplier Site',
				action: 'Update a site of a supplier',
				description:
					'Change a supplier site of a supplier by its ID; empty fields are left as they are; returns the site',
				method: 'PUT',
				path: '{id}/supplier_sites/{subId}',
				scopes: ['core.supplier_sites.write'],
				inputs: supplierSiteInputs(false),
				subId: {
					name: 'supplierSiteId',
					label: 'Supplier Site ID',
					description: 'ID of the supplier site, as returned by List Supplier Sites',
				},
			},
		],
		statuses: ['draft', 'active', 'inactive'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('number', 'Number', 'number'),
			{
				name: 'status',
				label: 'Status',
				key: 'status',
				type: 'options',
				options: ['draft', 'active', 'inactive'],
			},
			{
				name: 'poMethod',
				label: 'PO Method',
				key: 'po-method',
				type: 'options',
				options: ['cxml', 'xml', 'email', 'prompt', 'mark_as_sent', 'buy_online'],
			},
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code', { lookup: 'paymentTerms' }),
			str('label', 'Display Name', 'display-name'),
			str('poEmail', 'PO Email', 'po-email', { placeholder: 'e.g. orders@supplier.com' }),
			{
				name: 'paymentMethod',
				label: 'Payment Method',
				key: 'payment-method',
				type: 'options',
				options: ['invoice', 'pcard', 'invoice_only', 'pcard_only', 'virtual_card'],
			},
			{
				name: 'invoiceMatchingLevel',
				label: 'Invoice Matching Level',
				key: 'invoice-matching-level',
				type: 'options',
				options: ['2-way', '3-way', '3-way-direct', 'none'],
			},
			str('website', 'Website', 'website'),
			str('taxId', 'Tax ID', 'tax-id'),
			commodity,
		],
		simplify: [
			'id',
			'name',
			'number',
			'status',
			'po-method',
			'payment-term',
			'primary-contact',
			'updated-at',
			'custom-fields',
		],
		picker: { title: ['name', 'number'], search: ['name', 'number'] },
		webPath: 'suppliers',
		notes: 'No delete in Coupa: set Status to inactive with Update.',
	},
];
