// Tests are ES modules that drive the compiled package in dist/ against a fake Coupa on
// loopback, so they exercise exactly what ships. `npm test` builds first. test/slow/ holds the
// suites that take minutes; `npm run test:slow` runs them (COUPA_SLOW_TESTS=1).
export default {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testPathIgnorePatterns: process.env.COUPA_SLOW_TESTS
		? ['/node_modules/']
		: ['/node_modules/', '/test/slow/'],
	testMatch: ['**/*.test.mjs'],
	transform: {},
	testTimeout: 30000,
};
