import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { CallOutCredentials } from './callOut/auth';
import { credentialProblem } from './callOut/credentialCheck';
import { callOutProperties } from './callOut/description';
import { CREDENTIAL_TYPE, receiveCallOut } from './callOut/webhook';

/**
 * Starts a workflow when Coupa sends an API Call Out (a Process Automator action on a document
 * event). Two webhooks: the Token URL of the call out endpoint (`/token`) and the endpoint itself
 * (`/event`, POST or PUT, as Coupa's pages do not name the method). See docs/call-outs.md.
 */
export class CoupaCallOutTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Coupa Call Out Trigger',
		name: 'coupaCallOutTrigger',
		icon: { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"oAuth2": "Call out with token", "basicAuth": "Call out with Basic auth", "headerSecret": "Call out with header secret"}[$parameter["authentication"]] }}',
		description: 'Starts the workflow when Coupa sends an API Call Out (Process Automator)',
		defaults: { name: 'Coupa Call Out Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'coupaCallOutApi', required: true, testedBy: 'coupaCallOutCredential' }],
		webhooks: [
			{
				name: 'setup',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'token',
			},
			...['POST', 'PUT'].map((httpMethod) => ({
				name: 'default' as const,
				httpMethod,
				responseMode: '={{$parameter["responseMode"]}}',
				// Only When Last Node Finishes answers with the last node's first item; otherwise the
				// answer is the trigger's own small JSON (an empty value falls back to it).
				responseData: '={{$parameter["responseMode"] === "lastNode" ? "firstEntryJson" : ""}}',
				path: 'event',
			})),
		],
		properties: callOutProperties,
	};

	methods = {
		credentialTest: {
			async coupaCallOutCredential(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const problem = credentialProblem((credential.data ?? {}) as Partial<CallOutCredentials>);
				return problem
					? { status: 'Error', message: problem }
					: { status: 'OK', message: 'Ready: enter the same client ID and secret in Coupa.' };
			},
		},
	};

	// Nothing to register in Coupa: a Coupa admin points the Call Out at this node's URLs. Activation
	// still checks the credential, so a weak secret stops it instead of signing tokens.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const problem = credentialProblem(
					(await this.getCredentials(CREDENTIAL_TYPE)) as Partial<CallOutCredentials>,
				);
				if (problem) throw new NodeOperationError(this.getNode(), problem);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveCallOut.call(this);
	}
}
