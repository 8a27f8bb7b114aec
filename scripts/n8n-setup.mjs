// Puts things into a fresh n8n user folder through n8n's own CLI and env: credentials,
// workflows (the examples, wired to a credential) and an owner account. Shared by
// `npm run dev` and the e2e suite.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8N_DIR, runN8nOrThrow, waitForHttp } from './n8n-runtime.mjs';
import { REPO_DIR } from './install-package.mjs';

export const EXAMPLES_DIR = join(REPO_DIR, 'examples');
export const CREDENTIAL_TYPE = 'coupaOAuth2Api';

/**
 * A coupaOAuth2Api credential as `n8n import:credentials` takes it (plain data is encrypted on
 * import), with the fields of the credential form. `legacy: true` stores it as version 0.1 did
 * (domain, clientId, clientSecret, scope), which must keep working.
 */
export function coupaCredential({
	id,
	name,
	domain,
	clientId,
	clientSecret,
	scopes,
	legacy = false,
}) {
	// The form keeps Domain in the inherited `authUrl` slot (see the credential).
	const data = {
		[legacy ? 'domain' : 'authUrl']: domain,
		clientId,
		clientSecret,
		scope: scopes.join(' '),
	};
	return { id, name, type: CREDENTIAL_TYPE, data };
}

async function importJson(command, items, env) {
	const dir = mkdtempSync(join(tmpdir(), 'coupa-import-'));
	try {
		const file = join(dir, 'input.json');
		writeFileSync(file, JSON.stringify(items, null, 2));
		await runN8nOrThrow([command, `--input=${file}`], env);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** `n8n import:credentials`; an existing id is overwritten, so re-running updates the credential. */
export const importCredentials = (credentials, env) =>
	importJson('import:credentials', credentials, env);

/** `n8n import:workflow`; each workflow needs an explicit `id` (max 21 characters). */
export const importWorkflows = (workflows, env) => importJson('import:workflow', workflows, env);

/** An example from examples/, with every Coupa node pointed at `credential` ({ id, name }). */
export function loadExample(file, credential) {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (node.credentials?.[CREDENTIAL_TYPE])
			node.credentials[CREDENTIAL_TYPE] = { id: credential.id, name: credential.name };
	}
	return workflow;
}

/**
 * Env that makes n8n create (or reset) its owner at start: N8N_INSTANCE_OWNER_MANAGED_BY_ENV
 * with a bcrypt hash. bcryptjs comes from n8n's own install, so the package gains no dependency.
 */
export function ownerEnv({ email, password, firstName = 'Coupa', lastName = 'Sandbox' }) {
	const require = createRequire(join(N8N_DIR, 'package.json'));
	const bcrypt = require('bcryptjs');
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: email,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(password, 10),
		N8N_INSTANCE_OWNER_FIRST_NAME: firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: lastName,
	};
}

/**
 * n8n before 2.17 ignores the ownerEnv variables: a fresh 1.x instance asks for its owner in the
 * browser instead. When n8n's settings say the owner is still to be set up, sets it up through
 * the same REST call the browser's setup form makes. Resolves true when it did. n8n 1.x answers
 * /healthz/readiness before its REST routes are mounted, so this first waits for them.
 */
export async function setupOwnerIfNeeded(
	baseUrl,
	{ email, password, firstName = 'Coupa', lastName = 'Sandbox' },
) {
	await waitForHttp(`${baseUrl}/rest/settings`, { timeoutMs: 60000 });
	const settings = await fetch(`${baseUrl}/rest/settings`);
	if (!(await settings.json())?.data?.userManagement?.showSetupOnFirstLoad) return false;
	const response = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ email, password, firstName, lastName }),
	});
	if (!response.ok)
		throw new Error(
			`POST /rest/owner/setup failed: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`,
		);
	return true;
}
