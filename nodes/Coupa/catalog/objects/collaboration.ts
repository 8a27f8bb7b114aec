/** Projects, their tasks and members, and user group memberships (Coupa's collaboration APIs). */
import { flag, ref, str } from '../fields';
import { choice, day, plainObject } from '../plain';
import type { CoupaObject } from '../types';

const PROJECT_READ = ['core.project.read'];
const PROJECT_WRITE = ['core.project.write'];
const GROUP_READ = ['core.user_group.read'];
const GROUP_WRITE = ['core.user_group.write'];
const user = ref('user', 'User', 'user', 'login', { lookup: 'users' });
const owner = flag('owner', 'Owner', 'owner', 'Whether the member owns the project or group');
const participant = flag(
	'participant',
	'Participant',
	'participant',
	'Whether the member takes part',
);

/** Project status changes: POST /projects/{id}/<status> (R39 Core Platform). */
const projectStatus = (value: string, name: string, segment: string, status: string) => ({
	value,
	name,
	segment,
	method: 'POST' as const,
	scopes: PROJECT_WRITE,
	does: `set the status of {target} to ${status}; returns the project`,
});

export const COLLABORATION_OBJECTS: CoupaObject[] = [
	plainObject({
		resource: 'project',
		name: 'Project',
		plural: 'Projects',
		path: 'projects',
		description:
			'A sourcing, contract or supplier project with dates, category plan, tasks and members',
		read: PROJECT_READ,
		write: PROJECT_WRITE,
		ops: ['getAll', 'get', 'create', 'update'],
		fields: [
			str('name', 'Name', 'name', { required: true }),
			ref('category', 'Category', 'category', 'name', { required: true }),
			ref('categoryPlan', 'Category Plan', 'category-plan', 'name', { required: true }),
			day('startDate', 'Start Date', 'start-date', { required: true }),
			day('endDate', 'End Date', 'end-date', { required: true }),
			str('description', 'Description', 'description'),
			ref('commodity', 'Commodity', 'commodity', 'name'),
			ref('department', 'Department', 'department', 'name'),
			str('externalReferenceNumber', 'External Reference Number', 'external-reference-number'),
			choice('allowUsersToViewMember', 'Who Sees Members', 'allow-users-to-view-member', [
				'anyone_with_access_to_this_project',
				'project_owners_only',
			]),
		],
		actions: [
			projectStatus('setDraft', 'Set to Draft', 'draft', 'draft'),
			projectStatus('setPlanned', 'Set to Planned', 'planned', 'planned'),
			projectStatus('setInProgress', 'Set to In Progress', 'in_progress', 'in progress'),
			projectStatus('cancel', 'Cancel', 'cancelled', 'cancelled'),
			projectStatus('complete', 'Complete', 'complete', 'complete'),
		],
		attachments: true,
		title: ['name'],
		search: ['name'],
	}),
	plainObject({
		resource: 'task',
		name: 'Task',
		plural: 'Tasks',
		path: 'tasks',
		description: 'A to-do with an owner and due date, on a project or a user group',
		read: [...PROJECT_READ, ...GROUP_READ],
		write: [...PROJECT_WRITE, ...GROUP_WRITE],
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		scopes: { delete: PROJECT_WRITE },
		fields: [
			str('title', 'Title', 'title', { required: true }),
			ref('owner', 'Owner', 'owner', 'login', { required: true, lookup: 'users' }),
			{
				name: 'linkable',
				label: 'Linked Record (JSON)',
				key: 'linkable',
				type: 'json',
				required: true,
				placeholder: 'e.g. {"id": 12, "type": "Project"}',
				description: 'The project or user group the task belongs to',
			},
			str('description', 'Description', 'description'),
			day('startDate', 'Start Date', 'start-date'),
			day('dueDate', 'Due Date', 'due-date'),
			str('status', 'Status', 'status'),
		],
		attachments: true,
		title: ['title'],
		search: ['title'],
		notes:
			'R39 requires linkable but does not spell out its form; the package sends the JSON given (UNCONFIRMED).',
	}),
	plainObject({
		resource: 'projectMembership',
		name: 'Project Membership',
		plural: 'Project Memberships',
		path: 'project_memberships',
		description: 'Who is on a project, as owner or participant',
		read: PROJECT_READ,
		write: PROJECT_WRITE,
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [ref('project', 'Project', 'project', 'name'), user, owner, participant],
		title: ['user', 'project'],
		search: ['user[login]'],
	}),
	plainObject({
		resource: 'userGroupMembership',
		name: 'User Group Membership',
		plural: 'User Group Memberships',
		path: 'user_group_memberships',
		description: 'Who belongs to a user group (approval groups, teams), as owner or participant',
		read: GROUP_READ,
		write: GROUP_WRITE,
		ops: ['getAll', 'get', 'create', 'update', 'delete'],
		fields: [ref('userGroup', 'User Group', 'user-group', 'name'), user, owner, participant],
		title: ['user', 'user-group'],
		search: ['user[login]'],
	}),
];
