/** The scripted fake OpenAI-compatible server the AI e2e drives n8n's AI Agent with. */
import { say, startFakeOpenAi, toolCalls, toolResults } from './fake-openai/index.mjs';

const post = async (fake, body) =>
	await fetch(`${fake.url}/chat/completions`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});

describe('fake OpenAI chat completions', () => {
	let fake;
	afterEach(() => fake?.close());

	test('plays its script step by step, each step reading the request', async () => {
		fake = await startFakeOpenAi({
			script: [
				() => toolCalls({ name: 'list_pending_approvals', args: {} }),
				(request) => say(`saw ${toolResults(request)[0].name}: ${toolResults(request)[0].content}`),
			],
		});
		const first = await (
			await post(fake, { model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [] })
		).json();
		const call = first.choices[0].message.tool_calls[0];
		expect(first.choices[0].finish_reason).toBe('tool_calls');
		expect(call.function).toEqual({ name: 'list_pending_approvals', arguments: '{}' });
		const second = await (
			await post(fake, {
				model: 'm',
				messages: [
					{ role: 'user', content: 'hi' },
					{ role: 'assistant', content: null, tool_calls: [call] },
					{ role: 'tool', tool_call_id: call.id, content: '[{"id":1}]' },
				],
			})
		).json();
		expect(second.choices[0]).toMatchObject({
			finish_reason: 'stop',
			message: { role: 'assistant', content: 'saw list_pending_approvals: [{"id":1}]' },
		});
		expect(fake.played).toBe(2);
		expect(fake.requests).toHaveLength(2);
		const extra = await post(fake, { model: 'm', messages: [] });
		expect(extra.status).toBe(500);
	});

	test('answers streaming requests as OpenAI chunks ending in [DONE]', async () => {
		fake = await startFakeOpenAi({
			script: [() => toolCalls({ name: 'approve', args: { approval_id: 3 } }), () => say('done')],
		});
		const events = async (response) =>
			(await response.text())
				.split('\n\n')
				.filter(Boolean)
				.map((event) => event.replace(/^data: /, ''));
		const toolEvents = await events(await post(fake, { model: 'm', stream: true, messages: [] }));
		expect(toolEvents.at(-1)).toBe('[DONE]');
		const chunks = toolEvents.slice(0, -1).map((event) => JSON.parse(event));
		const delta = chunks
			.flatMap((chunk) => chunk.choices.map((choice) => choice.delta))
			.find((d) => d.tool_calls);
		expect(delta.tool_calls[0]).toMatchObject({
			index: 0,
			type: 'function',
			function: { name: 'approve', arguments: '{"approval_id":3}' },
		});
		expect(chunks.some((chunk) => chunk.choices[0]?.finish_reason === 'tool_calls')).toBe(true);
		const textEvents = await events(await post(fake, { model: 'm', stream: true, messages: [] }));
		const text = textEvents
			.slice(0, -1)
			.map((event) => JSON.parse(event))
			.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? ''))
			.join('');
		expect(text).toBe('done');
	});

	test('setScript starts a new conversation with a fresh request log', async () => {
		fake = await startFakeOpenAi({ script: [() => say('one')] });
		await post(fake, { model: 'm', messages: [] });
		fake.setScript([() => say('two')]);
		expect(fake.requests).toHaveLength(0);
		const answer = await (await post(fake, { model: 'm', messages: [] })).json();
		expect(answer.choices[0].message.content).toBe('two');
	});
});
