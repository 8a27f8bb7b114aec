import { randomString } from 'n8n-workflow';

/** One part of a multipart/form-data body: a text field or a file. */
export type MultipartPart =
	| { name: string; value: string }
	| { name: string; data: Buffer; fileName: string; contentType: string };

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

/** Quotes a form-data name or file name as RFC 7578 asks (no CR, LF or bare quote). */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22')}"`;
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
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${part.contentType}\r\n\r\n`;
			chunks.push(Buffer.from(head, 'utf8'), part.data, Buffer.from('\r\n', 'utf8'));
		} else {
			chunks.push(Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8'));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
