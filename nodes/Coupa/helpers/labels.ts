import type { CoupaObject } from '../catalog';

export { startsWithVowelSound, withArticle } from './article';

export function lower(object: CoupaObject): string {
	return object.name.toLowerCase();
}

/** The operation's name as people read it in messages, e.g. "Get Invoice". */
export function operationLabel(object: CoupaObject, operationName: string): string {
	return `${operationName} ${object.name}`;
}
