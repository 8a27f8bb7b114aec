/**
 * The Coupa object-scope catalogue: the single source of truth for every Coupa object this
 * package knows. The node's resource and operation dropdowns, the scope pre-check, the trigger's
 * resource list, the docs' scope and operations tables, the output schemas and the tests are all
 * generated from it.
 *
 * - types.ts: what an object, a field, an action and an operation are;
 * - fields.ts: field helpers and the fields several objects share;
 * - objects/<area>.ts: the objects of one area of Coupa's API (mirroring the fake Coupa's
 *   contract rows in test/fake-coupa/contract/<area>.mjs);
 * - derive.ts: what is computed from the objects (actions, filter attributes, scopes, look-ups).
 */
export { BASE_SCOPES } from '../../../credentials/coupaScopes';
export * from './derive';
export { CATALOG } from './objects';
export * from './types';
