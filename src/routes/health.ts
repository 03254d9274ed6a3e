import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { checkRedis } from '../shared-state/redis.js';

const CheckResult = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  detail: Type.Optional(Type.String()),
});

const ReadinessResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  checks: Type.Object({
    database: CheckResult,
    redis: Type.Optional(CheckResult),
    engine: Type.Intersect([
      CheckResult,
      Type.Object({
        state: Type.String(),
        engine: Type.String(),
        model: Type.String(),
        progress: Type.Optional(Type.Number()),
      }),
    ]),
  }),
});

/** `/healthz` says the process is up; `/readyz` checks what requests need. */
const health: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['meta'],
        summary: 'Liveness',
        description: 'Answers 200 while the process is up and serving HTTP.',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['meta'],
        summary: 'Readiness',
        description:
          'Checks the database, Redis (when configured) and the language-model engine. ' +
          'Answers 503 with the same body when one is not ready, saying which and why.',
        response: { 200: ReadinessResponse, 503: ReadinessResponse },
      },
    },
    async (_request, reply) => {
      const database = await checkDatabase(app);
      const redis = app.redis && (await checkRedis(app.redis));
      const status = app.engine.status();
      const engine = {
        status: status.state === 'ready' ? ('ok' as const) : ('unavailable' as const),
        ...status,
      };
      const ready =
        database.status === 'ok' && engine.status === 'ok' && redis?.status !== 'unavailable';

      reply.code(ready ? 200 : 503);
      const checks = { database, ...(redis && { redis }), engine };
      return { status: ready ? 'ready' : 'not_ready', checks } as const;
    },
  );
};

async function checkDatabase(app: Parameters<FastifyPluginAsyncTypebox>[0]) {
  try {
    await sql`select 1`.execute(app.db);
    return { status: 'ok' as const };
  } catch (err) {
    return { status: 'unavailable' as const, detail: (err as Error).message };
  }
}

export default health;
