/**
 * A pass-through proxy in front of the fake Coupa, for tests that must control the timing or the
 * answer of single pages. `before(url, proxy)` runs for every /api request before it is
 * forwarded; it may wait, and it may return `{ status, message }` to answer with that error
 * instead, or `{ status, raw }` to answer with exactly that body. `proxy.seen` lists the API URLs asked for, in order; `proxy.answered(match)` settles
 * once a request whose URL satisfies `match` has been answered (also if that already happened).
 */
import { createServer } from 'node:http';

export const offsetOf = (url) => Number(url.searchParams.get('offset'));

export async function startProxy(fake, before = () => undefined) {
	const answeredUrls = [];
	const waiters = [];
	const proxy = {
		seen: [],
		offsetsSeen: () => proxy.seen.map(offsetOf),
		answered(match) {
			if (answeredUrls.some(match)) return Promise.resolve();
			return new Promise((resolve) => waiters.push({ match, resolve }));
		},
	};

	const forward = async (req, res, url) => {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const headers = { ...req.headers };
		for (const name of ['host', 'connection', 'content-length', 'transfer-encoding'])
			delete headers[name];
		const upstream = await fetch(url, {
			method: req.method,
			headers,
			body: chunks.length ? Buffer.concat(chunks) : undefined,
		});
		res.writeHead(upstream.status, {
			'Content-Type': upstream.headers.get('content-type') ?? 'application/json',
		});
		res.end(Buffer.from(await upstream.arrayBuffer()));
	};

	const server = createServer(async (req, res) => {
		const url = new URL(req.url, fake.url);
		if (!url.pathname.startsWith('/api/')) return forward(req, res, url);
		proxy.seen.push(url);
		const refusal = await before(url, proxy);
		if (refusal?.raw !== undefined) {
			// An answer in Coupa's place, exactly as given (e.g. a 200 with an empty body).
			res.writeHead(refusal.status ?? 200, { 'Content-Type': 'application/json' });
			res.end(refusal.raw);
		} else if (refusal?.status) {
			res.writeHead(refusal.status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ errors: { base: [refusal.message ?? 'Refused by the test'] } }));
		} else {
			await forward(req, res, url);
		}
		answeredUrls.push(url);
		for (const waiter of waiters.filter((w) => w.match(url))) {
			waiters.splice(waiters.indexOf(waiter), 1);
			waiter.resolve();
		}
	});
	const sockets = new Set();
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	proxy.url = `http://127.0.0.1:${server.address().port}`;
	proxy.close = () =>
		new Promise((resolve) => {
			server.close(() => resolve());
			sockets.forEach((socket) => socket.destroy());
		});
	return proxy;
}
