import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { objectByResource } from '../catalog';
import { PAGE_SIZE } from '../transport/paginate';
import { coupaRequest, getConnection } from '../transport/request';

/** "From list" for the record ID: the newest records of the chosen resource, searchable. */
export async function searchRecords(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const object = objectByResource(this.getCurrentNodeParameter('resource') as string);
	const offset = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = { limit: PAGE_SIZE, offset, order_by: 'id', dir: 'desc' };
	if (filter) qs[`${object.picker.search}[contains]`] = filter;
	const records = (await coupaRequest(this, { method: 'GET', path: object.path, qs }, {
		operationLabel: `Search ${object.plural}`,
		objectName: object.name,
	})) as IDataObject[];
	const { baseUrl } = await getConnection(this);
	return {
		results: records.map((record) => {
			const title = object.picker.title
				.map((key) => record[key])
				.filter((value) => value !== undefined && value !== null && value !== '')
				.join(' · ');
			return {
				name: `${title || object.name} (#${record.id})`,
				value: String(record.id),
				url: `${baseUrl}/${object.webPath}/${record.id}`,
			};
		}),
		paginationToken: records.length === PAGE_SIZE ? String(offset + PAGE_SIZE) : undefined,
	};
}
