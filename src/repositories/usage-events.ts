import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { UsageEventRow } from '../db/schema.js';

export async function insertUsageEvent(db: Db, row: UsageEventRow): Promise<void> {
  await db.insertInto('usage_events').values(row).execute();
}

export interface UsageQuery {
  /** Inclusive ISO-8601 lower bound of `created_at`. */
  since: string;
  /** Exclusive ISO-8601 upper bound of `created_at`. */
  until: string;
  /** Only this user's events; all users when absent. */
  userId?: string;
}

export interface UsageGroup {
  user_id: string;
  username: string;
  day: string;
  operation: string;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  duration_ms: number;
}

/** Events summed by user, UTC day and operation, oldest day first. */
export async function summarizeUsage(db: Db, query: UsageQuery): Promise<UsageGroup[]> {
  // ISO-8601 times start with the UTC date, so the day is their first ten characters.
  const day = sql<string>`substr(usage_events.created_at, 1, 10)`;
  let select = db
    .selectFrom('usage_events')
    .innerJoin('users', 'users.id', 'usage_events.user_id')
    .select((eb) => [
      'usage_events.user_id',
      'users.username',
      day.as('day'),
      'usage_events.operation',
      eb.fn.countAll<number>().as('requests'),
      eb.fn.sum<number>('usage_events.prompt_tokens').as('prompt_tokens'),
      eb.fn.sum<number>('usage_events.completion_tokens').as('completion_tokens'),
      eb.fn.sum<number>('usage_events.duration_ms').as('duration_ms'),
    ])
    .where('usage_events.created_at', '>=', query.since)
    .where('usage_events.created_at', '<', query.until);
  if (query.userId) select = select.where('usage_events.user_id', '=', query.userId);

  const rows = await select
    .groupBy(['usage_events.user_id', 'users.username', day, 'usage_events.operation'])
    .orderBy(day)
    .orderBy('users.username')
    .orderBy('usage_events.operation')
    .execute();
  return rows.map((row) => ({
    ...row,
    requests: Number(row.requests),
    prompt_tokens: Number(row.prompt_tokens),
    completion_tokens: Number(row.completion_tokens),
    duration_ms: Number(row.duration_ms),
  }));
}
