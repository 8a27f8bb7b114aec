import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { Failure } from './failure';

export const SCOPE_RULE =
	'Coupa\'s rule: the scopes on the n8n credential must be exactly the scopes granted to the Coupa OAuth client.';
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
export function missingScopeMessage(scopes: string[], operationLabel = 'This operation'): {
	message: string;
	description: string;
} {
	const needed = scopes.length === 1 ? `the scope ${scopes[0]}` : `one of the scopes ${scopes.join(', ')}`;
	const first = scopes[0];
	return {
		message: `${operationLabel} needs ${needed}, which this credential does not have`,
		description: `Add ${first} to the Coupa OAuth client (${CLIENT_SETUP}) and to the OAuth Scope of this n8n credential. ${SCOPE_RULE}`,
	};
}

/** Flattens Coupa's `{"errors":{"user":["a","b"]}}` (or its XML form) into one readable line. */
export function coupaValidationText(body: unknown): string | undefined {
	let data = body;
	if (typeof data === 'string') {
		const xmlErrors = [...data.matchAll(/<error[^>]*>([^<]*)<\/error>/g)].map((m) => m[1].trim());
		if (xmlErrors.length) return xmlErrors.join('; ');
		try {
			data = JSON.parse(data);
		} catch {
			return undefined;
		}
	}
	const errors = (data as { errors?: unknown } | undefined)?.errors;
	if (errors && typeof errors === 'object') {
		const parts = Object.entries(errors as Record<string, unknown>).map(([model, messages]) => {
			const list = Array.isArray(messages) ? messages.map(String).join('; ') : String(messages);
			return model === 'base' ? list : `${model}: ${list}`;
		});
		return parts.join(' | ') || undefined;
	}
	if (Array.isArray(errors)) return errors.map(String).join('; ');
	const single = (data as { error?: unknown } | undefined)?.error;
	return typeof single === 'string' ? single : undefined;
}

function tokenMessage(failure: Failure): { message: string; description: string } {
	const detail = failure.tokenErrorDescription ? ` (${failure.tokenErrorDescription})` : '';
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
	return {
		message: `Could not get a Coupa access token${detail}`,
		description: 'Check the credential\'s Domain, Client ID, Client Secret and OAuth Scope, then use the credential\'s Test button.',
	};
}

function statusMessage(failure: Failure, call: CallContext): { message: string; description: string } {
	const label = call.operationLabel ?? 'The Coupa request';
	const status = failure.status;
	const coupaText = coupaValidationText(failure.body);
	if (status === 401 || status === 403) {
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
		const what = call.objectName && call.recordId ? `${call.objectName} ${call.recordId}` : 'The requested record or path';
		return {
			message: `${what} was not found in Coupa`,
			description: 'Check the ID (it is the number in the record\'s Coupa URL) and that the API user may see the record.',
		};
	}
	if (status === 400 || status === 422) {
		return {
			message: `Coupa rejected ${label}: ${coupaText ?? 'the request was invalid'}`,
			description: 'Correct the values Coupa names and run the node again. Required fields and valid values depend on your Coupa configuration.',
		};
	}
	if (status === 429) {
		return {
			message: `Coupa kept answering "too many requests" after ${call.attempts ?? 1} attempts`,
			description: 'Coupa allows 25 requests a second per instance. Other integrations may be using the budget; run the workflow later or spread it out.',
		};
	}
	if (status !== undefined && status >= 500) {
		return {
			message: `Coupa is unavailable (HTTP ${status}) after ${call.attempts ?? 1} attempts`,
			description: 'Coupa or a proxy in front of it failed. Try again later; check Coupa\'s status page if it persists.',
		};
	}
	if (failure.networkCode) {
		const what = NETWORK_FAILURES[failure.networkCode] ?? 'the network failed';
		const maybeDone =
			call.method === 'POST'
				? ' The request had been sent, so Coupa may have carried it out: check Coupa before running it again (it was not resent, to avoid a duplicate).'
				: '';
		return {
			message: `Could not reach Coupa after ${call.attempts ?? 1} attempt${call.attempts === 1 ? '' : 's'}: ${what}`,
			description: `Check the credential's Domain and the network between n8n and Coupa.${maybeDone}`,
		};
	}
	return {
		message: `${label} failed${status ? ` (HTTP ${status})` : ''}${coupaText ? `: ${coupaText}` : ''}`,
		description: 'See the Coupa response for details.',
	};
}

/** Replaces every secret (client secret, tokens) in a text. */
export function redact(text: string, secrets: string[]): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
	}
	return clean
		.replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
		.replace(/(client_secret|access_token)=([^&\s]+)/gi, '$1=[redacted]');
}

/**
 * The error every failed Coupa call ends in. It is built from plain text only: the original
 * error (whose request config holds the token and, for token calls, the secret) is not attached.
 */
export function coupaApiError(node: INode, failure: Failure, call: CallContext, secrets: string[]): NodeApiError {
	const text = failure.tokenError ? tokenMessage(failure) : statusMessage(failure, call);
	const message = redact(text.message, secrets);
	const description = redact(text.description, secrets);
	// Only HTTP statuses go in httpCode: n8n replaces the message of errors whose code is a
	// network code such as ECONNRESET with a generic text.
	const httpCode = failure.status && !failure.tokenError ? String(failure.status) : undefined;
	const response: JsonObject = { message, description };
	return new NodeApiError(node, response, { message, description, httpCode, itemIndex: call.itemIndex });
}
