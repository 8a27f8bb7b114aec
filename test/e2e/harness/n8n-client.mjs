// A small client for a running n8n: the internal REST API (/rest, cookie login) and the public
// API (/api/v1, X-N8N-API-KEY), as the editor and an API user would call them.

// n8n binds its auth cookie to the browser id sent at login; every REST call must repeat it.
const BROWSER_ID = 'coupa-e2e-browser';

export class N8nClient {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = null;
		this.apiKey = null;
	}

	async #call(path, { method = 'GET', body, headers = {} } = {}) {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			// Not JSON (e.g. an HTML error page); callers see `text`.
		}
		return { status: response.status, json, text, headers: response.headers };
	}

	async #expectOk(label, result) {
		if (result.status >= 300)
			throw new Error(`${label} failed: HTTP ${result.status} ${result.text.slice(0, 500)}`);
		return result.json;
	}

	async login({ email, password }) {
		const result = await this.#call('/rest/login', {
			method: 'POST',
			body: { emailOrLdapLoginId: email, password },
			headers: { 'browser-id': BROWSER_ID },
		});
		await this.#expectOk('POST /rest/login', result);
		this.cookie = (result.headers.get('set-cookie') ?? '').split(';')[0];
	}

	/** Internal REST call as the logged-in owner; resolves the unwrapped `data`. */
	async rest(method, path, body) {
		const result = await this.#call(`/rest${path}`, {
			method,
			body,
			headers: { cookie: this.cookie, 'browser-id': BROWSER_ID },
		});
		return (await this.#expectOk(`${method} /rest${path}`, result))?.data;
	}

	/** A public-API key with every scope the owner may grant. */
	async createApiKey() {
		const scopes = await this.rest('GET', '/api-keys/scopes');
		const key = await this.rest('POST', '/api-keys', {
			label: `e2e ${Date.now()}`,
			scopes,
			expiresAt: null,
		});
		this.apiKey = key.rawApiKey;
	}

	/** Public API call; resolves { status, json } so tests can assert on error answers too. */
	async api(method, path, body) {
		return await this.#call(`/api/v1${path}`, {
			method,
			body,
			headers: { 'X-N8N-API-KEY': this.apiKey },
		});
	}

	/**
	 * n8n's credential test for a stored credential; resolves { status: 'OK' | 'Error', message }.
	 * n8n 2.x has it in the public API. n8n 1.x only has the editor's route (404 on the public
	 * one): the editor reads the credential (secrets redacted), and n8n fills the secrets back in
	 * before testing.
	 */
	async testCredential(id) {
		const result = await this.api('POST', `/credentials/${id}/test`);
		if (result.status !== 404) {
			if (result.status !== 200)
				throw new Error(
					`POST /api/v1/credentials/${id}/test failed: HTTP ${result.status} ${result.text.slice(0, 500)}`,
				);
			return result.json;
		}
		const { name, type, data } = await this.rest('GET', `/credentials/${id}?includeData=true`);
		return await this.rest('POST', '/credentials/test', { credentials: { id, name, type, data } });
	}

	/** Static files such as /types/nodes.json, which the editor loads its node list from. */
	async get(path) {
		return await this.#expectOk(
			`GET ${path}`,
			await this.#call(path, { headers: { cookie: this.cookie, 'browser-id': BROWSER_ID } }),
		);
	}
}
