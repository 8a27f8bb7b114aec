// Expense reports and expense lines. From Compass Expense Reports / Expense Lines API pages,
// R39_Expense_Reporting_API.json and Coupa's /oauth2/scopes map. Never from the node's catalogue (nodes/Coupa/catalog/).
import { actionRoute, markExportedRoute, R39, SCOPE_MAP, standardRoutes } from './_rows.mjs';

const READ = ['core.expense.read'];
const WRITE = ['core.expense.write'];

export const ROUTES = [
	...standardRoutes('expense_reports', {
		ops: ['index', 'show', 'create', 'update', 'destroy'],
		read: READ,
		write: WRITE,
		source: `Compass Expense Reports API; ${R39.expense} paths./expense_reports`,
		scopeSource: `${SCOPE_MAP} §20.10, §23.7`,
		create: {
			required: [],
			optional: ['title', 'expensed-by', 'currency', 'expense-lines'],
			source:
				'Compass 0008-API_Return_Formats.md expense report create example (currency + expense-lines; title optional)',
		},
	}),
	actionRoute('expense_reports', 'submit', 'PUT', '{id}/submit', WRITE, {
		source: `${R39.expense} paths./expense_reports/{id}/submit`,
		scopeSource: `${SCOPE_MAP} §23.7 Submit`,
	}),
	markExportedRoute('expense_reports', WRITE, `${SCOPE_MAP} §23.7 Export`),

	// Lines: read and change through /expense_lines; created under their report.
	...standardRoutes('expense_lines', {
		ops: ['index', 'show', 'create', 'update', 'destroy'],
		read: READ,
		write: WRITE,
		source: `Compass Expense Lines API; ${R39.expense} paths./expense_lines`,
		scopeSource: `${SCOPE_MAP} §20.5, §23.5`,
		create: {
			path: '/api/expense_reports/{expense_report_id}/expense_lines',
			parent: 'expense_reports',
			required: ['expense-category', 'foreign-currency', 'start-date'],
			optional: ['foreign-amount', 'amount', 'currency', 'expense-date', 'description', 'merchant'],
			source: `${R39.expense} paths./expense_reports/{expense_report_id}/expense_lines post; definitions.ExpenseLine.required; Compass Expense Lines API (expense-report-id is output only)`,
			unconfirmed:
				"Compass's in/out flags are not always right; the create example of the expense report uses amount, currency and expense-date",
		},
	}),
];

export const OBJECTS = [
	{
		path: 'expense_reports',
		model: 'ExpenseReport',
		lines: 'expense-lines',
		stateKey: 'status',
		statuses: [
			'draft',
			'working',
			'pending_approval',
			'pending_info',
			'approved',
			'accounting_review',
			'approved_for_payment',
			'scheduled_for_payment',
			'paid',
		],
		statusesSource: `Compass Expense Reports Export status values; ${R39.expense} definitions.ExpenseReport.status enum`,
		statusesUnconfirmed: ['rejected'],
	},
	{
		path: 'expense_lines',
		model: 'ExpenseLine',
		parent: { path: 'expense_reports', key: 'expense-report-id' },
	},
];
