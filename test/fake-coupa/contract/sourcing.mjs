// Sourcing events (quote requests). From Compass Quote Requests API and R39_Sourcing_API.json;
// scopes from Coupa's /oauth2/scopes map. Never from catalog.ts.
import { R39, standardRoutes } from './_rows.mjs';

export const ROUTES = [
	...standardRoutes('quote_requests', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.sourcing.read'],
		write: ['core.sourcing.write'],
		source: `Compass Quote Requests API; ${R39.sourcing} paths./quote_requests`,
		scopeSource: 'Coupa /oauth2/scopes core.sourcing.read (quote_requests index/show) / .write (create, update)',
		create: {
			required: ['event-type'],
			optional: ['description', 'currency', 'commodity', 'lines'],
			source: `Compass Quote Requests API (event-type is the only required element); ${R39.sourcing} paths./quote_requests post`,
		},
	}),
];

export const OBJECTS = [
	{
		path: 'quote_requests',
		model: 'QuoteRequest',
		stateKey: 'state',
		stateKeySource: `${R39.sourcing} definitions.QuoteRequest: read-only state, no status attribute`,
		statuses: [],
		statusesSource: `${R39.sourcing} definitions.QuoteRequest.state (values not read in this pass)`,
		statusesUnconfirmed: ['draft', 'pending', 'active', 'ended', 'completed', 'cancelled'],
	},
];
