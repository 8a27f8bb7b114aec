/**
 * The Coupa Call Out Trigger's webhook, driven through a stand-in for n8n's IWebhookFunctions that
 * hands it what n8n's webhook server does for a version-1 node: the headers (lower-case), the
 * body n8n parsed (JSON into an object, forms into fields) and the raw bytes. What Coupa sends
 * comes from the fake Coupa's call out shapes (test/fake-coupa/callOuts.mjs, xml.mjs), which
 * follow Coupa's pages "OAuth 2.0 for Call Outs" and "Differences between XML and JSON in Coupa".
 * Real n8n, the token flow over HTTP and the response modes: test/e2e/call-out.e2e.mjs.
 */
import { describe, expect, test } from '@jest/globals';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { toXml } from './fake-coupa/xml.mjs';

const require = createRequire(import.meta.url);
const { CoupaCallOutTrigger } = require('../dist/nodes/Coupa/CoupaCallOutTrigger.node.js');
const { sha256, hmacSha256 } = require('../dist/nodes/Coupa/callOut/sha256.js');
const { issueToken, verifyToken } = require('../dist/nodes/Coupa/callOut/token.js');
const { MAX_KEYS, seenBefore } = require('../dist/nodes/Coupa/callOut/dedupe.js');

const trigger = new CoupaCallOutTrigger();
const CLIENT = { clientId: 'coupa-call-out', clientSecret: 'a-long-call-out-secret-0123456789' };
const WEBHOOK_ID = 'c0ffee00-0000-4000-8000-000000000001';
const basic = (id, secret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** An invoice as Coupa's Invoices API returns it (JSON): hyphenated keys, decimals as strings. */
const INVOICE = {
	id: 4711,
	'invoice-number': 'INV-2026-0042',
	status: 'approved',
	'created-at': '2026-12-01T09:15:00-08:00',
	'updated-at': '2026-12-06T10:30:00-08:00',
	'gross-total': '1250.00',
	paid: false,
	currency: { id: 1, code: 'USD' },
	supplier: { id: 17, name: 'Acme Supplies', number: 'S-17' },
	'invoice-lines': [
		{ id: 1, 'line-num': 1, description: 'Paper', total: '250.00', quantity: 5.5 },
		{ id: 2, 'line-num': 2, description: 'Toner & ink <black>', total: '1000.00', quantity: 2 },
	],
	'payment-term': null,
	'external-erp-id': 'ERP "A-1"',
};

/** A call to the trigger as n8n's webhook server makes it; resolves the node's result and answer. */
async function call({
	webhook = 'default',
	method = 'POST',
	headers = {},
	body,
	rawBody,
	parameters = {},
	credentials = CLIENT,
	staticData = {},
	webhookId = WEBHOOK_ID,
} = {}) {
	const answer = {
		statusCode: 200,
		headers: {},
		body: undefined,
		status(code) {
			this.statusCode = code;
			return this;
		},
		setHeader(name, value) {
			this.headers[name.toLowerCase()] = value;
		},
		json(payload) {
			this.body = payload;
		},
	};
	const params = {
		authentication: 'oAuth2',
		responseMode: 'onReceived',
		options: {},
		...parameters,
	};
	const request = {
		method,
		headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
		body,
		rawBody: rawBody ?? (body === undefined ? undefined : Buffer.from(JSON.stringify(body))),
	};
	const context = {
		getWebhookName: () => webhook,
		getRequestObject: () => request,
		getResponseObject: () => answer,
		getNodeParameter: (name, fallback) => params[name] ?? fallback,
		getCredentials: async () => credentials,
		getWorkflowStaticData: () => staticData,
		getNode: () => ({
			name: 'Coupa Call Out Trigger',
			webhookId,
			typeVersion: 1,
			parameters: params,
		}),
		getWorkflow: () => ({ id: 'wf1' }),
		helpers: { returnJsonArray: (items) => items.map((json) => ({ json })) },
	};
	const result = await trigger.webhook.call(context);
	const items = result.workflowData?.[0]?.map((item) => item.json);
	return { result, answer, items, started: result.workflowData !== undefined };
}

/** Coupa's token request: Basic client ID and secret, grant_type form-encoded (n8n parses forms). */
const tokenRequest = ({ id = CLIENT.clientId, secret = CLIENT.clientSecret, body } = {}) =>
	call({
		webhook: 'setup',
		headers: {
			authorization: basic(id, secret),
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: body ?? { grant_type: 'client_credentials' },
	});

async function accessToken(options) {
	const { answer } = await tokenRequest(options);
	expect(answer.statusCode).toBe(200);
	return answer.body.access_token;
}

/** Every answer the node writes must be free of the secret and of any token. */
function expectNoSecrets(answer, ...secrets) {
	const text = JSON.stringify({ body: answer.body, headers: answer.headers });
	for (const secret of [CLIENT.clientSecret, ...secrets]) expect(text).not.toContain(secret);
}

describe('SHA-256 and HMAC-SHA256 written out for the node', () => {
	test('match node:crypto over lengths around the block boundaries and long keys', () => {
		for (const length of [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099]) {
			const message = randomBytes(length);
			expect(Buffer.from(sha256(message)).toString('hex')).toBe(
				createHash('sha256').update(message).digest('hex'),
			);
			for (const keyLength of [0, 16, 64, 65, 200]) {
				const key = randomBytes(keyLength);
				expect(Buffer.from(hmacSha256(key, message)).toString('hex')).toBe(
					createHmac('sha256', key).update(message).digest('hex'),
				);
			}
		}
	});
});

describe('tokens: signed with the client secret, short-lived, for one trigger', () => {
	const claims = { clientId: CLIENT.clientId, audience: WEBHOOK_ID };
	const now = Date.UTC(2026, 11, 6, 12);
	const token = issueToken(CLIENT.clientSecret, { ...claims, lifetimeSeconds: 3600, nowMs: now });

	test('a fresh token verifies; after its lifetime it is expired', () => {
		expect(verifyToken(token, CLIENT.clientSecret, { ...claims, nowMs: now + 3599_000 })).toEqual({
			valid: true,
		});
		expect(verifyToken(token, CLIENT.clientSecret, { ...claims, nowMs: now + 3600_000 })).toEqual({
			valid: false,
			reason: 'expired',
		});
	});

	test('another secret, edited claims, another trigger or client, or junk are refused', () => {
		const at = { ...claims, nowMs: now };
		expect(verifyToken(token, 'another-secret-0123456789', at).reason).toBe('signature');
		const [version, body, signature] = token.split('.');
		const edited = JSON.parse(Buffer.from(body, 'base64url').toString());
		edited.e += 86400;
		const forged = `${version}.${Buffer.from(JSON.stringify(edited)).toString('base64url')}.${signature}`;
		expect(verifyToken(forged, CLIENT.clientSecret, at).reason).toBe('signature');
		expect(
			verifyToken(token, CLIENT.clientSecret, { ...at, audience: 'other-trigger' }).reason,
		).toBe('wrong trigger');
		expect(
			verifyToken(token, CLIENT.clientSecret, { ...at, clientId: 'someone-else' }).reason,
		).toBe('wrong client');
		for (const junk of [
			'',
			'abc',
			'v1.x',
			`v2.${body}.${signature}`,
			`v1.${body}.${signature}!`,
			'v1.' + 'a'.repeat(5000) + '.b',
		])
			expect(verifyToken(junk, CLIENT.clientSecret, at).valid).toBe(false);
	});
});

describe('token endpoint (Coupa POSTs Basic client ID and secret with grant_type)', () => {
	test('answers the token shape Coupa expects and starts nothing', async () => {
		const { answer, started } = await tokenRequest({
			body: { grant_type: 'client_credentials', scope: 'call_outs' },
		});
		expect(started).toBe(false);
		expect(answer.statusCode).toBe(200);
		expect(answer.headers['cache-control']).toBe('no-store');
		expect(answer.body).toEqual({
			access_token: expect.stringMatching(/^v1\.[\w-]+\.[\w-]+$/),
			token_type: 'bearer',
			expires_in: 3600,
			scope: 'call_outs',
		});
		expectNoSecrets(answer);
	});

	test('takes a JSON body and client credentials in the body too, and the chosen lifetime', async () => {
		const { answer } = await call({
			webhook: 'setup',
			headers: { 'content-type': 'application/json' },
			body: {
				grant_type: 'client_credentials',
				...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret },
			},
			parameters: { options: { tokenLifetimeSeconds: 600 } },
		});
		expect(answer.statusCode).toBe(200);
		expect(answer.body.expires_in).toBe(600);
	});

	test('a wrong secret or client ID gets 401 invalid_client and no token', async () => {
		for (const wrong of [{ secret: 'not-the-secret-at-all' }, { id: 'someone-else' }]) {
			const { answer, started } = await tokenRequest(wrong);
			expect(started).toBe(false);
			expect(answer.statusCode).toBe(401);
			expect(answer.body.error).toBe('invalid_client');
			expect(answer.body.access_token).toBeUndefined();
			expect(answer.headers['www-authenticate']).toMatch(/^Basic/);
			expectNoSecrets(answer, 'not-the-secret-at-all');
		}
		const none = await call({ webhook: 'setup', body: { grant_type: 'client_credentials' } });
		expect(none.answer.statusCode).toBe(401);
	});

	test('another grant type or none gets 400', async () => {
		expect((await tokenRequest({ body: { grant_type: 'password' } })).answer.body.error).toBe(
			'unsupported_grant_type',
		);
		const missing = await tokenRequest({ body: {} });
		expect(missing.answer.statusCode).toBe(400);
		expect(missing.answer.body.error).toBe('invalid_request');
	});

	test('is closed (404) when the trigger uses Basic auth or a header secret', async () => {
		for (const authentication of ['basicAuth', 'headerSecret']) {
			const { answer } = await call({
				webhook: 'setup',
				headers: { authorization: basic(CLIENT.clientId, CLIENT.clientSecret) },
				body: { grant_type: 'client_credentials' },
				parameters: { authentication },
			});
			expect(answer.statusCode).toBe(404);
		}
	});
});

describe('event endpoint with the token flow', () => {
	test('a call out with a valid token becomes one item: the document plus callOut metadata', async () => {
		const token = await accessToken();
		const { result, items, answer } = await call({
			method: 'PUT',
			headers: {
				authorization: `Bearer ${token}`,
				'content-type': 'application/json; charset=utf-8',
				'user-agent': 'Coupa',
				cookie: 'session=abc',
				'x-coupa-signature': 'sig',
			},
			body: { 'invoice-header': INVOICE },
		});
		expect(answer.body).toBeUndefined();
		expect(items).toHaveLength(1);
		const { callOut, ...document } = items[0];
		expect(document).toEqual(INVOICE);
		expect(callOut).toMatchObject({
			documentType: 'invoice',
			root: 'invoice-header',
			format: 'json',
			method: 'PUT',
		});
		expect(new Date(callOut.receivedAt).toString()).not.toBe('Invalid Date');
		expect(callOut.headers).toEqual({
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Coupa',
		});
		// Answer at once: a small JSON, no data echoed back.
		expect(result.webhookResponse).toEqual({ received: true, documentType: 'invoice', id: 4711 });
	});

	test('a bare document has no type unless the trigger names it', async () => {
		const token = await accessToken();
		const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
		const bare = await call({ headers, body: INVOICE });
		expect(bare.items[0].callOut.documentType).toBeNull();
		expect(bare.items[0]['invoice-number']).toBe('INV-2026-0042');
		const named = await call({
			headers,
			body: INVOICE,
			parameters: { options: { documentType: 'invoice' } },
		});
		expect(named.items[0].callOut.documentType).toBe('invoice');
	});

	test('no token, a junk token, an expired one, one for another trigger: 401, nothing starts', async () => {
		const secret = CLIENT.clientSecret;
		const stale = issueToken(secret, {
			clientId: CLIENT.clientId,
			audience: WEBHOOK_ID,
			lifetimeSeconds: 60,
			nowMs: Date.now() - 61_000,
		});
		const elsewhere = issueToken(secret, {
			clientId: CLIENT.clientId,
			audience: 'another-trigger',
			lifetimeSeconds: 600,
			nowMs: Date.now(),
		});
		const otherSecret = issueToken('some-other-secret-0123456', {
			clientId: CLIENT.clientId,
			audience: WEBHOOK_ID,
			lifetimeSeconds: 600,
			nowMs: Date.now(),
		});
		const cases = [
			[undefined, /access token from the Token URL/],
			['Bearer nonsense', /not valid here/],
			[`Bearer ${stale}`, /expired/],
			[`Bearer ${elsewhere}`, /not valid here/],
			[`Bearer ${otherSecret}`, /not valid here/],
			[basic(CLIENT.clientId, secret), /access token from the Token URL/],
		];
		for (const [authorization, message] of cases) {
			const { answer, started } = await call({
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: INVOICE,
			});
			expect(started).toBe(false);
			expect(answer.statusCode).toBe(401);
			expect(answer.body.description).toMatch(message);
			expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
			expectNoSecrets(answer, stale, elsewhere, otherSecret);
		}
	});

	test('the token is checked before the body is looked at', async () => {
		const { answer } = await call({
			headers: { 'content-type': 'text/csv' },
			body: 'a,b',
			rawBody: Buffer.from('a,b'),
		});
		expect(answer.statusCode).toBe(401);
	});
});

describe('Basic auth and header secret variants', () => {
	const parameters = { authentication: 'basicAuth' };
	test('Basic: the right pair starts the workflow; a wrong or missing one gets 401', async () => {
		const good = await call({
			parameters,
			headers: {
				authorization: basic(CLIENT.clientId, CLIENT.clientSecret),
				'content-type': 'application/json',
			},
			body: INVOICE,
		});
		expect(good.items).toHaveLength(1);
		expect(good.items[0].callOut.headers.authorization).toBeUndefined();
		for (const authorization of [
			basic(CLIENT.clientId, 'wrong-secret-value'),
			basic('x', CLIENT.clientSecret),
			undefined,
			'Basic !!!',
		]) {
			const bad = await call({
				parameters,
				headers: {
					'content-type': 'application/json',
					...(authorization ? { authorization } : {}),
				},
				body: INVOICE,
			});
			expect(bad.started).toBe(false);
			expect(bad.answer.statusCode).toBe(401);
			expect(bad.answer.headers['www-authenticate']).toMatch(/^Basic/);
			expectNoSecrets(bad.answer, 'wrong-secret-value');
		}
	});

	test('header secret: the named header must hold the secret, and it never reaches the item', async () => {
		const headerParameters = { authentication: 'headerSecret', headerName: 'X-Api-Secret' };
		const good = await call({
			parameters: headerParameters,
			headers: { 'x-api-secret': CLIENT.clientSecret, 'content-type': 'application/json' },
			body: INVOICE,
		});
		expect(good.items).toHaveLength(1);
		expect(JSON.stringify(good.items)).not.toContain(CLIENT.clientSecret);
		for (const headers of [
			{ 'x-api-secret': 'nope' },
			{},
			{ authorization: `Bearer ${CLIENT.clientSecret}` },
		]) {
			const bad = await call({
				parameters: headerParameters,
				headers: { 'content-type': 'application/json', ...headers },
				body: INVOICE,
			});
			expect(bad.started).toBe(false);
			expect(bad.answer.statusCode).toBe(401);
			expect(bad.answer.body.description).toMatch(/X-Api-Secret/);
		}
	});
});

describe('XML call outs', () => {
	test("Coupa's XML becomes the same JSON as Coupa's JSON for the record", async () => {
		const token = await accessToken();
		const xml = toXml(INVOICE, { item: 'invoice-header' });
		const { items } = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
			// n8n's own XML parse (xml2js) lands in body; the trigger reads the raw bytes instead.
			body: { 'invoice-header': { id: { _: '4711' } } },
			rawBody: Buffer.from(xml),
		});
		const { callOut, ...document } = items[0];
		expect(document).toEqual(INVOICE);
		expect(callOut).toMatchObject({
			documentType: 'invoice',
			root: 'invoice-header',
			format: 'xml',
		});
	});

	test('reads the Compass sample shape: nil, types, CDATA, comments, entities', async () => {
		const token = await accessToken();
		const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- sent by Coupa -->
<account>
<id type="integer">41</id>
<created-at type="dateTime">2016-10-07T06:56:43-07:00</created-at>
<name>account &amp; &#169; &#x41;</name>
<active type="boolean">true</active>
<segment-2 nil="true" />
<note><![CDATA[<b>raw</b>]]></note>
<tags type="array"></tags>
</account>`;
		const { items } = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'text/xml' },
			body: {},
			rawBody: Buffer.from(xml),
		});
		const { callOut, ...document } = items[0];
		expect(document).toEqual({
			id: 41,
			'created-at': '2016-10-07T06:56:43-07:00',
			name: 'account & © A',
			active: true,
			'segment-2': null,
			note: '<b>raw</b>',
			tags: [],
		});
		expect(callOut.documentType).toBe('account');
	});

	test('malformed XML, a DOCTYPE, or an empty root get 400 and start nothing', async () => {
		const token = await accessToken();
		const bodies = [
			'<invoice-header><id>1</id>',
			'<a><b></a></b>',
			'<!DOCTYPE x [<!ENTITY e "e">]><x>&e;</x>',
			'<x>&unknown;</x>',
			'<x>&#x110000;</x>',
			'<invoice-header></invoice-header>',
			'<a/><b/>',
			`${'<a>'.repeat(100)}${'</a>'.repeat(100)}`,
		];
		for (const xml of bodies) {
			const { answer, started } = await call({
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
				body: {},
				rawBody: Buffer.from(xml),
			});
			expect(started).toBe(false);
			expect(answer.statusCode).toBe(400);
			expect(answer.body.description).toMatch(/XML|no fields/);
		}
	});
});

describe('bad input never reaches the workflow', () => {
	test('an unsupported content type gets 415 with the fix', async () => {
		const token = await accessToken();
		const { answer, started } = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
			body: undefined,
			rawBody: Buffer.from('id,status\n1,approved'),
		});
		expect(started).toBe(false);
		expect(answer.statusCode).toBe(415);
		expect(answer.body.description).toMatch(/choose JSON/);
	});

	test('a JSON body that is not one object (array, string, empty) gets 400', async () => {
		const token = await accessToken();
		for (const body of [[INVOICE], 'text', {}, undefined]) {
			const { answer, started } = await call({
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body,
			});
			expect(started).toBe(false);
			expect(answer.statusCode).toBe(400);
		}
	});

	test('a body over Max Body Size gets 413', async () => {
		const token = await accessToken();
		const big = { ...INVOICE, notes: 'x'.repeat(3000) };
		const { answer, started } = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: big,
			parameters: { options: { maxBodyKb: 2 } },
		});
		expect(started).toBe(false);
		expect(answer.statusCode).toBe(413);
		const fits = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: INVOICE,
			parameters: { options: { maxBodyKb: 2 } },
		});
		expect(fits.started).toBe(true);
	});
});

describe('de-duplication by document, ID and updated-at', () => {
	test('a repeat within the window is answered 200 duplicate and starts nothing; a change starts again', async () => {
		const token = await accessToken();
		const staticData = {};
		const send = (document) =>
			call({
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: { 'invoice-header': document },
				parameters: { options: { deduplicate: true } },
				staticData,
			});
		expect((await send(INVOICE)).started).toBe(true);
		const repeat = await send(INVOICE);
		expect(repeat.started).toBe(false);
		expect(repeat.answer.statusCode).toBe(200);
		expect(repeat.answer.body).toEqual({
			received: true,
			documentType: 'invoice',
			id: 4711,
			duplicate: true,
		});
		expect((await send({ ...INVOICE, 'updated-at': '2026-12-06T11:00:00-08:00' })).started).toBe(
			true,
		);
		expect((await send({ ...INVOICE, id: 4712 })).started).toBe(true);
		// Without the option, the same repeat starts the workflow.
		const off = await call({
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: { 'invoice-header': INVOICE },
			staticData,
		});
		expect(off.started).toBe(true);
	});

	test('keys expire after the window and at most MAX_KEYS are kept, oldest dropped', () => {
		const staticData = {};
		const windowMs = 60_000;
		const seen = (key, nowMs) => seenBefore(staticData, 'bounds-trigger', key, { windowMs, nowMs });
		expect(seen('a', 0)).toBe(false);
		expect(seen('a', 59_999)).toBe(true);
		expect(seen('a', 60_000)).toBe(false);
		for (let i = 0; i < MAX_KEYS + 50; i++) seen(`k${i}`, 70_000 + i);
		expect(Object.keys(staticData.seen)).toHaveLength(MAX_KEYS);
		expect(seen('k0', 71_200)).toBe(false);
		expect(seen(`k${MAX_KEYS + 49}`, 71_200)).toBe(true);
	});

	test('a repeat is caught from the static data alone (a restart) and from memory alone (static data n8n did not save)', () => {
		const windowMs = 60_000;
		const saved = {};
		expect(seenBefore(saved, 'trigger-a', 'doc', { windowMs, nowMs: 1000 })).toBe(false);
		// Another trigger given the same static data: only the static data knows the key.
		expect(seenBefore({ ...saved }, 'trigger-b', 'doc', { windowMs, nowMs: 2000 })).toBe(true);
		// The same trigger with static data as n8n loads it when the change was not saved.
		expect(seenBefore({}, 'trigger-a', 'doc', { windowMs, nowMs: 3000 })).toBe(true);
		// Neither knows it: a new trigger with fresh static data.
		expect(seenBefore({}, 'trigger-c', 'doc', { windowMs, nowMs: 4000 })).toBe(false);
	});
});

describe('the credential', () => {
	test('a credential weakened while the workflow is active signs nothing and starts nothing', async () => {
		const weak = { clientId: CLIENT.clientId, clientSecret: 'short' };
		const token = await call({
			webhook: 'setup',
			headers: { authorization: basic(weak.clientId, weak.clientSecret) },
			body: { grant_type: 'client_credentials' },
			credentials: weak,
		});
		expect(token.answer.statusCode).toBe(500);
		expect(token.answer.body.error).toBe('not_configured');
		const event = await call({
			parameters: { authentication: 'basicAuth' },
			headers: {
				authorization: basic(weak.clientId, weak.clientSecret),
				'content-type': 'application/json',
			},
			body: INVOICE,
			credentials: weak,
		});
		expect(event.started).toBe(false);
		expect(event.answer.statusCode).toBe(500);
	});

	const test_ = trigger.methods.credentialTest.coupaCallOutCredential;
	test("n8n's credential test and activation refuse a short secret or a colon in the client ID", async () => {
		expect((await test_.call({}, { data: CLIENT })).status).toBe('OK');
		for (const data of [
			{ ...CLIENT, clientSecret: 'short' },
			{ ...CLIENT, clientId: 'a:b' },
			{ clientSecret: CLIENT.clientSecret },
		]) {
			expect((await test_.call({}, { data })).status).toBe('Error');
			const hook = {
				getCredentials: async () => data,
				getNode: () => ({ name: 'Coupa Call Out Trigger' }),
			};
			await expect(trigger.webhookMethods.default.create.call(hook)).rejects.toThrow(/Client/);
		}
		const hook = { getCredentials: async () => CLIENT, getNode: () => ({}) };
		expect(await trigger.webhookMethods.default.create.call(hook)).toBe(true);
	});
});
