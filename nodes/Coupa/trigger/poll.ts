import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { objectByResource, scopesFor, statusKeyOf } from '../catalog';
import { operationLabel, withArticle } from '../helpers/labels';
import { simplifyRecord } from '../helpers/simplify';
import type { CallContext } from '../transport/errorMessages';
import { itemsInFlight } from '../transport/latency';
import { coupaPaginate, DEFAULT_PAGE_WINDOW } from '../transport/paginate';
import { limiterFor } from '../transport/rateLimiter';
import { getConnection } from '../transport/request';
import { assertScopes } from '../transport/scopeCheck';
import type { EventClock, TriggerEventSpec } from './events';
import { DEFAULT_EVENT, eventByValue } from './events';
import { instantOf, queryTime, recordKey } from './instants';
import { triggerQuery } from './query';
import type { ReadQuery, UserBounds } from './readQuery';
import { userBounds } from './readQuery';
import { readRange } from './reader';
import { startLookbackMs } from './schedule';
import type { StatusMemory } from './statusMemory';
import { memoryFromJson, memoryToJson, statusTransitions } from './statusMemory';
import type { Loaded, Position } from './state';
import {
	nextPosition,
	positionFromJson,
	positionFromVersion1,
	positionToJson,
	startPosition,
	STATE_VERSION,
} from './state';

/** Pages in flight at most while a backlog is read (as Get Many's Concurrent Pages allows). */
export const MAX_TRIGGER_WINDOW = 16;

interface StatusWatch {
	key: string;
	/** Sorted, so the same choice always names the same saved memory. */
	statuses: string[];
}

interface TriggerSettings {
	object: CoupaObject;
	clock: EventClock;
	/** For events that select records moving into chosen statuses: which statuses, under which key. */
	statusWatch?: StatusWatch;
	/** The user's filters and projection as a Coupa query. */
	qs: IDataObject;
	/** The same without the user's bounds on the polled timestamp and id, which `bounds` holds. */
	pollQs: IDataObject;
	/** The user's own bounds on the polled timestamp and id, combined with the trigger's. */
	bounds: UserBounds;
	simplify: boolean;
	startFrom?: number;
	call: CallContext;
}

function readEvent(ctx: IPollFunctions): TriggerEventSpec {
	const value = ctx.getNodeParameter('event', DEFAULT_EVENT) as string;
	const event = eventByValue(value);
	if (!event) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The event "${value}" is not one this trigger offers`,
			{
				description: 'Choose an Event from the list.',
			},
		);
	}
	return event;
}

function readStatusWatch(
	ctx: IPollFunctions,
	object: CoupaObject,
	event: TriggerEventSpec,
): StatusWatch | undefined {
	if (event.selects !== 'intoWatchedStatus') return undefined;
	const statuses = [...(ctx.getNodeParameter('statuses', []) as string[])].sort();
	if (statuses.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one status to watch', {
			description: `${event.label} fires when ${withArticle(object.name.toLowerCase())} moves into one of the chosen statuses.`,
		});
	}
	return { key: statusKeyOf(object), statuses };
}

function readSettings(ctx: IPollFunctions): TriggerSettings {
	const object = objectByResource(ctx.getNodeParameter('resource') as string);
	const event = readEvent(ctx);
	const statusWatch = readStatusWatch(ctx, object, event);
	const clock = event.clock;
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const statusKey = statusKeyOf(object);
	const required = statusWatch ? [clock.query, statusWatch.key] : [clock.query];
	const startFrom = options.startFrom ? instantOf(String(options.startFrom)) : undefined;
	if (options.startFrom && startFrom === undefined) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Start From is not a date: "${String(options.startFrom)}"`,
		);
	}
	const scopes = scopesFor(object, 'getAll');
	const qs = triggerQuery(filters, String(options.fields ?? ''), required, statusKey);
	// A status event must see records leave the watched statuses too, or it could not tell a
	// return to them from an unrelated edit; the Status filter would hide exactly those changes.
	if (statusWatch) delete qs[`${statusWatch.key}[in]`];
	const split = userBounds(qs, clock);
	if (split.invalid) {
		throw new NodeOperationError(
			ctx.getNode(),
			`A filter of this trigger is not valid: ${split.invalid}`,
			{
				description: `The trigger combines filters on ${clock.query} and id with its own position, so they must be a date and a whole number.`,
			},
		);
	}
	return {
		object,
		clock,
		statusWatch,
		qs,
		pollQs: split.qs,
		bounds: split.bounds,
		simplify: Boolean(object.simplify) && (ctx.getNodeParameter('simplify', false) as boolean),
		startFrom,
		call: { operationLabel: operationLabel(object, 'Watch'), objectName: object.name, scopes },
	};
}

function toItems(settings: TriggerSettings, records: IDataObject[]): INodeExecutionData[] {
	return records.map((record) => ({
		json: settings.simplify ? simplifyRecord(settings.object, record) : record,
	}));
}

/** "Fetch test event": the newest matching record, leaving the cursor alone. */
async function newestRecord(
	ctx: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][]> {
	const { object, clock, statusWatch, call } = settings;
	const qs: IDataObject = { ...settings.qs, order_by: clock.query, dir: 'desc' };
	if (statusWatch) qs[`${statusWatch.key}[in]`] = statusWatch.statuses.join(',');
	const [newest] = await coupaPaginate(ctx, object.path, qs, { limit: 1, call });
	if (!newest) {
		const plural = object.plural.toLowerCase();
		throw new NodeOperationError(ctx.getNode(), `No ${plural} in Coupa match this trigger yet`, {
			description: `Create or change ${withArticle(object.name.toLowerCase())} in Coupa that matches the event${statusWatch ? ', statuses' : ''} and filters, then fetch a test event again; or loosen the filters.`,
		});
	}
	return [toItems(settings, [newest])];
}

/** Replaces the contents of n8n's static data object in place: n8n tracks that very object. */
function writeState(state: IDataObject, next: IDataObject): void {
	for (const key of Object.keys(state)) if (!(key in next)) delete state[key];
	Object.assign(state, next);
}

/** Where a trigger without usable state starts: Start From, or one poll interval before now. */
function startingPoint(ctx: IPollFunctions, settings: TriggerSettings, now: number): number {
	return settings.startFrom ?? now - startLookbackMs(ctx.getNodeParameter('pollTimes', {}));
}

/**
 * The saved position of this stream. Saved data that cannot be right (garbage, a position far in
 * the future, an impossible list of keys) is not trusted: the trigger starts again from its
 * starting point and says so in n8n's log, so it never stalls silently.
 */
function loadPosition(
	ctx: IPollFunctions,
	settings: TriggerSettings,
	state: IDataObject,
	stream: string,
	now: number,
): Position {
	const fresh = () => startPosition(startingPoint(ctx, settings, now));
	if (
		Object.keys(state).length === 0 ||
		(typeof state.stream === 'string' && state.stream !== stream)
	)
		return fresh();
	let loaded: Loaded;
	if (state.stream !== stream) loaded = { problem: 'it names no resource and event' };
	else if (state.version === STATE_VERSION) loaded = positionFromJson(state, now);
	else if (state.version === 1) loaded = positionFromVersion1(state.cursor, now);
	else loaded = { problem: `its version ${JSON.stringify(state.version)} is unknown` };
	const node = ctx.getNode();
	const meta = { node: node.name, workflowId: ctx.getWorkflow().id, stream };
	if (loaded.position) {
		if (loaded.note)
			ctx.logger[loaded.note.level](`Coupa Trigger "${node.name}": ${loaded.note.message}.`, meta);
		return loaded.position;
	}
	const position = fresh();
	const since = queryTime(position.from);
	ctx.logger.warn(
		`Coupa Trigger "${node.name}": the saved position could not be used (${loaded.problem}), so it was reset. ` +
			(settings.startFrom !== undefined
				? `It reads again from Start From (${since}); changes since then may be emitted again.`
				: `It reads from ${since} (one poll interval before now); changes before that which were not emitted yet are not emitted.`),
		meta,
	);
	return position;
}

/**
 * Every change since the position, within n8n's poll budget (reader.ts reads them exactly; see
 * state.ts for the position). Each poll reads the look-back window again and skips what it has
 * emitted by key. The new position is computed aside and written to static data only after
 * every request succeeded, so a failed poll changes nothing and the next one covers the same
 * window again.
 */
async function pollChanges(
	ctx: IPollFunctions,
	settings: TriggerSettings,
): Promise<INodeExecutionData[][] | null> {
	const { object, clock, statusWatch, call } = settings;
	const state = ctx.getWorkflowStaticData('node');
	// The position belongs to one collection and one timestamp; another resource or event starts over.
	const stream = `${object.resource}:${clock.query}`;
	const now = Date.now();
	const position = loadPosition(ctx, settings, state, stream, now);
	const watchedKey = statusWatch?.statuses.join(',');
	const memory: StatusMemory =
		statusWatch && state.stream === stream && state.watched === watchedKey
			? memoryFromJson(state.inStatus)
			: new Map();

	const query: ReadQuery = {
		path: object.path,
		qs: settings.pollQs,
		clock,
		call,
		bounds: settings.bounds,
	};
	const budgetMs = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	const { originKey, maxRequestsPerSecond } = await getConnection(ctx);
	const read = await readRange(ctx, query, {
		from: position.from,
		mustReach: position.to,
		now,
		started: now,
		budgetMs,
		// Enough pages in flight to keep the rate limiter busy at the latency Coupa shows.
		window: () =>
			Math.min(
				MAX_TRIGGER_WINDOW,
				Math.max(DEFAULT_PAGE_WINDOW, itemsInFlight(originKey, maxRequestsPerSecond)),
			),
		freeSlots: () => limiterFor(originKey, maxRequestsPerSecond).freeSlots(Date.now()),
		resume:
			position.insideAfter === undefined
				? undefined
				: { second: position.to, afterId: position.insideAfter },
	});

	const fresh: IDataObject[] = [];
	for (const { record, at } of read.records) {
		const key = recordKey(record.id, at);
		if (position.seen.has(key)) continue;
		position.seen.set(key, at);
		fresh.push(record);
	}
	const events = statusWatch
		? statusTransitions(fresh, new Set(statusWatch.statuses), memory, statusWatch.key)
		: fresh;

	writeState(state, {
		version: STATE_VERSION,
		stream,
		...positionToJson(nextPosition(position, read.reached, now, read.inside)),
		...(statusWatch ? { watched: watchedKey, inStatus: memoryToJson(memory) } : {}),
	});
	return events.length ? [toItems(settings, events)] : null;
}

export async function pollCoupa(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(ctx);
	await assertScopes(ctx, settings.call.scopes ?? [], settings.call.operationLabel ?? '', 0);
	if (ctx.getMode() === 'manual') return await newestRecord(ctx, settings);
	return await pollChanges(ctx, settings);
}
