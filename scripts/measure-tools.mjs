#!/usr/bin/env node
// `npm run measure:tools` (after `npm run build`): the size of what a model receives for the Coupa
// tools of each AI example, built the way n8n builds it, without starting n8n:
//   - name: the node name as a tool name (n8n-workflow nodeNameToToolName);
//   - description: the Tool Description, or "<operation action> in Coupa" when set automatically
//     (n8n-workflow NodeHelpers.getToolDescriptionForNode on the Coupa Tool variant);
//   - input schema: one property per $fromAI() in the node's parameters (n8n-workflow
//     traverseNodeParameters + generateZodSchema, as n8n-core's createNodeAsTool does);
//   - the JSON an OpenAI-compatible model gets (@langchain/core convertToOpenAITool, which n8n's
//     chat model nodes use).
// test/e2e/ai.e2e.mjs prints the same figures as measured in a real n8n (MCP tools/list and the
// `tools` of the chat-completions request); they differ by a few percent (formatting of the schema).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
	NodeHelpers,
	generateZodSchema,
	nodeNameToToolName,
	traverseNodeParameters,
} = require('n8n-workflow');
const { DynamicStructuredTool } = require('@langchain/core/tools');
const { convertToOpenAITool } = require('@langchain/core/utils/function_calling');
const { z } = require('zod');
const { Coupa } = require('../dist/nodes/Coupa/Coupa.node.js');

const EXAMPLES_DIR = fileURLToPath(new URL('../examples/', import.meta.url));
const EXAMPLES = ['coupa-approvals-mcp-server.json', 'procurement-assistant.json'];
const TOOL_TYPE = 'n8n-nodes-coupa.coupaTool';

/** The Coupa Tool as n8n derives it from the node (n8n's convertNodeToAiTool renames it). */
const toolType = { description: { ...new Coupa().description, name: TOOL_TYPE } };

/** One Coupa tool node of a workflow → the OpenAI tool definition n8n would send. */
export function openAiTool(node) {
	const found = [];
	traverseNodeParameters(node.parameters, found);
	const unique = new Map(found.map((argument) => [argument.key, argument]));
	const shape = Object.fromEntries(
		[...unique.values()].map((argument) => [argument.key, generateZodSchema(argument)]),
	);
	const tool = new DynamicStructuredTool({
		name: nodeNameToToolName(node),
		description: NodeHelpers.getToolDescriptionForNode(node, toolType),
		schema: z.object(shape).required(),
		func: async () => '',
	});
	return convertToOpenAITool(tool);
}

export function measureExample(file) {
	const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
	const tools = workflow.nodes.filter((node) => node.type === TOOL_TYPE).map(openAiTool);
	return { file, tools, bytes: Buffer.byteLength(JSON.stringify(tools)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const kb = (bytes) => `${bytes} bytes (~${Math.round(bytes / 4)} tokens)`;
	for (const { file, tools, bytes } of EXAMPLES.map(measureExample)) {
		console.log(
			`\n${file}: ${tools.length} Coupa tools, ${kb(bytes)} sent to the model on every turn`,
		);
		for (const { function: fn } of tools) {
			const size = Buffer.byteLength(JSON.stringify({ type: 'function', function: fn }));
			console.log(
				`  ${fn.name.padEnd(24)} ${String(size).padStart(5)} bytes  params: ${Object.keys(fn.parameters.properties ?? {}).join(', ') || '(none)'}`,
			);
		}
	}
	// For comparison: the same tools with their descriptions set automatically.
	const auto = EXAMPLES.map((file) => {
		const workflow = JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8'));
		return workflow.nodes
			.filter((node) => node.type === TOOL_TYPE)
			.map(
				(node) =>
					openAiTool({ ...node, parameters: { ...node.parameters, descriptionType: 'auto' } })
						.function.description,
			);
	});
	console.log(
		`\nAutomatic tool descriptions (Tool Description: Set Automatically), for comparison:\n  ${auto.flat().join('\n  ')}`,
	);
}
