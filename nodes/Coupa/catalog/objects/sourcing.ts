/** Sourcing: quote requests. */
import type { CoupaObject } from '../types';
import { str, currency, commodity, description } from '../fields';

export const SOURCING_OBJECTS: CoupaObject[] = [
	{
		resource: 'quoteRequest',
		name: 'Quote Request',
		plural: 'Quote Requests',
		path: 'quote_requests',
		readScopes: ['core.sourcing.read'],
		writeScopes: ['core.sourcing.write'],
		operations: { get: {}, getAll: {}, create: {}, update: {} },
		actions: [],
		statuses: ['draft', 'pending', 'active', 'ended', 'completed', 'cancelled'],
		statusKey: 'state',
		fields: [
			{ ...description, description: 'Name of the sourcing event' },
			str('eventType', 'Event Type', 'event-type', { required: true, placeholder: 'e.g. rfq' }),
			currency,
			commodity,
		],
		picker: { title: ['description'], search: ['description'] },
		webPath: 'quotes/requests',
	},
];
