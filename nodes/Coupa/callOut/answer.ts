/** An HTTP answer the trigger writes itself (status codes other than 200, extra headers). */
export interface HttpAnswer {
	status: number;
	body: Record<string, unknown>;
	headers?: Record<string, string>;
}

interface ResponseLike {
	status(code: number): ResponseLike;
	setHeader(name: string, value: string): unknown;
	json(body: unknown): unknown;
}

export function writeAnswer(response: ResponseLike, answer: HttpAnswer) {
	for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
	response.status(answer.status).json(answer.body);
}
