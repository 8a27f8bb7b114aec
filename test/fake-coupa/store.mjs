// In-memory records per collection path, kept sorted by id (Coupa's default order), plus the
// links that keep embedded line arrays and their own collections in step: a purchase order's
// `order-lines` ARE the records of /purchase_order_lines (same object instances), and an
// expense report's `expense-lines` are the records of /expense_lines.
import { formatTimestamp, INSTANCE_OFFSET } from './clock.mjs';

export const LINKS = [
	{
		parent: 'purchase_orders',
		key: 'order-lines',
		child: 'purchase_order_lines',
		fk: 'order-header-id',
	},
	{
		parent: 'expense_reports',
		key: 'expense-lines',
		child: 'expense_lines',
		fk: 'expense-report-id',
	},
];

const linkByParent = new Map(LINKS.map((link) => [link.parent, link]));
const linkByChild = new Map(LINKS.map((link) => [link.child, link]));

/** Move `id` to the front in place (Coupa prints it first), keeping the object's identity for links. */
function idFirst(record) {
	const entries = Object.entries(record);
	entries.forEach(([key]) => delete record[key]);
	record.id = entries.find(([key]) => key === 'id')[1];
	entries.forEach(([key, value]) => key !== 'id' && (record[key] = value));
}

export function createStore(clock) {
	/** path -> { rows: record[] sorted by id, byId: Map, nextId } */
	const collections = new Map();
	/** Id sequences for embedded lines that have no collection of their own (invoice-lines...). */
	const sequences = new Map();

	const collection = (path) => {
		let c = collections.get(path);
		if (!c) {
			c = { rows: [], byId: new Map(), nextId: 1 };
			collections.set(path, c);
		}
		return c;
	};

	/** Index of the first row with id >= `id` (binary search). */
	const indexOf = (rows, id) => {
		let lo = 0;
		let hi = rows.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (rows[mid].id < id) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};

	const stamp = (at) =>
		typeof at === 'string' ? at : formatTimestamp(at ?? clock.now(), INSTANCE_OFFSET);

	/** Insert without link handling. */
	function put(path, record) {
		const c = collection(path);
		if (record.id === undefined || record.id === null) record.id = c.nextId;
		if (Object.keys(record)[0] !== 'id') idFirst(record);
		if (c.byId.has(record.id)) throw new Error(`${path}: duplicate id ${record.id}`);
		c.nextId = Math.max(c.nextId, record.id + 1);
		const now = stamp();
		if (!record['created-at']) record['created-at'] = now;
		if (!record['updated-at']) record['updated-at'] = record['created-at'];
		const at =
			c.rows.length && c.rows[c.rows.length - 1].id > record.id
				? indexOf(c.rows, record.id)
				: c.rows.length;
		c.rows.splice(at, 0, record);
		c.byId.set(record.id, record);
		return record;
	}

	function drop(path, id) {
		const c = collection(path);
		const record = c.byId.get(id);
		if (!record) return undefined;
		c.byId.delete(id);
		c.rows.splice(indexOf(c.rows, id), 1);
		return record;
	}

	/** Give embedded lines ids and store them in their own collection (shared instances). */
	function adoptLines(link, parent) {
		const lines = parent[link.key];
		if (!Array.isArray(lines)) return;
		for (const line of lines) {
			line[link.fk] = parent.id;
			if (!collection(link.child).byId.has(line.id)) put(link.child, line);
		}
	}

	const store = {
		/** All records of a path, id ascending (a copy: safe to sort or filter). */
		list: (path) => collection(path).rows.slice(),
		/** The live sorted rows (no copy): for the server's own read paths. */
		rows: (path) => collection(path).rows,
		get: (path, id) => collection(path).byId.get(Number(id)),
		count: (path) => collection(path).rows.length,
		paths: () => [...collections.keys()],
		/** Next id for an embedded line array without its own collection. */
		nextLineId(key) {
			const id = sequences.get(key) ?? 1;
			sequences.set(key, id + 1);
			return id;
		},
		/** Assigns id, created-at and updated-at unless given; keeps linked lines in step. */
		insert(path, record) {
			put(path, record);
			const parentLink = linkByParent.get(path);
			if (parentLink) adoptLines(parentLink, record);
			const childLink = linkByChild.get(path);
			if (childLink) {
				const parent = store.get(childLink.parent, record[childLink.fk]);
				if (parent && !(parent[childLink.key] ?? []).includes(record)) {
					parent[childLink.key] = [...(parent[childLink.key] ?? []), record];
				}
			}
			return record;
		},
		/**
		 * Merges `changes` into the record IN PLACE (so embedded views see it) and bumps
		 * `updated-at` to `at` (ISO string or ms) or the clock.
		 */
		update(path, id, changes = {}, { at } = {}) {
			const record = store.get(path, id);
			if (!record) return undefined;
			Object.assign(record, changes, { id: record.id, 'updated-at': stamp(at) });
			const parentLink = linkByParent.get(path);
			if (parentLink && changes[parentLink.key]) adoptLines(parentLink, record);
			return record;
		},
		remove(path, id) {
			const record = drop(path, Number(id));
			if (!record) return undefined;
			const parentLink = linkByParent.get(path);
			if (parentLink)
				(record[parentLink.key] ?? []).forEach((line) => drop(parentLink.child, line.id));
			const childLink = linkByChild.get(path);
			if (childLink) {
				const parent = store.get(childLink.parent, record[childLink.fk]);
				if (parent)
					parent[childLink.key] = (parent[childLink.key] ?? []).filter((line) => line !== record);
			}
			return record;
		},
		/** Drop a line removed from its parent's array from its own collection (`_delete` on update). */
		removeLine(parentPath, line) {
			const link = linkByParent.get(parentPath);
			if (link) drop(link.child, line.id);
		},
		clear() {
			collections.clear();
			sequences.clear();
		},
	};
	return store;
}
