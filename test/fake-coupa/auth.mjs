// OAuth 2.0 client credentials: token issuing and bearer-token checks (docs/coupa-docs.md,
// "Tokens come from /oauth2/token with the client credentials grant").
import { randomBytes, randomUUID } from 'node:crypto';

const b64url = (value) =>
	Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export function createAuth({ clients, tokenTtlSeconds, opaqueTokens = false }) {
	const byId = new Map(clients.map((client) => [client.clientId, client]));
	const tokens = [];
	const byToken = new Map();
	let ttl = tokenTtlSeconds;
	/** expireTokensAfter(): a lifetime forced on every token, issued or future (null = off). */
	let forcedLifetime = null;

	/**
	 * A JWT-looking string; like Coupa's it grows with the number of scopes. With `opaqueTokens`,
	 * a plain random string instead (not Coupa's shape): tests then see redaction work from the
	 * tokens the node knows, not from the JWT pattern.
	 */
	function mint(client, scopes, issuedAt) {
		if (opaqueTokens) return `opaque${randomBytes(24).toString('hex')}`;
		const payload = {
			iss: 'fake-coupa',
			sub: client.clientId,
			client_id: client.clientId,
			scope: scopes.join(' '),
			iat: Math.floor(issuedAt / 1000),
			exp: Math.floor(issuedAt / 1000) + ttl,
			jti: randomUUID(),
		};
		return `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(payload)}.${randomBytes(64).toString('base64url')}`;
	}

	/** Handle POST /oauth2/token; `body` is the parsed form. Returns [status, json]. */
	function tokenRequest(body, authorization) {
		const form = body && typeof body === 'object' ? body : {};
		let clientId = form.client_id;
		let clientSecret = form.client_secret;
		const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '');
		if (!clientId && basic) {
			const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
			const colon = decoded.indexOf(':');
			clientId = decodeURIComponent(decoded.slice(0, colon));
			clientSecret = decodeURIComponent(decoded.slice(colon + 1));
		}
		if (!form.grant_type)
			return [
				400,
				{
					error: 'invalid_request',
					error_description: 'The request is missing a required parameter: grant_type.',
				},
			];
		const client = byId.get(clientId);
		if (!client || client.clientSecret !== clientSecret) {
			return [401, { error: 'invalid_client', error_description: 'Client authentication failed.' }];
		}
		if (form.grant_type !== 'client_credentials') {
			return [
				400,
				{
					error: 'unsupported_grant_type',
					error_description:
						'The authorization grant type is not supported by the authorization server.',
				},
			];
		}
		const requested = String(form.scope ?? '')
			.split(/\s+/)
			.filter(Boolean);
		const notGranted = requested.filter((scope) => !client.scopes.includes(scope));
		if (notGranted.length) {
			return [
				400,
				{
					error: 'invalid_scope',
					error_description: `The requested scope is invalid, unknown, or malformed: ${notGranted.join(' ')}`,
				},
			];
		}
		const scopes = requested.length ? [...new Set(requested)] : [...client.scopes];
		const issuedAt = Date.now();
		const token = {
			accessToken: mint(client, scopes, issuedAt),
			clientId: client.clientId,
			scopes,
			issuedAt,
			expiresAt: issuedAt + ttl * 1000,
			revoked: false,
		};
		tokens.push(token);
		byToken.set(token.accessToken, token);
		return [200, { access_token: token.accessToken, token_type: 'bearer', expires_in: ttl }];
	}

	/** The token behind an `Authorization: Bearer` header, or null when missing/unknown/expired/revoked. */
	function authenticate(authorization) {
		const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
		const token = match && byToken.get(match[1]);
		if (!token || token.revoked) return null;
		const expiresAt =
			forcedLifetime === null ? token.expiresAt : token.issuedAt + forcedLifetime * 1000;
		return Date.now() < expiresAt ? token : null;
	}

	return {
		tokens,
		tokenRequest,
		authenticate,
		revokeAll: () => tokens.forEach((token) => (token.revoked = true)),
		expireAfter: (seconds) => (forcedLifetime = seconds),
		get tokenTtlSeconds() {
			return ttl;
		},
		set tokenTtlSeconds(seconds) {
			ttl = seconds;
		},
	};
}
