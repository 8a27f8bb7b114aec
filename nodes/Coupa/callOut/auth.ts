/**
 * Who may call the trigger. The token flow is what Coupa documents for call outs ("OAuth 2.0 for
 * Call Outs"); Basic authentication and a shared header secret are offered for tenants that set
 * their endpoints up that way. Secrets are compared through their HMACs, so neither the time
 * taken nor the length says anything about them.
 */
import type { HttpAnswer } from './answer';
import { equalBytes, hmacSha256, utf8 } from './sha256';
import { verifyToken } from './token';

export type CallOutAuthentication = 'oAuth2' | 'basicAuth' | 'headerSecret';

export interface CallOutCredentials {
	clientId: string;
	clientSecret: string;
}

/** Longest Authorization or secret header we look at; longer ones are refused unread. */
const MAX_HEADER_LENGTH = 4096;

const digestKey = utf8('coupa-call-out-compare');

export function sameSecret(given: string, expected: string): boolean {
	return equalBytes(hmacSha256(digestKey, utf8(given)), hmacSha256(digestKey, utf8(expected)));
}

type Headers = Record<string, string | string[] | undefined>;

export function headerValue(headers: Headers, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** `Basic base64(id:secret)` as RFC 7617 sends it; undefined when the header is not Basic. */
export function parseBasic(authorization: string | undefined) {
	const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
	if (!match || authorization!.length > MAX_HEADER_LENGTH) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

export function isClient(credentials: CallOutCredentials, id: string, secret: string): boolean {
	// Both compared every time: the answer does not tell which one was wrong.
	const idMatches = sameSecret(id, credentials.clientId);
	const secretMatches = sameSecret(secret, credentials.clientSecret);
	return idMatches && secretMatches;
}

const unauthorized = (description: string, challenge: string): HttpAnswer => ({
	status: 401,
	body: { error: challenge.startsWith('Bearer') ? 'invalid_token' : 'unauthorized', description },
	headers: { 'WWW-Authenticate': challenge },
});

/** Undefined when the event request may pass; otherwise the 401 to answer. */
export function checkEventRequest(
	authentication: CallOutAuthentication,
	headers: Headers,
	credentials: CallOutCredentials,
	{ audience, headerName, nowMs }: { audience: string; headerName: string; nowMs: number },
): HttpAnswer | undefined {
	const authorization = headerValue(headers, 'authorization');
	if (authentication === 'headerSecret') {
		const given = headerValue(headers, headerName);
		if (given === undefined || given.length > MAX_HEADER_LENGTH)
			return unauthorized(`Send the shared secret in the ${headerName} header.`, 'Secret');
		return sameSecret(given, credentials.clientSecret)
			? undefined
			: unauthorized(`The ${headerName} header does not hold the shared secret.`, 'Secret');
	}
	if (authentication === 'basicAuth') {
		const basic = parseBasic(authorization);
		const challenge = 'Basic realm="Coupa call out"';
		if (!basic)
			return unauthorized('Send Basic authentication: the client ID and secret.', challenge);
		return isClient(credentials, basic.id, basic.secret)
			? undefined
			: unauthorized('The client ID or secret is wrong.', challenge);
	}
	const challenge = 'Bearer realm="Coupa call out"';
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
	if (!bearer || authorization!.length > MAX_HEADER_LENGTH)
		return unauthorized(
			'Send an access token from the Token URL (Authorization: Bearer <token>).',
			challenge,
		);
	const check = verifyToken(bearer[1], credentials.clientSecret, {
		clientId: credentials.clientId,
		audience,
		nowMs,
	});
	if (check.valid) return undefined;
	const why =
		check.reason === 'expired'
			? 'The access token has expired: fetch a new one from the Token URL.'
			: `The access token is not valid here (${check.reason}): fetch one from this trigger's Token URL with this client ID and secret.`;
	return unauthorized(why, `${challenge}, error="invalid_token"`);
}
