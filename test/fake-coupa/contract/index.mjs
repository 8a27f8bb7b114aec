// The fake Coupa's contract: what Coupa's published docs say each route is (method, path, scopes,
// required inputs) and what each collection holds (model, status attribute, status values).
// Every `.mjs` area file in this folder is loaded (files starting with "_" are helpers), so an
// area can be added without touching the others. Each exports ROUTES and, optionally, OBJECTS.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { R39_ROUTES } from './_r39.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
	.filter((name) => name.endsWith('.mjs') && name !== 'index.mjs' && !name.startsWith('_'))
	.sort();
const areas = await Promise.all(
	files.map(async (name) => ({ name, ...(await import(pathToFileURL(join(here, name)).href)) })),
);

/**
 * A row in the agreed minimal form `{ method, path, scopes, required, source }` gets the
 * `collection` it acts on and the `op` the fake runs, derived from the path when not given:
 * `GET /api/x` getAll, `GET /api/x/{id}` get, `POST /api/x` create, `PUT /api/x/{id}` update
 * (markExported with `?exported`), `DELETE /api/x/{id}` delete, anything longer the action named
 * by its last fixed segment (`PUT /api/x/{id}/issue` -> issue).
 */
function normalize(row) {
	const parts = row.path.replace(/^\/api\//, '').split('/');
	const fixed = parts.filter((part) => !part.startsWith('{'));
	const standard = parts.length <= 2 && fixed.length === 1;
	const op =
		row.op ??
		(standard
			? {
					GET: parts.length === 1 ? 'getAll' : 'get',
					POST: 'create',
					PUT: row.query?.exported ? 'markExported' : 'update',
					PATCH: 'update',
					DELETE: 'delete',
				}[row.method]
			: fixed.at(-1));
	return {
		collection: row.collection ?? parts[0],
		op,
		required: [],
		scopes: [],
		...row,
		...(row.op ? {} : { op }),
	};
}

/** Method, path shape (`{id}` and `{supplier_id}` alike) and query: what makes two rows one route. */
export const routeKey = (row) =>
	`${row.method} ${row.path.replace(/\{[^}]+\}/g, '{}')} ${JSON.stringify(row.query ?? {})}`;

const handWritten = areas.flatMap((area) =>
	(area.ROUTES ?? []).map((row) => ({ area: area.name, ...normalize(row) })),
);
const written = new Set(handWritten.map(routeKey));
/** R39 routes an area rules out, citing the page that does (`NOT_ROUTES`). */
export const NOT_ROUTES = areas.flatMap((area) => area.NOT_ROUTES ?? []);
const ruledOut = new Set(NOT_ROUTES.map(routeKey));

/**
 * Every documented route, each with `area` (the file it came from): the area files' rows, then
 * every other operation of Coupa's R39 specs (area `r39`, from _r39.mjs) but those an area rules
 * out.
 */
export const ROUTES = [
	...handWritten,
	...R39_ROUTES.filter((row) => !written.has(routeKey(row)) && !ruledOut.has(routeKey(row))).map(
		(row) => ({
			area: 'r39',
			...row,
		}),
	),
];

/** Collection facts by path (model, lines key, status attribute and values). */
export const OBJECTS = new Map(
	areas.flatMap((area) => (area.OBJECTS ?? []).map((object) => [object.path, object])),
);

/** The status attribute of a collection: `status` unless the docs say otherwise. */
export const stateKeyOf = (path) => OBJECTS.get(path)?.stateKey ?? 'status';

/** Every status value a collection may hold: documented ones, then guesses kept by the package. */
export const statusValuesOf = (path) => [
	...(OBJECTS.get(path)?.statuses ?? []),
	...(OBJECTS.get(path)?.statusesUnconfirmed ?? []),
];
