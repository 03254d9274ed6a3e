import type { BaseLogger } from 'pino';

/** The logging engines need; pino loggers and Fastify's request loggers both fit. */
export type EngineLogger = Pick<BaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
