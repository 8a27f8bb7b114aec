// A fake OpenAI-compatible chat-completions server on loopback, for AI Agent tests without a
// real model. It plays a script: every POST /v1/chat/completions is answered by the next step,
// a function of the request (so a step can read the tool results the agent sent back). It records
// each request (messages, tools) for the test to inspect. Streaming (`stream: true`) is answered
// as server-sent events in OpenAI's chunk format.
import { createServer } from 'node:http';

let counter = 0;
const nextId = (prefix) => `${prefix}_${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A step's answer: call tools. `calls` is [{ name, args }]. */
export const toolCalls = (...calls) => ({
	tool_calls: calls.map(({ name, args }) => ({
		id: nextId('call'),
		type: 'function',
		function: { name, arguments: JSON.stringify(args ?? {}) },
	})),
});

/** A step's answer: the final text. */
export const say = (content) => ({ content });

/** The tool results in a request, newest last: [{ name, content }] (name from the matching call). */
export function toolResults(request) {
	const names = new Map();
	for (const message of request.messages) {
		for (const call of message.tool_calls ?? []) names.set(call.id, call.function.name);
	}
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({
			name: names.get(message.tool_call_id),
			content:
				typeof message.content === 'string' ? message.content : JSON.stringify(message.content),
		}));
}

function completion(model, answer) {
	const message = {
		role: 'assistant',
		content: answer.content ?? null,
		...(answer.tool_calls ? { tool_calls: answer.tool_calls } : {}),
	};
	return {
		id: nextId('chatcmpl'),
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [
			{
				index: 0,
				message,
				logprobs: null,
				finish_reason: answer.tool_calls ? 'tool_calls' : 'stop',
			},
		],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

function chunks(model, answer) {
	const base = {
		id: nextId('chatcmpl'),
		object: 'chat.completion.chunk',
		created: Math.floor(Date.now() / 1000),
		model,
	};
	const delta = (d, finish = null) => ({
		...base,
		choices: [{ index: 0, delta: d, logprobs: null, finish_reason: finish }],
	});
	const list = [delta({ role: 'assistant', content: answer.tool_calls ? null : '' })];
	if (answer.tool_calls) {
		answer.tool_calls.forEach((call, index) =>
			list.push(delta({ tool_calls: [{ index, ...call }] })),
		);
		list.push(delta({}, 'tool_calls'));
	} else {
		list.push(delta({ content: answer.content }));
		list.push(delta({}, 'stop'));
	}
	list.push({
		...base,
		choices: [],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	});
	return list;
}

/**
 * @param {{ script: Array<(request: object) => object> }} options each step gets the parsed request
 *   body and returns `toolCalls(...)` or `say(...)`. Requests beyond the script get HTTP 500.
 */
export async function startFakeOpenAi({ script: initialScript = [] } = {}) {
	const requests = [];
	let script = initialScript;
	let step = 0;
	const server = createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const send = (status, body) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			const path = new URL(req.url, 'http://localhost').pathname;
			if (req.method === 'GET' && path.endsWith('/models')) {
				return send(200, {
					object: 'list',
					data: [{ id: 'gpt-4o-mini', object: 'model', owned_by: 'fake' }],
				});
			}
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				return send(404, {
					error: {
						message: `The fake OpenAI serves POST /v1/chat/completions, not ${req.method} ${path}`,
					},
				});
			}
			let body;
			try {
				body = JSON.parse(raw);
			} catch {
				return send(400, { error: { message: 'Body is not JSON' } });
			}
			requests.push({ body, bytes: Buffer.byteLength(raw) });
			const play = script[step++];
			if (!play)
				return send(500, {
					error: {
						message: `The script has ${script.length} steps; request ${step} is one too many`,
					},
				});
			let answer;
			try {
				answer = play(body);
			} catch (error) {
				return send(500, { error: { message: `Script step ${step} failed: ${error.message}` } });
			}
			if (!body.stream) return send(200, completion(body.model, answer));
			res.writeHead(200, {
				'Content-Type': 'text/event-stream',
				'Cache-Control': 'no-cache',
				Connection: 'keep-alive',
			});
			for (const chunk of chunks(body.model, answer))
				res.write(`data: ${JSON.stringify(chunk)}\n\n`);
			res.end('data: [DONE]\n\n');
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		/** How many steps of the current script were played. */
		get played() {
			return step;
		},
		/** Plays a new script from its first step, with a fresh request log. */
		setScript(next) {
			script = next;
			step = 0;
			requests.splice(0);
		},
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}
