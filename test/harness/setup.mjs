/** Shared test setup: a fake Coupa on loopback and a stored credential pointing at it. */
import { DEFAULT_CLIENT, startFakeCoupa } from '../fake-coupa/index.mjs';
import { CredentialStore } from './n8n.mjs';

export { DEFAULT_CLIENT };

/** Where the form of 0.2 keeps a field that 0.1 stored elsewhere: Domain moved to `authUrl`. */
export const FIELD_OF_LEGACY = { domain: 'authUrl' };

/**
 * A credential for the fake Coupa, as a user saves it in the form: Domain (`authUrl`), Client ID,
 * Secret, OAuth Scope. Overrides may name the domain `domain`.
 * With `{ legacy: true }` it is stored as 0.1 stored it: domain, clientId, clientSecret, scope.
 */
export function credentialFor(fake, scope, overrides = {}, { legacy = false } = {}) {
	const legacyData = {
		domain: fake.url,
		clientId: DEFAULT_CLIENT.clientId,
		clientSecret: DEFAULT_CLIENT.clientSecret,
		scope,
		...overrides,
	};
	if (legacy) return new CredentialStore(legacyData);
	return new CredentialStore(
		Object.fromEntries(
			Object.entries(legacyData).map(([key, value]) => [FIELD_OF_LEGACY[key] ?? key, value]),
		),
	);
}

/** Every scope the fake's default client is granted, as a typed OAuth Scope. */
export function allScopes() {
	return DEFAULT_CLIENT.scopes.join(' ');
}

export async function startCoupa(options = {}) {
	return await startFakeCoupa(options);
}

/** API requests the fake received, as "METHOD /path" strings. */
export function apiCalls(fake) {
	return fake.apiRequests().map((r) => `${r.method} ${r.path}`);
}

/** A token from the fake's token endpoint, as any client gets one: `{ access_token, … }`. */
export const accessToken = (fake) =>
	fetch(`${fake.url}/oauth2/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: 'n8n-test-client',
			client_secret: 'n8n-test-secret',
		}),
	}).then((r) => r.json());
