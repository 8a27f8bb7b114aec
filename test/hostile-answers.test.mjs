/**
 * Hostile or careless answers from Coupa (or from what sits in front of it) cost bounded work and
 * give short, correct errors: huge error bodies, tokens echoed in redirects, token endpoint
 * failures.
 */
import { apiCalls, credentialFor, startCoupa } from './harness/setup.mjs';
import { runNode } from './harness/n8n.mjs';

/** Coupa's text in a message is a few hundred characters; the rest of the message is ours. */
const MESSAGE_BOUND = 600;
const BODY_BYTES = 256 * 1024;

let fake;
afterEach(async () => fake?.close());

const getSupplier = (id = '1') => ({ resource: 'supplier', operation: 'get', id });
const createSupplier = (name) => ({ resource: 'supplier', operation: 'create', name });

describe('error bodies of 256 KiB', () => {
	test("a 422 whose JSON error is 256 KiB long: the message carries the start of Coupa's text, cut short", async () => {
		fake = await startCoupa();
		const text = `Name is invalid ${'x'.repeat(BODY_BYTES)}`;
		fake.faults.serverErrors({
			status: 422,
			body: JSON.stringify({ errors: { supplier: [text] } }),
		});
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.write'),
			parameters: createSupplier('Acme'),
		}).catch((e) => e);
		expect(error.message).toMatch(
			/^Coupa rejected Create Supplier: supplier: Name is invalid x+…$/,
		);
		expect(error.message.length).toBeLessThan(MESSAGE_BOUND);
		expect(error.httpCode).toBe('422');
		expect(JSON.stringify(error).length).toBeLessThan(4 * MESSAGE_BOUND);
		expect(apiCalls(fake)).toEqual(['POST /api/suppliers']);
	});

	test('a 422 in XML followed by 256 KiB of unclosed <error tags: the real error, a short message', async () => {
		fake = await startCoupa();
		const hostile = '<error x'.repeat(BODY_BYTES / 8);
		fake.faults.serverErrors({
			status: 422,
			body: `<errors><error field="name">Name can't be blank</error>${hostile}</errors>`,
		});
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.write'),
			parameters: createSupplier('Acme'),
		}).catch((e) => e);
		expect(error.message).toBe("Coupa rejected Create Supplier: Name can't be blank");
	});

	test('a 422 of 256 KiB of JWT-like runs without dots: no token shape is found, the message stays short', async () => {
		fake = await startCoupa();
		const hostile = 'eyJ-'.repeat(BODY_BYTES / 4);
		fake.faults.serverErrors({ status: 422, body: JSON.stringify({ errors: [hostile] }) });
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.write'),
			parameters: createSupplier('Acme'),
		}).catch((e) => e);
		expect(error.message).toMatch(/^Coupa rejected Create Supplier: (eyJ-)+/);
		expect(error.message.length).toBeLessThan(MESSAGE_BOUND);
	});
});

/** Everything an error carries that n8n may show or store. */
const everythingIn = (error) =>
	[
		error.message,
		error.description,
		JSON.stringify(error),
		JSON.stringify(error.cause ?? null),
	].join('\n');

describe('redaction that a test can catch failing', () => {
	// Opaque tokens: no JWT or "Bearer" shape, so only the tokens the node knows can redact them.
	test('a redirect whose Location echoes the token: the error names the path without it', async () => {
		fake = await startCoupa({ opaqueTokens: true });
		const store = credentialFor(fake, 'core.supplier.read');
		await runNode({ store, parameters: getSupplier() });
		const [{ accessToken }] = fake.tokens;
		fake.faults.redirect({ to: `${fake.url}/session/${accessToken}/login` });
		const error = await runNode({ store, parameters: getSupplier('2') }).catch((e) => e);
		expect(error.message).toBe(
			'Coupa redirected Get Supplier to /session/[redacted]/login, outside the API. The redirect was not followed',
		);
		expect(everythingIn(error)).not.toContain(accessToken);
	});

	test('a token endpoint that echoes the Client Secret in its error: the secret is redacted', async () => {
		fake = await startCoupa();
		const secret = 'n8n-test-secret';
		fake.faults.tokenAnswer({
			status: 401,
			body: JSON.stringify({
				error: 'invalid_client',
				error_description: `client ${secret} is not known`,
			}),
		});
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.read', { clientSecret: secret }),
			parameters: getSupplier(),
		}).catch((e) => e);
		expect(error.message).toBe(
			'Coupa refused the Client ID or Client Secret (client [redacted] is not known)',
		);
		expect(everythingIn(error)).not.toContain(secret);
	});
});

describe('token endpoint failures', () => {
	test('a 500 from the token endpoint names the status', async () => {
		fake = await startCoupa();
		fake.faults.tokenAnswer({ status: 500, body: JSON.stringify({ error: 'server_error' }) });
		const error = await runNode({
			store: credentialFor(fake, 'core.supplier.read'),
			parameters: getSupplier(),
		}).catch((e) => e);
		expect(error.message).toBe('Could not get a Coupa access token (HTTP 500)');
		expect(apiCalls(fake)).toEqual([]);
	});
});
