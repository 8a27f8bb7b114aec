/**
 * One call to the trigger: the token endpoint answers itself and starts nothing; the event
 * endpoint checks the caller, reads the body and either starts the workflow with one item or
 * answers a 4xx without starting it. Nothing here echoes a secret or a token.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { CallOutAuthentication, CallOutCredentials } from './auth';
import { checkEventRequest } from './auth';
import type { HttpAnswer } from './answer';
import { writeAnswer } from './answer';
import { credentialProblem } from './credentialCheck';
import { dedupeKey, seenBefore } from './dedupe';
import {
	DEFAULT_DEDUPE_MINUTES,
	DEFAULT_MAX_BODY_KB,
	DEFAULT_SECRET_HEADER,
	DEFAULT_TOKEN_LIFETIME_SECONDS,
} from './description';
import { documentTypeOfRoot } from './documentTypes';
import type { CallOutRequest } from './payload';
import { parseCallOut, safeHeaders } from './payload';
import { answerTokenRequest } from './tokenEndpoint';

export const CREDENTIAL_TYPE = 'coupaCallOutApi';

interface Options {
	deduplicate?: boolean;
	dedupeWindowMinutes?: number;
	documentType?: string;
	includeHeaders?: boolean;
	maxBodyKb?: number;
	tokenLifetimeSeconds?: number;
}

/** The trigger's own identity: tokens it issues are good only at its Event URL. */
function audienceOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return node.webhookId ?? `${context.getWorkflow().id ?? ''}/${node.name}`;
}

function answered(context: IWebhookFunctions, answer: HttpAnswer): IWebhookResponseData {
	writeAnswer(context.getResponseObject(), answer);
	return { noWebhookResponse: true };
}

async function credentialsOf(context: IWebhookFunctions): Promise<CallOutCredentials> {
	const { clientId, clientSecret } = await context.getCredentials(CREDENTIAL_TYPE);
	return { clientId: String(clientId ?? ''), clientSecret: String(clientSecret ?? '') };
}

function tokenEndpoint(
	context: IWebhookFunctions,
	credentials: CallOutCredentials,
	authentication: CallOutAuthentication,
	options: Options,
): IWebhookResponseData {
	if (authentication !== 'oAuth2')
		return answered(context, {
			status: 404,
			body: {
				error: 'not_found',
				description:
					'This trigger does not use the token flow: its Authentication is not OAuth 2.0 Client Credentials.',
			},
		});
	const request = context.getRequestObject();
	return answered(
		context,
		answerTokenRequest({ headers: request.headers, body: request.body }, credentials, {
			audience: audienceOf(context),
			lifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
			nowMs: Date.now(),
		}),
	);
}

function eventEndpoint(
	context: IWebhookFunctions,
	credentials: CallOutCredentials,
	authentication: CallOutAuthentication,
	options: Options,
): IWebhookResponseData {
	const request = context.getRequestObject() as unknown as CallOutRequest;
	const headerName =
		authentication === 'headerSecret'
			? (context.getNodeParameter('headerName', DEFAULT_SECRET_HEADER) as string)
			: '';
	const nowMs = Date.now();
	const rejection = checkEventRequest(authentication, request.headers, credentials, {
		audience: audienceOf(context),
		headerName,
		nowMs,
	});
	if (rejection) return answered(context, rejection);

	const parsed = parseCallOut(request, {
		maxBytes: (options.maxBodyKb ?? DEFAULT_MAX_BODY_KB) * 1024,
	});
	if ('answer' in parsed) return answered(context, parsed.answer);

	const chosenType = options.documentType && options.documentType !== 'detect';
	const documentType = chosenType
		? options.documentType!
		: parsed.documentType
			? documentTypeOfRoot(parsed.documentType)
			: null;
	const summary = { received: true, documentType, id: parsed.document.id ?? null };

	if (options.deduplicate) {
		const key = dedupeKey(parsed.document, documentType);
		const windowMs = (options.dedupeWindowMinutes ?? DEFAULT_DEDUPE_MINUTES) * 60_000;
		const trigger = audienceOf(context);
		if (key && seenBefore(context.getWorkflowStaticData('node'), trigger, key, { windowMs, nowMs }))
			return answered(context, { status: 200, body: { ...summary, duplicate: true } });
	}

	const callOut: IDataObject = {
		documentType,
		root: parsed.documentType,
		format: parsed.format,
		method: request.method,
		receivedAt: new Date(nowMs).toISOString(),
	};
	if (options.includeHeaders !== false) callOut.headers = safeHeaders(request.headers, headerName);
	return {
		webhookResponse: summary,
		workflowData: [context.helpers.returnJsonArray([{ ...parsed.document, callOut }])],
	};
}

export async function receiveCallOut(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const authentication = this.getNodeParameter('authentication', 'oAuth2') as CallOutAuthentication;
	const options = this.getNodeParameter('options', {}) as Options;
	const credentials = await credentialsOf(this);
	// Activation refuses such a credential too; this covers one changed while the workflow is active.
	const problem = credentialProblem(credentials);
	if (problem)
		return answered(this, { status: 500, body: { error: 'not_configured', description: problem } });
	return this.getWebhookName() === 'setup'
		? tokenEndpoint(this, credentials, authentication, options)
		: eventEndpoint(this, credentials, authentication, options);
}
