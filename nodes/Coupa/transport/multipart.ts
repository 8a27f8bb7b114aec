import { randomString } from 'n8n-workflow';

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; data: Buffer; fileName: string; contentType: string };

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/**
 * Quotes a form-data name or file name (RFC 7578): CR and LF become spaces, a double quote is
 * percent-encoded as browsers do, and a backslash is escaped as a quoted-pair (RFC 9110 5.6.4),
 * which multipart parsers (Rack's, under Rails, among them) read back as one backslash. Unescaped,
 * a trailing backslash would escape the closing quote.
 */
function quoted(value: string): string {
	return `"${value
		.replace(/[\r\n]/g, ' ')
		.replace(/"/g, '%22')
		.replace(/\\/g, '\\\\')}"`;
}

/** A MIME type of letters, digits and `!#$&^_.+-` (RFC 6838), without parameters. */
const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

/**
 * The Content-Type of a file part: the binary's MIME type when it is one, else
 * application/octet-stream. The MIME type comes from the input item, so it may hold anything,
 * CR LF and further headers included; parameters such as charset are dropped.
 */
export function partContentType(mimeType: unknown): string {
	const type = typeof mimeType === 'string' ? mimeType.split(';')[0].trim() : '';
	return type.length <= 127 && MIME_TYPE.test(type) ? type : 'application/octet-stream';
}

/**
 * A multipart/form-data body, built in memory so it goes through n8n's own
 * httpRequestWithAuthentication like every other Coupa call (no runtime dependency).
 */
export function multipartBody(parts: MultipartPart[]): MultipartBody {
	const boundary = `----n8nCoupa${randomString(24)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if ('data' in part) {
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${partContentType(part.contentType)}\r\n\r\n`;
			chunks.push(Buffer.from(head, 'utf8'), part.data, Buffer.from('\r\n', 'utf8'));
		} else {
			chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
