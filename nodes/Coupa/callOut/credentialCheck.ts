/**
 * What can be checked about a call out credential without Coupa (Coupa calls n8n, not the other
 * way round): a client ID Basic authentication can carry, and a secret long enough to sign tokens.
 */
import type { CallOutCredentials } from './auth';

export const MIN_SECRET_LENGTH = 16;

/** Undefined when the credential is usable; otherwise what to change. */
export function credentialProblem(credentials: Partial<CallOutCredentials>): string | undefined {
	const clientId = String(credentials.clientId ?? '');
	const clientSecret = String(credentials.clientSecret ?? '');
	if (!clientId) return 'Enter a Client ID: the same one goes into the Call Out endpoint in Coupa.';
	// RFC 7617: the user-id of Basic authentication cannot contain a colon.
	if (clientId.includes(':')) return 'The Client ID cannot contain a colon (":").';
	if (clientSecret.length < MIN_SECRET_LENGTH)
		return `The Client Secret needs at least ${MIN_SECRET_LENGTH} characters (32 or more recommended): it signs the trigger's access tokens.`;
	return undefined;
}
