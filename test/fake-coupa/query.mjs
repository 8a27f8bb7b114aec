// Coupa list semantics (docs/coupa-docs.md, "Filter operators" and "At most 50 records a
// page"): filters `attr`, `attr[op]`, nested `a[b][op]`,
// ordering with order_by/dir, offset/limit paging with limit clamped to 50.
//
// Comparison rules: values are compared by the type the RECORD holds. Numbers and decimal
// strings compare numerically, ISO timestamps as instants (both sides parsed with Date, so
// -08:00 and +05:30 compare correctly), booleans as 'true'/'false', other strings
// case-insensitively (Coupa runs on case-insensitive MySQL collations). A null or missing
// attribute only matches `[blank]=true`, so an unknown attribute matches nothing.

export const OPERATORS = new Set([
	'contains',
	'starts_with',
	'ends_with',
	'gt',
	'lt',
	'gt_or_eq',
	'lt_or_eq',
	'not_eq',
	'in',
	'not_in',
	'blank',
]);

/** Query parameters that are not filters. */
const RESERVED = new Set([
	'offset',
	'limit',
	'order_by',
	'dir',
	'fields',
	'return_object',
	'filter',
	'format',
	'show_deleted_lines',
	'reason',
]);

export const MAX_LIMIT = 50;

const hyphenate = (name) => name.replace(/_/g, '-');
const DATE_RE =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DECIMAL_RE = /^-?\d+(?:\.\d+)?$/;

/** `supplier[name][contains]` -> { path: ['supplier', 'name'], op: 'contains' } */
export function parseFilterKey(key) {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!match) return null;
	const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])].map(
		hyphenate,
	);
	let op = 'eq';
	if (path.length > 1 && OPERATORS.has(path[path.length - 1].replace(/-/g, '_')))
		op = path.pop().replace(/-/g, '_');
	return { path, op };
}

/** The value at one key; `supplier-id` falls back to `supplier.id` when the association is embedded. */
function valueOf(item, key) {
	const found = item[key];
	return found === undefined && key.endsWith('-id') ? item[key.slice(0, -3)]?.id : found;
}

/** Values at `path` in a record. Arrays fan out (`order-lines[account][code]` matches any line). */
function valuesAt(record, path) {
	// Fast path: plain nested objects (the common `supplier[name]` case) need no fan-out.
	let value = record;
	let i = 0;
	for (; i < path.length && isObject(value) && !Array.isArray(value); i++)
		value = valueOf(value, path[i]);
	if (i === path.length) return Array.isArray(value) && !value.some(isObject) ? value : [value];
	if (!Array.isArray(value)) return [];
	let current = [value];
	for (const key of path.slice(i)) {
		const next = [];
		for (const item of current.flat())
			if (isObject(item)) {
				const found = valueOf(item, key);
				if (found !== undefined) next.push(found);
			}
		current = next;
	}
	return current.flatMap((v) => (Array.isArray(v) && !v.some(isObject) ? v : [v]));
}

const isObject = (value) => value !== null && typeof value === 'object';

/**
 * How a string compares: as an instant, a number or text. Cached, because a 10,000-record
 * filter or sort would otherwise parse the same timestamps on every request.
 */
const classified = new Map();
function classify(string) {
	let kind = classified.get(string);
	if (kind === undefined) {
		const ms = DATE_RE.test(string) ? Date.parse(string) : NaN;
		if (!Number.isNaN(ms)) kind = { date: ms };
		else if (DECIMAL_RE.test(string)) kind = { number: Number(string) };
		else kind = { text: string.toLowerCase() };
		if (classified.size > 500000) classified.clear();
		classified.set(string, kind);
	}
	return kind;
}

/** A query operand parsed once per request. */
function operand(text) {
	const trimmed = String(text).trim();
	return {
		raw: trimmed,
		lower: trimmed.toLowerCase(),
		date: Date.parse(trimmed),
		number: DECIMAL_RE.test(trimmed) ? Number(trimmed) : NaN,
	};
}

const sign = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** -1/0/1 comparing a record value with a query operand, by the record value's type. */
function compare(value, q) {
	if (typeof value === 'number') return sign(value, Number(q.raw));
	if (typeof value === 'boolean') return String(value) === q.lower ? 0 : 1;
	const kind = classify(String(value));
	if (kind.date !== undefined && !Number.isNaN(q.date)) return sign(kind.date, q.date);
	if (kind.number !== undefined && !Number.isNaN(q.number)) return sign(kind.number, q.number);
	return sign(kind.text ?? String(value).toLowerCase(), q.lower);
}

const isBlank = (value) =>
	value === null ||
	value === undefined ||
	value === '' ||
	(Array.isArray(value) && value.length === 0);

/** A value test for one operator and query text. */
function matcher(op, text) {
	const q = operand(text);
	const list = () => String(text).split(',').map(operand);
	const lower = (value) => String(value).toLowerCase();
	switch (op) {
		case 'eq':
			return (v) => compare(v, q) === 0;
		case 'not_eq':
			return (v) => compare(v, q) !== 0;
		case 'gt':
			return (v) => compare(v, q) > 0;
		case 'lt':
			return (v) => compare(v, q) < 0;
		case 'gt_or_eq':
			return (v) => compare(v, q) >= 0;
		case 'lt_or_eq':
			return (v) => compare(v, q) <= 0;
		case 'contains':
			return (v) => lower(v).includes(q.lower);
		case 'starts_with':
			return (v) => lower(v).startsWith(q.lower);
		case 'ends_with':
			return (v) => lower(v).endsWith(q.lower);
		case 'in': {
			const items = list();
			return (v) => items.some((item) => compare(v, item) === 0);
		}
		case 'not_in': {
			const items = list();
			return (v) => items.every((item) => compare(v, item) !== 0);
		}
		default:
			return () => false;
	}
}

/** A predicate for one `key=value` filter, or null when the key is not a filter. */
export function compileFilter(key, text) {
	if (RESERVED.has(key)) return null;
	const parsed = parseFilterKey(key);
	if (!parsed) return null;
	const { path, op } = parsed;
	if (op === 'blank') {
		const wantBlank = String(text).toLowerCase() === 'true';
		return (record) => valuesAt(record, path).every(isBlank) === wantBlank;
	}
	const test = matcher(op, text);
	return (record) => valuesAt(record, path).some((value) => !isBlank(value) && test(value));
}

/** Sort key for order_by: instants for timestamps, numbers for decimals, lower-case text. */
function sortKey(value) {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number' || typeof value === 'boolean') return Number(value);
	if (typeof value === 'object') return null;
	const kind = classify(String(value));
	return kind.date ?? kind.number ?? kind.text;
}

/**
 * Filter, order and page `rows` (id ascending) per the query. Sorts once, on a precomputed key,
 * so 10,000 records answer in a few ms. Records that share the sort key come back by id, or,
 * with `shuffleTies`, in a fresh random order on every call: Coupa documents no order among
 * them (docs/coupa-docs.md, "No documented order within a second"), so a client must not rely
 * on one.
 */
export function listQuery(rows, params, { shuffleTies = false } = {}) {
	const predicates = [];
	for (const [key, value] of params) {
		const predicate = compileFilter(key, value);
		if (predicate) predicates.push(predicate);
	}
	let result = predicates.length
		? rows.filter((record) => predicates.every((p) => p(record)))
		: rows;

	const orderBy = params.get('order_by');
	const desc = (params.get('dir') ?? 'asc').toLowerCase() === 'desc';
	if (orderBy && hyphenate(orderBy) !== 'id') {
		const path = hyphenate(orderBy).split('.');
		const keyed = result.map((record) => [
			sortKey(valuesAt(record, path)[0]),
			record,
			shuffleTies ? Math.random() : record.id,
		]);
		keyed.sort(([a, , ta], [b, , tb]) => {
			if (a !== b) {
				// Nulls sort first ascending (MySQL), last descending.
				if (a === null) return desc ? 1 : -1;
				if (b === null) return desc ? -1 : 1;
				if (a < b) return desc ? 1 : -1;
				if (a > b) return desc ? -1 : 1;
			}
			return ta - tb; // ties: id ascending whatever the direction, or shuffled
		});
		result = keyed.map(([, record]) => record);
	} else if (desc) {
		result = result.slice().reverse();
	}

	const offset = Math.max(0, Number.parseInt(params.get('offset') ?? '0', 10) || 0);
	const requested = Number.parseInt(params.get('limit') ?? String(MAX_LIMIT), 10);
	const limit = Math.min(MAX_LIMIT, Math.max(1, Number.isNaN(requested) ? MAX_LIMIT : requested));
	return result.slice(offset, offset + limit);
}
