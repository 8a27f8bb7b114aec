// The n8n editor as a builder meets it, in headless Chromium: sign in, the Coupa node's lists,
// the record picker, Execute step, the credential's test, the trigger's test event and the
// Coupa tool of an AI Agent. Run by `npm run test:browser`; steps run in order on one page.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_CLIENT } from '../fake-coupa/index.mjs';
import { coupaCredential } from '../../scripts/n8n-setup.mjs';
import {
	closeDropdown,
	closeNode,
	coupaNode,
	dropdownOf,
	openDropdownTexts,
	openNode,
	openToolsPanel,
	SCREENSHOT_DIR,
	signIn,
	startBrowserSuite,
} from './harness.mjs';

const WORKFLOWS = [
	{
		id: 'browserCoupaNode',
		name: 'Browser: Coupa node',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			coupaNode('Invoices', { resource: 'invoice', operation: 'getAll', limit: 5 }, [260, 0]),
			coupaNode(
				'Purchase order',
				{
					resource: 'purchaseOrder',
					operation: 'get',
					id: { __rl: true, mode: 'list', value: '' },
				},
				[260, 240],
			),
		],
		connections: { Start: { main: [[{ node: 'Invoices', type: 'main', index: 0 }]] } },
	},
	{
		id: 'browserCoupaTrigger',
		name: 'Browser: Coupa Trigger',
		active: false,
		settings: {},
		nodes: [],
		connections: {},
	},
	{
		id: 'browserAgent',
		name: 'Browser: AI Agent',
		active: false,
		settings: {},
		nodes: [
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
	},
];

describe('the n8n editor with the Coupa nodes (headless Chromium)', () => {
	let suite;
	let page;
	let step;

	before(async () => {
		suite = await startBrowserSuite({
			workflows: WORKFLOWS,
			// As version 0.1 stored it: domain, clientId, clientSecret, scope.
			credentials: (fake) => [
				coupaCredential({
					id: 'browserLegacy',
					name: 'Coupa saved by 0.1',
					domain: fake.url,
					...DEFAULT_CLIENT,
					legacy: true,
				}),
			],
		});
		({ page, step } = suite);
	});

	after(async () => {
		await suite?.close();
	});

	test('signs in', () =>
		step('sign in', async () => {
			await signIn(page);
		}));

	test("Resource lists the catalogue with exactly one Custom API Call; Operation has none of n8n's", () =>
		step('open a Coupa node and read Resource and Operation', async () => {
			await openNode(page, 'browserCoupaNode', 'Invoices');
			await page.getByTestId('parameter-input-resource').click();
			const resources = await openDropdownTexts(page);
			await closeDropdown(page);
			// What a Coupa builder looks for first, in alphabetical order, each once.
			for (const name of ['Approval', 'Invoice', 'Purchase Order', 'Requisition', 'Supplier']) {
				assert.ok(resources.includes(name), `Resource lists ${resources.join(', ')}`);
			}
			assert.deepEqual(
				resources,
				[...resources].sort((a, b) => a.localeCompare(b)),
			);
			assert.equal(new Set(resources).size, resources.length);
			assert.equal(resources.filter((name) => name === 'Custom API Call').length, 1);
			await page.getByTestId('parameter-input-operation').click();
			const operations = await openDropdownTexts(page);
			await closeDropdown(page);
			assert.ok(operations.includes('Get Many'), `Operation lists ${operations.join(', ')}`);
			assert.ok(operations.includes('Mark as Exported'));
			assert.ok(
				!operations.includes('Custom API Call'),
				`n8n added its Custom API Call to Operation: ${operations.join(', ')}`,
			);
		}));

	test('Execute step on a Get Many shows the items', () =>
		step('execute step on Get Many', async () => {
			await page.getByTestId('node-execute-button').click();
			const count = page.getByTestId('output-panel').getByTestId('ndv-items-count');
			await count.filter({ hasText: /5 items/ }).waitFor();
			await page
				.getByTestId('output-panel')
				.getByText(/invoice-number|Invoice Number/i)
				.first()
				.waitFor();
			await closeNode(page);
			// The canvas subtitle is in words.
			await page
				.getByTestId('canvas-node')
				.filter({ hasText: 'Invoices' })
				.getByText('Get many invoices')
				.waitFor();
		}));

	test("the record picker finds a purchase order by its supplier's name and shows it in words", () =>
		step('pick a record from the list with search', async () => {
			const order = suite.sandbox.fake.store
				.list('purchase_orders')
				.find((po) => po.supplier?.name);
			const supplier = order.supplier.name;
			await page
				.getByTestId('canvas-node')
				.filter({ hasText: 'Purchase order' })
				.first()
				.dblclick();
			await page.getByTestId('ndv').waitFor();
			await page.getByTestId('rlc-input').click();
			await page
				.locator('input[data-test-id="rlc-search"], [data-test-id="rlc-search"] input')
				.first()
				.fill(supplier);
			const item = page
				.getByTestId('rlc-item')
				.filter({ hasText: `${order['po-number']} · ${supplier}` })
				.first();
			await item.waitFor();
			const label = (await item.innerText()).trim();
			assert.match(
				label,
				/· [A-Z][a-z]+( [a-z]+)* \(ID \d+\)$/,
				`the label ends with the status in words: ${label}`,
			);
			assert.doesNotMatch(label, /_/);
			await item.click();
			const picked = page
				.locator('input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input')
				.first();
			await page.waitForFunction((expected) => {
				const input = document.querySelector(
					'input[data-test-id="rlc-input"], [data-test-id="rlc-input"] input',
				);
				return input && input.value === expected;
			}, label);
			assert.equal(await picked.inputValue(), label);
			await closeNode(page);
		}));

	test("a filter condition offers the object's attributes, nested and custom ones included", () =>
		step('filter field dropdown', async () => {
			await openNode(page, 'browserCoupaNode', 'Invoices');
			await page.getByTestId('collection-parameter-add').first().click();
			await page
				.locator(
					'.el-select-dropdown__item:visible, [role="menuitem"]:visible, [role="option"]:visible',
				)
				.filter({ hasText: /^Conditions$/ })
				.first()
				.click();
			await page
				.getByRole('button', { name: /Add Condition/i })
				.first()
				.click();
			const fields = await dropdownOf(page, 'attribute');
			await closeDropdown(page);
			for (const name of [
				'Supplier Name',
				'Invoice Number',
				'Invoice Line: Account Code',
				'Custom Field: Sap Document Number',
				'Other (Type the Attribute)',
			]) {
				assert.ok(fields.includes(name), `Field lists ${name}: ${fields.join(', ')}`);
			}
			await closeNode(page);
		}));

	test('the Coupa Trigger is added from the node panel and fetches a test event', () =>
		step('add the Coupa Trigger and fetch a test event', async () => {
			await page.goto('/workflow/browserCoupaTrigger');
			await page.getByTestId('canvas-add-button').click();
			await page.getByTestId('node-creator-search-bar').fill('Coupa');
			await page
				.getByTestId('node-creator')
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Coupa$/ })
				.first()
				.click();
			await page.getByTestId('node-creator').getByText('On updated', { exact: true }).click();
			const ndv = page.getByTestId('ndv');
			await ndv.waitFor();
			await ndv
				.getByRole('button', { name: /fetch test event/i })
				.first()
				.click();
			const count = page.getByTestId('output-panel').getByTestId('ndv-items-count');
			await count.waitFor();
			assert.match(await count.innerText(), /\d+ items?/);
			assert.doesNotMatch(
				await page.getByTestId('output-panel').innerText(),
				/needs the scope|error/i,
			);
			await closeNode(page);
			// The canvas subtitle is in words, e.g. "Approval created or changed".
			const node = page.getByTestId('canvas-node').filter({ hasText: 'Coupa Trigger' }).first();
			await node
				.getByText(/^[A-Z][a-z]+( [A-Z][a-z]+)* (created or changed|created|status changed)$/)
				.waitFor();
		}));

	test('an AI Agent offers the Coupa tool', () =>
		step("find the Coupa tool among an AI Agent's tools", async () => {
			await page.goto('/workflow/browserAgent');
			const tools = await openToolsPanel(page, 'AI Agent');
			await tools.getByTestId('node-creator-search-bar').fill('Coupa');
			await tools
				.getByTestId('node-creator-item-name')
				.filter({ hasText: /^Coupa Tool$/ })
				.waitFor();
			await page.keyboard.press('Escape');
			await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
		}));

	test("n8n serves the package's output schemas to the editor", () =>
		step('output schemas are served', async () => {
			const answers = await page.evaluate(async () => {
				const read = async (path) => {
					const response = await fetch(path);
					return { status: response.status, body: response.ok ? await response.json() : null };
				};
				return {
					node: await read('/schemas/n8n-nodes-coupa.coupa/1.0.0/invoice/getAll.json'),
					trigger: await read('/schemas/n8n-nodes-coupa.coupaTrigger/1.0.0/approval.json'),
				};
			});
			assert.equal(answers.node.status, 200);
			assert.equal(answers.node.body.type, 'object');
			assert.deepEqual(answers.node.body.properties['invoice-number'], { type: 'string' });
			assert.equal(answers.trigger.status, 200);
			assert.ok(answers.trigger.body.properties.status);
		}));

	test('the credential form shows Domain first, and its test succeeds', () =>
		step('credential test succeeds', async () => {
			await page.goto('/home/credentials');
			await page
				.getByTestId('resources-list-item')
				.filter({ hasText: 'Coupa sandbox' })
				.first()
				.click();
			const modal = page.getByTestId('editCredential-modal');
			await modal.getByTestId('credentials-config-container-test-success').waitFor();
			const fields = await modal
				.locator('[data-test-id^="parameter-input-"]')
				.evaluateAll((elements) =>
					elements
						.map((element) => element.getAttribute('data-test-id'))
						.filter((id) => id !== 'parameter-input-field'),
				);
			assert.deepEqual(fields, [
				'parameter-input-authUrl',
				'parameter-input-clientId',
				'parameter-input-clientSecret',
				'parameter-input-scope',
				'parameter-input-maxRequestsPerSecond',
			]);
			const form = await modal.innerText();
			const at = [
				'Domain',
				'Client ID',
				'Client Secret',
				'OAuth Scope',
				'The OAuth Scope must list exactly',
				'Max Requests per Second',
			].map((label) => form.indexOf(label));
			assert.deepEqual(
				[...at].sort((a, b) => a - b),
				at,
				`labels in this order: Domain, Client ID, Client Secret, OAuth Scope, the scope notice, then Max Requests per Second\n${form}`,
			);
			assert.ok(at.every((index) => index >= 0));
			assert.doesNotMatch(
				form,
				/Allowed HTTP Request Domains|Send Additional Body Properties|Grant Type/,
			);
			// "Retry" is the form's test button once a test has run.
			const tested = page.waitForResponse((response) =>
				response.url().includes('/rest/credentials/test'),
			);
			await modal.getByRole('button', { name: /retry/i }).click();
			assert.equal((await (await tested).json()).data.status, 'OK');
			await modal.getByTestId('credentials-config-container-test-success').waitFor();
		}));

	test('a credential saved by version 0.1 opens with its Client ID and scopes, and passes its test once Domain is typed', () =>
		step('credential saved by 0.1 passes its test', async () => {
			const modal = page.getByTestId('editCredential-modal');
			await page.keyboard.press('Escape');
			await modal.waitFor({ state: 'hidden' });
			const card = page
				.getByTestId('resources-list-item')
				.filter({ hasText: 'Coupa saved by 0.1' })
				.first();
			for (let attempt = 1; ; attempt++) {
				await card.click();
				try {
					await modal.waitFor({ timeout: 20000 });
					break;
				} catch (error) {
					if (attempt === 3) throw error;
					console.log(
						`[test:browser] the credential did not open; clicking it again (attempt ${attempt + 1})`,
					);
				}
			}
			const input = (name) =>
				modal.locator(`[data-test-id="parameter-input-${name}"] input`).first();
			await input('clientId').waitFor();
			assert.match(await modal.innerText(), /Coupa saved by 0\.1|Coupa OAuth2 API/);
			// 0.1 kept the domain under another name: the form asks for it once; the rest is there.
			assert.equal(await input('authUrl').inputValue(), '');
			assert.equal(await input('clientId').inputValue(), DEFAULT_CLIENT.clientId);
			assert.equal(await input('scope').inputValue(), DEFAULT_CLIENT.scopes.join(' '));
			await input('authUrl').fill(suite.sandbox.fake.url);
			await modal.getByTestId('credential-save-button').click();
			await modal.getByTestId('credentials-config-container-test-success').waitFor();
		}));

	test('a new credential with a wrong secret gives the failure message', () =>
		step('wrong secret fails the credential test', async () => {
			await page.keyboard.press('Escape');
			await page.getByTestId('editCredential-modal').waitFor({ state: 'hidden' });
			await page.getByTestId('add-resource-credential').click();
			await page.getByTestId('new-credential-type-select').locator('input').fill('Coupa');
			await page
				.getByTestId('new-credential-type-select-option')
				.filter({ hasText: 'Coupa OAuth2 API' })
				.click();
			await page.getByTestId('new-credential-type-button').click();
			const modal = page.getByTestId('editCredential-modal');
			const input = (name) =>
				modal.locator(`[data-test-id="parameter-input-${name}"] input`).first();
			await input('authUrl').fill(suite.sandbox.fake.url);
			await input('clientId').fill('n8n-test-client');
			await input('clientSecret').fill('not-the-secret');
			await modal.getByTestId('credential-save-button').click();
			await modal.getByText(/Couldn.t connect with these settings/i).waitFor();
			await modal.getByText(/More details/i).click();
			const text = await modal.innerText();
			assert.doesNotMatch(text, /not-the-secret/);
			assert.doesNotMatch(text, /Connection tested successfully/);
			await page.screenshot({ path: join(SCREENSHOT_DIR, 'wrong-secret-message.png') });
			// Leave the sandbox with its one credential.
			await modal.getByTestId('credential-delete-button').click();
			await page.getByRole('button', { name: /^Yes/ }).click();
			await modal.waitFor({ state: 'hidden' });
		}));
});
