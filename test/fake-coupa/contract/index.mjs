// The fake Coupa's contract: what Coupa's published docs say each route is (method, path, scopes,
// required inputs) and what each collection holds (model, status attribute, status values).
// Every `.mjs` area file in this folder is loaded (files starting with "_" are helpers), so an
// area can be added without touching the others. Each exports ROUTES and, optionally, OBJECTS.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
	.filter((name) => name.endsWith('.mjs') && name !== 'index.mjs' && !name.startsWith('_'))
	.sort();
const areas = await Promise.all(files.map(async (name) => ({ name, ...(await import(pathToFileURL(join(here, name)).href)) })));

/** Every documented route, each with `area` (the file it came from). */
export const ROUTES = areas.flatMap((area) => (area.ROUTES ?? []).map((row) => ({ area: area.name, ...row })));

/** Collection facts by path (model, lines key, status attribute and values). */
export const OBJECTS = new Map(areas.flatMap((area) => (area.OBJECTS ?? []).map((object) => [object.path, object])));

/** The status attribute of a collection: `status` unless the docs say otherwise. */
export const stateKeyOf = (path) => OBJECTS.get(path)?.stateKey ?? 'status';

/** Every status value a collection may hold: documented ones, then guesses kept by the package. */
export const statusValuesOf = (path) => [...(OBJECTS.get(path)?.statuses ?? []), ...(OBJECTS.get(path)?.statusesUnconfirmed ?? [])];
