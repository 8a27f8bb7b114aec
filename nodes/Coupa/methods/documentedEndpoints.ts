import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { documentedPaths } from '../catalog/documentedPaths';
import { endpointPlaceholders } from '../helpers/endpoint';

/** Enough to scroll through; the list pages on. */
const PAGE = 100;

/** "GET /api/suppliers/{id} · Show supplier · core.supplier.read" */
function label(entry: ReturnType<typeof documentedPaths>[number]): string {
	const scopes = entry.scopes.length ? entry.scopes.join(' or ') : 'scope not documented';
	return `${entry.method} /api${entry.path} · ${entry.summary} · ${scopes}`;
}

/**
 * "From Coupa's docs" for Custom API Call: every operation of Coupa's R39 API reference. A typed
 * search keeps the entries that contain every word typed (method, path, summary or scope).
 */
export async function searchDocumentedEndpoints(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	const matches = documentedPaths()
		.map((entry) => ({ entry, text: label(entry) }))
		.filter(({ text }) => words.every((word) => text.toLowerCase().includes(word)));
	const offset = Number(paginationToken ?? 0) || 0;
	const results: INodeListSearchItems[] = matches
		.slice(offset, offset + PAGE)
		.map(({ entry, text }) => ({ name: text, value: `${entry.method} /api${entry.path}` }));
	return {
		results,
		paginationToken: offset + PAGE < matches.length ? String(offset + PAGE) : undefined,
	};
}

/** The placeholders of the picked endpoint, for the Path Parameters names. */
export async function getEndpointPlaceholders(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const endpoint = this.getCurrentNodeParameter('endpoint', { extractValue: true });
	return endpointPlaceholders(typeof endpoint === 'string' ? endpoint : '').map((name) => ({
		name,
		value: name,
	}));
}
