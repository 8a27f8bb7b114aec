import type { INodeProperties } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { filtersProperty, projectionOption } from '../descriptions/list';
import { humanize } from '../descriptions/recordFields';
import { simplifyProperty } from '../descriptions/simplify';
import { showFor } from '../helpers/displayOptions';
import type { TriggerEventSpec } from './events';
import { DEFAULT_EVENT, eventsFor, TRIGGER_OBJECTS } from './events';

const show = (objects: CoupaObject[], extra: Record<string, string[]> = {}) =>
	showFor(
		objects.map((object) => object.resource),
		undefined,
		extra,
	);

const byLabel = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/**
 * The objects grouped by the events they offer, most events first: one Event dropdown per group,
 * so an event is only offered where it applies (Status Changed only where Coupa has statuses).
 */
function eventGroups(): Array<{ events: TriggerEventSpec[]; objects: CoupaObject[] }> {
	const groups = new Map<string, { events: TriggerEventSpec[]; objects: CoupaObject[] }>();
	for (const object of TRIGGER_OBJECTS) {
		const events = eventsFor(object);
		const key = events.map((event) => event.value).join(',');
		const group = groups.get(key) ?? { events, objects: [] };
		group.objects.push(object);
		groups.set(key, group);
	}
	return [...groups.values()].sort((a, b) => b.events.length - a.events.length);
}

function eventProperty(objects: CoupaObject[], events: TriggerEventSpec[]): INodeProperties {
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: events
			.map((event) => ({ name: event.label, value: event.value, description: event.description }))
			.sort(byLabel),
		default: DEFAULT_EVENT,
		displayOptions: show(objects),
	};
}

/** The Statuses to watch, for each object with an event that selects by status. */
function statusesProperty(object: CoupaObject): INodeProperties {
	const statusEvents = eventsFor(object).filter((event) => event.selects === 'intoWatchedStatus');
	return {
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		required: true,
		options: (object.statuses ?? [])
			.map((status) => ({ name: humanize(status), value: status }))
			.sort(byLabel),
		default: [],
		description: `Fire when ${object.name.toLowerCase()} status becomes one of these`,
		displayOptions: show([object], { event: statusEvents.map((event) => event.value) }),
	};
}

const STATUS_OBJECTS = TRIGGER_OBJECTS.filter((object) =>
	eventsFor(object).some((event) => event.selects === 'intoWatchedStatus'),
);

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: TRIGGER_OBJECTS.map((object) => ({ name: object.name, value: object.resource })).sort(
			byLabel,
		),
		default: 'invoice',
	},
	...eventGroups().map((group) => eventProperty(group.objects, group.events)),
	...STATUS_OBJECTS.map(statusesProperty),
	...TRIGGER_OBJECTS.map((object) =>
		filtersProperty(
			object,
			show([object]),
			'Only records that match every filter fire the trigger',
		),
	),
	simplifyProperty(show(TRIGGER_OBJECTS.filter((object) => object.simplify))),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			projectionOption,
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'Backfill: on its first poll the trigger emits every matching change since this date. Leave empty to start from now.',
			},
		],
	},
];
