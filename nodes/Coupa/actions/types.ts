import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import type { CallContext } from '../transport/errorMessages';
import type { OperationEntry } from '../helpers/operations';

/** What every operation gets: the item, the catalogue object and how to label its calls. */
export interface OperationInput {
	ctx: IExecuteFunctions;
	itemIndex: number;
	object: CoupaObject;
	entry: OperationEntry;
	call: CallContext;
}

/** Runs one operation for one item; the router adds pairedItem and handles failures. */
export type OperationExecutor = (input: OperationInput) => Promise<INodeExecutionData[]>;
