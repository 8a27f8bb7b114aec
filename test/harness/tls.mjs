/**
 * Makes this test process trust the fake Coupa's test-only certificate (test/fake-coupa/tls/), as
 * NODE_EXTRA_CA_CERTS would for a whole process: every TLS connection that names no CA of its own
 * (n8n's API requests, n8n's OAuth2 token request) verifies against Node's root certificates plus
 * that one. Certificate and host-name verification stay on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tls = require('node:tls');

const TEST_CA = readFileSync(new URL('../fake-coupa/tls/cert.pem', import.meta.url), 'utf8');
let installed = false;

export function trustFakeCoupaCertificate() {
	if (installed) return;
	installed = true;
	const connect = tls.connect;
	const trusted = [...tls.rootCertificates, TEST_CA];
	tls.connect = function connectTrustingTestCa(...args) {
		const options = args.find((arg) => arg !== null && typeof arg === 'object');
		if (options && options.ca === undefined) options.ca = trusted;
		return connect.apply(this, args);
	};
}
