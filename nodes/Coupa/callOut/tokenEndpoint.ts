/**
 * The Token URL of a call out endpoint (docs/coupa-docs.md, "Call outs fetch a token with Basic
 * client credentials"; Compass "OAuth 2.0 for Call Outs"). Coupa's side:
 * `POST` with `Authorization: Basic base64(client_id:client_secret)`, `grant_type=client_credentials`
 * form-encoded (or JSON, if the endpoint is set up so) and an optional `scope`; the answer is
 * `{"access_token": "...", "token_type": "bearer", "expires_in": <seconds>}`. Client ID and
 * secret in the body (RFC 6749 section 2.3.1) are accepted too. Errors follow RFC 6749 section 5.2.
 */
import type { CallOutCredentials } from './auth';
import { headerValue, isClient, parseBasic } from './auth';
import type { HttpAnswer } from './answer';
import { issueToken } from './token';

type Body = Record<string, unknown>;

const oauthError = (status: number, error: string, description: string): HttpAnswer => ({
	status,
	body: { error, error_description: description },
	headers: {
		'Cache-Control': 'no-store',
		...(status === 401 ? { 'WWW-Authenticate': 'Basic realm="Coupa call out"' } : {}),
	},
});

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function answerTokenRequest(
	request: { headers: Record<string, string | string[] | undefined>; body: unknown },
	credentials: CallOutCredentials,
	{
		audience,
		lifetimeSeconds,
		nowMs,
	}: { audience: string; lifetimeSeconds: number; nowMs: number },
): HttpAnswer {
	// n8n has parsed a form or JSON body into an object already; anything else is not a token request.
	const body: Body =
		request.body && typeof request.body === 'object' && !Array.isArray(request.body)
			? (request.body as Body)
			: {};
	const basic = parseBasic(headerValue(request.headers, 'authorization'));
	const client = basic ?? { id: text(body.client_id), secret: text(body.client_secret) };
	if (client.id === undefined || client.secret === undefined)
		return oauthError(
			401,
			'invalid_client',
			'Send the client ID and secret with Basic authentication, as Coupa does.',
		);
	if (!isClient(credentials, client.id, client.secret))
		return oauthError(
			401,
			'invalid_client',
			"The client ID or secret does not match the trigger's credential.",
		);
	const grantType = text(body.grant_type);
	if (grantType !== 'client_credentials')
		return oauthError(
			400,
			grantType === undefined ? 'invalid_request' : 'unsupported_grant_type',
			'Send grant_type=client_credentials (form-encoded or JSON).',
		);
	const scope = text(body.scope);
	return {
		status: 200,
		body: {
			access_token: issueToken(credentials.clientSecret, {
				clientId: client.id,
				audience,
				lifetimeSeconds,
				nowMs,
			}),
			token_type: 'bearer',
			expires_in: lifetimeSeconds,
			...(scope ? { scope } : {}),
		},
		headers: { 'Cache-Control': 'no-store' },
	};
}
