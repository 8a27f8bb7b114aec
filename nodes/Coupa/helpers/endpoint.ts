/** A documented endpoint as Custom API Call stores it: "PUT /api/invoices/{id}/void". */
const ENDPOINT = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;

/** Coupa's optional segment, e.g. `/image(/{style})`. */
const OPTIONAL = /\(\/\{([^}]+)\}\)/g;

/** The placeholder names of an endpoint's path, in order: `supplier_id`, `id`. */
export function endpointPlaceholders(endpoint: string): string[] {
	const path = ENDPOINT.exec(endpoint.trim())?.[2] ?? '';
	return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
}

/**
 * The method and path of a picked endpoint with its placeholders filled in, or what is wrong.
 * Values are percent-encoded as one path segment each; an optional segment without a value is
 * left out.
 */
export function fillEndpoint(
	endpoint: string,
	values: Record<string, string>,
): { method: string; path: string } | { problem: string } {
	const match = ENDPOINT.exec(endpoint.trim());
	if (!match)
		return {
			problem: `"${endpoint}" is not an endpoint: pick one from the list, or write it as METHOD /api/path`,
		};
	const [, method, template] = match;
	const missing: string[] = [];
	const path = template
		.replace(OPTIONAL, (_whole, name: string) =>
			values[name] ? `/${encodeURIComponent(values[name])}` : '',
		)
		.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
			const value = (values[name] ?? '').trim();
			if (value === '') {
				missing.push(name);
				return '';
			}
			return encodeURIComponent(value);
		});
	if (missing.length)
		return {
			problem: `The endpoint needs ${missing.map((name) => `{${name}}`).join(', ')}: add ${missing.length === 1 ? 'it' : 'them'} under Path Parameters`,
		};
	return { method, path };
}
