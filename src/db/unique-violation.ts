/** SQLite (better-sqlite3) and PostgreSQL (SQLSTATE) codes for a duplicate key or primary key. */
const UNIQUE_VIOLATION_CODES = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
  '23505',
]);

/**
 * Whether a database error is a unique-constraint violation. Inserting and
 * catching this is the only race-free way to refuse a duplicate: a prior
 * SELECT can be overtaken by a concurrent writer.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNIQUE_VIOLATION_CODES.has(code);
}
