import type { CoupaObject } from '../catalog';

/** "invoice" → "an invoice", "purchase order" → "a purchase order". */
export function withArticle(noun: string): string {
	// "an invoice", "an item", but "a user" (a vowel letter, not a vowel sound).
	return `${/^(?:[aeio]|u(?![sn]))/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

export function lower(object: CoupaObject): string {
	return object.name.toLowerCase();
}

/** The operation's name as people read it in messages, e.g. "Get Invoice". */
export function operationLabel(object: CoupaObject, operationName: string): string {
	return `${operationName} ${object.name}`;
}
