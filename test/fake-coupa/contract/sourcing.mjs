// Sourcing events (quote requests). From Compass Quote Requests API and R39_Sourcing_API.json;
// scopes from Coupa's /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { R39, standardRoutes } from './_rows.mjs';

export const ROUTES = [
	...standardRoutes('quote_requests', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.sourcing.read'],
		write: ['core.sourcing.write'],
		source: `Compass Quote Requests API; ${R39.sourcing} paths./quote_requests`,
		scopeSource:
			'Coupa /oauth2/scopes core.sourcing.read (quote_requests index/show) / .write (create, update)',
		create: {
			required: ['event-type'],
			optional: ['description', 'currency', 'commodity', 'lines'],
			source: `${R39.sourcing} definitions.QuoteRequest.required ["event-type"]; Compass Quote Requests API`,
		},
	}),
];

export const OBJECTS = [
	{
		path: 'quote_requests',
		model: 'QuoteRequest',
		stateKey: 'state',
		stateKeySource: `${R39.sourcing} definitions.QuoteRequest: "state" (string(255), readOnly); the object has no "status"`,
		statuses: [],
		statusesSource: `${R39.sourcing} definitions.QuoteRequest.state has no enum: no value is documented`,
		statusesUnconfirmed: ['draft', 'pending', 'active', 'ended', 'completed', 'cancelled'],
	},
];
