// `n8n execute --id … --rawOutput` with its stdout going to a file rather than a pipe. The run
// data of 2,000 invoices is several MB; n8n prints it and calls process.exit() straight away,
// which cuts a pipe's pending output short (seen at ~6 MB), while writes to a file are
// synchronous and complete.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { N8N_BIN, NODE_BIN } from '../n8n-runtime.mjs';
import { parseExecuteOutput } from '../../test/e2e/harness/n8n-instance.mjs';

/** Resolves { ok, run, stdout, stderr } like the e2e instance's execute(). */
export async function executeToFile(workflowId, env) {
	const dir = mkdtempSync(join(tmpdir(), 'coupa-bench-out-'));
	const file = join(dir, 'stdout.txt');
	const fd = openSync(file, 'w');
	try {
		const { code, stderr } = await new Promise((resolve, reject) => {
			const child = spawn(NODE_BIN, [N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'], {
				env,
				stdio: ['ignore', fd, 'pipe'],
			});
			let stderr = '';
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stderr }));
		});
		const stdout = readFileSync(file, 'utf8');
		return { ok: code === 0, run: parseExecuteOutput(stdout, stderr), stdout, stderr };
	} finally {
		closeSync(fd);
		rmSync(dir, { recursive: true, force: true });
	}
}
