import type { FailureFacts } from './retryPolicy';

/**
 * Errors of writes whose outcome is unknown: Coupa may have carried them out although no answer
 * said so. The transport marks them; an operation that can tell by reading the record back
 * (actions, deletes) confirms them, every other caller shows the error as it is, which already
 * says that the change may have been applied.
 */
const unknownOutcomes = new WeakMap<object, FailureFacts>();

export function markOutcomeUnknown(error: object, failure: FailureFacts): void {
	unknownOutcomes.set(error, { status: failure.status, networkCode: failure.networkCode });
}

/** The failure behind an error whose write may have been applied, or undefined. */
export function unknownOutcomeOf(error: unknown): FailureFacts | undefined {
	return error !== null && typeof error === 'object' ? unknownOutcomes.get(error) : undefined;
}
