import { writeOnce } from './confirmWrite';
import { recordId } from './recordId';
import type { OperationExecutor } from './types';

/** A delete whose answer is lost counts as done once the record is gone. */
export const deleteRecord: OperationExecutor = async (input) => {
	const { object, call } = input;
	const id = recordId(input);
	await writeOnce(
		input,
		{ method: 'DELETE', path: `${object.path}/${id}` },
		{ ...call, recordId: id },
		'gone',
	);
	return [{ json: { deleted: true, id: Number(id) } }];
};
