import type { INodeProperties } from 'n8n-workflow';

import { actionInputProperties } from './actionInputs';
import { customApiCallProperties } from './customApiCall';
import { itemOptionsProperty } from './itemOptions';
import { listProperties } from './list';
import { recordBodyProperties } from './recordBody';
import { recordIdProperties } from './recordId';
import { operationProperties, resourceProperty } from './resource';

/** Every parameter of the Coupa node, generated from the catalogue. */
export const coupaNodeProperties: INodeProperties[] = [
	resourceProperty,
	...operationProperties,
	...customApiCallProperties,
	...recordIdProperties,
	...recordBodyProperties,
	...actionInputProperties,
	...listProperties,
	itemOptionsProperty,
];
