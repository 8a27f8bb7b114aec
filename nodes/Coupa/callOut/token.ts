/**
 * Access tokens for Coupa's call out token flow ("OAuth 2.0 for Call Outs": Coupa POSTs to the
 * endpoint's Token URL and expects `{"access_token", "token_type": "bearer", "expires_in"}`).
 * A token is `v1.<claims>.<signature>`: base64url JSON claims (client ID, the trigger's webhook
 * ID, expiry) signed with HMAC-SHA256 under the client secret. Nothing is stored: any token this
 * secret signed for this trigger is good until it expires, and rotating the secret revokes all.
 */
import { equalBytes, hmacSha256, utf8 } from './sha256';

const VERSION = 'v1';
/** Far below the 1,258 characters Coupa says it tested; longer input is not a token of ours. */
export const MAX_TOKEN_LENGTH = 1024;

interface Claims {
	/** Client ID the token was issued to. */
	c: string;
	/** The trigger's webhook ID: a token for one trigger is no good at another. */
	a: string;
	/** Expiry, seconds since the epoch. */
	e: number;
}

export type TokenCheck =
	| { valid: true }
	| {
			valid: false;
			reason: 'malformed' | 'signature' | 'expired' | 'wrong client' | 'wrong trigger';
	  };

const base64url = (bytes: Uint8Array | string) =>
	Buffer.from(typeof bytes === 'string' ? utf8(bytes) : bytes).toString('base64url');

// The label keeps these signatures from ever matching an HMAC the secret makes for another use.
const sign = (secret: string, claims: string) =>
	hmacSha256(utf8(secret), utf8(`coupa-call-out-token.${VERSION}.${claims}`));

export function issueToken(
	secret: string,
	{
		clientId,
		audience,
		lifetimeSeconds,
		nowMs,
	}: {
		clientId: string;
		audience: string;
		lifetimeSeconds: number;
		nowMs: number;
	},
): string {
	const claims: Claims = {
		c: clientId,
		a: audience,
		e: Math.floor(nowMs / 1000) + lifetimeSeconds,
	};
	const encoded = base64url(JSON.stringify(claims));
	return `${VERSION}.${encoded}.${base64url(sign(secret, encoded))}`;
}

export function verifyToken(
	token: string,
	secret: string,
	{ clientId, audience, nowMs }: { clientId: string; audience: string; nowMs: number },
): TokenCheck {
	if (token.length > MAX_TOKEN_LENGTH) return { valid: false, reason: 'malformed' };
	const parts = token.split('.');
	if (parts.length !== 3 || parts[0] !== VERSION || !/^[\w-]+$/.test(parts[1] + parts[2]))
		return { valid: false, reason: 'malformed' };
	const [, encoded, signature] = parts;
	if (!equalBytes(new Uint8Array(Buffer.from(signature, 'base64url')), sign(secret, encoded)))
		return { valid: false, reason: 'signature' };
	let claims: Partial<Claims>;
	try {
		claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Partial<Claims>;
	} catch {
		return { valid: false, reason: 'malformed' };
	}
	if (typeof claims.e !== 'number' || claims.e * 1000 <= nowMs)
		return { valid: false, reason: 'expired' };
	if (claims.c !== clientId) return { valid: false, reason: 'wrong client' };
	if (claims.a !== audience) return { valid: false, reason: 'wrong trigger' };
	return { valid: true };
}
