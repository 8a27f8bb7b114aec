import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A whole-number field of the node and the range it accepts. */
export interface WholeNumberField {
	label: string;
	min: number;
	max?: number;
	/** What to do instead, shown with the error. */
	description: string;
}

/**
 * A whole-number field as typed or as an expression gave it (a number, or text holding one).
 * The editor enforces the range only for typed values, so it is checked here too: anything else
 * fails the item before a request is sent, with an error naming the field and its range.
 */
export function wholeNumber(
	ctx: IExecuteFunctions,
	itemIndex: number,
	value: unknown,
	field: WholeNumberField,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	const inRange =
		typeof number === 'number' &&
		Number.isInteger(number) &&
		number >= field.min &&
		(field.max === undefined || number <= field.max);
	if (!inRange) {
		const range =
			field.max === undefined
				? `a whole number of at least ${field.min}`
				: `a whole number from ${field.min} to ${field.max}`;
		const shown = JSON.stringify(value)?.slice(0, 40) ?? String(value);
		throw new NodeOperationError(ctx.getNode(), `${field.label} must be ${range}, not ${shown}`, {
			itemIndex,
			description: field.description,
		});
	}
	return number;
}
