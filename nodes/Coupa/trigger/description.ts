import type { INodeProperties } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { CATALOG } from '../catalog';
import { filtersProperty, projectionOption } from '../descriptions/list';
import { humanize } from '../descriptions/recordFields';

/** Every object the trigger can watch: the ones Coupa lets us list. */
export const TRIGGER_OBJECTS = CATALOG.filter((object) => object.operations.getAll);

const show = (resources: CoupaObject[], extra: Record<string, string[]> = {}) => ({
	show: { resource: resources.map((object) => object.resource), ...extra },
});

const withStatuses = TRIGGER_OBJECTS.filter((object) => object.statuses?.length);
const withoutStatuses = TRIGGER_OBJECTS.filter((object) => !object.statuses?.length);

const createdEvent = {
	name: 'Created',
	value: 'created',
	description: 'A new record was created',
};
const updatedEvent = {
	name: 'Updated',
	value: 'updated',
	description: 'A record was created or changed',
};
const statusChangedEvent = {
	name: 'Status Changed',
	value: 'statusChanged',
	description: 'A record moved into one of the chosen statuses',
};

/** One Event dropdown per group, so Status Changed is only offered where Coupa has statuses. */
function eventProperty(
	objects: CoupaObject[],
	options: Array<typeof createdEvent>,
): INodeProperties {
	return {
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options,
		default: 'updated',
		displayOptions: show(objects),
	};
}

function statusesProperty(object: CoupaObject): INodeProperties {
	return {
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		required: true,
		options: (object.statuses ?? [])
			.map((status) => ({ name: humanize(status), value: status }))
			.sort((a, b) => a.name.localeCompare(b.name)),
		default: [],
		description: `Fire when ${object.name.toLowerCase()} status becomes one of these`,
		displayOptions: show([object], { event: ['statusChanged'] }),
	};
}

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: TRIGGER_OBJECTS.map((object) => ({ name: object.name, value: object.resource })).sort(
			(a, b) => a.name.localeCompare(b.name),
		),
		default: 'invoice',
	},
	eventProperty(withStatuses, [createdEvent, statusChangedEvent, updatedEvent]),
	eventProperty(withoutStatuses, [createdEvent, updatedEvent]),
	...withStatuses.map(statusesProperty),
	...TRIGGER_OBJECTS.map((object) =>
		filtersProperty(
			object,
			show([object]),
			'Only records that match every filter fire the trigger',
		),
	),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a compact set of key fields instead of the full Coupa record',
		displayOptions: show(TRIGGER_OBJECTS.filter((object) => object.simplify)),
	},
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
