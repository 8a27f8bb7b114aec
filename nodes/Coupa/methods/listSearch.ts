import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { CoupaObject } from '../catalog';
import { objectByResource } from '../catalog';
import { PAGE_SIZE } from '../transport/paginate';
import { coupaRequest, getConnection } from '../transport/request';

/** "supplier_window_hold" → "Supplier window hold". */
export function statusInWords(status: string): string {
	const words = status.replace(/[_-]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A record attribute as text: nested records by their name, login, code or number. */
function text(value: unknown): string {
	if (value === undefined || value === null || value === '') return '';
	if (typeof value === 'object') {
		const record = value as IDataObject;
		for (const key of ['name', 'fullname', 'login', 'code', 'number', 'id']) {
			if (record[key] !== undefined && record[key] !== null && record[key] !== '')
				return String(record[key]);
		}
		return '';
	}
	return String(value);
}

function amount(record: IDataObject, key: string | undefined): string {
	if (!key || record[key] === undefined || record[key] === null || record[key] === '') return '';
	const value = Number(record[key]);
	const figure = Number.isFinite(value)
		? value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
		: String(record[key]);
	const currency = text(record.currency);
	return currency ? `${figure} ${currency}` : figure;
}

/**
 * How a record reads in the picker, e.g. "4050 · Acme Supplies · 1,234.00 USD · Issued (ID 50)":
 * its title attributes, the supplier, the total with currency and the status in words.
 */
export function recordLabel(object: CoupaObject, record: IDataObject): string {
	const status =
		typeof record.status === 'string'
			? record.status
			: typeof record.state === 'string'
				? record.state
				: '';
	const parts = [
		...object.picker.title.map((key) => text(record[key])),
		object.picker.title.includes('supplier') ? '' : text(record.supplier),
		amount(record, object.picker.total),
		status ? statusInWords(status) : '',
	].filter((part, index, all) => part !== '' && all.indexOf(part) === index);
	return `${parts.length ? parts.join(' · ') : object.name} (ID ${record.id})`;
}

/**
 * "From list" for the record ID: the newest records of the chosen resource. A typed search looks
 * in every attribute of the object's picker (e.g. PO number and supplier name). Coupa ANDs its
 * filters, so each attribute is one `[contains]` request; the answers are merged, newest first.
 */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const object = objectByResource(this.getCurrentNodeParameter('resource') as string);
	const offset = Number(paginationToken ?? 0) || 0;
	const base: IDataObject = { limit: PAGE_SIZE, offset, order_by: 'id', dir: 'desc' };
	const queries = filter
		? object.picker.search.map((attribute) => ({ ...base, [`${attribute}[contains]`]: filter }))
		: [base];
	const call = { operationLabel: `Search ${object.plural}`, objectName: object.name };
	const answers = await Promise.allSettled(
		queries.map(
			async (qs) =>
				(await coupaRequest(this, { method: 'GET', path: object.path, qs }, call)) as IDataObject[],
		),
	);
	// One attribute Coupa refuses to search (e.g. on an older release) does not hide the others.
	const pages = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
	if (pages.length === 0) throw (answers[0] as PromiseRejectedResult).reason;
	const byId = new Map<string, IDataObject>();
	for (const record of pages.flat()) byId.set(String(record.id), record);
	const records = [...byId.values()].sort((a, b) => Number(b.id) - Number(a.id));
	const { baseUrl } = await getConnection(this);
	const results: INodeListSearchItems[] = records.map((record) => ({
		name: recordLabel(object, record),
		value: String(record.id),
		url: `${baseUrl}/${object.webPath}/${record.id}`,
	}));
	return {
		results,
		paginationToken: pages.some((page) => page.length === PAGE_SIZE)
			? String(offset + PAGE_SIZE)
			: undefined,
	};
}
