// A fake Coupa Core API on loopback for tests and for people clicking around (see cli.mjs).
// Behaviour follows Coupa's documents as docs/coupa-docs.md lists them; object paths, operations, actions, scopes and
// statuses come from the contract table in ./contract/ (Coupa's published docs).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { createActions } from './actions.mjs';
import { createApi } from './api.mjs';
import { createAuth } from './auth.mjs';
import { createCallOutRoute } from './callOuts.mjs';
import { ALL_SCOPES, modelOf } from './catalog.mjs';
import { createClock } from './clock.mjs';
import { createFaults, proxyErrorPage } from './faults.mjs';
import { createResponder, readBody } from './http.mjs';
import { createRecords } from './records.mjs';
import { createSeeder } from './seed.mjs';
import { createStore } from './store.mjs';

export { ALL_SCOPES };

export const DEFAULT_CLIENT = Object.freeze({
	clientId: 'n8n-test-client',
	clientSecret: 'n8n-test-secret',
	scopes: ALL_SCOPES,
});

/**
 * Start the fake server.
 * @param {object} [options]
 * @param {number} [options.port=0] 0 picks a free port
 * @param {string} [options.host='127.0.0.1']
 * @param {{clientId: string, clientSecret: string, scopes: string[]}[]} [options.clients]
 * @param {number} [options.tokenTtlSeconds=86399]
 * @param {401|403} [options.scopeDeniedStatus=403]
 * @param {'default'|'sandbox'|Record<string, number>|false} [options.seed='default']
 * @param {string|number} [options.clock] freeze the clock at this instant (default: real time)
 * @param {boolean} [options.opaqueTokens=false] mint plain random tokens instead of JWT-shaped ones
 * @param {boolean} [options.tls=false] listen for https with the test-only certificate in tls/
 * @param {boolean} [options.shuffleTies=false] records sharing a sort key in a fresh random order per request
 */
export async function startFakeCoupa(options = {}) {
	const {
		port = 0,
		host = '127.0.0.1',
		clients = [DEFAULT_CLIENT],
		tokenTtlSeconds = 86399,
		scopeDeniedStatus = 403,
		seed = 'default',
		clock: start,
		tls = false,
		shuffleTies = false,
		opaqueTokens = false,
	} = options;

	const clock = createClock(start);
	const store = createStore(clock);
	const seeder = createSeeder(store, clock);
	store.seed = (path, count) => seeder.seedPath(path, count);
	seeder.seedAll(seed);

	const auth = createAuth({ clients, tokenTtlSeconds, opaqueTokens });
	const faults = createFaults(auth);
	faults.shuffleTies(shuffleTies);
	const records = createRecords(store);
	const actions = createActions({ store, records, clock });
	const handleApi = createApi({ store, auth, records, actions, clock, scopeDeniedStatus, faults });

	const callOuts = createCallOutRoute({ store, modelOf });
	const requests = [];
	const sockets = new Set();
	const timers = new Set();
	let inFlight = 0;
	const inFlightByRecord = new Map();

	const wait = (ms) =>
		new Promise((resolve) => {
			const timer = setTimeout(() => {
				timers.delete(timer);
				resolve();
			}, ms);
			timers.add(timer);
		});

	async function handle(req, res) {
		const url = new URL(req.url, 'http://fake-coupa');
		const entry = {
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			rawQuery: url.search.slice(1),
			headers: req.headers,
			body: null,
			status: null,
			at: Date.now(),
		};
		requests.push(entry);
		const { body, invalid } = await readBody(req);
		entry.body = body;
		const respond = createResponder(req, res, entry);

		if (url.pathname === '/oauth2/token' && req.method === 'POST') {
			const canned = faults.tokenAnswerNow();
			if (canned) return respond.send(canned.status, canned.body, canned.headers);
			const [status, payload] = auth.tokenRequest(body, req.headers.authorization);
			return respond.plainJson(status, payload);
		}
		const sandboxAnswer = await callOuts.handle(req.method, url.pathname, body);
		if (sandboxAnswer) return respond.plainJson(...sandboxAnswer);
		const segments = url.pathname.split('/').filter(Boolean);
		if (segments[0] !== 'api') return respond.errors(404, { base: ['Not found'] });

		faults.stats.requests++;
		inFlight++;
		faults.stats.maxConcurrent = Math.max(faults.stats.maxConcurrent, inFlight);
		// Requests on one record (`/api/invoices/12…`) at once: bulk runs must send them in turn.
		const record = /^\d+$/.test(segments[2] ?? '') ? `${segments[1]}/${segments[2]}` : null;
		if (record) {
			const onRecord = (inFlightByRecord.get(record) ?? 0) + 1;
			inFlightByRecord.set(record, onRecord);
			faults.stats.maxConcurrentOnOneRecord = Math.max(
				faults.stats.maxConcurrentOnOneRecord,
				onRecord,
			);
		}
		try {
			const delay = faults.delayMs();
			if (delay) await wait(delay);
			const limited = faults.rateLimited();
			if (limited) return respond.errors(429, { base: ['Rate limit exceeded'] }, limited);
			const redirect = faults.redirectFor(url);
			if (redirect)
				return respond.send(
					redirect.status,
					'',
					redirect.location === null ? {} : { Location: redirect.location },
				);
			const echo = faults.echoFor(auth.authenticate(req.headers.authorization)?.accessToken);
			if (echo) return respond.errors(echo.status, echo.errors);
			const failure = faults.serverError();
			if (failure) return respond.html(failure.status, failure.body, failure.headers);
			// 'before': the request never reaches Coupa. 'after': it is carried out, the response is lost.
			const drop = faults.drop();
			respond.dropInstead = drop !== null;
			if (drop === 'before') return respond.send(0);
			const lost = drop ? null : faults.lostAnswer(req.method);
			if (lost === 'reset') respond.dropInstead = true;
			else if (lost) respond.lostTo = { status: lost, body: proxyErrorPage(lost) };
			const origin = `${req.socket.encrypted ? 'https' : 'http'}://${req.headers.host}`;
			handleApi(
				{
					method: req.method,
					segments: segments.slice(1),
					params: url.searchParams,
					body,
					bodyInvalid: invalid,
					headers: req.headers,
					origin,
				},
				respond,
			);
		} finally {
			inFlight--;
			if (record) inFlightByRecord.set(record, inFlightByRecord.get(record) - 1);
		}
	}

	const tlsFiles = tls
		? {
				key: readFileSync(new URL('./tls/key.pem', import.meta.url)),
				cert: readFileSync(new URL('./tls/cert.pem', import.meta.url)),
			}
		: null;
	const listener = (req, res) => {
		handle(req, res).catch((error) => {
			// A bug in the fake must be loud, not a hanging request.
			console.error('fake-coupa internal error', error);
			if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
			res.end(`fake-coupa internal error: ${error.message}`);
		});
	};
	const server = tlsFiles ? createTlsServer(tlsFiles, listener) : createServer(listener);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, resolve);
	});
	const actualPort = server.address().port;

	return {
		url: `${tls ? 'https' : 'http'}://${host}:${actualPort}`,
		port: actualPort,
		clients,
		requests,
		clearRequests: () => void requests.splice(0),
		apiRequests: () => requests.filter((r) => r.path.startsWith('/api/')),
		tokens: auth.tokens,
		get tokenTtlSeconds() {
			return auth.tokenTtlSeconds;
		},
		set tokenTtlSeconds(seconds) {
			auth.tokenTtlSeconds = seconds;
		},
		store,
		clock,
		faults,
		/** Call outs sent from this Coupa (`fire(request)`, `calls`): see callOuts.mjs. */
		callOuts,
		stats: faults.stats,
		/** Stop listening and destroy open (keep-alive) sockets so test runners can exit. */
		close: () =>
			new Promise((resolve) => {
				timers.forEach(clearTimeout);
				timers.clear();
				server.close(() => resolve());
				sockets.forEach((socket) => socket.destroy());
			}),
	};
}
