import { CATALOG } from '../catalog';
import { eventsFor, TRIGGER_OBJECTS } from '../trigger/events';
import { operationsOf } from './operations';

/**
 * An n8n expression that looks `key` up in a fixed table, falling back to `fallback`. The table is
 * written into the expression as JSON, so the editor needs no code of ours to show it.
 */
function lookupExpression(table: Record<string, string>, key: string, fallback: string): string {
	return `={{ (${JSON.stringify(table)})[${key}] || ${fallback} }}`;
}

/** "invoice:getAll" → "Get many invoices": every operation's action label, from the catalogue. */
export const NODE_SUBTITLES: Record<string, string> = Object.fromEntries([
	...CATALOG.flatMap((object) =>
		operationsOf(object).map(
			(entry) => [`${object.resource}:${entry.value}`, entry.action] as const,
		),
	),
	['customApiCall:request', 'Custom API call'],
]);

/** The Coupa node's canvas subtitle, e.g. "Get many invoices". */
export const nodeSubtitle = lookupExpression(
	NODE_SUBTITLES,
	'$parameter["resource"] + ":" + $parameter["operation"]',
	'""',
);

/** "invoice:statusChanged" → "Invoice status changed", for every object and the events it offers. */
export const TRIGGER_SUBTITLES: Record<string, string> = Object.fromEntries(
	TRIGGER_OBJECTS.flatMap((object) =>
		eventsFor(object).map(
			(event) =>
				[`${object.resource}:${event.value}`, `${object.name} ${event.subtitleWords}`] as const,
		),
	),
);

/** The Coupa Trigger's canvas subtitle, e.g. "Invoice status changed". */
export const triggerSubtitle = lookupExpression(
	TRIGGER_SUBTITLES,
	'$parameter["resource"] + ":" + $parameter["event"]',
	'""',
);
