import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { objectByResource, scopesFor, statusKeyOf } from '../catalog';
import { operationLabel, withArticle } from '../shared/labels';
import { simplifyRecord } from '../shared/simplify';
import type { CallContext } from '../transport/errorMessages';
import { coupaPaginate, DEFAULT_PAGE_WINDOW } from '../transport/paginate';
import { assertScopes } from '../transport/scopeCheck';
import { advance, cursorFromJson, cursorToJson, instantOf, startCursor } from './cursor';
import type { EventClock, StatusMemory, TriggerEvent } from './events';
import { clockOf, memoryFromJson, memoryToJson, statusTransitions } from './events';
import { triggerQuery } from './query';
import { readStep } from './readAhead';
import { startLookbackMs } from './schedule';

interface TriggerSettings {
	object: CoupaObject;
	event: TriggerEvent;
	clock: EventClock;
	watched: string[];
	qs: IDataObject;
	simplify: boolean;
	startFrom?: number;
	call: CallContext;
}

function readSettings(ctx: IPollFunctions): TriggerSettings {
	const object = objectByResource(ctx.getNodeParameter('resource') as string);
	const event = ctx.getNodeParameter('event', 'updated') as TriggerEvent;
	const watched = event === 'statusChanged' ? [...(ctx.getNodeParameter('statuses', []) as string[])].sort() : [];
	if (event === 'statusChanged' && watched.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one status to watch', {
			description: `Status Changed fires when ${withArticle(object.name.toLowerCase())} moves into one of the chosen statuses.`,
		});
	}
	const clock = clockOf(event);
	const filters = ctx.getNodeParameter('filters', {}) as IDataObject;
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const statusKey = statusKeyOf(object);
	const required = event === 'statusChanged' ? [clock.query, statusKey] : [clock.query];
	const startFrom = options.startFrom ? instantOf(String(options.startFrom)) : undefined;
	if (options.startFrom && startFrom === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Start From is not a date: "${String(options.startFrom)}"`);
	}
	const scopes = scopesFor(object, 'getAll');
	const qs = triggerQuery(filters, String(options.fields ?? ''), required, statusKey);
	// Status Changed must see records leave the watched statuses too, or it could not tell a
	// return to them from an unrelated edit; the Status filter would hide exactly those changes.
	if (event === 'statusChanged') delete qs[`${statusKey}[in]`];
	return {
		object,
		event,
		clock,
		watched,
		qs,
		simplify: Boolean(object.simplify) && (ctx.getNodeParameter('simplify', false) as boolean),
		startFrom,
		call: { operationLabel: operationLabel(object, 'Watch'), objectName: object.name, scopes },
	};
}

function toItems(settings: TriggerSettings, records: IDataObject[]): INodeExecutionData[] {
	return records.map((record) => ({ json: settings.simplify ? simplifyRecord(settings.object, record) : record }));
}

/** "Fetch test event": the newest matching record, leaving the cursor alone. */
async function newestRecord(ctx: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][]> {
	const { object, clock, watched, call } = settings;
	const qs: IDataObject = { ...settings.qs, order_by: clock.query, dir: 'desc' };
	if (watched.length) qs[`${statusKeyOf(object)}[in]`] = watched.join(',');
	const [newest] = await coupaPaginate(ctx, object.path, qs, { limit: 1, call });
	if (!newest) {
		const plural = object.plural.toLowerCase();
		throw new NodeOperationError(ctx.getNode(), `No ${plural} in Coupa match this trigger yet`, {
			description: `Create or change ${withArticle(object.name.toLowerCase())} in Coupa that matches the event${watched.length ? ', statuses' : ''} and filters, then fetch a test event again; or loosen the filters.`,
		});
	}
	return [toItems(settings, [newest])];
}

/** Replaces the contents of n8n's static data object in place: n8n tracks that very object. */
function writeState(state: IDataObject, next: IDataObject): void {
	for (const key of Object.keys(state)) if (!(key in next)) delete state[key];
	Object.assign(state, next);
}

/**
 * Every change since the cursor, within n8n's poll budget. The new cursor is computed aside and
 * written to static data only after every request succeeded, so a failed poll changes nothing
 * and the next one covers the same window again.
 */
async function pollChanges(ctx: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][] | null> {
	const { object, clock, event, call } = settings;
	const state = ctx.getWorkflowStaticData('node');
	// The cursor belongs to one collection and one timestamp; another resource or event starts over.
	const stream = `${object.resource}:${clock.query}`;
	const stored = state.stream === stream ? cursorFromJson(state.cursor) : undefined;
	let cursor =
		stored ?? startCursor(settings.startFrom ?? Date.now() - startLookbackMs(ctx.getNodeParameter('pollTimes', {})));
	const watchedKey = settings.watched.join(',');
	const memory: StatusMemory =
		event === 'statusChanged' && state.watched === watchedKey ? memoryFromJson(state.inStatus) : new Map();

	const budgetMs = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : undefined;
	const started = Date.now();
	let slowestStep = 0;
	const events: IDataObject[] = [];
	// Pages read ahead per step: one at first, so a quiet poll costs one request, doubling while
	// the pages agree (readAhead.ts) up to the paging window, back to one after a shift.
	let window = 1;
	for (;;) {
		const stepStarted = Date.now();
		// Always from T with an offset inside T's group, never a running offset: records that
		// change while we page cannot shift unseen ones past us.
		const qs = { ...settings.qs, [`${clock.query}[gt_or_eq]`]: new Date(cursor.atMs).toISOString(), order_by: clock.query, dir: 'asc' };
		const read = await readStep(ctx, { path: object.path, qs, timestampKey: clock.key, call }, cursor, window);
		const step = advance(cursor, read.records, clock.key);
		cursor = step.cursor;
		events.push(...(event === 'statusChanged' ? statusTransitions(step.fresh, new Set(settings.watched), memory, statusKeyOf(object)) : step.fresh));
		// The newest record was read. Or nothing new came: that cannot happen unless Coupa reorders
		// or pages disagreed at the boundary; stopping avoids looping, the next poll reads on.
		if (!read.more || step.fresh.length === 0) break;
		window = read.whole ? Math.min(DEFAULT_PAGE_WINDOW, window * 2) : 1;
		slowestStep = Math.max(slowestStep, Date.now() - stepStarted);
		// Leave the rest of a large backlog to the next poll rather than overrun n8n's budget.
		if (budgetMs !== undefined && Date.now() - started + slowestStep > budgetMs) break;
	}

	writeState(state, {
		version: 1,
		stream,
		cursor: cursorToJson(cursor),
		...(event === 'statusChanged' ? { watched: watchedKey, inStatus: memoryToJson(memory) } : {}),
	});
	return events.length ? [toItems(settings, events)] : null;
}

export async function pollCoupa(ctx: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(ctx);
	await assertScopes(ctx, settings.call.scopes ?? [], settings.call.operationLabel ?? '', 0);
	if (ctx.getMode() === 'manual') return await newestRecord(ctx, settings);
	return await pollChanges(ctx, settings);
}
