import { type Static, Type } from 'typebox';

const Positive = Type.Integer({ minimum: 1 });

/**
 * Every setting, with its default. Keys are the camelCase form of the
 * environment variable without the `ATELIER_` prefix: `engineThreads` is
 * `ATELIER_ENGINE_THREADS`, and the optional JSON config file uses the same
 * camelCase keys.
 */
export const ConfigSchema = Type.Object(
  {
    host: Type.String({ default: '127.0.0.1', minLength: 1 }),
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
    dataDir: Type.String({ default: './data', minLength: 1 }),
    secretKey: Type.Optional(Type.String()),
    databaseUrl: Type.Optional(Type.String({ minLength: 1 })),
    databasePoolSize: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
    databaseConnectTimeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
    databaseStatementTimeoutMs: Type.Integer({ minimum: 0, default: 30_000 }),
    requestTimeoutMs: Type.Integer({ minimum: 100, default: 60_000 }),
    logLevel: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      default: 'info',
    }),
    engine: Type.Enum(['local', 'openai-compatible', 'anthropic'], { default: 'local' }),
    model: Type.Optional(Type.String({ minLength: 1 })),
    engineBaseUrl: Type.Optional(Type.String({ minLength: 1 })),
    engineApiKey: Type.Optional(Type.String()),
    engineThreads: Type.Optional(Positive),
    engineContextSize: Type.Integer({ minimum: 256, default: 4096 }),
    engineParallel: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
    modelCacheDir: Type.Optional(Type.String({ minLength: 1 })),
    modelDownload: Type.Boolean({ default: true }),
    maxFileBytes: Type.Integer({ minimum: 1, default: 1024 * 1024 }),
    aiContextTokens: Type.Integer({ minimum: 0, default: 1024 }),
    accessTokenTtl: Type.Integer({ minimum: 10, default: 900 }),
    refreshTokenTtl: Type.Integer({ minimum: 60, default: 30 * 24 * 3600 }),
    rateLimitWindowMs: Type.Integer({ minimum: 1000, default: 60_000 }),
    rateLimitComplete: Type.Integer({ minimum: 1, default: 5 }),
    rateLimitExplain: Type.Integer({ minimum: 1, default: 5 }),
    rateLimitRefactor: Type.Integer({ minimum: 1, default: 5 }),
    rateLimitLogin: Type.Integer({ minimum: 1, default: 10 }),
    rateLimitOpenai: Type.Integer({ minimum: 1, default: 60 }),
    userConcurrency: Type.Integer({ minimum: 1, default: 2 }),
    queueMaxLength: Type.Integer({ minimum: 0, default: 32 }),
    queueMaxWaitMs: Type.Integer({ minimum: 0, default: 30_000 }),
    tokenBudget: Type.Integer({ minimum: 0, default: 100_000 }),
    pressureMaxEventLoopDelayMs: Type.Integer({ minimum: 0, default: 500 }),
    pressureMaxEventLoopUtilization: Type.Number({ minimum: 0, maximum: 1, default: 0 }),
    pressureMaxHeapBytes: Type.Integer({ minimum: 0, default: 0 }),
    metricsToken: Type.Optional(Type.String({ minLength: 16 })),
    corsOrigins: Type.Array(Type.String(), { default: [] }),
    trustProxy: Type.Boolean({ default: false }),
    bootstrapAdmin: Type.Boolean({ default: true }),
    shutdownTimeoutMs: Type.Integer({ minimum: 0, default: 10_000 }),
    streamHeartbeatMs: Type.Integer({ minimum: 100, default: 15_000 }),
    streamFlushMs: Type.Integer({ minimum: 0, maximum: 10_000, default: 16 }),
    wsAuthTimeoutMs: Type.Integer({ minimum: 100, default: 5000 }),
    wsPingIntervalMs: Type.Integer({ minimum: 100, default: 30_000 }),
    wsMaxInFlight: Type.Integer({ minimum: 1, maximum: 64, default: 4 }),
    v1Deprecation: Type.Boolean({ default: false }),
    redisUrl: Type.Optional(Type.String({ pattern: '^rediss?://' })),
    redisCommandTimeoutMs: Type.Integer({ minimum: 50, default: 1000 }),
    aiCacheTtlMs: Type.Integer({ minimum: 0, default: 3_600_000 }),
    aiCacheMaxBytes: Type.Integer({ minimum: 1024, default: 64 * 1024 * 1024 }),
    aiCacheMaxEntryBytes: Type.Integer({ minimum: 1024, default: 1024 * 1024 }),
    worker: Type.Enum(['embedded', 'off'], { default: 'embedded' }),
    workerConcurrency: Type.Integer({ minimum: 1, maximum: 16, default: 1 }),
    jobMaxAttempts: Type.Integer({ minimum: 1, maximum: 100, default: 3 }),
    jobLeaseMs: Type.Integer({ minimum: 500, default: 30_000 }),
    jobPollMs: Type.Integer({ minimum: 50, default: 1000 }),
    jobMaxPerUser: Type.Integer({ minimum: 1, default: 5 }),
    jobMaxFiles: Type.Integer({ minimum: 1, default: 200 }),
  },
  { additionalProperties: false },
);

export type ConfigInput = Static<typeof ConfigSchema>;

/** Settings after validation, with every derived path filled in. */
export interface Config extends Readonly<Omit<ConfigInput, 'secretKey' | 'databaseUrl'>> {
  readonly secretKey: string;
  readonly databaseUrl: string;
  readonly modelCacheDir: string;
  readonly engineThreads: number;
}
