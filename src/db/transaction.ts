import type { Db } from './database.js';

/**
 * Runs `work` in a transaction, or inside the caller's when `db` already is
 * one, so repository functions compose into one atomic write.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
