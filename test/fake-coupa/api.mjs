// The /api router: resolves a request to a catalogue object (or lookup) and operation, checks
// the bearer token and scopes, then lists, reads, writes or runs the action.
import { actionsOf, LOOKUPS, modelOf, OBJECTS, scopesFor } from './catalog.mjs';
import { ApiError } from './http.mjs';
import { parseFields, ProjectionError, shapeRecord } from './projection.mjs';
import { listQuery } from './query.mjs';

const plural = (name) => (name.endsWith('s') ? `${name}es` : name.endsWith('y') ? `${name.slice(0, -1)}ies` : `${name}s`);
const isId = (segment) => /^\d+$/.test(segment ?? '');

/**
 * Resolve `/api/<collection>/<rest...>` + method to { path, object?, scopes, operation, id, subId, action }
 * or null (no route). Standard operations and actions come from the catalogue.
 */
export function resolveRoute(method, segments, params) {
	const [collection, ...rest] = segments;
	const lookup = LOOKUPS.get(collection);
	if (lookup) {
		if (method !== 'GET' || rest.length > 1 || (rest.length === 1 && !isId(rest[0]))) return null;
		return { path: collection, scopes: lookup.scopes, operation: rest.length ? 'get' : 'getAll', id: rest[0] };
	}
	const object = OBJECTS.get(collection);
	if (!object) return null;
	const standard = (operation, id) =>
		object.operations[operation] ? { path: collection, object, operation, id, scopes: scopesFor(object, operation) } : null;

	if (rest.length === 0) {
		if (method === 'GET') return standard('getAll');
		if (method === 'POST') return standard('create');
	}
	if (rest.length === 1 && isId(rest[0])) {
		if (method === 'GET') return standard('get', rest[0]);
		if (method === 'DELETE') return standard('delete', rest[0]);
		if (method === 'PUT' || method === 'PATCH') {
			// `?exported=true` is the catalogue's Mark as Exported action on the same path.
			const markExported = params.has('exported') && actionsOf(object).find((a) => a.value === 'markExported');
			if (markExported) return { path: collection, object, operation: 'markExported', id: rest[0], scopes: markExported.scopes, markExported: true };
			return standard('update', rest[0]);
		}
	}
	for (const action of actionsOf(object)) {
		const pattern = action.path.split('/');
		if (action.method !== method || action.path === '{id}' || pattern.length !== rest.length) continue;
		const values = {};
		const matches = pattern.every((part, i) => {
			if (part === '{id}' || part === '{subId}') {
				values[part] = rest[i];
				return isId(rest[i]);
			}
			return part === rest[i];
		});
		if (matches) return { path: collection, object, operation: action.value, action, id: values['{id}'], subId: values['{subId}'], scopes: action.scopes };
	}
	return null;
}

export function createApi({ store, auth, records, actions, clock, scopeDeniedStatus, faults }) {
	/** Handle one /api request; the caller has applied faults already. */
	return function handleApi({ method, segments, params, body, bodyInvalid, headers }, respond) {
		const token = auth.authenticate(headers.authorization);
		if (!token) return respond.errors(401, { base: ['Invalid or expired access token'] }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

		const route = resolveRoute(method, segments, params);
		if (!route) return respond.errors(404, { base: [`No route matches [${method}] "/api/${segments.join('/')}"`] });
		if (!route.scopes.some((scope) => token.scopes.includes(scope))) {
			return respond.errors(scopeDeniedStatus, { base: [`Access denied: missing scope ${route.scopes[0]}`] });
		}

		const names = { root: plural(modelOf(route.path).xml), item: modelOf(route.path).xml };
		const write = method !== 'GET';
		try {
			if (bodyInvalid) throw new ApiError(400, { base: [`Invalid JSON body: ${bodyInvalid}`] });
			const shape = { fields: parseFields(params.get('fields')), returnObject: params.get('return_object'), write };
			const one = (status, record) => respond.payload(status, shapeRecord(record, shape), names);

			if (route.operation === 'getAll') {
				return respond.payload(200, listQuery(store.rows(route.path), params, { shuffleTies: faults?.tiesShuffled() }).map((r) => shapeRecord(r, shape)), names);
			}
			if (route.operation === 'create') return one(201, records.create(route.path, body));

			const runAction = (record) => {
				const result = actions.run({ path: route.path, object: route.object, action: route.action, record, subId: route.subId, query: params, body });
				if (result.file) {
					return respond.bytes(result.status, result.file.bytes, {
						'Content-Type': result.file.type,
						'Content-Disposition': `attachment; filename="${result.file.name}"`,
					});
				}
				if (result.list) return respond.payload(result.status, result.list.map((r) => shapeRecord(r, shape)), { root: 'attachments', item: 'attachment' });
				return one(result.status, result.payload);
			};
			// Collection actions (e.g. POST /requisitions/submit_for_approval) have no record.
			if (route.action && route.id === undefined) return runAction(null);

			const record = store.get(route.path, route.id);
			if (!record) throw new ApiError(404, { base: [`Couldn't find ${modelOf(route.path).className} with 'id'=${route.id}`] });

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
					if (!('exported' in record)) return one(200, records.update(route.path, record, body));
					const exported = params.get('exported') !== 'false';
					return one(200, store.update(route.path, record.id, { exported, 'last-exported-at': exported ? clock.iso() : record['last-exported-at'] }));
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
