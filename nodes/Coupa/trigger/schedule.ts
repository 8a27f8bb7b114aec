import type { IDataObject } from 'n8n-workflow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Allowance for a poll that starts late and for n8n's clock running ahead of Coupa's. */
const MARGIN_MS = MINUTE;

/** Longest gap between two polls for one Poll Times entry (n8n-workflow `toCronExpression`). */
function gapOf(item: IDataObject): number {
	switch (item.mode) {
		case 'everyMinute':
			return MINUTE;
		case 'everyHour':
			return HOUR;
		case 'everyX':
			return Math.max(1, Number(item.value) || 1) * (item.unit === 'hours' ? HOUR : MINUTE);
		case 'everyWeek':
			return 7 * DAY;
		case 'everyMonth':
			return 31 * DAY;
		default:
			// everyDay, and custom cron expressions, which we do not parse.
			return DAY;
	}
}

/**
 * How far before "now" a trigger without a cursor starts when no Start From date is set.
 *
 * n8n polls once at activation and, with staged cursors, does not save the cursor when that poll
 * returns nothing; the next scheduled poll then starts without a cursor again. Starting each
 * cursor-less poll one schedule gap (plus a margin) in the past makes the first saved cursor
 * reach back past the activation, so nothing changed in between is lost. The price: the first
 * poll may also emit changes made up to one gap before activation.
 */
export function startLookbackMs(pollTimes: unknown): number {
	const items = ((pollTimes as IDataObject | undefined)?.item ?? []) as IDataObject[];
	const gaps = items.map(gapOf);
	// The next poll comes from whichever entry fires first, so the shortest gap bounds the wait.
	return (gaps.length ? Math.min(...gaps) : MINUTE) + MARGIN_MS;
}
