/**
 * Turns whatever a user types as their Coupa domain into `https://<host>[:port]`.
 *
 * The function is also embedded, as source, in the credential's hidden expressions (token URL,
 * test URL), so it must stay self-contained: no imports, no outer variables, no throwing
 * (n8n's expression engine swallows errors). Input that must never receive the secret maps to a
 * host under the reserved `.invalid` TLD: DNS can't resolve it, so nothing is sent, and its name
 * says what to fix. That covers plain http to a non-loopback host, and anything that is not a
 * host name plus an optional port: user info (`acme.coupahost.com@evil.example`), a backslash,
 * a percent sign, spaces, an empty or out-of-range port, another scheme.
 */
export function normalizeCoupaDomain(domain: unknown): string {
	const text = String(domain === undefined || domain === null ? '' : domain).trim();
	if (text === '') return 'https://enter-your-coupa-domain.invalid';
	// A backslash is a path separator to URL parsers and a plain character to others.
	if (text.indexOf('\\') !== -1) return 'https://not-a-coupa-host.invalid';
	const parts = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/?#]*)(?:[/?#].*)?$/i.exec(text);
	if (!parts) return 'https://not-a-coupa-host.invalid';
	const scheme = (parts[1] || 'https').toLowerCase();
	if (scheme !== 'https' && scheme !== 'http') return 'https://not-a-coupa-host.invalid';
	const authority =
		/^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[::1\])(?::(\d{1,5}))?$/i.exec(
			parts[2],
		);
	if (!authority) return 'https://not-a-coupa-host.invalid';
	let hostname = authority[1].toLowerCase().replace(/\.+$/, '');
	const portNumber = authority[2] === undefined ? undefined : Number(authority[2]);
	if (portNumber !== undefined && (portNumber < 1 || portNumber > 65535))
		return 'https://not-a-coupa-host.invalid';
	const defaultPort = scheme === 'https' ? 443 : 80;
	const port = portNumber === undefined || portNumber === defaultPort ? '' : ':' + portNumber;
	const loopback =
		hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';
	if (scheme === 'http' && !loopback) return 'https://use-https-for-coupa.invalid';
	// A bare instance name such as "acme" means acme.coupahost.com.
	if (!loopback && hostname.indexOf('.') === -1) hostname = hostname + '.coupahost.com';
	return scheme + '://' + hostname + port;
}

/** Why a domain can't be used, or undefined when it can. Used by the node before any request. */
export function coupaDomainProblem(domain: unknown): string | undefined {
	const url = normalizeCoupaDomain(domain);
	if (url.indexOf('use-https-for-coupa.invalid') !== -1) {
		return 'The Coupa domain uses plain http. The Client Secret is only ever sent over https (plain http is allowed for localhost test servers only). Change the domain to https://<your-instance>.coupahost.com';
	}
	if (url.indexOf('enter-your-coupa-domain.invalid') !== -1) {
		return 'The Coupa domain is empty. Enter it as e.g. acme.coupahost.com';
	}
	if (url.indexOf('not-a-coupa-host.invalid') !== -1) {
		return `The Coupa domain is not a host name: ${domainDefect(String(domain).trim())}. Nothing was sent. Enter only the host of your instance, e.g. acme.coupahost.com or https://acme-test.coupahost.com`;
	}
	return undefined;
}

/** What is wrong with a domain normalizeCoupaDomain refused, without repeating it (it may hold a password). */
function domainDefect(text: string): string {
	const authority = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0];
	if (text.includes('\\')) return 'it contains a backslash';
	if (authority.includes('@')) {
		return 'it contains "@" (user info, as in name@host), so the secret would go to the host after the "@"';
	}
	const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
	if (scheme && !/^https?$/i.test(scheme[1]))
		return `it uses the scheme "${scheme[1]}" (only https is used)`;
	if (/\s/.test(authority)) return 'it contains a space';
	if (authority.includes('%')) return 'it contains percent-encoding';
	if (/:(\d*)$/.test(authority)) return 'its port is not a number from 1 to 65535';
	return "it has characters a host name can't have (use letters, digits, dots and hyphens, plus an optional :port)";
}

/**
 * The Domain a credential holds. The form stores it in `authUrl` (the inherited OAuth2 slot that
 * n8n lists before Client ID, unused by client credentials); credentials saved by 0.1 hold it in
 * `domain`. A typed Domain wins, so editing an old credential takes effect.
 */
export function credentialDomain(credentials: { authUrl?: unknown; domain?: unknown }): unknown {
	const typed = credentials.authUrl;
	return typeof typed === 'string' && typed.trim() !== '' ? typed : credentials.domain;
}

/** The same choice as credentialDomain, as an expression over `$self` or `$credentials`. */
export const domainOf = (reference: string) =>
	`((${reference}["authUrl"] || "").trim() ? ${reference}["authUrl"] : ${reference}["domain"])`;

/** An n8n expression that evaluates to the normalized base URL of `$self.domain` or similar. */
export function coupaBaseUrlExpression(domainReference: string, suffix = ''): string {
	return `={{ (${normalizeCoupaDomain.toString()})(${domainReference}) }}${suffix}`;
}

/**
 * Why a credential's Access Token URL can't be used, or undefined. The form never shows the field:
 * its default is derived from the Domain. A credential imported or stored with another value would
 * make n8n's OAuth2 code send the Client ID and Secret to that address while the form shows the
 * Coupa Domain, so the nodes refuse to run with it (n8n fetches the token only when a node calls).
 */
export function tokenUrlProblem(accessTokenUrl: unknown, baseUrl: string): string | undefined {
	const expected = baseUrl + '/oauth2/token';
	if (accessTokenUrl === expected) return undefined;
	let where = 'an address';
	try {
		where = new URL(String(accessTokenUrl)).host || where;
	} catch {
		// Not a URL: named as "an address".
	}
	return `The credential holds an Access Token URL on ${where.slice(0, 100)}, not its Domain's token endpoint (${expected}), so the Client Secret would go there. Nothing was sent. Create the credential again in n8n's credential form: an imported or copied credential may carry a hidden Access Token URL of its own.`;
}

/**
 * An n8n expression that evaluates to the host name (no scheme, no port) of the normalized
 * Domain, e.g. `acme.coupahost.com`: the form n8n's Allowed Domains list compares request hosts
 * with.
 */
export function coupaHostnameExpression(domainReference: string): string {
	return `={{ (${normalizeCoupaDomain.toString()})(${domainReference}).replace(/^https?:\\/\\//, "").replace(/:\\d+$/, "") }}`;
}

/**
 * The rate limiter's key for a base URL: scheme, lower-case host and non-default port, with every
 * loopback spelling (`localhost`, `127.0.0.1`, `[::1]`) as one. Two spellings of one instance share
 * one limit.
 */
export function coupaOriginKey(baseUrl: string): string {
	const match = /^(https?):\/\/(\[[^\]]+\]|[^/?#:]+)(?::(\d+))?/i.exec(baseUrl.trim());
	if (!match) return baseUrl.trim().toLowerCase();
	const scheme = match[1].toLowerCase();
	let host = match[2].toLowerCase().replace(/\.+$/, '');
	if (host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]')
		host = 'loopback';
	const port =
		match[3] && Number(match[3]) !== (scheme === 'https' ? 443 : 80) ? ':' + Number(match[3]) : '';
	return scheme + '://' + host + port;
}
