/**
 * Turns whatever a user types as their Coupa domain into `https://<host>`.
 *
 * The function is also embedded, as source, in the credential's hidden expressions (token URL,
 * test URL), so it must stay self-contained: no imports, no outer variables, no throwing
 * (n8n's expression engine swallows errors). Input that must never receive the secret, such as
 * plain http to a non-loopback host, maps to a host under the reserved `.invalid` TLD: DNS can't
 * resolve it, so nothing is sent, and its name says what to fix.
 */
export function normalizeCoupaDomain(domain: unknown): string {
	const text = String(domain === undefined || domain === null ? '' : domain).trim();
	const match = /^(?:(https?):\/\/)?([^/?#\s]+)/i.exec(text);
	if (!match) return 'https://enter-your-coupa-domain.invalid';
	const scheme = (match[1] || 'https').toLowerCase();
	const hostAndPort = /^(.*?)(:\d+)?$/.exec(match[2].toLowerCase()) as RegExpExecArray;
	let hostname = hostAndPort[1].replace(/\.+$/, '');
	const port = hostAndPort[2] || '';
	const loopback = hostname === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';
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
		return 'The Coupa domain is empty or not a host name. Enter it as e.g. acme.coupahost.com';
	}
	return undefined;
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
