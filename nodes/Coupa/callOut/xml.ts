/**
 * Coupa's XML into the JSON Coupa's API returns for the same record ("Differences between XML and
 * JSON in Coupa"): the root element names the record and is dropped, `type="integer"`/`"float"`
 * become numbers, `type="boolean"` booleans, `type="array"` arrays, `nil="true"` null; decimals and
 * dates stay strings, as in Coupa's JSON. A small, bounded parser: no DTDs or entities beyond
 * XML's own five and character references, so a hostile body costs linear work.
 */

class XmlError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Element {
	name: string;
	attributes: Record<string, string>;
	children: Element[];
	text: string;
}

const MAX_DEPTH = 64;
const NAME = /[A-Za-z_][\w.-]*(?::[\w.-]+)?/y;
const ATTRIBUTE = /\s+([A-Za-z_][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/y;
const TAG_END = /\s*(\/?)>/y;

/** A sticky match at `at` (no copy of the rest of the body, so parsing stays linear). */
function matchAt(pattern: RegExp, xml: string, at: number) {
	pattern.lastIndex = at;
	return pattern.exec(xml);
}
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(raw: string): string {
	return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
		if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
		if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
		if (entity in ENTITIES) return ENTITIES[entity];
		throw new XmlError(`unknown entity ${whole}`);
	});
}

function parseDocument(xml: string): Element {
	let at = 0;
	const stack: Element[] = [];
	let root: Element | undefined;
	const fail = (what: string): never => {
		throw new XmlError(`${what} at character ${at}`);
	};
	while (at < xml.length) {
		const lt = xml.indexOf('<', at);
		const textEnd = lt === -1 ? xml.length : lt;
		if (textEnd > at) {
			const text = xml.slice(at, textEnd);
			if (stack.length) stack[stack.length - 1].text += decode(text);
			else if (text.trim()) fail('text outside the root element');
			at = textEnd;
			continue;
		}
		if (xml.startsWith('<?', at)) {
			const end = xml.indexOf('?>', at);
			if (end === -1) fail('unclosed processing instruction');
			at = end + 2;
		} else if (xml.startsWith('<!--', at)) {
			const end = xml.indexOf('-->', at);
			if (end === -1) fail('unclosed comment');
			at = end + 3;
		} else if (xml.startsWith('<![CDATA[', at)) {
			const end = xml.indexOf(']]>', at);
			if (end === -1 || !stack.length) fail('misplaced CDATA');
			stack[stack.length - 1].text += xml.slice(at + 9, end);
			at = end + 3;
		} else if (xml.startsWith('<!', at)) {
			fail('DOCTYPE and other declarations are not accepted');
		} else if (xml.startsWith('</', at)) {
			const name = matchAt(NAME, xml, at + 2)?.[0];
			const open = stack.pop();
			if (!name || !open || open.name !== name) fail('mismatched closing tag');
			at = xml.indexOf('>', at);
			if (at === -1) fail('unclosed tag');
			at++;
		} else {
			const name = matchAt(NAME, xml, at + 1)?.[0] ?? fail('bad tag');
			at += 1 + name.length;
			const element: Element = { name, attributes: {}, children: [], text: '' };
			for (;;) {
				const attribute = matchAt(ATTRIBUTE, xml, at);
				if (!attribute) break;
				element.attributes[attribute[1]] = decode(attribute[2].slice(1, -1));
				at += attribute[0].length;
			}
			const close = matchAt(TAG_END, xml, at) ?? fail('bad tag');
			at += close[0].length;
			if (stack.length) stack[stack.length - 1].children.push(element);
			else if (root) fail('a second root element');
			else root = element;
			if (!close[1]) {
				if (stack.length >= MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
				stack.push(element);
			}
		}
	}
	if (stack.length) throw new XmlError(`<${stack[stack.length - 1].name}> is never closed`);
	if (!root) throw new XmlError('no root element');
	return root;
}

function toJson(element: Element): Json {
	const { type, nil } = element.attributes;
	if (nil === 'true') return null;
	if (type === 'array') return element.children.map(toJson);
	if (element.children.length) {
		const object: { [key: string]: Json } = {};
		const repeated = new Set<string>();
		for (const child of element.children) {
			// A key that would reach Object.prototype is not a Coupa field.
			if (child.name === '__proto__') continue;
			const value = toJson(child);
			// Coupa marks lists with type="array"; a repeated name without it still loses nothing.
			if (repeated.has(child.name)) (object[child.name] as Json[]).push(value);
			else if (Object.prototype.hasOwnProperty.call(object, child.name)) {
				object[child.name] = [object[child.name], value];
				repeated.add(child.name);
			} else object[child.name] = value;
		}
		return object;
	}
	const text = element.text.trim();
	if (type === 'integer' || type === 'float') {
		const number = Number(text);
		if (text === '' || Number.isNaN(number))
			throw new XmlError(`<${element.name}> is not a number`);
		return number;
	}
	if (type === 'boolean') return text === 'true';
	return text;
}

/**
 * The record and the name of its root element (`invoice-header`, `order-header`, ...), or what
 * is wrong with the XML.
 */
export function parseCoupaXml(xml: string): { root: string; record: Json } | { error: string } {
	try {
		const root = parseDocument(xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml);
		return { root: root.name, record: toJson(root) };
	} catch (error) {
		// XmlError, or a RangeError from a character reference beyond Unicode.
		return { error: (error as Error).message };
	}
}
