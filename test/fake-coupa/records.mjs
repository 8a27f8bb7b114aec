// Writes through the API: key normalisation, reference resolution, validation, defaults and
// derived totals, shared by create, update and the create-style actions.
import {
	createRouteOf,
	isExportable,
	modelOf,
	OBJECTS,
	stateKeyOf,
	statusValuesOf,
} from './catalog.mjs';
import { ApiError } from './http.mjs';
import { embed, REFERENCES } from './reference-data.mjs';
import { LINKS } from './store.mjs';

const READ_ONLY = new Set(['id', 'created-at', 'updated-at', 'created-by', 'updated-by']);

/** Hyphenate every key, recursively: input may use `invoice_number` or `invoice-number`. */
export function normalizeKeys(value) {
	if (Array.isArray(value)) return value.map(normalizeKeys);
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value).map(([key, v]) => [key.replace(/_/g, '-'), normalizeKeys(v)]),
	);
}

const isPlainObject = (value) =>
	value !== null && typeof value === 'object' && !Array.isArray(value);
const isBlank = (value) =>
	value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length);
const getPath = (record, dotted) =>
	dotted.split('.').reduce((value, key) => (isPlainObject(value) ? value[key] : undefined), record);
const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
const money = (n) => (Math.round(n * 100) / 100).toFixed(2);

/** Line-array keys of an object: the documented `lines` key, or a linked child collection. */
function lineKeyOf(path) {
	return OBJECTS.get(path)?.lines ?? LINKS.find((link) => link.parent === path)?.key;
}

/** Rails' humanize: `invoice-number` -> "Invoice number", `dispute-reason.code` -> "Dispute reason". */
const humanize = (key) => sentence(key.split('.')[0].replace(/[-_]/g, ' '));

/** Totals that Coupa derives from the lines. */
const HEADER_TOTALS = {
	purchase_orders: ['total-with-estimated-tax'],
	invoices: ['total-with-taxes', 'gross-total', 'supplier-total'],
	requisitions: ['total'],
	expense_reports: ['total'],
};

const DEFAULT_STATUS = {
	receiving_transactions: 'created',
	inventory_transactions: 'created',
	suppliers: 'draft',
};

export function createRecords(store) {
	const apiUser = () =>
		embed('users', store.rows('users').find((u) => u['api-user']) ?? store.rows('users')[0]);

	function findReference(key, spec, value) {
		if (value.id !== undefined && value.id !== null) return store.get(spec.path, value.id);
		const keys = spec.naturalKeys.filter((k) => !isBlank(value[k]));
		if (!keys.length) return undefined;
		const same = (a, b) => String(a).toLowerCase() === String(b).toLowerCase();
		return store
			.rows(spec.path)
			.find(
				(row) =>
					keys.every((k) => same(row[k], value[k])) &&
					(!isPlainObject(value['account-type']) ||
						same(row['account-type']?.name, value['account-type'].name)),
			);
	}

	/** Replace every reference (`{"supplier":{"name":"Acme"}}`) by the embedded record; collect misses. */
	function resolve(value, errors) {
		if (Array.isArray(value)) return value.map((item) => resolve(item, errors));
		if (!isPlainObject(value)) return value;
		const out = {};
		for (const [key, v] of Object.entries(value)) {
			const spec = REFERENCES[key];
			if (spec && isPlainObject(v)) {
				const found = findReference(key, spec, v);
				if (found) out[key] = embed(spec.path, found);
				else {
					const keys = Object.entries(v)
						.map(([k, x]) => `"${k}"=>${JSON.stringify(x)}`)
						.join(', ');
					errors.push(
						`Unable to find valid ${modelOf(spec.path).className} record for ${key.replace(/-/g, '_')} with keys {${keys}}`,
					);
				}
			} else out[key] = key === 'custom-fields' ? v : resolve(v, errors);
		}
		return out;
	}

	function uniquenessErrors(path, record, selfId) {
		const taken = (key) =>
			!isBlank(record[key]) &&
			store
				.rows(path)
				.some(
					(row) =>
						row.id !== selfId &&
						String(row[key]).toLowerCase() === String(record[key]).toLowerCase(),
				);
		const keys = { suppliers: ['name'], users: ['login', 'email'] }[path] ?? [];
		return keys.filter(taken).map((key) => `${sentence(key)} has already been taken`);
	}

	/** The inputs the docs require on create (contract table), checked like Rails validations. */
	function requiredErrors(path, record) {
		const required = createRouteOf(path)?.required ?? [];
		return required
			.filter((key) => isBlank(getPath(record, key)))
			.map((key) => `${humanize(key)} can't be blank`);
	}

	const fail = (path, messages) => {
		if (messages.length) throw new ApiError(400, { [modelOf(path).model]: messages });
	};

	/** Line ids (for arrays without their own collection), line numbers and line totals. */
	function deriveLines(path, record) {
		const key = lineKeyOf(path);
		const lines = record[key];
		if (!Array.isArray(lines)) return;
		const linked = LINKS.some((link) => link.parent === path);
		lines.forEach((line, i) => {
			if (!linked && line.id === undefined) line.id = store.nextLineId(key);
			if (line['line-num'] === undefined && path !== 'expense_reports') line['line-num'] = i + 1;
			const price = line.price ?? line['unit-price'];
			if (line.total === undefined && price !== undefined) {
				line.total = money(Number(price) * (isBlank(line.quantity) ? 1 : Number(line.quantity)));
			}
		});
		const totals = HEADER_TOTALS[path];
		if (totals) {
			const sum = money(lines.reduce((s, line) => s + Number(line.total ?? line.amount ?? 0), 0));
			totals.forEach((total) => (record[total] = sum));
		}
		if (path === 'invoices') record['line-count'] = lines.length;
	}

	/** Fields Coupa computes: account codes, full names. */
	function derive(path, record) {
		deriveLines(path, record);
		if (path === 'accounts' || path === 'budget_lines') {
			record.code = [1, 2, 3, 4]
				.map((n) => record[`segment-${n}`])
				.filter((s) => !isBlank(s))
				.join('-');
			if (path === 'accounts' && isBlank(record.name)) record.name = record.code;
		}
		if (path === 'users')
			record.fullname = `${record.firstname ?? ''} ${record.lastname ?? ''}`.trim();
	}

	function defaults(path) {
		const record = {};
		const statuses = statusValuesOf(path);
		const status = DEFAULT_STATUS[path] ?? (statuses.includes('draft') ? 'draft' : statuses[0]);
		if (status) record[stateKeyOf(path)] = status;
		if (path === 'users') record.active = true;
		if (isExportable(path)) Object.assign(record, { exported: false, 'last-exported-at': null });
		record['custom-fields'] = {};
		return record;
	}

	/** Validate and insert a new record (POST). `overrides` win over the input (e.g. status). */
	function create(path, body, overrides = {}) {
		const errors = [];
		const input = resolve(normalizeKeys(isPlainObject(body) ? body : {}), errors);
		READ_ONLY.forEach((key) => delete input[key]);
		const record = { ...defaults(path), ...input, ...overrides };
		fail(path, [...requiredErrors(path, record), ...errors, ...uniquenessErrors(path, record)]);
		derive(path, record);
		const by = apiUser();
		return store.insert(path, { ...record, 'created-by': by, 'updated-by': by });
	}

	/** Merge an update (PUT): lines merge by id, `_delete: true` removes a line. */
	function update(path, record, body) {
		const errors = [];
		const input = resolve(normalizeKeys(isPlainObject(body) ? body : {}), errors);
		READ_ONLY.forEach((key) => delete input[key]);
		const key = lineKeyOf(path);
		if (Array.isArray(input[key])) input[key] = mergeLines(path, record[key] ?? [], input[key]);
		fail(path, [...errors, ...uniquenessErrors(path, { ...record, ...input }, record.id)]);
		const merged = { ...record, ...input };
		derive(path, merged);
		return store.update(path, record.id, { ...merged, 'updated-by': apiUser() });
	}

	function mergeLines(path, existing, incoming) {
		const lines = [...existing];
		for (const line of incoming) {
			const current = line.id !== undefined && lines.find((l) => l.id === Number(line.id));
			// `_delete` arrives hyphenated by normalizeKeys.
			if (current && line['-delete']) {
				lines.splice(lines.indexOf(current), 1);
				store.removeLine(path, current);
			} else if (current) Object.assign(current, line, { id: current.id });
			else lines.push({ ...line, id: undefined });
		}
		return lines;
	}

	return { create, update, derive, apiUser };
}
