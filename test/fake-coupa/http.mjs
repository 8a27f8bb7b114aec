// Request reading and response writing shared by the token endpoint and the API.
import { errorsToXml, toXml } from './xml.mjs';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Read and parse the body: JSON or form-encoded; anything else is kept as text. */
export async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const raw = Buffer.concat(chunks).toString('utf8');
	if (!raw) return { raw, body: null };
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	if (type.includes('application/x-www-form-urlencoded')) return { raw, body: Object.fromEntries(new URLSearchParams(raw)) };
	try {
		return { raw, body: JSON.parse(raw) };
	} catch (error) {
		if (type.includes('json')) return { raw, body: null, invalid: error.message };
		return { raw, body: raw };
	}
}

/**
 * Writes responses in the negotiated format and records the status in the request log entry.
 * When `dropInstead` is set the socket is destroyed instead (a response lost in transit).
 */
export function createResponder(req, res, entry) {
	const json = String(req.headers.accept ?? '').toLowerCase().includes('application/json');
	const responder = {
		json,
		dropInstead: false,
		/** { status, body }: the answer a proxy sends after Coupa's own was lost. */
		lostTo: null,
		sent: false,
		send(status, body = '', headers = {}) {
			if (responder.sent) return;
			responder.sent = true;
			if (responder.dropInstead) {
				entry.status = 0;
				entry.dropped = true;
				req.socket.destroy();
				return;
			}
			if (responder.lostTo) {
				// Coupa answered `status`; a proxy lost it and answers in its place.
				entry.processedStatus = status;
				({ status, body } = responder.lostTo);
				headers = { 'Content-Type': 'text/html; charset=utf-8' };
			}
			entry.status = status;
			res.writeHead(status, { 'Content-Length': Buffer.byteLength(body), ...headers });
			res.end(body);
		},
		/** Plain JSON regardless of Accept (the OAuth token endpoint). */
		plainJson(status, payload, headers = {}) {
			responder.send(status, JSON.stringify(payload), { 'Content-Type': JSON_TYPE, 'Cache-Control': 'no-store', ...headers });
		},
		/** A record or list; `names` = { root, item } for XML. `undefined` payload = empty body. */
		payload(status, payload, names) {
			if (payload === undefined) return responder.send(status, '');
			if (json) return responder.send(status, JSON.stringify(payload), { 'Content-Type': JSON_TYPE });
			responder.send(status, toXml(payload, names), { 'Content-Type': 'application/xml; charset=utf-8' });
		},
		/** Coupa error body: `{"errors":{"<key>":["message", ...]}}` or `<errors><error>`. */
		errors(status, errors, headers = {}) {
			if (json) return responder.send(status, JSON.stringify({ errors }), { 'Content-Type': JSON_TYPE, ...headers });
			responder.send(status, errorsToXml(errors), { 'Content-Type': 'application/xml; charset=utf-8', ...headers });
		},
		html(status, html, headers = {}) {
			responder.send(status, html, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
		},
		bytes(status, buffer, headers) {
			if (responder.sent) return;
			if (responder.dropInstead || responder.lostTo) return responder.send(status);
			responder.sent = true;
			entry.status = status;
			res.writeHead(status, { 'Content-Length': buffer.length, ...headers });
			res.end(buffer);
		},
	};
	return responder;
}

/** A Coupa-style 400 with errors keyed by model, thrown by handlers and caught by the router. */
export class ApiError extends Error {
	constructor(status, errors) {
		super(Object.values(errors).flat().join('; '));
		this.status = status;
		this.errors = errors;
	}
}
