/** Longest Content-Disposition header read for a file name; real ones are a few hundred bytes. */
const MAX_DISPOSITION_CHARS = 2048;
const MAX_NAME_CHARS = 255;

/** `%xx` decoded; text with a malformed escape is kept as it came. */
function percentDecoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * A file name from Coupa (a header, a record field) as a plain base name: no folders (`/` or `\`),
 * no control characters, not `.` or `..`, at most 255 characters. The name becomes the binary's
 * file name, which a later node may use to write the file, so a `../` must not survive.
 * Returns undefined when nothing usable is left.
 */
export function baseFileName(name: string | undefined): string | undefined {
	if (name === undefined) return undefined;
	const clean = [...name]
		.filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
		.join('');
	const base = clean.split(/[/\\]/).pop()?.trim() ?? '';
	if (base === '' || base === '.' || base === '..') return undefined;
	return base.slice(0, MAX_NAME_CHARS);
}

/**
 * The file name a download's Content-Disposition names (RFC 6266): `filename*=UTF-8''…` wins over
 * `filename=`; percent-escapes are decoded where valid. Only the first 2 KiB of the header are read.
 */
export function dispositionFileName(disposition: string | undefined): string | undefined {
	const header = (disposition ?? '').slice(0, MAX_DISPOSITION_CHARS);
	const extended = /filename\*\s*=\s*(?:utf-8|iso-8859-1)?'[^']*'([^;\s]+)/i.exec(header);
	if (extended) return baseFileName(percentDecoded(extended[1]));
	const quoted = /filename\s*=\s*"([^"]*)"/i.exec(header);
	if (quoted) return baseFileName(percentDecoded(quoted[1]));
	const token = /filename\s*=\s*([^;\s]+)/i.exec(header);
	return token ? baseFileName(percentDecoded(token[1])) : undefined;
}
