import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { CallContext } from './errorMessages';
import { redact, shownText } from './errorMessages';
import type { Failure } from './failure';

/** Redirects one Coupa call may follow (each one a new request through the transport). */
export const MAX_REDIRECTS = 5;

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * What to do with a 3xx answer to an API call. The transport asks n8n not to follow redirects
 * (n8n would re-send the Authorization header to any host), and decides here:
 * - another origin (scheme, host or port): never followed, so the token is not sent there;
 * - the same origin but outside /api/ (a login page, say): not followed;
 * - the same origin under /api/: a read is sent again to the new path. A write is sent again only
 *   for 307 and 308, which by HTTP's definition mean "not carried out here, repeat the same request
 *   there". A 301, 302 or 303 to a write may be the answer to a change Coupa already made (the
 *   post-redirect-get pattern), so it is not resent; the error says the change may have been made.
 *
 * Returns the path below /api (with its query) to request next, or the error to report. The
 * error passes through redaction like every other: a Location may echo a token.
 */
export function redirectTarget(
	node: INode,
	failure: Failure,
	baseUrl: string,
	requestUrl: string,
	method: string,
	call: CallContext,
	redirectsSoFar: number,
	secrets: string[],
): string | NodeApiError {
	const status = failure.status as number;
	const label =
		call.operationLabel ?? `${method} ${shownText(new URL(requestUrl).pathname, secrets, 200)}`;
	const fail = (rawMessage: string, rawDescription: string) => {
		const message = redact(rawMessage, secrets);
		const description = redact(rawDescription, secrets);
		return new NodeApiError(
			node,
			{ message, description },
			{ message, description, httpCode: String(status), itemIndex: call.itemIndex },
		);
	};
	if (failure.location === undefined) {
		return fail(
			`Coupa answered ${label} with a redirect (HTTP ${status}) that names no target`,
			"Coupa or a proxy in front of it answered with a redirect. Check the credential's Domain: it must be the instance's own host.",
		);
	}
	let target: URL;
	try {
		target = new URL(failure.location, requestUrl);
	} catch {
		return fail(
			`Coupa answered ${label} with a redirect (HTTP ${status}) to an address that is not a URL`,
			"Coupa or a proxy in front of it answered with a broken redirect. Check the credential's Domain.",
		);
	}
	const coupa = new URL(baseUrl);
	const where = shownText(target.host === coupa.host ? target.origin : target.host, secrets, 200);
	const path = shownText(target.pathname, secrets, 200);
	if (target.origin !== coupa.origin) {
		return fail(
			`Coupa redirected ${label} to another host, ${where}. The redirect was not followed, so the access token was not sent there`,
			`A redirect away from ${coupa.host} is never followed. If your Coupa instance now lives at ${where}, change the credential's Domain to it; otherwise a proxy or the instance's configuration sent the redirect.`,
		);
	}
	if (!target.pathname.startsWith('/api/')) {
		return fail(
			`Coupa redirected ${label} to ${path}, outside the API. The redirect was not followed`,
			"A redirect out of /api/ usually leads to a login or maintenance page. Check the credential's Domain and that the instance is available.",
		);
	}
	if (WRITE_METHODS.includes(method) && status !== 307 && status !== 308) {
		return fail(
			`Coupa answered ${label} with a redirect (HTTP ${status}) to ${path}: the change may already have been made`,
			'A server may answer a change it has carried out with a redirect to the result, so the request was not sent again. Check the record in Coupa before running the node again.',
		);
	}
	if (redirectsSoFar >= MAX_REDIRECTS) {
		return fail(
			`Coupa redirected ${label} more than ${MAX_REDIRECTS} times`,
			"The redirects never reached an answer. Check the credential's Domain and try again later.",
		);
	}
	return target.pathname.slice('/api/'.length) + target.search;
}
