/** Shared test setup: a fake Coupa on loopback and a stored credential pointing at it. */
import { DEFAULT_CLIENT, startFakeCoupa } from '../fake-coupa/index.mjs';
import { CredentialStore } from './n8n.mjs';

export { DEFAULT_CLIENT };

/** A credential for the fake Coupa, as a user would save it: Domain, Client ID, Secret, OAuth Scope. */
export function credentialFor(fake, scope, overrides = {}) {
	return new CredentialStore({
		domain: fake.url,
		clientId: DEFAULT_CLIENT.clientId,
		clientSecret: DEFAULT_CLIENT.clientSecret,
		scope,
		...overrides,
	});
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
