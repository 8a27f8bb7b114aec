// The fake Coupa's API Call Out sender: what a Process Automator "API Call Out" action does with a
// document, as Coupa's Compass pages describe it.
// - "OAuth 2.0 for Call Outs": with OAuth 2.0 set on the endpoint, Coupa POSTs to the Token URL
//   with `Authorization: Basic base64(client_id:client_secret)` and `grant_type=client_credentials`
//   (form-encoded by default, JSON if so configured) plus an optional `scope`, and expects
//   `{"access_token": "...", "token_type": "bearer", "expires_in": ...}`; then it calls the
//   endpoint with `Authorization: Bearer <access_token>`.
// - Process Automator (API Call Out action) and the "export real-time data updates" / "export
//   invoices" examples: the document's standard and custom fields go out as JSON or XML; "API call
//   response variables" read values from the endpoint's answer by a response path; failed calls
//   are listed on the call out's page (here: `calls` with their outcome).
// UNCONFIRMED by those pages, so configurable here: the HTTP method (POST by default), whether
// the document is bare or inside an envelope (`envelope: true` wraps JSON as {"<model>": {...}}),
// and Coupa's timeouts and retry schedule (not modelled: one attempt per send).
import { toXml } from './xml.mjs';

const JSON_TYPE = 'application/json';

/** `a.b.0.c` read from a parsed answer, as a response variable's response path would. */
export function readResponsePath(value, path) {
	return path
		.split('.')
		.filter(Boolean)
		.reduce((current, key) => (current == null ? undefined : current[key]), value);
}

async function fetchToken({ tokenUrl, clientId, clientSecret, scope, tokenFormat = 'form' }) {
	const fields = { grant_type: 'client_credentials', ...(scope ? { scope } : {}) };
	const response = await fetch(tokenUrl, {
		method: 'POST',
		headers: {
			Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
			'Content-Type': tokenFormat === 'json' ? JSON_TYPE : 'application/x-www-form-urlencoded',
			Accept: 'application/json',
		},
		body: tokenFormat === 'json' ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
	});
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		// Reported below as a token failure with the status.
	}
	return { status: response.status, json, text };
}

/**
 * Send one call out. `authentication`: 'oAuth2' (token flow), 'basicAuth', 'headerSecret' or
 * 'none'. Resolves { ok, stage, status, json, text, token }: `stage` is 'token' when the token
 * request failed (the document was then not sent), else 'event'.
 */
export async function sendCallOut({
	endpoint,
	tokenUrl,
	clientId,
	clientSecret,
	scope,
	tokenFormat,
	authentication = 'oAuth2',
	headerName = 'X-Coupa-Call-Out-Secret',
	document,
	model = 'record',
	format = 'json',
	method = 'POST',
	envelope = false,
	accessToken,
	extraHeaders = {},
}) {
	const headers = { Accept: 'application/json', ...extraHeaders };
	let token = accessToken;
	if (authentication === 'oAuth2' && token === undefined) {
		const answer = await fetchToken({ tokenUrl, clientId, clientSecret, scope, tokenFormat });
		if (answer.status !== 200 || typeof answer.json?.access_token !== 'string')
			return { ok: false, stage: 'token', ...answer, token: null };
		token = answer.json.access_token;
	}
	if (authentication === 'oAuth2') headers.Authorization = `Bearer ${token}`;
	if (authentication === 'basicAuth')
		headers.Authorization = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
	if (authentication === 'headerSecret') headers[headerName] = clientSecret;

	let body;
	if (format === 'xml') {
		headers['Content-Type'] = 'application/xml';
		body = toXml(document, { item: model });
	} else {
		headers['Content-Type'] = JSON_TYPE;
		body = JSON.stringify(envelope ? { [model]: document } : document);
	}
	const response = await fetch(endpoint, { method, headers, body });
	const text = await response.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		// Not JSON: callers read `text`.
	}
	return { ok: response.ok, stage: 'event', status: response.status, json, text, token };
}

class CallOutRequestError extends Error {
	constructor(status, message) {
		super(message);
		this.status = status;
	}
}

/**
 * The sandbox's "Process Automator": `POST /sandbox/call_outs` with
 * `{ endpoint, tokenUrl?, clientId, clientSecret, object?: 'invoices', id?, format?, method?,
 *    authentication?, headerName?, envelope?, responseVariables?: { name: responsePath } }`
 * sends the record (default: the most recently updated of `object`) as a call out, and answers
 * with the outcome and the response variables read from the endpoint's answer. `tokenUrl`
 * defaults to the endpoint with its last segment `event` replaced by `token`, as the trigger
 * names them. `GET /sandbox/call_outs` lists the calls sent so far (Coupa's failed-call list).
 */
export function createCallOutRoute({ store, modelOf }) {
	const calls = [];

	async function fire(request) {
		const object = request.object ?? 'invoices';
		const rows = store.rows(object);
		const record =
			request.id === undefined
				? [...rows]
						.sort((a, b) => String(a['updated-at']).localeCompare(String(b['updated-at'])))
						.at(-1)
				: store.get(object, Number(request.id));
		if (!record)
			throw new CallOutRequestError(
				404,
				`No ${object} record${request.id ? ` with id ${request.id}` : ''}`,
			);
		if (!request.endpoint)
			throw new CallOutRequestError(400, "Give the endpoint: the trigger's Event URL");
		const outcome = await sendCallOut({
			...request,
			tokenUrl: request.tokenUrl ?? request.endpoint.replace(/\/event\/?$/, '/token'),
			document: record,
			model: modelOf(object).xml,
		});
		const variables = Object.fromEntries(
			Object.entries(request.responseVariables ?? {}).map(([name, path]) => [
				name,
				readResponsePath(outcome.json, path) ?? null,
			]),
		);
		const call = {
			at: new Date().toISOString(),
			object,
			id: record.id,
			endpoint: request.endpoint,
			ok: outcome.ok,
			stage: outcome.stage,
			status: outcome.status,
			response: outcome.json ?? outcome.text.slice(0, 2000),
			responseVariables: variables,
		};
		calls.push(call);
		return call;
	}

	return {
		calls,
		fire,
		/** Resolves [status, json] for /sandbox/call_outs, or undefined for any other path. */
		async handle(method, path, body) {
			if (path !== '/sandbox/call_outs') return undefined;
			if (method === 'GET') return [200, calls];
			if (method !== 'POST') return [405, { error: 'GET or POST' }];
			if (!body || typeof body !== 'object') return [400, { error: 'Send a JSON body' }];
			try {
				return [200, await fire(body)];
			} catch (error) {
				if (error instanceof CallOutRequestError) return [error.status, { error: error.message }];
				// The endpoint could not be reached (refused, DNS): Coupa lists it as a failed call.
				return [502, { error: `Call out failed: ${error.cause?.message ?? error.message}` }];
			}
		},
	};
}
