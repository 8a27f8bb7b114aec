// Tests for the fake Coupa server itself (test/fake-coupa/), so the node's tests can trust it.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { ALL_SCOPES, startFakeCoupa } from './fake-coupa/index.mjs';

const CLIENT = { client_id: 'n8n-test-client', client_secret: 'n8n-test-secret' };
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

let fake;

async function tokenResponse(form, server = fake) {
	const res = await fetch(`${server.url}/oauth2/token`, {
		method: 'POST',
		headers: FORM,
		body: new URLSearchParams(form),
	});
	return { status: res.status, body: await res.json() };
}

async function token(scope, server = fake) {
	const { body } = await tokenResponse(
		{ ...CLIENT, grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
		server,
	);
	return body.access_token;
}

/** JSON API call; `path` is below /api. */
async function api(path, { method = 'GET', body, accessToken, headers = {}, server = fake } = {}) {
	const res = await fetch(`${server.url}/api/${path}`, {
		method,
		headers: {
			Accept: 'application/json',
			Authorization: `Bearer ${accessToken ?? (await token(undefined, server))}`,
			...(body ? { 'Content-Type': 'application/json' } : {}),
			...headers,
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		text,
		body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
	};
}

const q = (params) => new URLSearchParams(params).toString();

beforeAll(async () => {
	fake = await startFakeCoupa({ clock: '2026-11-27T12:00:00Z' });
});
afterAll(() => fake.close());
beforeEach(() => fake.faults.reset());

describe('token endpoint', () => {
	test('issues a bearer token with all granted scopes when none are requested', async () => {
		const { status, body } = await tokenResponse({ ...CLIENT, grant_type: 'client_credentials' });
		expect(status).toBe(200);
		expect(body).toEqual({
			access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
			token_type: 'bearer',
			expires_in: 86399,
		});
		const issued = fake.tokens.find((t) => t.accessToken === body.access_token);
		expect(issued.scopes).toEqual(ALL_SCOPES);
		expect(fake.requests.at(-1)).toMatchObject({
			method: 'POST',
			path: '/oauth2/token',
			status: 200,
			body: { grant_type: 'client_credentials' },
		});
	});

	test('accepts HTTP Basic client authentication', async () => {
		const basic = Buffer.from(`${CLIENT.client_id}:${CLIENT.client_secret}`).toString('base64');
		const res = await fetch(`${fake.url}/oauth2/token`, {
			method: 'POST',
			headers: { ...FORM, Authorization: `Basic ${basic}` },
			body: 'grant_type=client_credentials&scope=core.common.read',
		});
		expect(res.status).toBe(200);
		const { access_token } = await res.json();
		expect(fake.tokens.find((t) => t.accessToken === access_token).scopes).toEqual([
			'core.common.read',
		]);
	});

	test('rejects a wrong secret with 401 invalid_client', async () => {
		const { status, body } = await tokenResponse({
			...CLIENT,
			client_secret: 'nope',
			grant_type: 'client_credentials',
		});
		expect(status).toBe(401);
		expect(body).toEqual({
			error: 'invalid_client',
			error_description: 'Client authentication failed.',
		});
	});

	test('rejects scopes the client was not granted with 400 invalid_scope naming them', async () => {
		const { status, body } = await tokenResponse({
			...CLIENT,
			grant_type: 'client_credentials',
			scope: 'core.common.read core.bogus.read',
		});
		expect(status).toBe(400);
		expect(body.error).toBe('invalid_scope');
		expect(body.error_description).toMatch(/: core\.bogus\.read$/);
	});

	test('rejects other grant types', async () => {
		const { status, body } = await tokenResponse({ ...CLIENT, grant_type: 'password' });
		expect(status).toBe(400);
		expect(body.error).toBe('unsupported_grant_type');
	});
});

describe('authentication and scopes on /api', () => {
	test('401 without a token and with an unknown one', async () => {
		const res = await fetch(`${fake.url}/api/suppliers`, {
			headers: { Accept: 'application/json' },
		});
		expect(res.status).toBe(401);
		expect((await api('suppliers', { accessToken: 'not-a-token' })).status).toBe(401);
	});

	test('401 once a token has expired or been revoked', async () => {
		const accessToken = await token();
		expect((await api('suppliers?limit=1', { accessToken })).status).toBe(200);
		fake.faults.expireTokensAfter(0);
		expect((await api('suppliers?limit=1', { accessToken })).status).toBe(401);
		fake.faults.reset();
		expect((await api('suppliers?limit=1', { accessToken })).status).toBe(200);
		fake.faults.revokeTokens();
		expect((await api('suppliers?limit=1', { accessToken })).status).toBe(401);
	});

	test('403 naming the missing scope when the token lacks every scope the route needs', async () => {
		const accessToken = await token('core.common.read');
		const res = await api('suppliers', { accessToken });
		expect(res.status).toBe(403);
		expect(res.body).toEqual({
			errors: { base: ['Access denied: missing scope core.supplier.read'] },
		});
		expect((await api('currencies', { accessToken })).status).toBe(200);
		// Any one of the catalogue's scopes suffices (items: core.item.read OR core.catalog.read).
		expect((await api('items', { accessToken: await token('core.catalog.read') })).status).toBe(
			200,
		);
	});

	test('scopeDeniedStatus 401 is configurable', async () => {
		const other = await startFakeCoupa({ seed: false, scopeDeniedStatus: 401 });
		try {
			expect(
				(await api('users', { server: other, accessToken: await token('core.common.read', other) }))
					.status,
			).toBe(401);
		} finally {
			await other.close();
		}
	});

	test('unknown routes are 404', async () => {
		expect((await api('nonsense')).status).toBe(404);
		expect((await api('suppliers/1', { method: 'DELETE' })).status).toBe(404); // no delete for suppliers in the catalogue
	});
});

describe('formats', () => {
	test('XML when Accept does not ask for JSON', async () => {
		const res = await api('suppliers?limit=2', { headers: { Accept: '*/*' } });
		expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
		expect(res.text).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?><suppliers type="array"><supplier><id type="integer">1<\/id>/,
		);
		const missing = await api('suppliers/99999', { headers: { Accept: 'application/xml' } });
		expect(missing.status).toBe(404);
		expect(missing.text).toContain(
			"<errors><error>Couldn't find Supplier with 'id'=99999</error></errors>",
		);
	});

	test('JSON records are hyphenated, decimals are strings, timestamps carry offsets', async () => {
		const { status, headers, body } = await api('invoices/1');
		expect(status).toBe(200);
		expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(body).toMatchObject({
			id: 1,
			'invoice-number': expect.any(String),
			'total-with-taxes': expect.stringMatching(/^\d+\.\d{2}$/),
		});
		expect(body['updated-at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
		expect(fake.store.get('suppliers', body.supplier.id).name).toBe(body.supplier.name);
	});
});

describe('lists', () => {
	let big;
	let bigToken;
	const list = (query) => api(`invoices?${query}`, { server: big, accessToken: bigToken });
	beforeAll(async () => {
		// No timing assertion (project rule): seeding speed is a figure for `npm run bench`.
		big = await startFakeCoupa({ seed: { invoices: 10000 } });
		bigToken = await token(undefined, big);
	});
	afterAll(() => big.close());

	test('a bare array, id ascending, limit clamped to 50, 0-based offsets', async () => {
		const first = await list('limit=200');
		expect(first.body).toHaveLength(50);
		expect(first.body.map((r) => r.id)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
		expect((await list('limit=5&offset=50')).body.map((r) => r.id)).toEqual([51, 52, 53, 54, 55]);
		expect((await list('offset=10000')).body).toEqual([]);
	});

	test('order_by and dir, ties broken by id ascending', async () => {
		const desc = (await list('order_by=updated_at&dir=desc&fields=["id","updated_at"]')).body;
		const instants = desc.map((r) => Date.parse(r['updated-at']));
		expect(instants).toEqual([...instants].sort((a, b) => b - a));
		const byStatus = (await list('order_by=status&limit=50&fields=["id","status"]')).body;
		const first = byStatus.filter((r) => r.status === byStatus[0].status).map((r) => r.id);
		expect(first).toEqual([...first].sort((a, b) => a - b));
	});

	test('shuffleTies: records sharing a sort key come back in a fresh random order on every request', async () => {
		big.faults.shuffleTies(true);
		try {
			const orders = new Set();
			for (let i = 0; i < 5; i++) {
				const page = (await list('order_by=status&limit=50&fields=["id","status"]')).body;
				const statuses = page.map((r) => r.status);
				expect(statuses).toEqual([...statuses].sort());
				orders.add(page.map((r) => r.id).join(','));
			}
			expect(orders.size).toBeGreaterThan(1);
			// Without ties (the default order by id) nothing changes.
			expect((await list('limit=5')).body.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
		} finally {
			big.faults.shuffleTies(false);
		}
	});

	test('every filter operator', async () => {
		const all = big.store.list('invoices');
		const ids = (rows) => rows.map((r) => r.id).slice(0, 50);
		const check = async (query, predicate) =>
			expect((await list(`${query}&fields=["id"]`)).body.map((r) => r.id)).toEqual(
				ids(all.filter(predicate)),
			);
		const cut = '2026-06-01T00:00:00-07:00';
		await check('status=approved', (r) => r.status === 'approved');
		await check('status[not_eq]=approved', (r) => r.status !== 'approved');
		await check('status[in]=approved,voided', (r) => ['approved', 'voided'].includes(r.status));
		await check(
			'status[not_in]=approved,voided,draft',
			(r) => !['approved', 'voided', 'draft'].includes(r.status),
		);
		await check('invoice_number[contains]=0012', (r) => r['invoice-number'].includes('0012'));
		await check('invoice-number[starts_with]=INV-1002', (r) =>
			r['invoice-number'].startsWith('INV-1002'),
		);
		await check('invoice_number[ends_with]=77', (r) => r['invoice-number'].endsWith('77'));
		await check(
			`updated_at[gt]=${encodeURIComponent(cut)}`,
			(r) => Date.parse(r['updated-at']) > Date.parse(cut),
		);
		await check(
			`updated_at[lt_or_eq]=${encodeURIComponent(cut)}`,
			(r) => Date.parse(r['updated-at']) <= Date.parse(cut),
		);
		await check(
			'total_with_taxes[gt_or_eq]=1000.5',
			(r) => Number(r['total-with-taxes']) >= 1000.5,
		);
		await check('total_with_taxes[lt]=99', (r) => Number(r['total-with-taxes']) < 99);
		await check('exported=true', (r) => r.exported === true);
		await check('payment_date[blank]=true', (r) => r['payment-date'] === null);
		await check('payment_date[blank]=false', (r) => r['payment-date'] !== null);
		await check('no_such_attribute=1', () => false);
	});

	test('dates compare as instants across offsets', async () => {
		const record = big.store.get('invoices', 7);
		const instant = new Date(Date.parse(record['updated-at'])).toISOString();
		const res = await list(
			`id=7&updated_at[gt_or_eq]=${encodeURIComponent(instant)}&updated_at[lt_or_eq]=${encodeURIComponent(instant)}`,
		);
		expect(res.body.map((r) => r.id)).toEqual([7]);
		const offsets = new Set(big.store.list('invoices').map((r) => r['created-at'].slice(-6)));
		expect([...offsets].sort()).toEqual(['+00:00', '+03:00', '+05:30', '-07:00', '-08:00']);
	});

	test('nested filters, including on line arrays', async () => {
		const supplier = big.store.get('invoices', 3).supplier.name;
		const bySupplier = (
			await list(
				`supplier[name]=${encodeURIComponent(supplier)}&fields=["id",{"supplier":["name"]}]`,
			)
		).body;
		expect(bySupplier.length).toBeGreaterThan(0);
		expect(bySupplier.every((r) => r.supplier.name === supplier)).toBe(true);
		const contains = (await list('supplier[name][contains]=acme&fields=[{"supplier":["name"]}]'))
			.body;
		expect(contains.every((r) => /acme/i.test(r.supplier.name))).toBe(true);
		const types = (await list('account-type[name][in]=Chart%20of%20Accounts,Other&limit=3')).body;
		expect(types).toHaveLength(3);
		const withQuantityLines = (
			await list('invoice_lines[type]=InvoiceQuantityLine&fields=["id",{"invoice_lines":["type"]}]')
		).body;
		expect(
			withQuantityLines.every((r) =>
				r['invoice-lines'].some((l) => l.type === 'InvoiceQuantityLine'),
			),
		).toBe(true);
	});

	test('10,000-record lists filter, order and page', async () => {
		const res = await list('status[in]=approved,voided&order_by=updated_at&dir=desc&offset=100');
		expect(res.body).toHaveLength(50);
		const matching = big.store
			.list('invoices')
			.filter((i) => ['approved', 'voided'].includes(i.status));
		const newestFirst = matching.sort(
			(a, b) => Date.parse(b['updated-at']) - Date.parse(a['updated-at']) || a.id - b.id,
		);
		expect(res.body.map((r) => r.id)).toEqual(newestFirst.slice(100, 150).map((r) => r.id));
	});
});

describe('fields and return_object', () => {
	test('fields projects attributes and associations, keys hyphenated', async () => {
		const { body } = await api(
			`invoices/2?${q({ fields: '["id","invoice_number",{"supplier":["id","name"]},{"invoice_lines":["id","line_num"]}]' })}`,
		);
		expect(Object.keys(body)).toEqual(['id', 'invoice-number', 'supplier', 'invoice-lines']);
		expect(Object.keys(body.supplier)).toEqual(['id', 'name']);
		expect(Object.keys(body['invoice-lines'][0])).toEqual(['id', 'line-num']);
	});

	test('return_object limited and shallow', async () => {
		expect((await api('suppliers?return_object=limited&limit=2')).body).toEqual([
			{ id: 1 },
			{ id: 2 },
		]);
		const shallow = (await api('purchase_orders/1?return_object=shallow')).body;
		expect(shallow.supplier).toEqual({
			id: shallow.supplier.id,
			name: expect.any(String),
			number: expect.any(String),
		});
		expect(shallow['payment-term']).toEqual({ id: expect.any(Number), code: expect.any(String) });
		expect(shallow['po-number']).toBe(fake.store.get('purchase_orders', 1)['po-number']);
	});

	test('return_object=none gives an empty body on writes', async () => {
		const res = await api('suppliers?return_object=none', {
			method: 'POST',
			body: { name: 'Silent Supplies' },
		});
		expect(res.status).toBe(201);
		expect(res.text).toBe('');
		expect(fake.store.list('suppliers').some((s) => s.name === 'Silent Supplies')).toBe(true);
	});
});

describe('writes', () => {
	test('create resolves references and returns 201 with the stored record', async () => {
		const res = await api('invoices', {
			method: 'POST',
			body: {
				invoice_number: 'INV-NEW-1',
				'invoice-date': '2026-11-20T00:00:00-08:00',
				supplier: { name: 'Acme Computers' },
				currency: { code: 'USD' },
				invoice_lines: [
					{ type: 'InvoiceQuantityLine', description: 'Toner', price: '10.00', quantity: '3' },
				],
			},
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			'invoice-number': 'INV-NEW-1',
			status: 'draft',
			exported: false,
			supplier: { id: 1, name: 'Acme Computers' },
			currency: { id: 1, code: 'USD' },
			'total-with-taxes': '30.00',
			'created-at': '2026-11-27T04:00:00-08:00',
			'created-by': { login: 'integration' },
		});
		expect(fake.store.get('invoices', res.body.id)['invoice-lines'][0]).toMatchObject({
			'line-num': 1,
			total: '30.00',
		});
	});

	test('400 with Coupa errors for missing required fields, lines, unknown references and duplicates', async () => {
		const missing = await api('invoices', {
			method: 'POST',
			body: { supplier: { name: 'No Such Supplier' } },
		});
		expect(missing.status).toBe(400);
		expect(missing.body.errors.invoice_header).toEqual(
			expect.arrayContaining([
				"Invoice number can't be blank",
				"Currency can't be blank",
				"Invoice lines can't be blank",
				expect.stringMatching(/^Unable to find valid Supplier record/),
			]),
		);
		const user = fake.store.get('users', 3);
		const duplicate = await api('users', {
			method: 'POST',
			body: { login: user.login, email: user.email, firstname: 'A', lastname: 'B' },
		});
		expect(duplicate.status).toBe(400);
		expect(duplicate.body).toEqual({
			errors: { user: ['Login has already been taken', 'Email has already been taken'] },
		});
		const supplier = await api('suppliers', { method: 'POST', body: { name: 'Acme Computers' } });
		expect(supplier.body).toEqual({ errors: { supplier: ['Name has already been taken'] } });
	});

	test('update merges and bumps updated-at to the clock', async () => {
		fake.clock.set('2026-11-28T09:30:00Z');
		const res = await api('suppliers/2?fields=["id","website","updated_at","name"]', {
			method: 'PUT',
			body: { website: 'https://abs.example' },
		});
		expect(res.body).toEqual({
			id: 2,
			website: 'https://abs.example',
			'updated-at': '2026-11-28T01:30:00-08:00',
			name: 'ABS Services',
		});
	});

	test('exported flag round trip', async () => {
		const po = fake.store.list('purchase_orders').find((p) => !p.exported);
		expect((await api(`purchase_orders?exported=false&id=${po.id}`)).body).toHaveLength(1);
		const res = await api(`purchase_orders/${po.id}?exported=true&fields=["id","exported"]`, {
			method: 'PUT',
		});
		expect(res).toMatchObject({ status: 200, body: { id: po.id, exported: true } });
		expect(fake.store.get('purchase_orders', po.id)['last-exported-at']).toBe(fake.clock.iso());
		expect((await api(`purchase_orders?exported=false&id=${po.id}`)).body).toEqual([]);
	});

	test('delete only where the catalogue offers it', async () => {
		const res = await api('budget_lines/1', { method: 'DELETE' });
		expect(res).toMatchObject({ status: 200, body: { id: 1 } });
		expect((await api('budget_lines/1')).status).toBe(404);
	});
});

describe('actions', () => {
	test('purchase order issue, cancel and approval state rules', async () => {
		fake.clock.advance(60000);
		const draft = fake.store.list('purchase_orders').find((p) => p.status !== 'issued');
		const issued = await api(`purchase_orders/${draft.id}/issue`, { method: 'PUT' });
		expect(issued.body).toMatchObject({ status: 'issued', 'updated-at': fake.clock.iso() });
		expect((await api(`purchase_orders/${draft.id}/cancel`, { method: 'PUT' })).body.status).toBe(
			'cancelled',
		);

		const approval = fake.store.list('approvals').find((a) => a.status === 'pending_approval');
		const approved = await api(
			`approvals/${approval.id}/approve?reason=${encodeURIComponent('Looks good')}`,
			{ method: 'PUT' },
		);
		expect(approved.body).toMatchObject({ status: 'approved', note: 'Looks good' });
		const again = await api(`approvals/${approval.id}/reject`, { method: 'PUT' });
		expect(again.status).toBe(400);
		expect(again.body.errors.approval[0]).toMatch(/must be pending/);
	});

	test('invoice dispute takes an optional reason code (Invoices API); budget adjust adds decimals', async () => {
		const bare = await api('invoices/3/dispute', { method: 'PUT', body: {} });
		expect(bare).toMatchObject({
			status: 200,
			body: { status: 'disputed', 'dispute-reason': null },
		});
		const disputed = await api('invoices/4/dispute', {
			method: 'PUT',
			body: { 'dispute-reason': { code: 'INCORRECT-QUANTITY' }, comment: 'Short shipped' },
		});
		expect(disputed.body).toMatchObject({
			status: 'disputed',
			'dispute-reason': { code: 'INCORRECT-QUANTITY' },
			comments: 'Short shipped',
		});
		const before = Number(fake.store.get('budget_lines', 2).amount);
		const adjusted = await api('budget_lines/2/adjust', {
			method: 'PUT',
			body: { 'adjustment-amount': '-500.25' },
		});
		expect(adjusted.body.amount).toBe((before - 500.25).toFixed(2));
	});

	test('requisition create-and-submit opens a pending approval', async () => {
		const res = await api('requisitions/submit_for_approval', {
			method: 'POST',
			body: {
				'requested-by': { login: 'kyle' },
				'requisition-lines': [
					{ description: 'Bulbs', quantity: 2, 'unit-price': '30.00', currency: { code: 'USD' } },
				],
			},
		});
		expect(res).toMatchObject({
			status: 201,
			body: { status: 'pending_approval', total: '60.00' },
		});
		expect(
			fake.store
				.list('approvals')
				.some(
					(a) => a['approvable-id'] === res.body.id && a['approvable-type'] === 'RequisitionHeader',
				),
		).toBe(true);
	});

	test('contract attachment show returns the record; the file is at its file-url (Attachment File API)', async () => {
		const list = await api('contracts/1/attachments');
		expect(list.body[0]).toMatchObject({
			type: 'AttachmentFile',
			'file-name': expect.stringMatching(/\.pdf$/),
		});
		const shown = await api(`contracts/1/attachments/${list.body[0].id}`);
		expect(shown.status).toBe(200);
		expect(shown.body).toMatchObject({
			id: list.body[0].id,
			'file-url': `${fake.url}/api/attachment_files/${list.body[0].id}`,
		});
		const res = await fetch(shown.body['file-url'], {
			headers: { Authorization: `Bearer ${await token()}` },
		});
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toBe(
			`attachment; filename="${list.body[0]['file-name']}"`,
		);
		expect(
			Buffer.from(await res.arrayBuffer())
				.subarray(0, 5)
				.toString(),
		).toBe('%PDF-');
	});
});

describe('faults', () => {
	test('rate limit: 429 beyond the burst, Retry-After only when configured', async () => {
		const accessToken = await token();
		fake.faults.rateLimit({ perSecond: 1, burst: 3 });
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await api('currencies', { accessToken })).status);
		expect(statuses).toEqual([200, 200, 200, 429, 429]);
		const limited = await api('currencies', { accessToken });
		expect(limited.body).toEqual({ errors: { base: ['Rate limit exceeded'] } });
		expect(limited.headers.get('retry-after')).toBeNull();
		fake.faults.rateLimit({ perSecond: 1, burst: 1, retryAfter: 2 });
		await api('currencies', { accessToken });
		expect((await api('currencies', { accessToken })).headers.get('retry-after')).toBe('2');
		expect(fake.faults.stats.rateLimited).toBeGreaterThanOrEqual(4);
	});

	test('server error burst with an HTML body, then recovery', async () => {
		const accessToken = await token();
		fake.faults.serverErrors({ count: 2 });
		const first = await api('currencies', { accessToken });
		expect(first.status).toBe(503);
		expect(first.headers.get('content-type')).toMatch(/text\/html/);
		expect(first.text).toContain('Service Unavailable');
		expect((await api('currencies', { accessToken })).status).toBe(503);
		expect((await api('currencies', { accessToken })).status).toBe(200);
	});

	test('dropped connection before processing', async () => {
		const accessToken = await token();
		const before = fake.store.count('suppliers');
		fake.faults.dropConnections({ count: 1 });
		await expect(
			api('suppliers', { method: 'POST', body: { name: 'Dropped Co' }, accessToken }),
		).rejects.toThrow();
		expect(fake.store.count('suppliers')).toBe(before);
		expect(fake.faults.stats.dropped).toBe(1);
	});

	test('dropped connection after processing: the create happened, the response was lost', async () => {
		const accessToken = await token();
		fake.faults.dropConnections({ count: 1, afterProcessing: true });
		await expect(
			api('suppliers', { method: 'POST', body: { name: 'Lost Response Inc' }, accessToken }),
		).rejects.toThrow();
		expect(fake.store.list('suppliers').filter((s) => s.name === 'Lost Response Inc')).toHaveLength(
			1,
		);
		expect(fake.apiRequests().at(-1)).toMatchObject({ method: 'POST', status: 0, dropped: true });
	});

	test.each([502, 504])(
		'a lost answer: Coupa carries the write out, a proxy answers %i',
		async (status) => {
			const accessToken = await token();
			fake.faults.loseAnswers({ as: status, methods: ['POST'] });
			const res = await api('suppliers', {
				method: 'POST',
				body: { name: `Proxy ${status} Inc` },
				accessToken,
			});
			expect(res.status).toBe(status);
			expect(
				fake.store.list('suppliers').filter((s) => s.name === `Proxy ${status} Inc`),
			).toHaveLength(1);
			expect(fake.apiRequests().at(-1)).toMatchObject({
				method: 'POST',
				status,
				processedStatus: 201,
			});
			// Only the next matching request loses its answer.
			expect((await api('suppliers/1', { accessToken })).status).toBe(200);
		},
	);

	test('latency delays every API response and concurrency is measured', async () => {
		const accessToken = await token();
		fake.faults.resetStats();
		fake.faults.latency({ ms: 150 });
		await Promise.all([1, 2, 3].map(() => api('currencies', { accessToken })));
		expect(fake.stats.maxConcurrent).toBe(3);
	});
});

describe('request log and store helpers', () => {
	test('records parsed queries and separates API requests', async () => {
		fake.clearRequests();
		await api('invoices?updated_at[gt_or_eq]=2026-01-01&offset=50&limit=50');
		expect(fake.requests.map((r) => r.path)).toEqual(['/oauth2/token', '/api/invoices']);
		expect(fake.apiRequests()).toHaveLength(1);
		expect(fake.apiRequests()[0].query).toEqual({
			'updated_at[gt_or_eq]': '2026-01-01',
			offset: '50',
			limit: '50',
		});
	});

	test('store.seed adds deterministic records; insert/update keep PO lines in step', async () => {
		const added = fake.store.seed('quote_requests', 3);
		expect(added).toHaveLength(3);
		const po = fake.store.insert('purchase_orders', {
			'po-number': 'X-1',
			status: 'draft',
			'order-lines': [{ description: 'Widget', price: '1.00' }],
		});
		const line = fake.store
			.list('purchase_order_lines')
			.find((l) => l['order-header-id'] === po.id);
		expect(line.description).toBe('Widget');
		fake.store.update(
			'purchase_order_lines',
			line.id,
			{ status: 'received' },
			{ at: '2026-12-01T00:00:00+00:00' },
		);
		expect(fake.store.get('purchase_orders', po.id)['order-lines'][0]).toMatchObject({
			status: 'received',
			'updated-at': '2026-12-01T00:00:00+00:00',
		});
	});
});
