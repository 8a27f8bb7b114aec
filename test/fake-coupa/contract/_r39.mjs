// Every operation of Coupa's R39 OpenAPI specs as a contract row, read from the table that
// scripts/coupa-specs/generate.mjs wrote from the specs and the OAuth scope map
// (_r39.generated.mjs). Hand-written area rows (Compass pages, with their notes) win over these
// where both describe the same method and path; index.mjs does the merge.
import { R39_OPERATIONS } from './_r39.generated.mjs';
import { SCOPE_MAP } from './_rows.mjs';

const isParam = (part) => part.startsWith('{');

const lines = R39_OPERATIONS.split('\n').filter(Boolean);
const PATHS = new Set(lines.map((line) => line.split('\t')[1]));

/**
 * What a path acts on, read the way the generator reads it: `/api/suppliers/{supplier_id}/supplier_sites`
 * is the `supplier_sites` collection below a supplier; `/api/projects/{id}/draft` the `draft`
 * action of a project; `/api/payables/invoices` the `payables/invoices` collection.
 */
function shapeOf(path) {
	const parts = path.replace(/^\/api\//, '').split('/');
	const last = parts.at(-1);
	let chain = parts;
	let action;
	let member = false;
	let idParam;
	if (isParam(last)) {
		member = true;
		idParam = last.slice(1, -1);
		chain = parts.slice(0, -1);
	} else if (parts.length > 1 && !PATHS.has(`${path}/{id}`)) {
		const rest = parts.slice(0, -1);
		if (!(rest.length === 1 && !PATHS.has(`/api/${rest[0]}`))) {
			action = last;
			member = isParam(rest.at(-1));
			if (member) idParam = rest.at(-1).slice(1, -1);
			chain = member ? rest.slice(0, -1) : rest;
		}
	}
	// A collection below a parent record: `suppliers/{supplier_id}/supplier_sites`.
	const paramAt = chain.findLastIndex(isParam);
	const collection = paramAt === -1 ? chain.join('/') : chain.slice(paramAt + 1).join('/');
	const parent =
		paramAt === -1
			? undefined
			: {
					path: chain
						.slice(0, paramAt)
						.filter((part) => !isParam(part))
						.join('/'),
					key: chain[paramAt].slice(1, -1).replace(/_/g, '-'),
				};
	return { collection, member, action, parent, idParam };
}

function opOf(method, { member, action }) {
	if (action) return action;
	if (method === 'GET') return member ? 'get' : 'getAll';
	if (method === 'POST') return 'create';
	if (method === 'DELETE') return 'delete';
	return 'update';
}

const words = (cell) => (cell === '-' ? [] : cell.split(' '));

/** The rows: { collection, op, method, path, scopes, required, source, scopeSource, summary, parent? }. */
export const R39_ROUTES = lines.map((line) => {
	const [method, path, file, scopes, sections, required, summary] = line.split('\t');
	const shape = shapeOf(path);
	return {
		collection: shape.collection,
		op: opOf(method, shape),
		method,
		path,
		scopes: words(scopes),
		required: words(required),
		source: `${file} paths.${path.replace(/^\/api/, '')} ${method.toLowerCase()}`,
		scopeSource:
			sections === '-'
				? 'none: the scope map names no scope for this route'
				: `${SCOPE_MAP} ${words(sections)
						.map((s) => `§${s}`)
						.join(', ')}`,
		summary,
		...(shape.parent ? { parent: shape.parent } : {}),
		// The placeholder that names the record (`{quote_request_id}` as well as `{id}`).
		...(shape.idParam && shape.idParam !== 'id' ? { idParam: shape.idParam } : {}),
		r39: true,
	};
});
