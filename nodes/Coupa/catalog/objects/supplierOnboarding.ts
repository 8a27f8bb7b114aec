/**
 * Supplier onboarding and supplier master data beyond the supplier record: supplier information
 * (Coupa's onboarding record) with its sites and tax registrations, supplier sites, invites,
 * supplier items (catalogue prices), invoice e-mail addresses, sharing settings and the risk feed.
 */
import { active, currency, flag, ref, str, supplierRef } from '../fields';
import { choice, idOf, plainObject } from '../plain';
import type { CoupaAction, CoupaObject } from '../types';

const SUPPLIER_READ = ['core.supplier.read'];
const SUPPLIER_WRITE = ['core.supplier.write'];
const country = ref('country', 'Country', 'country', 'code', {
	required: true,
	placeholder: 'e.g. DE',
});
const PO_METHODS = ['cxml', 'xml', 'email', 'prompt', 'mark_as_sent', 'buy_online'];

/** The onboarding form's responses on a supplier information record (R39 .../easy_form_responses). */
const formResponse = {
	name: 'formResponseId',
	label: 'Form Response ID',
	description: 'ID of the form response, as returned by List Form Responses',
};
const FORM_RESPONSE_ACTIONS: CoupaAction[] = [
	{
		value: 'listFormResponses',
		name: 'List Form Responses',
		action: 'List the form responses of supplier information',
		description:
			'List the onboarding form responses of a supplier information record by its ID; one item per response',
		method: 'GET',
		path: '{id}/easy_form_responses',
		scopes: ['core.easy_form_response.read'],
		returnsList: true,
	},
	...(
		[
			['reviewFormResponse', 'Review Form Response', 'review', 'Review'],
			['submitFormResponse', 'Submit Form Response', 'approval', 'Submit for approval'],
		] as const
	).map(([value, name, segment, verb]) => ({
		value,
		name,
		action: `${verb} a form response of supplier information`,
		description: `${verb} one onboarding form response of a supplier information record; needs the record ID and the Form Response ID; returns the response`,
		method: 'PUT' as const,
		path: `{id}/easy_form_responses/{subId}/${segment}`,
		scopes: ['core.easy_form_response.write'],
		subId: formResponse,
	})),
];

export const SUPPLIER_ONBOARDING_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'supplierInformation',
		name: 'Supplier Information',
		plural: 'Supplier Information Records',
		path: 'supplier_information',
		description:
			"A supplier's onboarding record (the supplier information form): name, status, tax and remit-to data before or besides the supplier record",
		read: SUPPLIER_READ,
		write: SUPPLIER_WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('status', 'Status', 'status', {
				required: true,
				placeholder: 'e.g. draft',
				description: "The record's status in the onboarding workflow",
			}),
			str('displayName', 'Display Name', 'display-name'),
			str('dunsNumber', 'DUNS Number', 'duns-number'),
			str('federalTaxNum', 'Federal Tax Number', 'federal-tax-num'),
			str('industry', 'Industry', 'industry'),
			str('goodsServicesProvided', 'Goods and Services Provided', 'goods-services-provided'),
			flag(
				'oneTimeSupplier',
				'One-Time Supplier',
				'one-time-supplier',
				'Whether the supplier is used once',
			),
			choice('incoTerms', 'Incoterms', 'inco-terms', [
				'EXW',
				'FCA',
				'CPT',
				'CIP',
				'DAT',
				'DAP',
				'DDP',
				'FAS',
				'FOB',
				'CFR',
				'CIF',
				'DPU',
			]),
			str('comment', 'Comment', 'comment'),
		],
		title: ['name'],
		search: ['name'],
		webPath: 'supplier_information',
		extraActions: FORM_RESPONSE_ACTIONS,
	}),
	plainObject({
		resource: 'supplierInformationSite',
		name: 'Supplier Information Site',
		plural: 'Supplier Information Sites',
		path: 'supplier_information_sites',
		description: 'A site (ordering address and PO method) on a supplier information record',
		read: ['core.sourcing_information_sites.read'],
		write: ['core.sourcing_information_sites.write'],
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [
			str('code', 'Code', 'code', { required: true }),
			str('name', 'Name', 'name', { required: true }),
			str('poEmail', 'PO Email', 'po-email', { required: true, placeholder: 'name@email.com' }),
			idOf('supplierInformationId', 'Supplier Information ID', 'supplier-information-id'),
			str('poMethod', 'PO Method', 'po-method'),
			active,
		],
		title: ['name', 'code'],
		search: ['name'],
		notes:
			'The scope map names these scopes core.sourcing_information_sites.read/.write (§94, §95), not core.supplier_information_sites.',
	}),
	plainObject({
		resource: 'supplierInformationTaxRegistration',
		name: 'Supplier Information Tax Registration',
		plural: 'Supplier Information Tax Registrations',
		path: 'supplier_information_tax_registrations',
		description: 'A tax registration (VAT or GST number) on a supplier information record',
		read: ['core.supplier_information_tax_registrations.read'],
		write: ['core.supplier_information_tax_registrations.write'],
		ops: ['get', 'create', 'update', 'delete'],
		scopes: { delete: ['core.supplier_information_tax_registrations.delete'] },
		fields: [
			str('number', 'Number', 'number', { required: true }),
			country,
			idOf('supplierInformationId', 'Supplier Information ID', 'supplier-information-id'),
			flag('local', 'Local', 'local', 'Whether the registration is local'),
			active,
		],
		title: ['number'],
		notes: 'Coupa documents no list route: read one by its ID.',
	}),
	plainObject({
		resource: 'supplierSite',
		name: 'Supplier Site',
		plural: 'Supplier Sites',
		path: 'supplier_sites',
		description:
			"A supplier's ordering site: its own PO method, PO e-mail or cXML settings and payment term",
		read: ['core.supplier.read', 'core.supplier_sites.read'],
		write: ['core.supplier.write', 'core.supplier_sites.write'],
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('code', 'Code', 'code', { required: true }),
			str('name', 'Name', 'name', { required: true }),
			str('poEmail', 'PO Email', 'po-email', { required: true, placeholder: 'name@email.com' }),
			...(
				[
					['cxmlUrl', 'cXML URL', 'cxml-url'],
					['cxmlDomain', 'cXML Domain', 'cxml-domain'],
					['cxmlIdentity', 'cXML Identity', 'cxml-identity'],
					['cxmlSupplierDomain', 'cXML Supplier Domain', 'cxml-supplier-domain'],
					['cxmlSupplierIdentity', 'cXML Supplier Identity', 'cxml-supplier-identity'],
					['cxmlSecret', 'cXML Secret', 'cxml-secret'],
					['cxmlProtocol', 'cXML Protocol', 'cxml-protocol'],
				] as const
			).map(([name, label, key]) => str(name, label, key, { required: true })),
			choice('poMethod', 'PO Method', 'po-method', PO_METHODS),
			choice('poChangeMethod', 'PO Change Method', 'po-change-method', PO_METHODS),
			ref('paymentTerm', 'Payment Term', 'payment-term', 'code'),
			active,
		],
		title: ['name', 'code'],
		search: ['name', 'code'],
		notes:
			"R39 marks the cXML elements required on create, even for sites that order by e-mail; the form follows R39, and Coupa's own 400 decides (UNCONFIRMED).",
	}),
	plainObject({
		resource: 'supplierInvite',
		name: 'Supplier Invite',
		plural: 'Supplier Invites',
		path: 'supplier_invites',
		description: 'Invite suppliers to Coupa in bulk (a background job); Get reads the job status',
		read: SUPPLIER_READ,
		write: SUPPLIER_WRITE,
		ops: ['get', 'create'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			...(
				[
					['enterprise', 'Enterprise', 'enterprise'],
					['onlineStore', 'Online Store', 'online-store'],
					['paymentMethod', 'Payment Method', 'payment-method'],
					['primaryAddress', 'Primary Address', 'primary-address'],
					['primaryContact', 'Primary Contact', 'primary-contact'],
				] as const
			).map(([name, label, key]) => ({
				name,
				label: `${label} (JSON)`,
				key,
				type: 'json' as const,
				required: true,
				description: `The ${label.toLowerCase()} of the supplier, as Coupa's supplier record has it`,
			})),
		],
		title: ['name'],
	}),
	plainObject({
		resource: 'supplierItem',
		name: 'Supplier Item',
		plural: 'Supplier Items',
		path: 'supplier_items',
		description: "A supplier's price for a catalogue item: part number, price, lead time",
		read: ['core.catalog.read'],
		write: ['core.catalog.write'],
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [
			{ ...supplierRef, required: true },
			str('supplierPartNum', 'Supplier Part Number', 'supplier-part-num', { required: true }),
			ref('item', 'Item', 'item', 'name'),
			str('price', 'Price', 'price', { placeholder: 'e.g. 12.50' }),
			currency,
			str('leadTime', 'Lead Time (Days)', 'lead-time'),
			choice('availability', 'Availability', 'availability', [
				'in_stock',
				'out_of_stock',
				'backordered',
			]),
			flag(
				'preferred',
				'Preferred',
				'preferred',
				'Whether this is the preferred supplier for the item',
			),
			str('manufacturer', 'Manufacturer', 'manufacturer'),
		],
		actions: [
			{
				value: 'search',
				name: 'Search',
				segment: 'search',
				method: 'GET',
				collection: true,
				returnsList: true,
				scopes: ['core.catalog.read'],
				does: "search {target} with Coupa's advanced supplier item search; one item per result",
			},
			{
				value: 'catalogItems',
				name: 'List Catalog Items',
				segment: 'catalog_items',
				method: 'GET',
				collection: true,
				returnsList: true,
				scopes: ['core.catalog.read'],
				does: 'list {target} with the fields of the item loader; one item per result',
			},
			{
				value: 'catalogItemInfo',
				name: 'Get Catalog Item Info',
				segment: 'catalog_item_info',
				method: 'GET',
				collection: true,
				scopes: ['core.catalog.read'],
				does: 'show the supplier ID and item count behind {target}',
			},
		],
		title: ['supplier-part-num', 'supplier'],
		search: ['supplier-part-num'],
	}),
	plainObject({
		resource: 'invoiceEmail',
		name: 'Invoice Email',
		plural: 'Invoice Emails',
		path: 'invoice_emails',
		description: 'An e-mail address Coupa accepts supplier invoices from',
		read: SUPPLIER_READ,
		write: SUPPLIER_WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		scopes: { update: ['core.invoice.write'] },
		fields: [
			str('email', 'Email', 'email', { required: true, placeholder: 'name@email.com' }),
			str('sendNotification', 'Send Notification', 'send-notification'),
		],
		title: ['email'],
		search: ['email'],
		notes: 'The scope map grants create to core.supplier.write and update to core.invoice.write.',
	}),
	plainObject({
		resource: 'supplierSharingSetting',
		name: 'Supplier Sharing Setting',
		plural: 'Supplier Sharing Settings',
		path: 'supplier_sharing_settings',
		description: 'What supplier data is shared with which part of the organisation',
		read: ['core.supplier_sharing_settings.read'],
		write: ['core.supplier_sharing_settings.write'],
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [
			str('sharableType', 'Sharable Type', 'sharable-type'),
			idOf('sharableId', 'Sharable ID', 'sharable-id'),
			str('sharedCategory', 'Shared Category', 'shared-category'),
		],
		title: ['shared-category', 'sharable-type'],
		search: ['shared-category'],
	}),
	plainObject({
		resource: 'supplierRiskAwareFeed',
		name: 'Supplier Risk Feed Entry',
		plural: 'Supplier Risk Feed Entries',
		path: 'supplier_risk_aware_feed',
		description: "Risk scores for a supplier from an outside source, for Coupa's Risk Aware",
		read: ['core.supplier.risk_aware.read'],
		write: ['core.supplier.risk_aware.write'],
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			idOf('supplierId', 'Supplier ID', 'supplier-id', { required: true }),
			...[1, 2, 3].map((n) => str(`numberField${n}`, `Number Field ${n}`, `number-field-0${n}`)),
		],
		title: ['supplier'],
		search: ['supplier-id'],
	}),
];
