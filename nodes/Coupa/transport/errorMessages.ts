import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Failure } from './failure';
import type { FailureFacts } from './retryPolicy';
import { outcomeUnknown } from './retryPolicy';

export const SCOPE_RULE =
	"Coupa's rule: the scopes on the n8n credential must be exactly the scopes granted to the Coupa OAuth client.";
const CLIENT_SETUP = 'Setup → Integrations → OAuth2/OpenID Connect Clients';

/** What the failed call was doing, so the message can name it. */
export interface CallContext {
	itemIndex?: number;
	/** e.g. "Get Invoice" */
	operationLabel?: string;
	/** e.g. "Invoice" */
	objectName?: string;
	recordId?: string;
	/** Scopes of which the operation needs any one. */
	scopes?: string[];
	attempts?: number;
	method?: string;
	/** What a write sent, in a few words (e.g. `Invoice Number "INV-1"`), for "may have been applied" messages. */
	sent?: string;
}

/** Plain words for network failures. n8n swaps messages that contain a raw code such as ECONNRESET. */
const NETWORK_FAILURES: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	EPIPE: 'the connection was reset',
	ETIMEDOUT: 'the request timed out',
	ESOCKETTIMEDOUT: 'the request timed out',
	ECONNABORTED: 'the request timed out',
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name could not be resolved',
	EAI_AGAIN: 'the host name could not be resolved',
};

/** The message for a missing scope, before a call or after Coupa refused one. */
export function missingScopeMessage(
	scopes: string[],
	operationLabel = 'This operation',
): {
	message: string;
	description: string;
} {
	const needed =
		scopes.length === 1 ? `the scope ${scopes[0]}` : `one of the scopes ${scopes.join(', ')}`;
	const first = scopes[0];
	return {
		message: `${operationLabel} needs ${needed}, which this credential does not have`,
		description: `Add ${first} to the Coupa OAuth client (${CLIENT_SETUP}) and to the OAuth Scope of this n8n credential. ${SCOPE_RULE}`,
	};
}

/** How much of an error body is read: Coupa's validation errors are a few lines long. */
export const MAX_ERROR_BODY_CHARS = 16_384;
/** How much of Coupa's own text an error message carries. */
export const MAX_COUPA_TEXT_CHARS = 300;

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
export function clip(text: string, max = MAX_COUPA_TEXT_CHARS): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Text from Coupa (or from a URL it sent) as an error may show it: redacted first, then cut to
 * `max`. Cutting first could keep the start of a token that redaction would no longer recognise.
 */
export function shownText(text: string, secrets: string[], max = MAX_COUPA_TEXT_CHARS): string {
	return clip(redact(text.slice(0, MAX_ERROR_BODY_CHARS), secrets), max);
}

/**
 * Coupa's XML form of a validation error, `<error field="…">text</error>`. Each quantifier stops
 * at the next `<`, and a match can only start at a `<`, so the scan is linear in the text.
 */
const XML_ERROR = /<error(?:\s[^<>]*)?>([^<]*)<\/error>/g;

/**
 * Flattens Coupa's `{"errors":{"user":["a","b"]}}` (or its XML form) into one readable line. A
 * hostile body costs bounded work: patterns run on its first MAX_ERROR_BODY_CHARS only, and
 * messages show the line through shownText.
 */
export function coupaValidationText(body: unknown): string | undefined {
	let data = body;
	if (Buffer.isBuffer(data)) data = data.subarray(0, MAX_ERROR_BODY_CHARS).toString('utf8');
	if (typeof data === 'string') {
		const xmlErrors = [...data.slice(0, MAX_ERROR_BODY_CHARS).matchAll(XML_ERROR)].map((m) =>
			m[1].trim(),
		);
		if (xmlErrors.length) return xmlErrors.join('; ');
		try {
			// JSON.parse is linear, and Coupa's JSON is only useful whole.
			data = JSON.parse(data as string);
		} catch {
			return undefined;
		}
	}
	const errors = (data as { errors?: unknown } | undefined)?.errors;
	if (Array.isArray(errors)) return errors.slice(0, 50).map(String).join('; ');
	if (errors && typeof errors === 'object') {
		const entries = Object.entries(errors as Record<string, unknown>).slice(0, 50);
		const parts = entries.map(([model, messages]) => {
			const list = Array.isArray(messages)
				? messages.slice(0, 50).map(String).join('; ')
				: String(messages);
			return model === 'base' ? list : `${model}: ${list}`;
		});
		return parts.join(' | ') || undefined;
	}
	const single = (data as { error?: unknown } | undefined)?.error;
	return typeof single === 'string' ? single : undefined;
}

function tokenMessage(
	failure: Failure,
	secrets: string[],
): { message: string; description: string } {
	const detail = failure.tokenErrorDescription
		? ` (${shownText(failure.tokenErrorDescription, secrets)})`
		: '';
	if (failure.tokenError === 'invalid_scope') {
		return {
			message: `Coupa refused to issue a token: the credential asks for a scope the Coupa OAuth client was not granted${detail}`,
			description: `Compare the credential's OAuth Scope with the scopes of the OAuth client in Coupa (${CLIENT_SETUP}) and make them equal. ${SCOPE_RULE}`,
		};
	}
	if (failure.tokenError === 'invalid_client' || failure.tokenError === 'unauthorized_client') {
		return {
			message: `Coupa refused the Client ID or Client Secret${detail}`,
			description: `Copy the Identifier and Secret of the OAuth client from Coupa (${CLIENT_SETUP}) into the credential's Client ID and Client Secret again, and check the Domain.`,
		};
	}
	const status = failure.status ? ` (HTTP ${failure.status})` : '';
	if (failure.tokenError === 'token_redirect') {
		return {
			message: `Coupa's token endpoint answered with a redirect${status} instead of a token`,
			description: `${TOKEN_REDIRECTS} No token came back through it (it named no target, or the redirects never ended). Set the credential's Domain to the instance's own host (the one in the address bar when you use Coupa), not an SSO or vanity address, then use the credential's Test button.`,
		};
	}
	if (failure.tokenError === 'not_json' || failure.tokenError === 'no_access_token') {
		const message =
			failure.tokenError === 'no_access_token'
				? "Coupa's token endpoint answered without an access token"
				: `Coupa's token endpoint answered with ${failure.tokenAnswer ?? 'an answer of no content type'}${status} instead of a token`;
		return {
			message,
			description: `There is no Coupa error to show: the answer held no token and no OAuth error. The Domain may point at something other than the Coupa instance (a proxy, an SSO page, a vanity address), or the token request was redirected to such a host. ${TOKEN_REDIRECTS} Set the credential's Domain to the instance's own host, then use the credential's Test button.`,
		};
	}
	if (failure.networkCode) {
		return {
			message: `Could not reach Coupa's token endpoint: ${NETWORK_FAILURES[failure.networkCode] ?? 'the network failed'}`,
			description:
				"Check the credential's Domain and the network between n8n and Coupa, then use the credential's Test button.",
		};
	}
	return {
		message: `Could not get a Coupa access token${status}${detail}`,
		description:
			"Check the credential's Domain, Client ID, Client Secret and OAuth Scope, then use the credential's Test button.",
	};
}

/** How a request ended without an answer from Coupa, e.g. "HTTP 502" or "the connection was reset". */
export function lostAnswerReason(failure: FailureFacts): string {
	if (failure.status !== undefined) return `HTTP ${failure.status}`;
	return NETWORK_FAILURES[failure.networkCode ?? ''] ?? 'the connection failed';
}

/** "Invoice 12" when the call names a record, else the operation's label. */
export function recordLabel(call: CallContext): string {
	if (call.objectName && call.recordId) return `${call.objectName} ${call.recordId}`;
	return call.operationLabel ?? 'the record';
}

/**
 * A write that was sent but got no answer from Coupa itself. It was not resent, so it happened
 * at most once; the user must check before running the item again.
 */
function unknownOutcomeMessage(
	failure: Failure,
	call: CallContext,
): { message: string; description: string } {
	const label = call.operationLabel ?? `${call.method ?? 'The'} request`;
	const target = call.recordId ? ` of ${recordLabel(call)}` : '';
	const sent = call.sent ? ` (sent: ${call.sent})` : '';
	if (call.method === 'POST' && !call.recordId) {
		return {
			message: `${label}: Coupa's answer was lost (${lostAnswerReason(failure)}), so the record may have been created${sent}`,
			description:
				'The request reached Coupa and was not sent again, to avoid a duplicate. Search Coupa for the record before running this item again.',
		};
	}
	return {
		message: `${label}${target}: Coupa's answer was lost (${lostAnswerReason(failure)}), so the change may already have been applied${sent}`,
		description: `The request reached Coupa and was not sent again, to avoid applying it twice. Check ${recordLabel(call)} in Coupa before running this item again.`,
	};
}
/** What n8n's OAuth2 code does with a redirect from the token endpoint (docs/security.md). */
const TOKEN_REDIRECTS =
	"n8n's OAuth2 code, not this node, makes the token request, and it follows redirects: a 301, 302 or 303 is re-sent as a GET without the form, a 307 or 308 re-sends the form with the Client ID and Secret to the new address.";

function statusMessage(
	failure: Failure,
	call: CallContext,
	secrets: string[],
): { message: string; description: string } {
	if (outcomeUnknown(failure, call.method)) return unknownOutcomeMessage(failure, call);
	const label = call.operationLabel ?? 'The Coupa request';
	const status = failure.status;
	const rawText = coupaValidationText(failure.body);
	const coupaText = rawText === undefined ? undefined : shownText(rawText, secrets);
	// Coupa answers 401 when the access token is invalid or expired, and a missing scope with 403
	// (Compass, "Candidate Lookup API", error codes E4010002 and E4030002).
	if (status === 401) {
		return {
			message: `Coupa refused the access token for ${label} (HTTP 401), also a newly issued one`,
			description: `n8n got a new token and Coupa refused it too. Check that the OAuth client (${CLIENT_SETUP}) is active and that the credential's Client ID and Client Secret are its own.`,
		};
	}
	if (status === 403) {
		if (call.scopes?.length) {
			const scoped = missingScopeMessage(call.scopes, label);
			return {
				message: `Coupa refused ${label} (HTTP ${status}): the credential lacks ${call.scopes.length === 1 ? 'the scope' : 'one of the scopes'} ${call.scopes.join(', ')}`,
				description: scoped.description,
			};
		}
		return {
			message: `Coupa refused ${label} (HTTP ${status})`,
			description: `The token lacks a scope this call needs, or the OAuth client is disabled. Add the scope to the Coupa OAuth client and to the credential's OAuth Scope. ${SCOPE_RULE}`,
		};
	}
	if (status === 404) {
		const what =
			call.objectName && call.recordId
				? `${call.objectName} ${call.recordId}`
				: 'The requested record or path';
		return {
			message: `${what} was not found in Coupa`,
			description: call.objectName
				? `Use the ID of ${/^[aeiou]/i.test(call.objectName) ? 'an' : 'a'} ${call.objectName.toLowerCase()} from Get Many ${call.objectName}s (or the number in its Coupa URL), and check that the API user may see it.`
				: "Check the ID (it is the number in the record's Coupa URL) and that the API user may see the record.",
		};
	}
	if (status === 400 || status === 422) {
		return {
			message: `Coupa rejected ${label}: ${coupaText ?? 'the request was invalid'}`,
			description:
				'Correct the values Coupa names and run the node again. Required fields and valid values depend on your Coupa configuration.',
		};
	}
	if (status === 429) {
		return {
			message: `Coupa kept answering "too many requests" after ${call.attempts ?? 1} attempts`,
			description:
				'Coupa allows 25 requests a second per instance. Other integrations may be using the budget; run the workflow later or spread it out.',
		};
	}
	if (status !== undefined && status >= 500) {
		return {
			message: `Coupa is unavailable (HTTP ${status}) after ${call.attempts ?? 1} attempts`,
			description:
				"Coupa or a proxy in front of it failed. Try again later; check Coupa's status page if it persists.",
		};
	}
	if (failure.networkCode) {
		const what = NETWORK_FAILURES[failure.networkCode] ?? 'the network failed';
		return {
			message: `Could not reach Coupa after ${call.attempts ?? 1} attempt${call.attempts === 1 ? '' : 's'}: ${what}`,
			description: "Check the credential's Domain and the network between n8n and Coupa.",
		};
	}
	return {
		message: `${label} failed${status ? ` (HTTP ${status})` : ''}${coupaText ? `: ${coupaText}` : ''}`,
		description: 'See the Coupa response for details.',
	};
}

/**
 * Replaces every secret in a text: the client secret and tokens the caller knows of (also those
 * minted during the call, see request.ts), and anything shaped like a bearer token or a JWT
 * (Coupa's access tokens are JWTs), in case Coupa echoes a token n8n minted and stored elsewhere.
 * Every pattern is linear: a match can start only where a run of token characters starts (the
 * look-behind), so no stretch of the text is scanned from more than a few starting points.
 */
export function redact(text: string, secrets: string[]): string {
	let clean = text;
	for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
		if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
	}
	return clean
		.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
		.replace(/(client_secret|access_token|refresh_token|id_token)=([^&\s]+)/gi, '$1=[redacted]')
		.replace(/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, '[redacted]');
}

/**
 * The error every failed Coupa call ends in. It is built from plain text only: the original
 * error (whose request config holds the token and, for token calls, the secret) is not attached.
 */
export function coupaApiError(
	node: INode,
	failure: Failure,
	call: CallContext,
	secrets: string[],
): NodeApiError {
	const text = failure.tokenError
		? tokenMessage(failure, secrets)
		: statusMessage(failure, call, secrets);
	const message = redact(text.message, secrets);
	const description = redact(text.description, secrets);
	// Only HTTP statuses go in httpCode: n8n replaces the message of errors whose code is a
	// network code such as ECONNRESET with a generic text.
	const httpCode = failure.status && !failure.tokenError ? String(failure.status) : undefined;
	const response: JsonObject = { message, description };
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode,
		itemIndex: call.itemIndex,
	});
}
