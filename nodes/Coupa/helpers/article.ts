/** English articles by sound, for labels and messages: "an invoice", "a user", "an SQL job". */

/**
 * Words that start with a vowel letter but a consonant sound ("a user", "a unit"), and words that
 * start with a silent h ("an hour"). The article follows the sound, not the letter.
 */
const VOWEL_LETTER_CONSONANT_SOUND =
	/^(?:u[bcdfgklmnprstvz][aeiou]|uni|use|usu|ure|eu|ewe|one\b|once\b)/i;
const SILENT_H = /^(?:hour|honest|honou?r|heir)/i;
/** Letters whose spoken name starts with a vowel sound: "an SQL job", "an HTTP call", "a PO line". */
const VOWEL_SOUND_LETTERS = 'AEFHILMNORSX';

/** Whether a word is spoken starting with a vowel sound, so takes "an". */
export function startsWithVowelSound(word: string): boolean {
	const first = word.trim().split(/[\s-]/)[0] ?? '';
	if (first === '') return false;
	// An all-caps abbreviation is read letter by letter (PO, SKU, HTTP), except ones read as words.
	if (first.length > 1 && first === first.toUpperCase() && /^[A-Z]+$/.test(first)) {
		return VOWEL_SOUND_LETTERS.includes(first[0]);
	}
	if (SILENT_H.test(first)) return true;
	if (VOWEL_LETTER_CONSONANT_SOUND.test(first)) return false;
	return /^[aeiou]/i.test(first);
}

/** "invoice" → "an invoice", "user" → "a user", "purchase order" → "a purchase order". */
export function withArticle(noun: string): string {
	return `${startsWithVowelSound(noun) ? 'an' : 'a'} ${noun}`;
}
