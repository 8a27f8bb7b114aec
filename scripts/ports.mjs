// Port helpers: fixed ports for `npm run dev` must be free, test runs take whatever is free.
import { createServer } from 'node:net';

/** Resolves true when nothing listens on 127.0.0.1:`port`. */
export function isPortFree(port) {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** A port the OS reports free right now (tiny race: it is released before n8n binds it). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}
