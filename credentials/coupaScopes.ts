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

/**
 * Why a typed OAuth Scope will make Coupa refuse the token, or undefined. n8n splits the field on
 * spaces only and sends the rest as typed, so `core.invoice.read,core.supplier.read` (or a
 * semicolon, a newline or a tab) reaches Coupa as one unknown scope.
 */
export function scopeSeparatorProblem(typed: unknown): string | undefined {
	const text = String(typed === undefined || typed === null ? '' : typed).trim();
	const found = [
		[',', 'commas'],
		[';', 'semicolons'],
		['\n', 'line breaks'],
		['\r', 'line breaks'],
		['\t', 'tabs'],
	].find(([character]) => text.includes(character));
	if (!found) return undefined;
	return `The credential's OAuth Scope contains ${found[1]}: scopes must be separated by spaces. n8n sends the field to Coupa exactly as typed, so Coupa would refuse the token. Open the credential and separate the scopes with single spaces, e.g. "${BASE_SCOPES.slice(-2).join(' ')} core.invoice.read".`;
}
