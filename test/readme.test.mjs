import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { GENERATED, pathOf, renderDoc } from '../scripts/docs-tables.mjs';

const read = (file) => readFileSync(pathOf(file), 'utf8');
const DOCS = [
	'README.md',
	...readdirSync(pathOf('docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** Markdown without fenced code blocks and code spans, where `[x](y)` is not a link. */
const prose = (text) => text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(text) {
	const seen = new Map();
	const anchors = new Set();
	for (const [, heading] of text
		.replace(/^```[\s\S]*?^```/gm, '')
		.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
		const slug = heading
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		anchors.add(count ? `${slug}-${count}` : slug);
	}
	return anchors;
}

describe('generated docs (run `npm run docs` when these fail)', () => {
	test.each(Object.keys(GENERATED))('%s is what the catalogue renders', (file) => {
		const text = read(file);
		expect(renderDoc(file, text)).toBe(text);
	});

	test('the operations table holds the rows Coupa documents for two known actions', () => {
		const text = read('docs/operations.md');
		expect(text).toContain(
			'| Invoice | Void | `PUT /api/invoices/{id}/void` | `core.invoice.delete` |',
		);
		expect(text).toContain(
			'| Purchase Order | Issue | `PUT /api/purchase_orders/{id}/issue` | `core.purchase_order.write` |',
		);
	});
});

describe('README and docs/', () => {
	const scripts = JSON.parse(read('package.json')).scripts;

	test("the quick start's commands are package.json scripts", () => {
		const quickStart = read('README.md').match(/## Quick start\n+```bash\n([\s\S]*?)```/)?.[1];
		const commands = quickStart.match(/^npm [^#\n]*?(?= *(#|$))/gm);
		expect(commands).toEqual(['npm install', 'npm run dev', 'npm test']);
		for (const command of commands.slice(1)) {
			expect(scripts).toHaveProperty(command.replace(/^npm (run )?/, ''));
		}
	});

	test.each(DOCS)('every `npm run <script>` in %s is a package.json script', (file) => {
		const named = [...read(file).matchAll(/npm run ([\w:-]+)/g)].map(([, name]) => name);
		expect(named.filter((name) => !(name in scripts))).toEqual([]);
	});

	test.each(DOCS)('every relative link in %s points to a file and heading that exist', (file) => {
		const broken = [];
		for (const [, target] of prose(read(file)).matchAll(/\]\(([^)\s]+)\)/g)) {
			if (/^[a-z][a-z+.-]*:/i.test(target)) continue; // https:, mailto:
			const [path, anchor] = target.split('#');
			const linked = path ? join(dirname(file), path) : file;
			if (!existsSync(pathOf(linked))) broken.push(`${target} (no file ${linked})`);
			else if (anchor && !statSync(pathOf(linked)).isDirectory()) {
				if (!anchorsOf(read(linked)).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
			}
		}
		expect(broken).toEqual([]);
	});

	test('every page in docs/ is linked from the README', () => {
		const linked = new Set(
			[...prose(read('README.md')).matchAll(/\]\((docs\/[^)#\s]+)/g)].map(([, path]) => path),
		);
		expect(DOCS.filter((file) => file.startsWith('docs/') && !linked.has(file))).toEqual([]);
	});

	test('the README stays a front door: at most about 20 KB', () => {
		expect(Buffer.byteLength(read('README.md'))).toBeLessThanOrEqual(20 * 1024);
	});
});
