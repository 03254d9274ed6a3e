import type { Db } from '../db/database.js';
import type { JobEventRow } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import type { JobEventType } from '../jobs/job-status.js';

/**
 * Appends an event with the job's next sequence number. The number comes
 * from the job row, bumped in the same transaction, so writers in several
 * processes never hand out one twice.
 */
export async function appendJobEvent(
  db: Db,
  jobId: string,
  type: JobEventType,
  data: object,
): Promise<JobEventRow> {
  return inTransaction(db, async (trx) => {
    const { event_seq: seq } = await trx
      .updateTable('jobs')
      .set((eb) => ({ event_seq: eb('event_seq', '+', 1) }))
      .where('id', '=', jobId)
      .returning('event_seq')
      .executeTakeFirstOrThrow();
    const row = {
      job_id: jobId,
      seq,
      type,
      data: JSON.stringify(data),
      created_at: new Date().toISOString(),
    };
    await trx.insertInto('job_events').values(row).execute();
    return row;
  });
}

/** The job's events after `afterSeq`, oldest first. */
export async function listJobEvents(
  db: Db,
  jobId: string,
  afterSeq: number,
  limit = 500,
): Promise<JobEventRow[]> {
  return db
    .selectFrom('job_events')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
