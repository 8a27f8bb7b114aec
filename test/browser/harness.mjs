// The browser suite's harness: the n8n that `npm run dev` starts (scripts/n8n-sandbox.mjs), on
// free ports in a temporary user folder, and Debian's Chromium driven by playwright-core.
// Screenshots go to .cache/browser/: one per step, and FAILED-<step>.png when a step fails.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors } from 'playwright-core';
import { REPO_DIR } from '../../scripts/install-package.mjs';
import { SANDBOX_CREDENTIAL, SANDBOX_OWNER, startSandbox } from '../../scripts/n8n-sandbox.mjs';
import { freePort } from '../../scripts/ports.mjs';

export const CHROMIUM = process.env.COUPA_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_DIR, '.cache', 'browser');
export { SANDBOX_CREDENTIAL, SANDBOX_OWNER };

/** Waits on conditions, never on fixed sleeps: headless Chromium + n8n on 2 cores is slow. */
export const WAIT_MS = Number(process.env.COUPA_BROWSER_WAIT_MS ?? 90000);

/**
 * COUPA_BROWSER_CPU_THROTTLE=4 runs the page's scripts 4x slower (Chromium's CPU throttling), to
 * try the suite as on a loaded machine without loading one.
 */
const CPU_THROTTLE = Number(process.env.COUPA_BROWSER_CPU_THROTTLE ?? 1);

const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

const log = (message) => console.log(`[test:browser] ${message}`);

/** A Coupa node of the sandbox credential, as n8n stores it in a workflow. */
export function coupaNode(name, parameters, position, type = 'n8n-nodes-coupa.coupa') {
	return {
		id: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
		name,
		type,
		typeVersion: 1,
		position,
		parameters,
		credentials: { coupaOAuth2Api: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
	};
}

/**
 * Starts n8n with the sandbox and `workflows`, then Chromium with a fresh profile. Returns
 * { sandbox, context, page, step, close }. `step(name, fn)` runs one named step: it screenshots
 * the page after it, and on failure saves FAILED-<name>.png and fails with the step's name.
 */
export async function startBrowserSuite({ workflows = [], credentials } = {}) {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`Chromium is not at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set COUPA_CHROMIUM.`,
		);
	}
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const userFolder = mkdtempSync(join(tmpdir(), 'coupa-browser-n8n-'));
	const profile = mkdtempSync(join(tmpdir(), 'coupa-browser-chromium-'));
	const started = Date.now();
	const sandbox = await startSandbox({
		userFolder,
		n8nPort: await freePort(),
		brokerPort: await freePort(),
		encryptionKey: 'n8n-nodes-coupa-browser-suite',
		workflows,
		credentials,
		log,
	});
	log(
		`n8n ready at ${sandbox.editorUrl} in ${Math.round((Date.now() - started) / 1000)} s (log: ${sandbox.logFile})`,
	);

	// n8n marks elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		baseURL: sandbox.editorUrl,
	});
	context.setDefaultTimeout(WAIT_MS);
	const page = context.pages()[0] ?? (await context.newPage());
	if (CPU_THROTTLE > 1) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE });
		log(`the page's CPU is slowed ${CPU_THROTTLE}x (COUPA_BROWSER_CPU_THROTTLE)`);
	}

	let count = 0;
	const fileName = (name) => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
	const step = async (name, fn) => {
		count++;
		const label = `${String(count).padStart(2, '0')}-${fileName(name)}`;
		try {
			const result = await fn();
			await page.screenshot({ path: join(SCREENSHOT_DIR, `${label}.png`) });
			return result;
		} catch (error) {
			const shot = join(SCREENSHOT_DIR, `FAILED-${label}.png`);
			await page.screenshot({ path: shot }).catch(() => {});
			const failure = new Error(
				`Step "${name}" failed: ${error.message}\nScreenshot: ${shot}\nn8n log: ${sandbox.logFile}`,
			);
			failure.stack = `${failure.message}\n${error.stack}`;
			throw failure;
		}
	};

	const close = async () => {
		await context.close().catch(() => {});
		await sandbox.stop();
		rmSync(profile, { recursive: true, force: true });
		if (!process.env.COUPA_BROWSER_KEEP) rmSync(userFolder, { recursive: true, force: true });
	};
	return { sandbox, context, page, step, close };
}

/** Signs in on n8n's sign-in page as the sandbox owner. */
export async function signIn(page) {
	await page.goto('/signin');
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(SANDBOX_OWNER.email);
	await page.getByTestId('password').locator('input').fill(SANDBOX_OWNER.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/home\//);
}

/** The texts of the open dropdown's options (Element Plus select). */
export async function openDropdownTexts(page) {
	const items = page.locator('.el-select-dropdown__item:visible');
	await items.first().waitFor();
	return (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim());
}

/**
 * Opens the dropdown of parameter `name` and returns its option texts. A dropdown whose options
 * are loaded from the server can re-render while they arrive and close again; then click again.
 */
export async function dropdownOf(page, name) {
	const select = page.getByTestId(`parameter-input-${name}`).locator('input').first();
	for (let attempt = 1; ; attempt++) {
		await select.click();
		try {
			await page.locator('.el-select-dropdown__item:visible').first().waitFor({ timeout: 20000 });
			return await openDropdownTexts(page);
		} catch (error) {
			if (attempt === 3) throw error;
			log(`the ${name} dropdown showed no options; clicking it again (attempt ${attempt + 1})`);
		}
	}
}

/** Closes the open dropdown and waits until none of its options is visible any more. */
export async function closeDropdown(page) {
	await page.keyboard.press('Escape');
	await page.waitForFunction(() =>
		[...document.querySelectorAll('.el-select-dropdown__item')].every(
			(item) => item.offsetParent === null,
		),
	);
}

/** Opens a workflow by id and the node called `nodeName` in it. */
export async function openNode(page, workflowId, nodeName) {
	await page.goto(`/workflow/${workflowId}`);
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).first().dblclick();
	await page.getByTestId('ndv').waitFor();
}

export async function closeNode(page) {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/**
 * Opens the node panel on the Tools list of the AI Agent `nodeName` (the plus of its Tool input)
 * and returns that list's panel, known by its header "Tools".
 * The editor loads the node panel's code only after the canvas shows. A Tool plus clicked before
 * that opens "Other AI Nodes" instead: the panel mounts after the Tools list was chosen and puts
 * its own first view on top (n8n 2.40.7, NodeCreator and nodeCreator.store in editor-ui). That
 * view lists a category "Tools" too, so the header is checked, not just the word. Opening and
 * closing the panel once with the canvas's own plus button loads it first.
 */
export async function openToolsPanel(page, nodeName) {
	const creator = page.getByTestId('node-creator');
	await page.getByTestId('canvas-node').filter({ hasText: nodeName }).first().waitFor();
	await page.getByTestId('node-creator-plus-button').click();
	await creator.getByTestId('nodes-list-header').first().waitFor();
	await page.keyboard.press('Escape');
	await creator.waitFor({ state: 'hidden' });
	await page
		.locator(
			`[data-test-id="canvas-node-input-handle"][data-node-name="${nodeName}"][data-connection-type="ai_tool"] [data-test-id="canvas-handle-plus"]`,
		)
		.click();
	// While one list slides out and the next in, both are on the page: take the Tools one.
	const tools = creator
		.locator('aside')
		.filter({ has: page.getByTestId('nodes-list-header').getByText('Tools', { exact: true }) });
	try {
		await tools.waitFor();
	} catch (error) {
		const shown = await creator.getByTestId('nodes-list-header').allInnerTexts();
		error.message = `The Tool plus opened ${JSON.stringify(shown)}, not "Tools": ${error.message}`;
		throw error;
	}
	return tools;
}
