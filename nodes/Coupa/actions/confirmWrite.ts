import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ResultingState } from '../catalog';
import { rethrowForItem } from '../helpers/rethrow';
import type { CallContext } from '../transport/errorMessages';
import { lostAnswerReason, recordLabel } from '../transport/errorMessages';
import type { CoupaRequest } from '../transport/request';
import { coupaRequest } from '../transport/request';
import { unknownOutcomeOf } from '../transport/uncertainWrite';
import type { OperationInput } from './types';

/** What a write on one record leads to: a state of the record, or its absence (a delete). */
export type Expectation = ResultingState | 'gone';

function holds(record: IDataObject, state: ResultingState): boolean {
	const value = String(record[state.field]);
	if (state.values) return state.values.some((wanted) => String(wanted) === value);
	return !(state.notValues ?? []).some((unwanted) => String(unwanted) === value);
}

function describeState(record: IDataObject, state: ResultingState): string {
	return `${state.field} is ${JSON.stringify(record[state.field] ?? null)}`;
}

/**
 * Sends a write on one record once. When Coupa's answer is lost (the transport never resends
 * such a write), the record is read back: if it is already in the state the write leads to (or
 * gone, for a delete), the write took effect and its result is the record read; otherwise the
 * item fails with a message that names the record and says the change may still be applied.
 * Returns the write's answer, or the record read back (`null` for a confirmed delete).
 */
export async function writeOnce(
	input: OperationInput,
	request: CoupaRequest,
	call: CallContext,
	expectation: Expectation | undefined,
	readQs: IDataObject = {},
): Promise<unknown> {
	try {
		return await coupaRequest(input.ctx, request, call);
	} catch (error) {
		const failure = unknownOutcomeOf(error);
		if (!failure || !expectation || !call.recordId)
			rethrowForItem(input.ctx, error, input.itemIndex);
		const what = `${call.operationLabel ?? request.method} of ${recordLabel(call)}`;
		const lost =
			failure.status !== undefined && failure.status < 400
				? `Coupa answered ${what} with a redirect (HTTP ${failure.status}), not with its result`
				: `Coupa's answer to ${what} was lost (${lostAnswerReason(failure)})`;
		const readCall: CallContext = {
			...call,
			method: 'GET',
			operationLabel: `Get ${input.object.name}`,
			sent: undefined,
		};
		let record: IDataObject;
		try {
			record = (await coupaRequest(
				input.ctx,
				{ method: 'GET', path: `${input.object.path}/${call.recordId}`, qs: readQs },
				readCall,
			)) as IDataObject;
		} catch (readError) {
			if (expectation === 'gone' && (readError as NodeApiError).httpCode === '404') return null;
			throw uncertain(
				input,
				call,
				`${lost}, and reading it back failed too (${(readError as Error).message}): the change may already have been applied`,
			);
		}
		if (expectation === 'gone') {
			throw uncertain(
				input,
				call,
				`${lost}, and ${recordLabel(call)} still exists: the delete may not have been applied, or may still be under way`,
			);
		}
		if (record && typeof record === 'object' && holds(record, expectation)) return record;
		throw uncertain(
			input,
			call,
			`${lost}, and the record is not yet in the state it leads to (${describeState(record ?? {}, expectation)}): the change may still be applied`,
		);
	}
}

function uncertain(input: OperationInput, call: CallContext, message: string): NodeApiError {
	const description = `The request was not sent again, to avoid applying it twice. Check ${recordLabel(call)} in Coupa before running this item again.`;
	return new NodeApiError(input.ctx.getNode(), { message, description } as JsonObject, {
		message,
		description,
		itemIndex: input.itemIndex,
	});
}
