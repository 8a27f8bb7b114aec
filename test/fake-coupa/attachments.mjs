// Attachments of documents (Coupa's Attachments API) and the bytes behind them. Each document
// type keeps its attachments in `<singular>_attachments` (contract_attachments, ...); ids are
// unique across all of them, as Coupa's GET /api/attachments/:id implies.
import { ATTACHABLE } from './contract/attachments.mjs';

const SEQUENCE = 'attachments';

/** `contracts` -> `contract_attachments`. */
export const attachmentStoreOf = (path) => `${path.replace(/s$/, '')}_attachments`;

/** The documented attachable collections and the class name Coupa gives them. */
export const ATTACHABLE_PATHS = new Map(ATTACHABLE.map((row) => [row.collection, row.className]));

/** Store an attachment of a document; `file` = { bytes, contentType } keeps uploaded bytes. */
export function insertAttachment(store, path, record, file) {
	const attachment = store.insert(attachmentStoreOf(path), {
		id: store.nextLineId(SEQUENCE),
		'attachable-type': ATTACHABLE_PATHS.get(path),
		...record,
	});
	if (file) files(store).set(attachment.id, file);
	return attachment;
}

/** An attachment by id, whichever document it belongs to: { path, attachment } or undefined. */
export function findAttachment(store, id) {
	for (const path of ATTACHABLE_PATHS.keys()) {
		const attachment = store.get(attachmentStoreOf(path), id);
		if (attachment) return { path, attachment };
	}
	return undefined;
}

/** Uploaded bytes by attachment id (seeded attachments have none: the fake renders a PDF). */
const FILES = new WeakMap();
export function files(store) {
	if (!FILES.has(store)) FILES.set(store, new Map());
	return FILES.get(store);
}
