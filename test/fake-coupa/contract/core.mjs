// Core Platform objects: accounts, approvals, budget lines, items, suppliers, user groups, users.
// Written from Coupa's published docs (Compass pages mirrored in TimTini/coupa-compass-integration-docs
// output/markdown/, the R39 OpenAPI files in output/discovery/assets/raw/) and the scope → permission
// map Coupa publishes at /oauth2/scopes (copied in rossumai/university). Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, R39, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const reason = { optional: ['reason'], in: 'query' };

export const ROUTES = [
	...standardRoutes('accounts', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.accounting.read'],
		write: ['core.accounting.write'],
		source: `Compass 0027-Accounts_API_(_accounts).md; ${R39.core} paths./accounts`,
		scopeSource: `${SCOPE_MAP} §1.4, §2.4`,
		create: {
			required: ['account-type', 'segment-1'],
			optional: ['name', 'active', 'segment-2', 'segment-3', 'segment-4'],
			unconfirmed:
				'Which segments are required depends on the chart of accounts; segment-1 is the one every COA has',
		},
	}),
	...standardRoutes('approvals', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.approval.read'],
		write: ['core.approval.write'],
		source: `Compass Approvals API; ${R39.core} paths./approvals`,
		scopeSource: `${SCOPE_MAP} §3.1, §4.1`,
	}),
	...['approve', 'reject', 'hold'].map((op) =>
		actionRoute('approvals', op, 'PUT', `{id}/${op}`, ['core.approval.write'], {
			...reason,
			source: `Compass Approvals API example calls (PUT /api/approvals/12612/reject?reason=...); ${R39.core} paths./approvals/{id}/${op}`,
			scopeSource: `${SCOPE_MAP} §4.1`,
		}),
	),
	...standardRoutes('budget_lines', {
		ops: ['index', 'show', 'create', 'update', 'destroy'],
		read: ['core.budget.read'],
		write: ['core.budget.write'],
		source: `Compass 0038-Budget_Lines_API_(_budget_lines).md; ${R39.core} paths./budget_lines`,
		scopeSource: `${SCOPE_MAP} §5.2, §6.2`,
		create: {
			required: ['period', 'amount', 'segment-1'],
			optional: ['description', 'owner', 'currency', 'notes', 'segment-2', 'segment-3'],
		},
		destroy: {
			scopes: [],
			source: `${R39.core} paths./budget_lines/{id} delete`,
			unconfirmed:
				'DELETE is in the R39 spec only; the scope map lists no destroy permission, so no scope is documented',
		},
	}),
	actionRoute('budget_lines', 'adjust', 'PUT', '{id}/adjust', ['core.budget.write'], {
		required: ['adjustment-amount'],
		optional: ['description', 'currency.code'],
		source: `${R39.core} paths./budget_lines/{id}/adjust; body elements from Compass 0040-Budget_Line_Adjustment_API_(...md (adjustment-amount in; currency, description in)`,
		scopeSource: `${SCOPE_MAP} §6.2 Adjust`,
	}),
	...standardRoutes('items', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.item.read', 'core.catalog.read'],
		write: ['core.item.write'],
		source: `Compass 0057-Items_API_(_items).md; ${R39.core} paths./items`,
		scopeSource: `${SCOPE_MAP} §54, §55, §9.1 (core.catalog.read also grants items index/show)`,
		create: {
			required: ['name', 'description'],
			optional: ['item-number', 'uom', 'commodity', 'active'],
		},
	}),
	...standardRoutes('suppliers', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.supplier.read'],
		write: ['core.supplier.write'],
		source: `Compass 0074-Suppliers_API_(_suppliers).md, 0081-Suppliers_API_Example_Calls.md; ${R39.core} paths./suppliers`,
		scopeSource: 'Coupa /oauth2/scopes (core.supplier.read/.write)',
		create: {
			required: ['name'],
			optional: ['number', 'status', 'po-method', 'payment-term', 'invoice-matching-level'],
		},
	}),
	...standardRoutes('user_groups', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.user_group.read'],
		write: ['core.user_group.write'],
		source: `Compass User Groups API; ${R39.core} paths./user_groups`,
		scopeSource: 'Coupa /oauth2/scopes (core.user_group.read/.write)',
		create: { required: ['name'], optional: ['description', 'active', 'can-approve'] },
	}),
	...standardRoutes('users', {
		ops: ['index', 'show', 'create', 'update'],
		read: ['core.user.read'],
		write: ['core.user.write'],
		source: `Compass 0100-Users_API_(_users).md, 0015-Sample_Requests_Responses_-_XML_vs_JSON.md; ${R39.core} paths./users`,
		scopeSource: 'Coupa /oauth2/scopes (core.user.read/.write)',
		create: { required: ['login', 'email', 'firstname', 'lastname'] },
	}),
];

export const OBJECTS = [
	{ path: 'accounts', model: 'Account' },
	{
		path: 'approvals',
		model: 'Approval',
		stateKey: 'status',
		statuses: ['pending_approval', 'approved', 'rejected', 'escalated'],
		statusesSource: `${R39.core} definitions.Approval.status enum; Compass Approvals API`,
		statusesUnconfirmed: ['on_hold', 'skipped', 'withdrawn'],
	},
	{ path: 'budget_lines', model: 'BudgetLine' },
	{ path: 'items', model: 'Item' },
	{
		path: 'suppliers',
		model: 'Supplier',
		stateKey: 'status',
		statuses: ['draft', 'active', 'inactive'],
		statusesSource:
			'Compass 0081-Suppliers_API_Example_Calls.md (draft create, active example, set inactive)',
	},
	{ path: 'user_groups', model: 'UserGroup' },
	{ path: 'users', model: 'User' },
];
