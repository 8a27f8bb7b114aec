import { DOCUMENTED_PATH_TABLES } from './parts';

export type DocumentedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation of Coupa's R39 API reference, as Custom API Call offers it. */
export interface DocumentedPath {
	method: DocumentedMethod;
	/** Below /api, with Coupa's placeholders, e.g. `/suppliers/{supplier_id}/supplier_sites`. */
	path: string;
	/** The scopes the scope map grants for it (any one of); empty where it names none. */
	scopes: string[];
	summary: string;
}

let parsed: DocumentedPath[] | undefined;

/** Every documented operation, sorted by path then method (read once, on first use). */
export function documentedPaths(): DocumentedPath[] {
	parsed ??= DOCUMENTED_PATH_TABLES.flatMap((table) =>
		table
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => {
				const [endpoint, scopes, summary] = line.split('\t');
				const [method, path] = endpoint.split(' ');
				return {
					method: method as DocumentedMethod,
					path,
					scopes: scopes ? scopes.split(' ') : [],
					summary,
				};
			}),
	);
	return parsed;
}

/** `{supplier_id}` and `{id}` alike: a path's shape, to find the documented entry of a real path. */
const shape = (path: string) =>
	path
		.replace(/\(\/\{[^}]+\}\)/g, '')
		.replace(/\{[^}]+\}/g, '{}')
		.replace(/\/+$/, '');

/**
 * The scopes the scope map grants for a concrete call (`GET`, `suppliers/17/supplier_sites`),
 * or undefined when the path is not documented or the map names none.
 */
export function documentedScopes(method: string, pathBelowApi: string): string[] | undefined {
	const segments = pathBelowApi.split('?')[0].replace(/^\/+/, '').split('/');
	const wanted = segments.map((segment) => (/^\d+$/.test(segment) ? '{}' : segment)).join('/');
	const entry = documentedPaths().find(
		(candidate) =>
			candidate.method === method &&
			shape(candidate.path).replace(/^\//, '') === wanted &&
			candidate.scopes.length > 0,
	);
	return entry?.scopes;
}
