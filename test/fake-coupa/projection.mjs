// Response shaping: the `fields` JSON projection and `return_object` (Compass "API Return
// Formats"; docs/coupa-docs.md, "Fields projection and return_object").
import { NATURAL_KEYS } from './reference-data.mjs';

const hyphenate = (name) => String(name).replace(/_/g, '-');

export class ProjectionError extends Error {}

/** Parse `fields=[...]`; throws ProjectionError on anything that is not a JSON array. */
export function parseFields(text) {
	if (text === null || text === undefined || text === '') return null;
	let fields;
	try {
		fields = JSON.parse(text);
	} catch {
		throw new ProjectionError(`Invalid fields parameter: ${text}`);
	}
	if (!Array.isArray(fields))
		throw new ProjectionError('The fields parameter must be a JSON array');
	return fields;
}

/**
 * Keep only the listed fields. Strings name attributes (underscored or hyphenated); an object
 * `{ "supplier": ["id", "name"] }` projects an association (each element of an array), and
 * `{ "custom_fields": {} }` or `[]` keeps the association whole.
 */
export function project(value, fields) {
	if (Array.isArray(value)) return value.map((item) => project(item, fields));
	if (value === null || typeof value !== 'object') return value;
	const out = {};
	for (const field of fields) {
		if (typeof field === 'string') {
			const key = hyphenate(field);
			if (key in value) out[key] = value[key];
		} else if (field && typeof field === 'object') {
			for (const [name, sub] of Object.entries(field)) {
				const key = hyphenate(name);
				if (!(key in value)) continue;
				const whole = !Array.isArray(sub) || sub.length === 0;
				out[key] = whole ? value[key] : project(value[key], sub);
			}
		}
	}
	return out;
}

const reduceAssociation = (value) =>
	Object.fromEntries(NATURAL_KEYS.filter((key) => key in value).map((key) => [key, value[key]]));

/** `shallow`: attributes kept, one-level associations reduced to id plus natural keys. */
function shallow(record) {
	const out = {};
	for (const [key, value] of Object.entries(record)) {
		if (Array.isArray(value))
			out[key] = value.map((item) =>
				item && typeof item === 'object' ? reduceAssociation(item) : item,
			);
		else if (value && typeof value === 'object' && key !== 'custom-fields')
			out[key] = reduceAssociation(value);
		else out[key] = value;
	}
	return out;
}

/**
 * Shape one record for the response. Returns undefined for `return_object=none` (only honoured
 * on writes; Coupa documents it as write-only, so reads ignore it).
 */
export function shapeRecord(record, { fields, returnObject, write }) {
	if (returnObject === 'none' && write) return undefined;
	if (returnObject === 'limited') return { id: record.id };
	if (fields) return project(record, fields);
	if (returnObject === 'shallow') return shallow(record);
	return record;
}
