import type { INodeProperties } from 'n8n-workflow';

import { DOCUMENT_TYPES } from './documentTypes';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
export const DEFAULT_MAX_BODY_KB = 5120;
export const DEFAULT_DEDUPE_MINUTES = 1440;
export const DEFAULT_SECRET_HEADER = 'X-Coupa-Call-Out-Secret';

export const callOutProperties: INodeProperties[] = [
	{
		displayName:
			"In Coupa (Setup > Integrations > Call Outs) make the endpoint URL this node's Event URL (ending in /event) and, for OAuth 2.0, its Token URL the Token URL (ending in /token), with the client ID and secret of this node's credential. Then give a Process Automator process on a Document Event an API Call Out action to that endpoint (see docs/call-outs.md in the package).",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'OAuth 2.0 Client Credentials (Token URL)',
				value: 'oAuth2',
				description:
					'Coupa fetches a short-lived token from the Token URL with the client ID and secret, then sends it as a Bearer token',
			},
			{
				name: 'Basic Auth',
				value: 'basicAuth',
				description: 'Coupa sends the client ID and secret as Basic authentication with each call',
			},
			{
				name: 'Header Secret',
				value: 'headerSecret',
				description: 'Coupa sends the client secret in a header of your choice',
			},
		],
		default: 'oAuth2',
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: DEFAULT_SECRET_HEADER,
		required: true,
		displayOptions: { show: { authentication: ['headerSecret'] } },
		description: "The header that carries the credential's client secret",
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Immediately',
				value: 'onReceived',
				description: 'Answer 200 with a small JSON as soon as the call out is accepted',
			},
			{
				name: 'When Last Node Finishes',
				value: 'lastNode',
				description:
					"Answer with the first item of the workflow's last node, for Process Automator's response variables",
			},
			{
				name: "Using 'Respond to Webhook' Node",
				value: 'responseNode',
				description: 'Answer with what a Respond to Webhook node (version 1) sends',
			},
		],
		default: 'onReceived',
	},
	{
		displayName:
			"n8n's Respond to Webhook node looks for n8n's own Webhook node from its version 1.1 on. Use version 1 of it (as in the package's example workflow) or choose When Last Node Finishes.",
		name: 'respondNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { responseMode: ['responseNode'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'De-Duplicate',
				name: 'deduplicate',
				type: 'boolean',
				default: false,
				description:
					'Whether to skip a call out for a document already received with the same ID and updated-at within the window (Coupa may send a call out again)',
			},
			{
				displayName: 'De-Duplication Window (Minutes)',
				name: 'dedupeWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_DEDUPE_MINUTES,
				description: 'How long a received document counts as seen',
			},
			{
				displayName: 'Document Type',
				name: 'documentType',
				type: 'options',
				options: [
					{ name: 'Detect From Payload', value: 'detect' },
					...DOCUMENT_TYPES.map(({ name, value }) => ({ name, value })),
				],
				default: 'detect',
				description:
					'The document the Call Out sends. Detect reads it from the XML root element or a JSON envelope; a bare JSON document has no type unless set here.',
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: true,
				description:
					'Whether to add the request headers to callOut.headers (headers that may carry secrets are always left out)',
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodyKb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_MAX_BODY_KB,
				description: 'Larger call outs are refused with 413 and never reach the workflow',
			},
			{
				displayName: 'Token Lifetime (Seconds)',
				name: 'tokenLifetimeSeconds',
				type: 'number',
				typeOptions: { minValue: 60, maxValue: 86400 },
				default: DEFAULT_TOKEN_LIFETIME_SECONDS,
				description: 'How long a token from the Token URL is good for (expires_in)',
			},
		],
	},
];
