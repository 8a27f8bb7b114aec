/**
 * A call out's body into the item the workflow gets: the document as Coupa's API returns it
 * (hyphenated keys) plus `callOut` metadata. The API Call Out sends the document's standard and
 * custom fields as JSON or XML, reshaped by an optional data mapping (docs/coupa-docs.md,
 * "Process Automator sends documents as API Call Outs"). No page says whether the document comes
 * bare or inside an envelope, so both are read: a JSON object with one key holding an object
 * (`{"invoice-header": {...}}`) and XML's root element name the document type; a bare object is
 * the document itself.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HttpAnswer } from './answer';
import { parseCoupaXml } from './xml';

export type BodyFormat = 'json' | 'xml';

export interface CallOutRequest {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	/** What n8n parsed (JSON into an object). */
	body: unknown;
	/** The bytes as received, when n8n kept them. */
	rawBody?: Buffer;
}

export interface ParsedCallOut {
	document: IDataObject;
	documentType: string | null;
	format: BodyFormat;
}

const refuse = (status: number, error: string, description: string) => ({
	answer: { status, body: { error, description } } as HttpAnswer,
});

export function formatOf(contentType: string | undefined): BodyFormat | undefined {
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json' || type.endsWith('+json')) return 'json';
	if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) return 'xml';
	return undefined;
}

const isObject = (value: unknown): value is IDataObject =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** `{"invoice-header": {...}}` -> the inner record and its name; anything else stays as it is. */
function unwrap(value: IDataObject): { document: IDataObject; root: string | null } {
	const keys = Object.keys(value);
	if (keys.length === 1 && isObject(value[keys[0]]))
		return { document: value[keys[0]] as IDataObject, root: keys[0] };
	return { document: value, root: null };
}

export function parseCallOut(
	request: CallOutRequest,
	{ maxBytes }: { maxBytes: number },
): ParsedCallOut | { answer: HttpAnswer } {
	const contentType = request.headers['content-type'];
	const format = formatOf(Array.isArray(contentType) ? contentType[0] : contentType);
	if (!format)
		return refuse(
			415,
			'unsupported_media_type',
			`Content type "${String(contentType ?? 'none').slice(0, 100)}" is not accepted: choose JSON (or XML) as the format of the Call Out in Coupa.`,
		);
	const size = request.rawBody?.length ?? Buffer.byteLength(JSON.stringify(request.body ?? ''));
	if (size > maxBytes)
		return refuse(
			413,
			'payload_too_large',
			`The body has ${size} bytes; this trigger accepts at most ${maxBytes}. Narrow the Call Out with a response filter or raise Max Body Size.`,
		);

	if (format === 'json') {
		if (!isObject(request.body) || Object.keys(request.body).length === 0)
			return refuse(
				400,
				'invalid_body',
				'Expected one JSON object: the document the Call Out sends.',
			);
		const { document, root } = unwrap(request.body);
		return { document, documentType: root, format };
	}

	if (!request.rawBody?.length)
		return refuse(400, 'invalid_body', 'The XML body is empty: expected one document.');
	const parsed = parseCoupaXml(request.rawBody.toString('utf8'));
	if ('error' in parsed)
		return refuse(
			400,
			'invalid_body',
			`The XML body could not be read (${parsed.error}). Send well-formed XML, or choose JSON in the Call Out.`,
		);
	if (!isObject(parsed.record))
		return refuse(400, 'invalid_body', `<${parsed.root}> holds no fields: expected one document.`);
	return { document: parsed.record as IDataObject, documentType: parsed.root, format };
}

/** Headers whose names suggest a credential never reach the workflow. */
const SECRET_HEADER = /auth|token|secret|key|cookie|signature|password|session/i;

export function safeHeaders(
	headers: Record<string, string | string[] | undefined>,
	secretHeader: string | undefined,
): IDataObject {
	const kept: IDataObject = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined || SECRET_HEADER.test(name)) continue;
		if (secretHeader && name.toLowerCase() === secretHeader.toLowerCase()) continue;
		kept[name] = value;
	}
	return kept;
}
