// What each documented action does to a record. The router finds actions (method, path, scopes)
// in the contract table (./contract/); this table only adds the state change, keyed by Coupa's
// action name. A documented action this table lacks still answers 200 and bumps updated-at.
import { modelOf, OBJECTS, statusValuesOf } from './catalog.mjs';
import { attachmentStoreOf, files, insertAttachment } from './attachments.mjs';
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
const AFTER_APPROVAL = {
	contracts: { approve: 'published', reject: 'draft' },
	requisitions: { approve: 'approved', reject: 'draft' },
};

const invalid = (path, message) => new ApiError(400, { [modelOf(path).model]: [message] });
const set = (changes) => () => changes;
const amount = (value) => (Math.round(value * 100) / 100).toFixed(2);

export function createActions({ store, records, clock }) {
	/** Open a pending approval for a document that was just submitted (approver: the requester's manager or mgr1). */
	function requestApproval(path, record) {
		const owner = record['requested-by'] ?? record['expensed-by'] ?? record['created-by'];
		const manager = store.get('users', owner?.id)?.manager;
		const approver =
			manager ??
			embed('users', store.rows('users').find((u) => u.login === 'mgr1') ?? store.rows('users')[0]);
		const by = records.apiUser();
		store.insert('approvals', {
			position: 1,
			'approval-chain-id': null,
			status: 'pending_approval',
			'approval-date': null,
			note: null,
			type: 'ApprovalChainApproval',
			'approvable-type': modelOf(path).className,
			'approvable-id': record.id,
			'delegate-id': null,
			holdable: true,
			'approver-type': 'User',
			approver,
			'created-by': by,
			'updated-by': by,
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
			throw invalid(
				'approvals',
				`Approval must be pending to ${verb} (current status: ${record.status})`,
			);
		}
		const path = [...OBJECTS.keys()].find(
			(p) => modelOf(p).className === record['approvable-type'],
		);
		const next =
			AFTER_APPROVAL[path]?.[verb] ??
			(verb === 'hold' ? null : statusValuesOf(path).includes(status) ? status : null);
		if (path && next && store.get(path, record['approvable-id']))
			store.update(path, record['approvable-id'], { status: next });
		return {
			status,
			note: ctx.query.get('reason') ?? record.note,
			'approval-date': verb === 'hold' ? null : clock.iso(),
		};
	};

	/** An integration run status action: status, counts from the body, start or end time. */
	const runStatus =
		(status, { start = false, end = false } = {}) =>
		({ record, body }) => {
			const changes = { status };
			for (const key of ['total-records', 'records-processed']) {
				if (body?.[key] === undefined) continue;
				const count = Number(body[key]);
				if (!Number.isInteger(count) || count < 0)
					throw invalid('integration_runs', `${key} must be a whole number`);
				changes[key] = count;
			}
			if (start && !record['start-time']) changes['start-time'] = clock.iso();
			if (end) changes['end-time'] = clock.iso();
			return changes;
		};

	/** `path:op` (Coupa's action name) -> (ctx) => record changes, or `{ response: { status, payload | list | raw } }`. */
	const EFFECTS = {
		'purchase_orders:issue': set({ status: 'issued', 'transmission-status': 'sent_via_email' }),
		'purchase_orders:issue_without_send': set({
			status: 'issued',
			'transmission-status': 'not_sent',
		}),
		'purchase_orders:cancel': set({ status: 'cancelled' }),
		'purchase_orders:close': set({ status: 'closed' }),
		'purchase_orders:reopen': ({ body }) => ({
			status: 'issued',
			...(body?.['reason-insight-code']
				? { 'reason-insight-code': body['reason-insight-code'] }
				: {}),
		}),
		'purchase_order_lines:soft_close_for_receiving': set({
			status: 'soft_closed_for_receiving',
			'soft-closed-for-receiving': true,
		}),
		'purchase_order_lines:reopen_for_receiving': set({
			status: 'created',
			'soft-closed-for-receiving': false,
		}),
		'purchase_order_changes:submit_for_approval': submit,
		'approvals:approve': decide('approve', 'approved'),
		'approvals:reject': decide('reject', 'rejected'),
		'approvals:hold': decide('hold', 'on_hold'),
		'invoices:submit': submit,
		'invoices:void': set({ status: 'voided' }),
		'invoices:abandon': set({ status: 'abandoned' }),
		// DOC: "the dispute request can include a dispute reason": optional.
		'invoices:dispute': ({ body }) => {
			const code = body?.['dispute-reason']?.code;
			return {
				status: 'disputed',
				'dispute-reason': code ? { code } : null,
				comments: body?.comment ?? null,
			};
		},
		'invoices:bypass_approvals': set({ status: 'approved' }),
		'expense_reports:submit': submit,
		'contracts:submit_for_approval': submit,
		'receiving_transactions:void': set({ status: 'voided' }),
		'budget_lines:adjust': ({ record, body }) => {
			const adjustment = Number(body?.['adjustment-amount']);
			if (body?.['adjustment-amount'] === undefined || Number.isNaN(adjustment))
				throw invalid('budget_lines', "Adjustment amount can't be blank");
			return { amount: amount(Number(record.amount) + adjustment) };
		},
		'requisitions:submit_for_approval': ({ path, body }) => {
			const record = records.create(path, body, {
				status: 'pending_approval',
				'submitted-at': clock.iso(),
			});
			requestApproval(path, record);
			return { response: { status: 201, payload: record } };
		},
		'purchase_orders:release_from_buyer_hold': ({ record }) => {
			if (record.status !== 'buyer_hold')
				throw invalid(
					'purchase_orders',
					`Order is not on buyer hold (current status: ${record.status})`,
				);
			return { status: 'issued' };
		},
		'purchase_orders:ignore_window_and_issue': set({
			status: 'issued',
			'transmission-status': 'sent_via_email',
		}),
		'purchase_order_lines:soft_close_for_invoicing': set({ 'soft-closed-for-invoicing': true }),
		'purchase_order_lines:reopen_for_invoicing': set({ 'soft-closed-for-invoicing': false }),
		'invoices:withdraw_dispute': ({ record }) => {
			if (record.status !== 'disputed')
				throw invalid('invoices', `Invoice is not disputed (current status: ${record.status})`);
			return { status: 'pending_approval', 'dispute-reason': null };
		},
		'invoices:restart_approvals': ({ path, record }) => {
			store
				.rows('approvals')
				.filter(
					(a) =>
						a['approvable-type'] === 'InvoiceHeader' &&
						a['approvable-id'] === record.id &&
						a.status === 'pending_approval',
				)
				.forEach((a) => store.update('approvals', a.id, { status: 'skipped' }));
			requestApproval(path, record);
			return { status: 'pending_approval' };
		},
		// The current approver is passed over; with no approver left the invoice is approved.
		'invoices:bypass_current_approval': ({ record }) => {
			const pending = store
				.rows('approvals')
				.filter(
					(a) =>
						a['approvable-type'] === 'InvoiceHeader' &&
						a['approvable-id'] === record.id &&
						a.status === 'pending_approval',
				);
			if (pending[0]) store.update('approvals', pending[0].id, { status: 'skipped' });
			return pending.length > 1 ? {} : { status: 'approved' };
		},
		'requisitions:update_and_submit_for_approval': ({ path, record, body }) => {
			records.update(path, record, body);
			requestApproval(path, record);
			return { status: 'pending_approval', 'submitted-at': clock.iso() };
		},
		'requisitions:add_approver': ({ record, query }) => {
			const approver = store.get('users', query.get('approver_id'));
			if (!approver)
				throw invalid(
					'requisitions',
					`Approver ${query.get('approver_id') ?? ''} not found`.trim(),
				);
			const by = records.apiUser();
			store.insert('approvals', {
				position: 1,
				'approval-chain-id': null,
				status: 'pending_approval',
				'approval-date': null,
				note: null,
				type: 'ManualApproval',
				'approvable-type': 'RequisitionHeader',
				'approvable-id': record.id,
				'delegate-id': null,
				holdable: true,
				'approver-type': 'User',
				approver: embed('users', approver),
				'created-by': by,
				'updated-by': by,
			});
			return {};
		},
		// Remit-To Addresses API: /suppliers/{id}/addresses (index, create, update).
		'suppliers:addresses_index': ({ record }) => ({
			response: {
				status: 200,
				list: store
					.rows('supplier_remit_to_addresses')
					.filter((a) => a['supplier-id'] === record.id),
				names: { root: 'addresses', item: 'address' },
			},
		}),
		'suppliers:addresses_create': ({ record, body }) => {
			const missing = ['remit-to-code', 'street1', 'city', 'postal-code'].filter(
				(key) => !String(body?.[key] ?? '').trim(),
			);
			if (!body?.country?.code) missing.push('country');
			if (missing.length)
				throw new ApiError(400, { address: missing.map((key) => `${key} can't be blank`) });
			const by = records.apiUser();
			const address = store.insert('supplier_remit_to_addresses', {
				...body,
				'supplier-id': record.id,
				'created-by': by,
				'updated-by': by,
			});
			return {
				response: { status: 201, raw: address, names: { root: 'addresses', item: 'address' } },
			};
		},
		'suppliers:addresses_update': ({ record, subId, body }) => {
			const address = store.get('supplier_remit_to_addresses', subId);
			if (!address || address['supplier-id'] !== record.id)
				throw new ApiError(404, { base: [`Couldn't find Address with 'id'=${subId}`] });
			return {
				response: {
					status: 200,
					raw: store.update('supplier_remit_to_addresses', address.id, body ?? {}),
					names: { root: 'addresses', item: 'address' },
				},
			};
		},
		// Supplier Sites API: /suppliers/{id}/supplier_sites (index, create, update).
		'suppliers:supplier_sites_index': ({ record }) => ({
			response: {
				status: 200,
				list: store.rows('supplier_sites').filter((site) => site['supplier-id'] === record.id),
				names: { root: 'supplier-sites', item: 'supplier-site' },
			},
		}),
		'suppliers:supplier_sites_create': ({ record, body }) => {
			const missing = ['code', 'name', 'po-method'].filter(
				(key) => !String(body?.[key] ?? '').trim(),
			);
			if (missing.length)
				throw new ApiError(400, { supplier_site: missing.map((key) => `${key} can't be blank`) });
			const by = records.apiUser();
			const site = store.insert('supplier_sites', {
				active: true,
				...body,
				'supplier-id': record.id,
				'created-by': by,
				'updated-by': by,
			});
			return {
				response: {
					status: 201,
					raw: site,
					names: { root: 'supplier-sites', item: 'supplier-site' },
				},
			};
		},
		'suppliers:supplier_sites_update': ({ record, subId, body }) => {
			const site = store.get('supplier_sites', subId);
			if (!site || site['supplier-id'] !== record.id)
				throw new ApiError(404, { base: [`Couldn't find SupplierSite with 'id'=${subId}`] });
			return {
				response: {
					status: 200,
					raw: store.update('supplier_sites', site.id, body ?? {}),
					names: { root: 'supplier-sites', item: 'supplier-site' },
				},
			};
		},
		// Integration Runs API: each action sets the run's status; the counts ride along (UNCONFIRMED, see the contract row).
		'integration_runs:run': runStatus('running', { start: true }),
		'integration_runs:success': runStatus('successful', { end: true }),
		'integration_runs:fail': runStatus('failed', { end: true }),
		'integration_runs:pending': runStatus('pending'),
		'integration_runs:pause': runStatus('paused'),
		'integration_errors:resolve': set({ resolved: true }),
		'integration_errors:unresolve': set({ resolved: false }),
		'integration_history_records:resolve': set({ resolved: true }),
		'integration_history_records:unresolve': set({ resolved: false }),
		// Coupa's Invoices API: image_scan uploads the scan (multipart), retrieve_image_scan returns it.
		'invoices:image_scan': ({ record, body, origin }) => {
			const file = body?.file;
			if (!file?.bytes)
				throw invalid('invoices', 'Image scan file is missing (multipart field "file")');
			files(store).set(`invoice-scan-${record.id}`, {
				bytes: file.bytes,
				contentType: file.contentType,
				fileName: file.fileName,
			});
			return {
				'image-scan': file.fileName,
				'image-scan-url': `${origin}/api/invoices/${record.id}/retrieve_image_scan`,
			};
		},
		'invoices:retrieve_image_scan': ({ record }) => {
			const scan = files(store).get(`invoice-scan-${record.id}`);
			if (scan) return { response: fileResponse(scan.bytes, scan.contentType, scan.fileName) };
			// Seeded invoices name a scan; the fake renders it as a one-page PDF.
			if (!record['image-scan'])
				throw new ApiError(404, { base: [`Invoice ${record.id} has no image scan`] });
			return {
				response: fileResponse(
					pdfBytes(`Scan of invoice ${record['invoice-number']}`),
					'application/pdf',
					record['image-scan'],
				),
			};
		},
		'invoices:retrieve_legal_invoice_pdf': ({ record }) => ({
			response: fileResponse(
				pdfBytes(`Legal invoice ${record['invoice-number']}`),
				'application/pdf',
				`${record['invoice-number']}-legal.pdf`,
			),
		}),
	};

	/** An attachment as Coupa shows it; a file's `file-url` points at the fake's file route unless a test set its own. */
	function attachmentRecord(attachment, origin) {
		if (attachment.type !== 'AttachmentFile') return { ...attachment, 'file-url': null };
		return {
			...attachment,
			'file-url':
				'file-url' in attachment
					? attachment['file-url']
					: `${origin}/api/attachment_files/${attachment.id}`,
		};
	}

	const fileResponse = (bytes, contentType, fileName) => ({
		status: 200,
		bytes,
		headers: {
			'Content-Type': contentType,
			'Content-Disposition': `attachment; filename="${fileName}"`,
		},
	});

	const ATTACHMENT_TYPES = { file: 'AttachmentFile', url: 'AttachmentUrl', text: 'AttachmentText' };

	const commentStoreOf = (path) => `${path.replace(/s$/, '')}_comments`;
	const COMMENT_EFFECTS = {
		comments_index: ({ path, record }) => ({
			response: {
				status: 200,
				list: store.rows(commentStoreOf(path)).filter((c) => c['commentable-id'] === record.id),
				names: { root: 'comments', item: 'comment' },
			},
		}),
		// DOC (Comments API): POST /api/<document>/:id/comments with the text in `comments`.
		comments_create: ({ path, record, body }) => {
			const text = String(body?.comments ?? '').trim();
			if (!text) throw new ApiError(400, { comment: ["Comments can't be blank"] });
			const by = records.apiUser();
			const comment = store.insert(commentStoreOf(path), {
				comments: text,
				'commentable-type': modelOf(path).className,
				'commentable-id': record.id,
				'to-supplier': body?.['to-supplier'] ?? false,
				'created-by': by,
				'updated-by': by,
			});
			return {
				response: { status: 201, raw: comment, names: { root: 'comments', item: 'comment' } },
			};
		},
	};

	/** The Attachments API on every documented document type (index, show, create). */
	const ATTACHMENT_EFFECTS = {
		attachments_index: ({ path, record, origin }) => ({
			response: {
				status: 200,
				list: store
					.rows(attachmentStoreOf(path))
					.filter((a) => a['attachable-id'] === record.id)
					.map((a) => attachmentRecord(a, origin)),
			},
		}),
		// DOC (Attachment File API): show returns the attachment record; the bytes are at file-url.
		attachments_show: ({ path, record, subId, origin }) => {
			const attachment = store.get(attachmentStoreOf(path), subId);
			if (!attachment || attachment['attachable-id'] !== record.id) {
				throw new ApiError(404, { base: [`Couldn't find Attachment with 'id'=${subId}`] });
			}
			return { response: { status: 200, raw: attachmentRecord(attachment, origin) } };
		},
		// DOC (Attachments API): multipart attachment[type] = file | url | text, with attachment[file|url|text] and attachment[intent].
		attachments_create: ({ path, record, body, origin }) => {
			const fields = body && typeof body === 'object' ? body : {};
			const file = fields['attachment[file]'];
			const kind =
				fields['attachment[type]'] ??
				(file
					? 'file'
					: fields['attachment[url]']
						? 'url'
						: fields['attachment[text]']
							? 'text'
							: undefined);
			if (!ATTACHMENT_TYPES[kind])
				throw new ApiError(400, { attachment: ['Type must be one of file, url, text'] });
			if (kind === 'file' && !file?.bytes)
				throw new ApiError(400, { attachment: ["File can't be blank"] });
			if (kind !== 'file' && !String(fields[`attachment[${kind}]`] ?? '').trim())
				throw new ApiError(400, {
					attachment: [`${kind === 'url' ? 'Url' : 'Text'} can't be blank`],
				});
			const attachment = insertAttachment(
				store,
				path,
				{
					type: ATTACHMENT_TYPES[kind],
					'attachable-id': record.id,
					intent: fields['attachment[intent]'] ?? null,
					'file-name': kind === 'file' ? file.fileName : null,
					'file-file-size': kind === 'file' ? String(file.bytes.length) : null,
					url: kind === 'url' ? fields['attachment[url]'] : null,
					text: kind === 'text' ? fields['attachment[text]'] : null,
					'created-by': records.apiUser(),
				},
				kind === 'file'
					? { bytes: file.bytes, contentType: file.contentType, fileName: file.fileName }
					: undefined,
			);
			return { response: { status: 201, raw: attachmentRecord(attachment, origin) } };
		},
	};

	/**
	 * An R39 action the fake knows nothing more about than its route: a GET answers the records it
	 * names (`/quote_requests/{id}/quote_responses`: that request's responses; `/supplier_items/search`:
	 * the collection), a POST of a new record creates it, another write on the collection answers
	 * 200 with what was sent, and a write on a record bumps its updated-at.
	 */
	function documentedOnly({ path, op, row, record, body }) {
		const foreignKey = `${modelOf(path).model.replace(/_/g, '-')}-id`;
		if (row.method === 'GET') {
			if (!record) return { response: { status: 200, list: store.rows(path) } };
			const named = store.rows(op);
			if (named.length || OBJECTS.has(op))
				return {
					response: {
						status: 200,
						list: named.filter((r) => r[foreignKey] === record.id),
						names: { root: op.replace(/_/g, '-'), item: op.replace(/_/g, '-').replace(/s$/, '') },
					},
				};
			return { response: { status: 200, payload: record } };
		}
		// A POST to the collection whose body R39 gives as a new record (it has required keys)
		// creates one, e.g. POST /integration_history_records/create_alert.
		if (!record && row.method === 'POST' && row.required.length)
			return { response: { status: 201, payload: records.create(path, body) } };
		if (!record)
			return { response: { status: 200, raw: body ?? {}, names: { root: path, item: path } } };
		return {};
	}

	/**
	 * Run an action. Record actions apply their changes with store.update (which bumps
	 * updated-at) and return the record; list/file/create actions return their own response.
	 */
	function run(ctx) {
		const effect =
			EFFECTS[`${ctx.path}:${ctx.op}`] ??
			ATTACHMENT_EFFECTS[ctx.op] ??
			COMMENT_EFFECTS[ctx.op] ??
			(ctx.row?.r39 ? documentedOnly : () => ({}));
		const result = effect(ctx);
		if (result.response) return result.response;
		return {
			status: 200,
			payload: store.update(ctx.path, ctx.record.id, {
				...result,
				'updated-by': records.apiUser(),
			}),
		};
	}

	return { run };
}
