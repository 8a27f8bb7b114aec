import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Coupa } = require('../dist/nodes/Coupa/Coupa.node.js');
const { CoupaTrigger } = require('../dist/nodes/Coupa/CoupaTrigger.node.js');
const { CoupaOAuth2Api } = require('../dist/credentials/CoupaOAuth2Api.credentials.js');
const { withArticle } = require('../dist/nodes/Coupa/helpers/labels.js');
const { NODE_SUBTITLES, TRIGGER_SUBTITLES } = require('../dist/nodes/Coupa/helpers/subtitle.js');

const TEXT_KEYS = ['displayName', 'name', 'action', 'description', 'hint', 'placeholder'];

/** Every human-readable string of a node description: labels, actions, descriptions, hints. */
function texts(value, path = '', out = []) {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => texts(entry, `${path}[${index}]`, out));
	} else if (value && typeof value === 'object') {
		for (const [key, entry] of Object.entries(value)) {
			if (key === 'displayOptions' || key === 'default') continue;
			if (TEXT_KEYS.includes(key) && typeof entry === 'string')
				out.push({ where: `${path}.${key}`, text: entry });
			else texts(entry, `${path}.${key}`, out);
		}
	}
	return out;
}

/**
 * The test's own pronunciation table, kept apart from the rule under test: words that start with
 * a vowel letter but are spoken with a consonant sound, and letters whose names start with a vowel
 * sound (for abbreviations read letter by letter).
 */
const CONSONANT_SOUND_WORDS = new Set([
	'user',
	'users',
	'unit',
	'unique',
	'usual',
	'utility',
	'one',
	'european',
	'uom',
]);
const VOWEL_NAMED_LETTERS = new Set([...'AEFHILMNORSX']);

function expectedArticle(word) {
	if (/^[A-Z]{2,}$/.test(word)) return VOWEL_NAMED_LETTERS.has(word[0]) ? 'an' : 'a';
	if (CONSONANT_SOUND_WORDS.has(word.toLowerCase())) return 'a';
	return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

function wrongArticles(entries) {
	const wrong = [];
	for (const { where, text } of entries) {
		for (const match of text.matchAll(/\b([Aa]n?) ([A-Za-z]+)/g)) {
			const [phrase, article, word] = match;
			if (article.toLowerCase() !== expectedArticle(word))
				wrong.push(`${where}: "${phrase}" in "${text}"`);
		}
	}
	return wrong;
}

const nodeTexts = texts(new Coupa().description);
const triggerTexts = texts(new CoupaTrigger().description);
const credentialTexts = texts(new CoupaOAuth2Api().properties);
const subtitleTexts = Object.entries({ ...NODE_SUBTITLES, ...TRIGGER_SUBTITLES }).map(
	([where, text]) => ({ where, text }),
);

describe('generated labels use the right article', () => {
	test('the rule follows the sound, not the letter', () => {
		expect(withArticle('invoice')).toBe('an invoice');
		expect(withArticle('expense report')).toBe('an expense report');
		expect(withArticle('inventory transaction')).toBe('an inventory transaction');
		expect(withArticle('user')).toBe('a user');
		expect(withArticle('user group')).toBe('a user group');
		expect(withArticle('unit of measure')).toBe('a unit of measure');
		expect(withArticle('purchase order')).toBe('a purchase order');
		expect(withArticle('approval')).toBe('an approval');
		expect(withArticle('hour')).toBe('an hour');
		expect(withArticle('PO line')).toBe('a PO line');
		expect(withArticle('SKU')).toBe('an SKU');
		expect(withArticle('update')).toBe('an update');
	});

	test('the node picker shows actions in words with the right article', () => {
		const actions = nodeTexts
			.filter((entry) => entry.where.endsWith('.action'))
			.map((entry) => entry.text);
		expect(actions).toEqual(
			expect.arrayContaining([
				'Mark an invoice as exported',
				'Mark an expense report as exported',
				'Mark a purchase order as exported',
				'Create a user',
				'Create a user group',
				'Get an approval',
			]),
		);
	});

	test.each([
		['Coupa node', nodeTexts],
		['Coupa Trigger', triggerTexts],
		['credential', credentialTexts],
		['canvas subtitles', subtitleTexts],
	])('no wrong "a"/"an" in any label, action or description of the %s', (_what, entries) => {
		expect(entries.length).toBeGreaterThan(0);
		expect(wrongArticles(entries)).toEqual([]);
	});
});

describe('canvas subtitles and docs links', () => {
	const { Workflow } = require('n8n-workflow');
	const subtitleOf = (nodeType, type, parameters) => {
		const node = { id: 'n', name: 'N', type, typeVersion: 1, position: [0, 0], parameters };
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => nodeType,
				getByNameAndVersion: () => nodeType,
				getKnownTypes: () => ({}),
			},
		});
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'internal',
			{},
		);
	};

	test("the node and trigger subtitles are in words, evaluated by n8n's expression engine", () => {
		const coupa = new Coupa();
		const trigger = new CoupaTrigger();
		expect(subtitleOf(coupa, 'coupa', { resource: 'invoice', operation: 'getAll' })).toBe(
			'Get many invoices',
		);
		expect(subtitleOf(coupa, 'coupa', { resource: 'invoice', operation: 'markExported' })).toBe(
			'Mark an invoice as exported',
		);
		expect(subtitleOf(coupa, 'coupa', { resource: 'user', operation: 'create' })).toBe(
			'Create a user',
		);
		expect(subtitleOf(coupa, 'coupa', { resource: 'customApiCall', operation: 'request' })).toBe(
			'Custom API call',
		);
		expect(
			subtitleOf(trigger, 'coupaTrigger', { resource: 'approval', event: 'statusChanged' }),
		).toBe('Approval status changed');
		expect(subtitleOf(trigger, 'coupaTrigger', { resource: 'invoice', event: 'updated' })).toBe(
			'Invoice created or changed',
		);
	});

	test('n8n adds no Custom API Call of its own: the nodes declare a version list with a defaultVersion', () => {
		// n8n's LoadNodesAndCredentials.injectCustomApiCallOptions only touches a node when
		// `defaultVersion === undefined || defaultVersion === version`.
		for (const node of [new Coupa(), new CoupaTrigger()]) {
			const { version, defaultVersion } = node.description;
			expect(version).toEqual([1]);
			expect(defaultVersion).toBe(1);
			expect(defaultVersion === undefined || defaultVersion === version).toBe(false);
		}
	});

	test('the docs links carry no fragment (n8n appends its tracking parameters to them)', () => {
		const { readFileSync } = require('node:fs');
		for (const file of ['Coupa.node.json', 'CoupaTrigger.node.json']) {
			const codex = JSON.parse(
				readFileSync(require.resolve(`../dist/nodes/Coupa/${file}`), 'utf8'),
			);
			const urls = Object.values(codex.resources)
				.flat()
				.map((entry) => entry.url);
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url).not.toContain('#');
		}
	});
});
