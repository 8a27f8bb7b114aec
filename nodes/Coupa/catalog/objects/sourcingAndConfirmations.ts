/** Sourcing beyond events: supplier responses (quotes) and award, invited quote suppliers, contract templates and order confirmations. */
import { flag, str } from '../fields';
import { plainObject } from '../plain';
import type { CoupaObject } from '../types';

const AWARD = ['core.sourcing.response.award.write'];

export const SOURCING_AND_CONFIRMATION_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'quoteResponse',
		name: 'Quote Response',
		plural: 'Quote Responses',
		path: 'quote_responses',
		description: "A supplier's response (bid) to a sourcing event, which can be awarded",
		read: ['core.sourcing.response.read'],
		write: ['core.sourcing.response.write'],
		ops: ['getAll', 'get', 'update'],
		actions: [
			{
				value: 'award',
				name: 'Award',
				segment: 'award',
				method: 'POST',
				scopes: AWARD,
				does: 'award the sourcing event to {target}',
			},
			{
				value: 'removeAward',
				name: 'Remove Award',
				segment: 'award',
				method: 'DELETE',
				scopes: AWARD,
				does: 'take the award back from {target}',
			},
			{
				value: 'listAll',
				name: 'List All Revisions',
				segment: 'all',
				method: 'GET',
				collection: true,
				returnsList: true,
				scopes: [],
				does: 'list {target} with every revision; one item per response',
			},
		],
		title: ['quote-supplier', 'state'],
		search: ['state'],
		statusKey: 'state',
	}),
	plainObject({
		resource: 'quoteSupplier',
		name: 'Quote Supplier',
		plural: 'Quote Suppliers',
		path: 'quote_suppliers',
		description: 'A supplier invited to a sourcing event, with its contact',
		read: ['core.sourcing.read'],
		write: ['core.sourcing.write'],
		ops: ['get'],
		title: ['name', 'email'],
		notes: 'Coupa documents reading one quote supplier by its ID only.',
	}),
	plainObject({
		resource: 'contractTemplate',
		name: 'Contract Template',
		plural: 'Contract Templates',
		path: 'contracts/templates',
		description: 'A template contracts are authored from (Coupa CLM)',
		read: [],
		write: [],
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('templateGeneratorId', 'Template Generator ID', 'template-generator-id', {
				required: true,
			}),
			str('description', 'Description', 'description'),
			flag('active', 'Active', 'active', 'Whether the template can be used'),
		],
		title: ['name'],
		search: ['name'],
		webPath: 'contracts/templates',
		notes: 'The scope map names no scope for contract templates: the pre-check lets Coupa decide.',
	}),
	plainObject({
		resource: 'orderConfirmation',
		name: 'Order Confirmation',
		plural: 'Order Confirmations',
		path: 'order_header_confirmations',
		description: "A supplier's confirmation of a purchase order (Supply Chain)",
		read: [],
		write: [],
		ops: ['getAll', 'get', 'update'],
		fields: [str('integrationMessage', 'Integration Message', 'integration-message')],
		title: ['external-reference-number', 'status'],
		search: ['status'],
		notes: 'The scope map names no scope for order confirmations: the pre-check lets Coupa decide.',
	}),
];
