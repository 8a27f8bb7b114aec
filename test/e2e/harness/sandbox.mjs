// The fake Coupa on loopback for an e2e file, and credentials for it in n8n's import format.
import { BASE_SCOPES } from '../../fake-coupa/catalog.mjs';
import { DEFAULT_CLIENT, startFakeCoupa } from '../../fake-coupa/index.mjs';
import { coupaCredential } from '../../../scripts/n8n-setup.mjs';

export { DEFAULT_CLIENT };

export async function startSandbox(options = {}) {
	return await startFakeCoupa({ seed: 'sandbox', ...options });
}

/**
 * A credential for `fake`; override the client, secret or scopes to make it wrong on purpose.
 * `legacy: true` stores it with the field names of version 0.1 (clientId, clientSecret, scope).
 */
export function credentialFor(
	fake,
	{
		id,
		name,
		clientId = DEFAULT_CLIENT.clientId,
		clientSecret = DEFAULT_CLIENT.clientSecret,
		scopes = DEFAULT_CLIENT.scopes,
		legacy = false,
	},
) {
	return coupaCredential({ id, name, domain: fake.url, clientId, clientSecret, scopes, legacy });
}

/** Only the base scopes plus `extra`: a client or credential that lacks everything else. */
export const limitedScopes = (...extra) => [...BASE_SCOPES, ...extra];

/** The first record of `path` matching `predicate`; fails loudly when the seed has none. */
export function pick(fake, path, predicate = () => true) {
	const record = fake.store.rows(path).find(predicate);
	if (!record) throw new Error(`The sandbox seed has no ${path} record matching ${predicate}`);
	return record;
}
