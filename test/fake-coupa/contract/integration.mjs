// Integration monitoring: integration runs, integration history records and integration errors.
// From the Compass pages mirrored in TimTini/coupa-compass-integration-docs output/markdown/
// (Integration Runs API, Integration History Record API, Integration Error API: their verb/path
// tables and element tables) and the POs→ERP / Invoices→ERP playbooks; scopes from Coupa's
// /oauth2/scopes map (core.integration.read/.write). Never from the node's catalogue
// (nodes/Coupa/catalog/).
import { actionRoute, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const READ = ['core.integration.read'];
const WRITE = ['core.integration.write'];
const SCOPES = `${SCOPE_MAP} §27.4–§27.6 core.integration.read, §28.3–§28.5 core.integration.write (integration errors, history records, runs)`;
const RUNS = 'Compass Integration Runs API (integrations-api-(integrations)/integration-runs-api)';
const HISTORY =
	'Compass Integration History Record API (integrations-api-(integrations)/integration-history-record-api)';
const ERRORS =
	'Compass Integration Error API (integrations-api-(integrations)/integration-error-api)';
const RESPONSES =
	'Compass Integration Record Response API (responses: response-code, response-message)';

/** The run's counts, api_in on the Integration Runs element table. */
const COUNTS = ['total-records', 'records-processed'];

export const ROUTES = [
	...standardRoutes('integration_runs', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: RUNS,
		scopeSource: SCOPES,
		create: {
			// "Create integration run with status of pending"; integration is the one required element.
			required: ['integration'],
			optional: ['start-time', 'end-time', ...COUNTS],
		},
	}),
	...[
		['run', 'running'],
		['success', 'successful'],
		['fail', 'failed'],
		['pending', 'pending'],
		['pause', 'paused'],
	].map(([op, status]) =>
		actionRoute('integration_runs', op, 'PUT', `{id}/${op}`, WRITE, {
			leadsTo: status,
			optional: COUNTS,
			source: `${RUNS} ("Set integration run status as ${status}")`,
			scopeSource: SCOPES,
			unconfirmed:
				'The docs give no body for the status actions; the package sends the counts (api_in elements of the run) with them. The status strings themselves are not listed.',
		}),
	),
	...standardRoutes('integration_history_records', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: HISTORY,
		scopeSource: SCOPES,
		create: {
			required: ['contact-alert-type', 'document-id', 'document-type'],
			optional: [
				'status',
				'document-status',
				'document-revision',
				'external-id',
				'integration',
				'integration-run-id',
				'responses',
			],
			responsesSource: RESPONSES,
		},
	}),
	...standardRoutes('integration_errors', {
		ops: ['index', 'show', 'create', 'update'],
		read: READ,
		write: WRITE,
		source: ERRORS,
		scopeSource: SCOPES,
		create: {
			required: ['contact-alert-type', 'integration-run'],
			optional: [
				'status',
				'document-type',
				'document-id',
				'document-status',
				'external-id',
				'integration',
				'responses',
			],
			responsesSource: RESPONSES,
		},
	}),
	...['resolve', 'unresolve'].map((op) =>
		actionRoute('integration_errors', op, 'PUT', `{id}/${op}`, WRITE, {
			leadsTo: op === 'resolve',
			source: `${ERRORS} (PUT /api/integration_errors/{id}/${op})`,
			scopeSource: SCOPES,
		}),
	),
];

export const OBJECTS = [
	{
		path: 'integration_runs',
		model: 'IntegrationRun',
		stateKey: 'status',
		statusesSource: `${RUNS}: actions pending, run, success, fail, pause ("Set integration run status as ..."); the status strings are not listed`,
		statusesUnconfirmed: ['pending', 'running', 'successful', 'failed', 'paused'],
	},
	{ path: 'integration_history_records', model: 'IntegrationHistoryRecord' },
	{ path: 'integration_errors', model: 'IntegrationError' },
];
