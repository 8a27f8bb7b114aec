// Request reading and response writing shared by the token endpoint and the API.
import { errorsToXml, toXml } from './xml.mjs';

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A multipart/form-data body: `{ name: 'text' }` for fields, `{ name: { fileName, contentType,
 * bytes } }` for files (bytes kept as a Buffer, byte for byte).
 */
export function parseMultipart(buffer, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!match) throw new Error('multipart body without a boundary');
	const delimiter = Buffer.from(`--${match[1] ?? match[2].trim()}`);
	const body = {};
	let at = buffer.indexOf(delimiter);
	while (at !== -1) {
		const start = at + delimiter.length;
		if (buffer.subarray(start, start + 2).toString() === '--') break;
		const next = buffer.indexOf(delimiter, start);
		if (next === -1) throw new Error('multipart body is not closed');
		// Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
		const part = buffer.subarray(start + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const content = part.subarray(split + 4);
		const params = dispositionParams(head);
		const name = params.name;
		const fileName = params.filename;
		if (name === undefined) throw new Error('multipart part without a name');
		body[name] =
			fileName === undefined
				? content.toString('utf8')
				: {
						fileName,
						contentType:
							/^content-type:\s*([^\r\n]+)/im.exec(head)?.[1] ?? 'application/octet-stream',
						bytes: Buffer.from(content),
					};
		at = next;
	}
	return body;
}

/**
 * The parameters of a part's Content-Disposition, read strictly: a quoted value is a quoted-string
 * whose `\x` pairs stand for `x` (RFC 9110 5.6.4), then the percent-escapes browsers write (`%22`)
 * are decoded when every `%` starts one. A value whose quotes don't close (a trailing unescaped
 * backslash escapes the closing quote) is not read.
 */
function dispositionParams(head) {
	const line = /^content-disposition:([^\r\n]*)/im.exec(head)?.[1] ?? '';
	const params = {};
	for (const match of line.matchAll(
		/;\s*([a-z*]+)=(?:"((?:\\[\s\S]|[^"\\])*)"(?=;|\s*$)|([^";\s]+))/gi,
	)) {
		const key = match[1].toLowerCase();
		let value = match[2] === undefined ? match[3] : match[2].replace(/\\([\s\S])/g, '$1');
		if (/%/.test(value) && !/%(?![0-9a-f]{2})/i.test(value)) {
			try {
				value = decodeURIComponent(value);
			} catch {
				// Not UTF-8 once decoded: kept as sent.
			}
		}
		params[key] ??= value;
	}
	return params;
}

/** Read and parse the body: JSON, form-encoded or multipart; anything else is kept as text. */
export async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	const buffer = Buffer.concat(chunks);
	const raw = buffer.toString('utf8');
	if (!raw) return { raw, body: null };
	const type = String(req.headers['content-type'] ?? '').toLowerCase();
	if (type.startsWith('multipart/form-data')) {
		try {
			return { raw, body: parseMultipart(buffer, String(req.headers['content-type'])) };
		} catch (error) {
			return { raw, body: null, invalid: error.message };
		}
	}
	if (type.includes('application/x-www-form-urlencoded'))
		return { raw, body: Object.fromEntries(new URLSearchParams(raw)) };
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
	const json = String(req.headers.accept ?? '')
		.toLowerCase()
		.includes('application/json');
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
			responder.send(status, JSON.stringify(payload), {
				'Content-Type': JSON_TYPE,
				'Cache-Control': 'no-store',
				...headers,
			});
		},
		/** A record or list; `names` = { root, item } for XML. `undefined` payload = empty body. */
		payload(status, payload, names) {
			if (payload === undefined) return responder.send(status, '');
			if (json)
				return responder.send(status, JSON.stringify(payload), { 'Content-Type': JSON_TYPE });
			responder.send(status, toXml(payload, names), {
				'Content-Type': 'application/xml; charset=utf-8',
			});
		},
		/** Coupa error body: `{"errors":{"<key>":["message", ...]}}` or `<errors><error>`. */
		errors(status, errors, headers = {}) {
			if (json)
				return responder.send(status, JSON.stringify({ errors }), {
					'Content-Type': JSON_TYPE,
					...headers,
				});
			responder.send(status, errorsToXml(errors), {
				'Content-Type': 'application/xml; charset=utf-8',
				...headers,
			});
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
