// The /api router: resolves a request to a documented route of the contract table (./contract/)
// or a lookup, checks the bearer token and the route's documented scopes, then lists, reads,
// writes or runs the action.
import { LOOKUPS, modelOf, OBJECTS, ROUTES } from './catalog.mjs';
import { ApiError } from './http.mjs';
import { parseFields, ProjectionError, shapeRecord } from './projection.mjs';
import { listQuery } from './query.mjs';
import { pdfBytes } from './actions.mjs';
import { files, findAttachment } from './attachments.mjs';

const plural = (name) =>
	name.endsWith('s') ? `${name}es` : name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`;
const isId = (segment) => /^\d+$/.test(segment ?? '');

/** Route patterns, split once: `/api/purchase_orders/{id}/issue` -> ['purchase_orders', '{id}', 'issue']. */
const PATTERNS = ROUTES.flatMap((row) => {
	const path = row.path.replace(/^\/api\//, '');
	// R39 writes an optional last segment as `image(/{style})`: the route with and without it.
	const forms = /\(\/\{[^}]+\}\)$/.test(path)
		? [path.replace(/\(\/(\{[^}]+\})\)$/, '/$1'), path.replace(/\(\/\{[^}]+\}\)$/, '')]
		: [path];
	return forms.map((form) => ({ row, parts: form.split('/') }));
});

/** Where the fake serves attachment files (the target of an attachment's `file-url`). Not a Coupa route. */
export const FILE_ROUTE = 'attachment_files';

/**
 * Resolve `/api/<segments...>` + method to { path, row, operation, id, subId, parentId, scopes }
 * or null (no route). A route with a documented query (`?exported=true`) wins over the same path
 * without one. PATCH updates like PUT.
 */
export function resolveRoute(method, segments, params) {
	const [collection, ...rest] = segments;
	const documented = resolveDocumented(method, segments, params);
	if (documented) return documented;
	// Reference lists the contract does not document as a resource: read only.
	const lookup = LOOKUPS.get(collection);
	if (lookup) {
		if (method !== 'GET' || rest.length > 1 || (rest.length === 1 && !isId(rest[0]))) return null;
		return {
			path: collection,
			scopes: lookup.scopes,
			operation: rest.length ? 'get' : 'getAll',
			id: rest[0],
		};
	}
	return null;
}

function resolveDocumented(method, segments, params) {
	// PATCH: a documented PATCH route, or else the update a PUT documents.
	const matches = [];
	for (const { row, parts } of PATTERNS) {
		if (parts.length !== segments.length) continue;
		const verbMatches =
			row.method === method || (method === 'PATCH' && row.method === 'PUT' && row.op === 'update');
		if (!verbMatches) continue;
		const values = {};
		const same = parts.every((part, i) => {
			if (part.startsWith('{')) {
				values[part.slice(1, -1)] = segments[i];
				return isId(segments[i]);
			}
			return part === segments[i];
		});
		const query = Object.entries(row.query ?? {});
		if (same && query.every(([key]) => params.has(key)))
			matches.push({ row, values, specific: query.length });
	}
	if (!matches.length) return null;
	// A documented query wins, then a route the area files describe over a bare R39 row.
	const { row, values } = matches.sort(
		(a, b) => b.specific - a.specific || Number(!!a.row.r39) - Number(!!b.row.r39),
	)[0];
	const parentId = row.op === 'create' ? Object.values(values)[0] : undefined;
	const idParam = row.idParam ?? 'id';
	const subId = Object.entries(values).find(
		([name]) => name !== idParam && !(row.op === 'create'),
	)?.[1];
	return {
		path: row.collection,
		row,
		operation: row.op,
		id: values[idParam],
		subId,
		parentId,
		scopes: row.scopes,
	};
}

const STANDARD = new Set(['getAll', 'get', 'create', 'update', 'delete', 'markExported']);

export function createApi({ store, auth, records, actions, clock, scopeDeniedStatus, faults }) {
	/** The bytes behind an attachment's `file-url` (any valid token; Coupa's file host is not documented). */
	function sendFile(id, respond) {
		const found = findAttachment(store, id);
		if (!found || found.attachment.type !== 'AttachmentFile')
			return respond.errors(404, { base: [`Couldn't find Attachment with 'id'=${id}`] });
		const { path, attachment } = found;
		const name = attachment['file-name'];
		const uploaded = files(store).get(attachment.id);
		if (uploaded)
			return respond.bytes(200, uploaded.bytes, {
				'Content-Type': uploaded.contentType,
				'Content-Disposition': `attachment; filename="${name}"`,
			});
		const document = store.get(path, attachment['attachable-id']);
		const title =
			document?.name ??
			document?.['invoice-number'] ??
			document?.['po-number'] ??
			modelOf(path).className;
		const bytes = pdfBytes(`${title}: ${name}`);
		return respond.bytes(200, bytes, {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="${name}"`,
		});
	}

	/** Handle one /api request; the caller has applied faults already. */
	return function handleApi(
		{ method, segments, params, body, bodyInvalid, headers, origin = '' },
		respond,
	) {
		const token = auth.authenticate(headers.authorization);
		if (!token)
			return respond.errors(
				401,
				{ base: ['Invalid or expired access token'] },
				{ 'WWW-Authenticate': 'Bearer error="invalid_token"' },
			);

		if (segments[0] === FILE_ROUTE && method === 'GET' && segments.length === 2)
			return sendFile(segments[1], respond);
		const route = resolveRoute(method, segments, params);
		if (!route)
			return respond.errors(404, {
				base: [`No route matches [${method}] "/api/${segments.join('/')}"`],
			});
		// Where the docs name no scope, any valid token may call (Coupa decides; see contract rows).
		if (route.scopes.length && !route.scopes.some((scope) => token.scopes.includes(scope))) {
			return respond.errors(scopeDeniedStatus, {
				base: [`Access denied: missing scope ${route.scopes[0]}`],
			});
		}

		const names = { root: plural(modelOf(route.path).xml), item: modelOf(route.path).xml };
		const write = method !== 'GET';
		try {
			if (bodyInvalid) throw new ApiError(400, { base: [`Invalid JSON body: ${bodyInvalid}`] });
			const shape = {
				fields: parseFields(params.get('fields')),
				returnObject: params.get('return_object'),
				write,
			};
			const one = (status, record) => respond.payload(status, shapeRecord(record, shape), names);
			const many = (records, listNames) => {
				// DOC (XMLvsJSON): an XML list with no records is a 404 "No results match your search criteria."
				if (!records.length && !respond.json)
					return respond.errors(404, { base: ['No results match your search criteria.'] });
				return respond.payload(
					200,
					records.map((r) => shapeRecord(r, shape)),
					listNames,
				);
			};

			// An R39 collection below a parent record lists that parent's records only.
			const below = route.row?.parent;
			if (route.operation === 'getAll') {
				const rows =
					below && route.subId !== undefined
						? store.rows(route.path).filter((r) => String(r[below.key]) === route.subId)
						: store.rows(route.path);
				return many(listQuery(rows, params, { shuffleTies: faults?.tiesShuffled() }), names);
			}
			if (route.operation === 'create') {
				const parent = OBJECTS.get(route.path)?.parent ?? below;
				if (parent && route.parentId !== undefined) {
					if (!store.get(parent.path, route.parentId))
						throw new ApiError(404, {
							base: [`Couldn't find ${modelOf(parent.path).className} with 'id'=${route.parentId}`],
						});
					return one(
						201,
						records.create(route.path, body, { [parent.key]: Number(route.parentId) }),
					);
				}
				return one(201, records.create(route.path, body));
			}

			const runAction = (record) => {
				const result = actions.run({
					path: route.path,
					op: route.operation,
					row: route.row,
					record,
					subId: route.subId,
					query: params,
					body,
					origin,
				});
				if (result.list)
					return many(result.list, result.names ?? { root: 'attachments', item: 'attachment' });
				if (result.raw)
					return respond.payload(
						result.status,
						result.raw,
						result.names ?? { root: 'attachments', item: 'attachment' },
					);
				if (result.bytes) return respond.bytes(result.status, result.bytes, result.headers);
				return one(result.status, result.payload);
			};
			// Collection actions (e.g. POST /requisitions/submit_for_approval) have no record.
			if (!STANDARD.has(route.operation) && route.id === undefined) return runAction(null);

			const record = store.get(route.path, route.id);
			if (!record)
				throw new ApiError(404, {
					base: [`Couldn't find ${modelOf(route.path).className} with 'id'=${route.id}`],
				});

			switch (route.operation) {
				case 'get':
					return one(200, record);
				case 'update':
					return one(200, records.update(route.path, record, body));
				case 'delete':
					store.remove(route.path, record.id);
					return one(200, record);
				case 'markExported': {
					// Coupa ignores any body here: the flag change is its own request.
					const exported = params.get('exported') !== 'false';
					return one(
						200,
						store.update(route.path, record.id, {
							exported,
							'last-exported-at': exported ? clock.iso() : record['last-exported-at'],
						}),
					);
				}
				default:
					return runAction(record);
			}
		} catch (error) {
			if (error instanceof ApiError) return respond.errors(error.status, error.errors);
			if (error instanceof ProjectionError) return respond.errors(400, { base: [error.message] });
			throw error;
		}
	};
}
