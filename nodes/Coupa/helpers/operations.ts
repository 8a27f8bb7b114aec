import type { CoupaAction, CoupaObject, StandardOperation } from '../catalog';
import { actionsOf } from '../catalog';
import { lower, withArticle } from './labels';

/** One entry of a resource's Operation dropdown. */
export interface OperationEntry {
	value: string;
	name: string;
	action: string;
	description: string;
	/** Whether the operation works on one existing record, so it needs the record ID. */
	needsId: boolean;
	/** The catalogue action behind it, for non-standard operations. */
	catalogAction?: CoupaAction;
}

const STANDARD: Record<
	StandardOperation,
	(o: CoupaObject) => Omit<OperationEntry, 'value' | 'needsId'>
> = {
	get: (o) => ({
		name: 'Get',
		action: `Get ${withArticle(lower(o))}`,
		description: `Retrieve one ${lower(o)} by its ID (from Get Many ${o.plural} or its Coupa URL); returns the record`,
	}),
	getAll: (o) => ({
		name: 'Get Many',
		action: `Get many ${o.plural.toLowerCase()}`,
		description: `List ${o.plural.toLowerCase()} matching filters such as status or updated after; returns one item per record with its ID`,
	}),
	create: (o) => ({
		name: 'Create',
		action: `Create ${withArticle(lower(o))}`,
		description: `Create ${withArticle(lower(o))}; returns the new record with its ID`,
	}),
	update: (o) => ({
		name: 'Update',
		action: `Update ${withArticle(lower(o))}`,
		description: `Change fields of ${withArticle(lower(o))} by its ID; returns the updated record`,
	}),
	delete: (o) => ({
		name: 'Delete',
		action: `Delete ${withArticle(lower(o))}`,
		description: `Delete ${withArticle(lower(o))} by its ID; returns {deleted: true}`,
	}),
};

/** Every operation a resource offers, standard ones first, as the catalogue allows. */
export function operationsOf(object: CoupaObject): OperationEntry[] {
	const standard = (Object.keys(STANDARD) as StandardOperation[])
		.filter((op) => object.operations[op])
		.map((op) => ({
			value: op,
			needsId: op !== 'getAll' && op !== 'create',
			...STANDARD[op](object),
		}));
	const actions = actionsOf(object).map((action) => ({
		value: action.value,
		name: action.name,
		action: action.action,
		description: action.description,
		needsId: action.path.includes('{id}'),
		catalogAction: action,
	}));
	return [...standard, ...actions];
}

export function operationEntry(object: CoupaObject, operation: string): OperationEntry | undefined {
	return operationsOf(object).find((entry) => entry.value === operation);
}
