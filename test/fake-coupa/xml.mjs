// Coupa's default format: XML (`<suppliers type="array"><supplier>...`), used when the request's
// Accept header does not ask for JSON.

/** Escape element text (no attribute values carry user data). */
const escape = (text) =>
	String(text).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** `order-lines` -> `order-line`, `remit-to-addresses` -> `remit-to-address`. */
export function singular(name) {
	if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
	if (name.endsWith('sses') || name.endsWith('xes')) return name.slice(0, -2);
	if (name.endsWith('s')) return name.slice(0, -1);
	return name;
}

function element(name, value) {
	if (value === null || value === undefined) return `<${name} nil="true"/>`;
	if (Array.isArray(value)) {
		const child = singular(name);
		return `<${name} type="array">${value.map((item) => element(child, item)).join('')}</${name}>`;
	}
	if (typeof value === 'object') {
		return `<${name}>${Object.entries(value)
			.map(([key, v]) => element(key, v))
			.join('')}</${name}>`;
	}
	if (typeof value === 'number')
		return `<${name} type="${Number.isInteger(value) ? 'integer' : 'float'}">${value}</${name}>`;
	if (typeof value === 'boolean') return `<${name} type="boolean">${value}</${name}>`;
	if (ISO_RE.test(value)) return `<${name} type="dateTime">${escape(value)}</${name}>`;
	return `<${name}>${escape(value)}</${name}>`;
}

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

/** A record (root element = model) or a list (root = plural, `type="array"`). */
export function toXml(payload, { root, item }) {
	if (Array.isArray(payload))
		return `${PROLOG}<${root} type="array">${payload.map((r) => element(item, r)).join('')}</${root}>`;
	return `${PROLOG}${element(item, payload)}`;
}

/** `{"errors":{"user":["a","b"]}}` -> `<errors><error>a</error><error>b</error></errors>`. */
export function errorsToXml(errors) {
	const messages = Object.values(errors).flat();
	return `${PROLOG}<errors>${messages.map((m) => `<error>${escape(m)}</error>`).join('')}</errors>`;
}
