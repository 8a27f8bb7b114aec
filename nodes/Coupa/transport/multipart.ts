import { randomString } from 'n8n-workflow';

/**
 * The bytes of a file part: a Buffer, or base64 text (n8n's in-memory binary data), which is
 * decoded straight into the body without a copy of its own.
 */
export type FileBytes = Buffer | { base64: string };

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; data: FileBytes; fileName: string; contentType: string };

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

/** The most bytes `data` can hold: exact for a Buffer, an upper bound for base64 text. */
function maxLength(data: FileBytes): number {
	return Buffer.isBuffer(data) ? data.length : Buffer.byteLength(data.base64, 'base64');
}

/**
 * A multipart/form-data body, built in memory so it goes through n8n's own
 * httpRequestWithAuthentication like every other Coupa call (no runtime dependency). It is
 * written into one Buffer sized up front, so a file costs its size once more (a Buffer), or not
 * at all beyond the body (base64 text, decoded in place).
 */
export function multipartBody(parts: MultipartPart[]): MultipartBody {
	const boundary = `----n8nCoupa${randomString(24)}`;
	const pieces: Array<string | FileBytes> = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if ('data' in part) {
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${partContentType(part.contentType)}\r\n\r\n`;
			pieces.push(head, part.data, '\r\n');
		} else {
			pieces.push(`${head}\r\n\r\n${part.value}\r\n`);
		}
	}
	pieces.push(`--${boundary}--\r\n`);
	const size = pieces.reduce<number>(
		(total, piece) =>
			total + (typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : maxLength(piece)),
		0,
	);
	const body = Buffer.allocUnsafe(size);
	let offset = 0;
	for (const piece of pieces) {
		if (typeof piece === 'string') offset += body.write(piece, offset, 'utf8');
		else if (Buffer.isBuffer(piece)) offset += piece.copy(body, offset);
		else offset += body.write(piece.base64, offset, 'base64');
	}
	return {
		body: body.subarray(0, offset),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}
