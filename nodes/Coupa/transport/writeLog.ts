/**
 * The writes each item of a run sent, per execution: Coupa confirmed them (`applied`), or their
 * answer was lost (`applied: false`, the change may have been made). A run that stops on a
 * failure names them, so nothing is applied without the builder knowing.
 */
export interface LoggedWrite {
	/** e.g. `PUT /api/invoices/12`, or `POST /api/suppliers → id 812` */
	request: string;
	applied: boolean;
}

export type WriteLog = Map<number, LoggedWrite[]>;

const logs = new WeakMap<object, WriteLog>();

/** Starts logging the writes sent with `ctx` (the node's execution context). */
export function startWriteLog(ctx: object): WriteLog {
	const log: WriteLog = new Map();
	logs.set(ctx, log);
	return log;
}

/** Notes a write of item `itemIndex`, if its context keeps a log. */
export function noteWrite(
	ctx: object,
	itemIndex: number | undefined,
	request: string,
	applied: boolean,
): void {
	const log = logs.get(ctx);
	if (!log || itemIndex === undefined) return;
	const list = log.get(itemIndex) ?? [];
	list.push({ request, applied });
	log.set(itemIndex, list);
}
