#!/usr/bin/env node
// Run the fake Coupa standalone for people clicking around in n8n:
//   node test/fake-coupa/cli.mjs --port 4010 --seed sandbox [--host 127.0.0.1] [--scope-denied 401]
// (routes come from ./contract/; no build needed)
import { parseArgs } from 'node:util';
import { DEFAULT_CLIENT, startFakeCoupa } from './index.mjs';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4010' },
		host: { type: 'string', default: '127.0.0.1' },
		seed: { type: 'string', default: 'sandbox' },
		'scope-denied': { type: 'string', default: '403' },
		help: { type: 'boolean', short: 'h' },
	},
});

if (values.help) {
	console.log(
		'Usage: node test/fake-coupa/cli.mjs [--port 4010] [--host 127.0.0.1] [--seed default|sandbox|none] [--scope-denied 403|401]',
	);
	process.exit(0);
}

const fake = await startFakeCoupa({
	port: Number(values.port),
	host: values.host,
	seed: values.seed === 'none' ? false : values.seed,
	scopeDeniedStatus: Number(values['scope-denied']),
});

console.log(`Fake Coupa listening on ${fake.url}`);
console.log(
	`  Instance URL:  ${fake.url}   (token: ${fake.url}/oauth2/token, API: ${fake.url}/api)`,
);
console.log(`  Client ID:     ${DEFAULT_CLIENT.clientId}`);
console.log(`  Client secret: ${DEFAULT_CLIENT.clientSecret}`);
console.log(`  Scopes:        ${DEFAULT_CLIENT.scopes.join(' ')}`);
console.log(
	`  Records:       ${fake.store
		.paths()
		.map((path) => `${path}=${fake.store.count(path)}`)
		.join(', ')}`,
);
console.log('Press Ctrl-C to stop.');

let stopping = false;
const stop = async (signal) => {
	if (stopping) return;
	stopping = true;
	console.log(`\n${signal}: stopping fake Coupa (${fake.stats.requests} API requests served)`);
	await fake.close();
	process.exit(0);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
