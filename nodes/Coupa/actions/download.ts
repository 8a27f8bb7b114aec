import type { IDataObject, IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CoupaAction } from '../catalog';
import { baseFileName, dispositionFileName } from '../helpers/fileName';
import { wholeNumber } from '../helpers/numberParameter';
import {
	BYTES_PER_MB,
	DEFAULT_MAX_FILE_MB,
	discardBody,
	fileTooLargeError,
	MAX_FILE_MB,
	readBounded,
} from '../transport/boundedBody';
import { clip } from '../transport/errorMessages';
import { describeFailure } from '../transport/failure';
import { fileUrlProblem } from '../transport/fileHost';
import type { BinaryResponse } from '../transport/request';
import { coupaRequest, getConnection, sameOrigin } from '../transport/request';
import type { OperationInput } from './types';

/** Redirects followed on a file's own host; one to another host is never followed. */
const MAX_FILE_REDIRECTS = 5;
const FILE_TIMEOUT_MS = 120_000;

/** The Max File Size option in bytes, checked like every numeric option. */
function maxBytesOf(input: OperationInput): number {
	const { ctx, itemIndex } = input;
	const mb = wholeNumber(
		ctx,
		itemIndex,
		ctx.getNodeParameter('maxFileSizeMb', itemIndex, DEFAULT_MAX_FILE_MB),
		{
			label: 'Max File Size (MB)',
			min: 1,
			max: MAX_FILE_MB,
			description: `Set Max File Size (MB) to a whole number from 1 to ${MAX_FILE_MB}; it is ${DEFAULT_MAX_FILE_MB} when not set.`,
		},
	);
	return mb * BYTES_PER_MB;
}

/**
 * A file on a host other than Coupa's (a storage service), fetched without the token. The URL
 * comes from Coupa's answer, so it is checked first (https only, no address inside n8n's network,
 * see fileHost.ts), redirects are followed only on that same host, and the body is read up to
 * Max File Size.
 */
async function fetchOtherHostFile(
	input: OperationInput,
	first: URL,
	baseUrl: string,
	maxBytes: number,
): Promise<BinaryResponse> {
	const { ctx, itemIndex } = input;
	const host = clip(first.host, 100);
	const refuse = (why: string) =>
		new NodeOperationError(ctx.getNode(), `Refused to download the attachment file: ${why}`, {
			itemIndex,
			description: `Coupa's attachment record points at ${host}. Files on other hosts are fetched only over https from public addresses, and never with the Coupa token.`,
		});
	let url = first;
	for (let redirects = 0; ; redirects++) {
		const problem = fileUrlProblem(url, baseUrl);
		if (problem) throw refuse(problem);
		const options: IHttpRequestOptions = {
			method: 'GET',
			url: url.href,
			encoding: 'stream',
			json: false,
			returnFullResponse: true,
			disableFollowRedirect: true,
			timeout: FILE_TIMEOUT_MS,
		};
		let full: { body: unknown; headers?: Record<string, string> };
		try {
			full = (await ctx.helpers.httpRequest(options)) as typeof full;
		} catch (error) {
			const failure = describeFailure(error);
			discardBody(failure.body);
			const status = failure.status ?? 0;
			if (status >= 300 && status < 400 && failure.location !== undefined) {
				let next: URL;
				try {
					next = new URL(failure.location, url);
				} catch {
					throw refuse(`${host} redirected the download to an address that is not a URL`);
				}
				if (next.host !== first.host)
					throw refuse(
						`${host} redirected the download to another host, ${clip(next.host, 100)}; the redirect was not followed`,
					);
				if (redirects >= MAX_FILE_REDIRECTS)
					throw refuse(`${host} redirected the download more than ${MAX_FILE_REDIRECTS} times`);
				url = next;
				continue;
			}
			throw new NodeApiError(
				ctx.getNode(),
				{ message: failure.status ? `HTTP ${failure.status}` : 'no answer' },
				{
					message: `Could not download the attachment file from ${host}${failure.status ? ` (HTTP ${failure.status})` : ''}`,
					description: `Coupa stores this file on ${host}; the download link may have expired. Run the node again to get a fresh link. The Coupa token is never sent to another host.`,
					itemIndex,
				},
			);
		}
		const headers = full.headers ?? {};
		const read = await readBounded(full.body, headers, maxBytes);
		if ('tooLarge' in read)
			throw fileTooLargeError(ctx.getNode(), itemIndex, read.tooLarge, maxBytes);
		return { body: read.bytes, headers };
	}
}

/**
 * The file an attachment record points at. Coupa's show call returns the record (JSON) with
 * `file-url`; the bytes are there. The token goes only to the Coupa origin: a file on another
 * host (e.g. a storage service) is fetched without it.
 */
async function fetchFileOf(
	input: OperationInput,
	path: string,
	urlKey: string,
	maxBytes: number,
): Promise<{ response: BinaryResponse; name?: string }> {
	const { ctx, itemIndex, call } = input;
	const record = (await coupaRequest(ctx, { method: 'GET', path }, call)) as
		| IDataObject
		| undefined;
	const raw = record?.[urlKey];
	// The record names the file in `file-name` or `file` (a path whose last part is the name).
	const named = [record?.['file-name'], record?.file].find(
		(value): value is string => typeof value === 'string' && value.trim() !== '',
	);
	const name = baseFileName(named);
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new NodeOperationError(
			ctx.getNode(),
			`This attachment has no file to download (no ${urlKey})`,
			{
				itemIndex,
				description: `Coupa returned the attachment without ${urlKey}: it is probably a URL or text attachment (type "${clip(String(record?.type ?? 'unknown'), 40)}"). List Attachments shows its url or text.`,
			},
		);
	}
	const { baseUrl } = await getConnection(ctx, itemIndex);
	let url: URL;
	try {
		url = new URL(raw.trim(), `${baseUrl}/`);
	} catch {
		throw new NodeOperationError(ctx.getNode(), "The attachment's file-url is not a URL", {
			itemIndex,
		});
	}
	if (sameOrigin(url.href, baseUrl)) {
		const response = (await coupaRequest(
			ctx,
			{ method: 'GET', path, url: url.href, binary: true, maxBytes },
			call,
		)) as BinaryResponse;
		return { response, name };
	}
	return { response: await fetchOtherHostFile(input, url, baseUrl, maxBytes), name };
}

/** A download action: the file as binary data, with its name, MIME type and size. */
export async function download(
	input: OperationInput,
	path: string,
	action: CoupaAction,
): Promise<INodeExecutionData[]> {
	const { ctx, itemIndex, call } = input;
	const maxBytes = maxBytesOf(input);
	const fetched = action.fileUrlKey
		? await fetchFileOf(input, path, action.fileUrlKey, maxBytes)
		: {
				response: (await coupaRequest(
					ctx,
					{ method: 'GET', path, binary: true, maxBytes },
					call,
				)) as BinaryResponse,
			};
	const { response } = fetched;
	const property = ctx.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const fileName =
		dispositionFileName(response.headers['content-disposition']) ??
		fetched.name ??
		baseFileName(path.split('/').pop()) ??
		'file';
	const binary = await ctx.helpers.prepareBinaryData(
		response.body,
		fileName,
		response.headers['content-type']?.split(';')[0],
	);
	return [
		{
			json: { fileName, mimeType: binary.mimeType, fileSize: binary.fileSize },
			binary: { [property]: binary },
		},
	];
}
