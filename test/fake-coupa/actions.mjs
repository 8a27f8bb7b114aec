// What each catalogue action does to a record. The router finds actions (method, path, scopes)
// in the catalogue; this table only adds the state change. An action the catalogue gains but
// this table lacks still answers 200 and bumps updated-at.
import { modelOf, OBJECTS } from './catalog.mjs';
import { ApiError } from './http.mjs';
import { embed } from './reference-data.mjs';

/** The smallest valid PDF that shows one line of text: the body of every contract attachment. */
export function pdfBytes(text) {
	const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
	];
	let pdf = '%PDF-1.4\n';
	const offsets = objects.map((body, i) => {
		const at = pdf.length;
		pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
		return at;
	});
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(pdf, 'latin1');
}

/** Status an approvable document gets when its approval is approved or rejected. */
const AFTER_APPROVAL = { contracts: { approve: 'published', reject: 'draft' }, requisitions: { approve: 'approved', reject: 'draft' } };

const invalid = (path, message) => new ApiError(400, { [modelOf(path).model]: [message] });
const set = (changes) => () => changes;
const amount = (value) => (Math.round(value * 100) / 100).toFixed(2);

export function createActions({ store, records, clock }) {
	/** Open a pending approval for a document that was just submitted (approver: the requester's manager or mgr1). */
	function requestApproval(path, record) {
		const owner = record['requested-by'] ?? record['expensed-by'] ?? record['created-by'];
		const manager = store.get('users', owner?.id)?.manager;
		const approver = manager ?? embed('users', store.rows('users').find((u) => u.login === 'mgr1') ?? store.rows('users')[0]);
		const by = records.apiUser();
		store.insert('approvals', {
			position: 1, 'approval-chain-id': null, status: 'pending_approval', 'approval-date': null, note: null,
			type: 'ApprovalChainApproval', 'approvable-type': modelOf(path).className, 'approvable-id': record.id,
			'delegate-id': null, holdable: true, 'approver-type': 'User', approver, 'created-by': by, 'updated-by': by,
		});
	}

	const submit = (ctx) => {
		requestApproval(ctx.path, ctx.record);
		return { status: 'pending_approval', 'submitted-at': clock.iso() };
	};

	/** approve/reject/hold: only a pending approval may change, and the document follows. */
	const decide = (verb, status) => (ctx) => {
		const { record } = ctx;
		if (record.status !== 'pending_approval') {
			throw invalid('approvals', `Approval must be pending to ${verb} (current status: ${record.status})`);
		}
		const path = [...OBJECTS.keys()].find((p) => modelOf(p).className === record['approvable-type']);
		const next = AFTER_APPROVAL[path]?.[verb] ?? (verb === 'hold' ? null : OBJECTS.get(path)?.statuses?.includes(status) ? status : null);
		if (path && next && store.get(path, record['approvable-id'])) store.update(path, record['approvable-id'], { status: next });
		return { status, note: ctx.query.get('reason') ?? record.note, 'approval-date': verb === 'hold' ? null : clock.iso() };
	};

	/** `path:action` -> (ctx) => record changes, or `{ response: { status, payload | list | file } }`. */
	const EFFECTS = {
		'purchase_orders:issue': set({ status: 'issued', 'transmission-status': 'sent_via_email' }),
		'purchase_orders:issueWithoutSend': set({ status: 'issued', 'transmission-status': 'not_sent' }),
		'purchase_orders:cancel': set({ status: 'cancelled' }),
		'purchase_orders:close': set({ status: 'closed' }),
		'purchase_orders:reopen': set({ status: 'issued' }),
		'purchase_order_lines:softCloseForReceiving': set({ status: 'soft_closed_for_receiving', 'soft-closed-for-receiving': true }),
		'purchase_order_lines:reopenForReceiving': set({ status: 'created', 'soft-closed-for-receiving': false }),
		'purchase_order_changes:submitForApproval': submit,
		'approvals:approve': decide('approve', 'approved'),
		'approvals:reject': decide('reject', 'rejected'),
		'approvals:hold': decide('hold', 'on_hold'),
		'invoices:submit': submit,
		'invoices:void': set({ status: 'voided' }),
		'invoices:abandon': set({ status: 'abandoned' }),
		'invoices:dispute': ({ body }) => {
			const code = body?.['dispute-reason']?.code;
			if (!code) throw invalid('invoices', "Dispute reason can't be blank");
			return { status: 'disputed', 'dispute-reason': { code }, comments: body.comment ?? null };
		},
		'invoices:bypassApprovals': set({ status: 'approved' }),
		'expense_reports:submit': submit,
		'contracts:submitForApproval': submit,
		'inventory_transactions:void': set({ status: 'voided' }),
		'budget_lines:adjust': ({ record, body }) => {
			const adjustment = Number(body?.['adjustment-amount']);
			if (body?.['adjustment-amount'] === undefined || Number.isNaN(adjustment)) throw invalid('budget_lines', "Adjustment amount can't be blank");
			return { amount: amount(Number(record.amount) + adjustment) };
		},
		'requisitions:submitForApproval': ({ path, body }) => {
			const record = records.create(path, body, { status: 'pending_approval', 'submitted-at': clock.iso() });
			requestApproval(path, record);
			return { response: { status: 201, payload: record } };
		},
		'contracts:listAttachments': ({ record }) => ({
			response: { status: 200, list: store.rows('contract_attachments').filter((a) => a['attachable-id'] === record.id) },
		}),
		'contracts:downloadAttachment': ({ record, subId }) => {
			const attachment = store.get('contract_attachments', subId);
			if (!attachment || attachment['attachable-id'] !== record.id) {
				throw new ApiError(404, { base: [`Couldn't find Attachment with 'id'=${subId}`] });
			}
			const bytes = pdfBytes(`${record.name}: ${attachment['file-name']}`);
			return { response: { status: 200, file: { name: attachment['file-name'], type: 'application/pdf', bytes } } };
		},
	};

	/**
	 * Run an action. Record actions apply their changes with store.update (which bumps
	 * updated-at) and return the record; list/file/create actions return their own response.
	 */
	function run(ctx) {
		const effect = EFFECTS[`${ctx.path}:${ctx.action.value}`] ?? (() => ({}));
		const result = effect(ctx);
		if (result.response) return result.response;
		return { status: 200, payload: store.update(ctx.path, ctx.record.id, { ...result, 'updated-by': records.apiUser() }) };
	}

	return { run };
}
