import type { CoupaObject } from '../catalog';
import { CATALOG } from '../catalog';

/** The timestamp an event is polled on: its query name and the key Coupa returns it under. */
export interface EventClock {
	query: string;
	key: string;
}

const CREATED_AT: EventClock = { query: 'created_at', key: 'created-at' };
const UPDATED_AT: EventClock = { query: 'updated_at', key: 'updated-at' };

/**
 * How an event picks records out of the changes the trigger reads:
 * - `everyChange`: every record whose watched timestamp moved;
 * - `intoWatchedStatus`: only records that moved into one of the statuses the builder chose
 *   (statusMemory.ts), which needs the Statuses parameter and the object's status attribute.
 */
export type RecordSelection = 'everyChange' | 'intoWatchedStatus';

export interface TriggerEventSpec {
	/** The Event parameter's value. */
	value: string;
	/** The Event dropdown's label. */
	label: string;
	/** The Event dropdown's hint. */
	description: string;
	/** The canvas subtitle after the object's name: "Invoice status changed". */
	subtitleWords: string;
	/** The timestamp the trigger polls on for this event. */
	clock: EventClock;
	/** Whether the event can be offered for an object the trigger watches. */
	appliesTo: (object: CoupaObject) => boolean;
	selects: RecordSelection;
}

/**
 * Every event of the Coupa Trigger, one row each: the trigger's description, its subtitle and the
 * poll all derive from this table. The row order is the subtitle table's order; the dropdown
 * sorts by label. docs/development.md says how to add one.
 */
export const TRIGGER_EVENTS: TriggerEventSpec[] = [
	{
		value: 'created',
		label: 'Created',
		description: 'A new record was created',
		subtitleWords: 'created',
		clock: CREATED_AT,
		appliesTo: () => true,
		selects: 'everyChange',
	},
	{
		value: 'updated',
		label: 'Updated',
		description: 'A record was created or changed',
		subtitleWords: 'created or changed',
		clock: UPDATED_AT,
		appliesTo: () => true,
		selects: 'everyChange',
	},
	{
		value: 'statusChanged',
		label: 'Status Changed',
		description: 'A record moved into one of the chosen statuses',
		subtitleWords: 'status changed',
		clock: UPDATED_AT,
		appliesTo: (object) => Boolean(object.statuses?.length),
		selects: 'intoWatchedStatus',
	},
];

/** The event selected when the builder has not chosen one. */
export const DEFAULT_EVENT = 'updated';

export function eventByValue(value: string): TriggerEventSpec | undefined {
	return TRIGGER_EVENTS.find((event) => event.value === value);
}

export function eventsFor(object: CoupaObject): TriggerEventSpec[] {
	return TRIGGER_EVENTS.filter((event) => event.appliesTo(object));
}

/** Every object the trigger can watch: the ones Coupa lets us list. */
export const TRIGGER_OBJECTS = CATALOG.filter((object) => object.operations.getAll);
