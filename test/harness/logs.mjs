/**
 * Captures what nodes write to n8n's log (`this.logger`, n8n's Logger from the DI container),
 * instead of printing it. `logged()` lists the entries since `clearLogs()`.
 */
import { createRequire } from 'node:module';

// n8n-core's own copies: it resolves the logger from its own DI container.
const require = createRequire(createRequire(import.meta.url).resolve('n8n-core'));
const { Container } = require('@n8n/di');
const { Logger } = require('@n8n/backend-common');

const entries = [];
const capture = (level) => (message, meta) =>
	void entries.push({ level, message: String(message), meta });
const logger = {
	error: capture('error'),
	warn: capture('warn'),
	info: capture('info'),
	debug: capture('debug'),
};
logger.scoped = () => logger;
Container.set(Logger, logger);

export const logged = (level) =>
	entries.filter((entry) => level === undefined || entry.level === level);
export const clearLogs = () => void entries.splice(0);
