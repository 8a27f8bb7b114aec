/** The scopes every Coupa connection needs (Coupa's connector documentation pre-selects them). */
export const BASE_SCOPES = ['login', 'offline_access', 'openid', 'profile', 'core.common.read'];

/**
 * The scopes a credential holds: the five base scopes plus what the user typed, separated by
 * spaces, commas, semicolons or newlines, without duplicates, in a stable order.
 */
export function composeScopes(typed: unknown): string[] {
	const words = String(typed === undefined || typed === null ? '' : typed)
		.split(/[\s,;]+/)
		.map((word) => word.trim())
		.filter((word) => word.length > 0);
	return Array.from(new Set([...BASE_SCOPES, ...words]));
}
