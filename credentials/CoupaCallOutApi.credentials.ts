import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Coupa admin enters in the Call Out endpoint (Setup > Integrations > Call Outs): the
 * client ID and secret Coupa sends to the trigger's Token URL ("OAuth 2.0 for Call Outs"). The
 * same pair serves Basic authentication, and the secret a header-secret setup. n8n never calls
 * Coupa with it: Coupa calls n8n, so there is nothing to test from here.
 */
export class CoupaCallOutApi implements ICredentialType {
	name = 'coupaCallOutApi';

	displayName = 'Coupa Call Out API';

	icon: Icon = { light: 'file:coupa.svg', dark: 'file:coupa.dark.svg' };

	documentationUrl =
		'https://github.com/n8n-nodes-coupa/n8n-nodes-coupa/blob/main/docs/call-outs.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. coupa-call-out',
			description: 'Any name you choose; enter the same in the Call Out endpoint in Coupa',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A long random secret (32 characters or more); enter the same in the Call Out endpoint in Coupa. It also signs the access tokens, so changing it ends every token issued.',
		},
	];
}
