/**
 * Integration set-up: the integrations Coupa monitors, who is alerted about them, and data file
 * sources (flat-file loads). Runs, history records and errors are in integration.ts.
 */
import { ref, str } from '../fields';
import { choice, plainObject } from '../plain';
import type { CoupaObject } from '../types';

const READ = ['core.integration.read'];
const WRITE = ['core.integration.write'];

export const INTEGRATION_SETUP_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'integration',
		name: 'Integration',
		plural: 'Integrations',
		path: 'integrations',
		description:
			'An integration Coupa monitors (e.g. "Invoices to ERP"): its runs, history records and errors point at it by code',
		read: READ,
		write: WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			str('code', 'Code', 'code', { required: true }),
			str('businessObject', 'Business Object', 'business-object', {
				required: true,
				placeholder: 'e.g. Invoice',
			}),
			choice('direction', 'Direction', 'direction', ['to_coupa', 'from_coupa'], { required: true }),
			str('endSystem', 'End System', 'end-system', { required: true, placeholder: 'e.g. SAP' }),
			choice(
				'endSystemType',
				'End System Type',
				'end-system-type',
				['payroll', 'erp', 'hr', 'third_party_partner', 'third_party_vendor', 'other', 'internal'],
				{ required: true },
			),
			choice('integrationType', 'Integration Type', 'integration-type', [
				'flat_file',
				'api',
				'corporate_credit_card_file',
				'json',
				'xml',
				'original_format',
			]),
		],
		title: ['name', 'code'],
		search: ['name', 'code'],
	}),
	plainObject({
		resource: 'integrationContact',
		name: 'Integration Contact',
		plural: 'Integration Contacts',
		path: 'integration_contacts',
		description: 'Who Coupa alerts when an integration fails: a user, group or supplier contact',
		read: READ,
		write: WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			choice(
				'contactAlertType',
				'Contact Alert Type',
				'contact-alert-type',
				['Technical', 'Functional', 'Both'],
				{ required: true },
			),
			choice(
				'contactableType',
				'Contact Type',
				'contactable-type',
				['User', 'UserGroup', 'ApprovalGroup', 'Supplier', 'SupplierUser'],
				{ required: true },
			),
			{
				name: 'contactableId',
				label: 'Contact ID',
				key: 'contactable-id',
				type: 'number',
				required: true,
				description: 'ID of the user, group or supplier to alert',
			},
			ref('integration', 'Integration', 'integration', 'code'),
		],
		title: ['contactable-type', 'contact-alert-type'],
		search: ['contactable-type'],
	}),
	plainObject({
		resource: 'dataFileSource',
		name: 'Data File Source',
		plural: 'Data File Sources',
		path: 'data_file_sources',
		description:
			'A flat-file load into Coupa (CSV import) and its result; start loads from SFTP or a file',
		read: READ,
		write: WRITE,
		ops: ['getAll', 'get'],
		actions: [
			{
				value: 'loadFromSftp',
				name: 'Load From SFTP',
				segment: 'load_from_sftp',
				method: 'POST',
				collection: true,
				scopes: WRITE,
				does: "start loading the files waiting on Coupa's SFTP as {target}",
				inputs: [
					{
						name: 'sourceFor',
						label: 'Source For',
						description: 'What the files load, e.g. Supplier (R39 requires it)',
						in: 'body',
						key: 'source-for',
						required: true,
					},
				],
			},
		],
		title: ['source-for', 'status'],
		search: ['source-for'],
		notes:
			'Load File (POST /data_file_sources/load_file) takes a file upload: use Custom API Call.',
	}),
];
