// Tests are ES modules that drive the compiled package in dist/ against a fake Coupa on
// loopback, so they exercise exactly what ships. `npm test` builds first.
export default {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.mjs'],
	transform: {},
	testTimeout: 30000,
};
