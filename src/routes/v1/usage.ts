import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { authenticate, currentUser, requireAdmin } from '../../auth/authenticate.js';
import { AppError } from '../../errors/app-error.js';
import { BEARER_SECURITY } from '../../plugins/docs.js';
import { summarizeUsage, type UsageGroup } from '../../repositories/usage-events.js';
import { problemResponses } from '../problem-schema.js';

const DAY_MS = 24 * 3600 * 1000;
/** Without `from`, this many days up to `to`. */
const DEFAULT_DAYS = 30;

const UsageQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First UTC day, inclusive' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last UTC day, inclusive' })),
});

const Counts = {
  requests: Type.Integer(),
  prompt_tokens: Type.Integer(),
  completion_tokens: Type.Integer(),
  total_tokens: Type.Integer(),
  duration_ms: Type.Integer({ description: 'Generation time, summed' }),
};

const UsageItem = Type.Object({
  day: Type.String({ format: 'date' }),
  operation: Type.String(),
  ...Counts,
});

const AdminUsageItem = Type.Object({
  user_id: Type.String(),
  username: Type.String(),
  day: Type.String({ format: 'date' }),
  operation: Type.String(),
  ...Counts,
});

const Totals = Type.Object(Counts);

const UsageResponse = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  items: Type.Array(UsageItem),
  totals: Totals,
});

const AdminUsageResponse = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  items: Type.Array(AdminUsageItem),
  totals: Totals,
});

function dayOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The asked days as UTC bounds for `created_at`, `until` exclusive. */
function rangeOf(query: { from?: string; to?: string }) {
  const to = query.to ?? dayOf(Date.now());
  const from = query.from ?? dayOf(Date.parse(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  if (from > to) {
    throw new AppError('validation_failed', '`from` is after `to`', {
      errors: [{ field: 'querystring.from', message: 'must not be after to' }],
    });
  }
  const until = new Date(Date.parse(to) + DAY_MS).toISOString();
  return { from, to, since: `${from}T00:00:00.000Z`, until };
}

function toItem(g: UsageGroup) {
  return {
    day: g.day,
    operation: g.operation,
    requests: g.requests,
    prompt_tokens: g.prompt_tokens,
    completion_tokens: g.completion_tokens,
    total_tokens: g.prompt_tokens + g.completion_tokens,
    duration_ms: g.duration_ms,
  };
}

function totalsOf(groups: UsageGroup[]) {
  const totals = { requests: 0, prompt_tokens: 0, completion_tokens: 0, duration_ms: 0 };
  for (const g of groups) {
    totals.requests += g.requests;
    totals.prompt_tokens += g.prompt_tokens;
    totals.completion_tokens += g.completion_tokens;
    totals.duration_ms += g.duration_ms;
  }
  return { ...totals, total_tokens: totals.prompt_tokens + totals.completion_tokens };
}

const usage: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/usage',
    {
      onRequest: authenticate,
      schema: {
        tags: ['usage'],
        summary: 'Your usage',
        description:
          'Generations by UTC day and operation between `from` and `to` (the last 30 days ' +
          'by default), with totals. Every generation counts, failed and cancelled ones too.',
        security: BEARER_SECURITY,
        querystring: UsageQuery,
        response: { 200: UsageResponse, ...problemResponses(401, 422) },
      },
    },
    async (request) => {
      const range = rangeOf(request.query);
      const groups = await summarizeUsage(app.db, { ...range, userId: currentUser(request).id });
      return {
        from: range.from,
        to: range.to,
        items: groups.map(toItem),
        totals: totalsOf(groups),
      };
    },
  );

  app.get(
    '/admin/usage',
    {
      onRequest: requireAdmin,
      schema: {
        tags: ['usage'],
        summary: "Everybody's usage",
        description: 'Administrators only. Generations by user, UTC day and operation.',
        security: BEARER_SECURITY,
        querystring: UsageQuery,
        response: { 200: AdminUsageResponse, ...problemResponses(401, 403, 422) },
      },
    },
    async (request) => {
      const range = rangeOf(request.query);
      const groups = await summarizeUsage(app.db, range);
      const items = groups.map((g) => ({ user_id: g.user_id, username: g.username, ...toItem(g) }));
      return { from: range.from, to: range.to, items, totals: totalsOf(groups) };
    },
  );
};

export default usage;
