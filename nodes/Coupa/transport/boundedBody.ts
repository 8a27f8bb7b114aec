import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Max File Size when the option is not set, in MB (1 MB = 1,048,576 bytes). */
export const DEFAULT_MAX_FILE_MB = 100;
/** The largest Max File Size accepted, in MB: a file is held in memory whole. */
export const MAX_FILE_MB = 2048;
export const BYTES_PER_MB = 1024 * 1024;

/** What a download answered once its body was read whole: the bytes, or how far it went past the limit. */
export type BoundedBody = { bytes: Buffer } | { tooLarge: number };

interface Destroyable {
	destroy?: () => void;
}

/**
 * Reads a download's body (a stream, as n8n returns it for `encoding: 'stream'`, or bytes) into
 * one Buffer, but never more than `maxBytes`: a Content-Length above it is refused before
 * anything is read, and a stream is stopped (and its connection closed) as soon as it passes it.
 */
export async function readBounded(
	body: unknown,
	headers: Record<string, string>,
	maxBytes: number,
): Promise<BoundedBody> {
	const announced = Number(headers['content-length']);
	if (Number.isFinite(announced) && announced > maxBytes) {
		(body as Destroyable | undefined)?.destroy?.();
		return { tooLarge: announced };
	}
	if (body === undefined || body === null) return { bytes: Buffer.alloc(0) };
	if (typeof body === 'string' || body instanceof ArrayBuffer || Buffer.isBuffer(body)) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body as string);
		return bytes.length > maxBytes ? { tooLarge: bytes.length } : { bytes };
	}
	const chunks: Buffer[] = [];
	let size = 0;
	// Leaving the loop early ends the iteration, which destroys the stream.
	for await (const chunk of body as AsyncIterable<Buffer | string>) {
		const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
		size += bytes.length;
		if (size > maxBytes) return { tooLarge: size };
		chunks.push(bytes);
	}
	return { bytes: Buffer.concat(chunks, size) };
}

/** Closes a response body nobody will read (an error answer to a streamed request). */
export function discardBody(body: unknown): void {
	const stream = body as Destroyable | undefined;
	if (stream !== null && typeof stream === 'object' && typeof stream.destroy === 'function')
		stream.destroy();
}

/** The error for a file over Max File Size: how big it is (or got) and what to change. */
export function fileTooLargeError(
	node: INode,
	itemIndex: number | undefined,
	size: number,
	maxBytes: number,
): NodeOperationError {
	const mb = (bytes: number) => (bytes / BYTES_PER_MB).toFixed(1);
	return new NodeOperationError(
		node,
		`The file is larger than Max File Size (${mb(maxBytes)} MB): it has ${size > maxBytes ? 'more than ' : ''}${mb(size)} MB. It was not downloaded`,
		{
			itemIndex,
			description: `Raise the node's Max File Size (up to ${MAX_FILE_MB} MB) if n8n has the memory for a file this big; the file is held in memory whole.`,
		},
	);
}
