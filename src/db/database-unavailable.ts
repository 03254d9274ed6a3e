import { AppError } from '../errors/app-error.js';

/**
 * SQLSTATE classes and codes that mean the server or the connection is gone
 * rather than that the statement was wrong: 08 connection exceptions, 57P01
 * to 57P03 shutdown and start-up.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03']);
// The classes PostgreSQL defines; a Node socket code like EPIPE is none of them.
const SQLSTATE = /^([0-5][0-9A-Z]|F0|HV|P0|XX)[0-9A-Z]{3}$/;

/**
 * Whether a pg error says the database cannot be reached. Errors the server
 * sends carry a five-character SQLSTATE; anything else from the driver (a
 * refused or reset socket, "Connection terminated unexpectedly", a connect
 * timeout) is about the connection itself.
 */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !SQLSTATE.test(code)) return true;
  return code.startsWith('08') || UNAVAILABLE_STATES.has(code);
}

/** The 503 a request gets while the database is unreachable. */
export function databaseUnavailable(cause: unknown): AppError {
  return new AppError('database_unavailable', 'The database is unreachable; try again shortly', {
    headers: { 'retry-after': '5' },
    cause,
  });
}

/** SQLSTATE 57014: the statement ran past `statement_timeout` and was cancelled. */
const QUERY_CANCELED = '57014';

/**
 * The 503 a request gets when its statement outlived the statement timeout,
 * most often waiting for a lock another transaction holds.
 */
export function databaseTimeout(cause: unknown): AppError {
  return new AppError('database_timeout', 'The database took too long to answer; try again', {
    headers: { 'retry-after': '1' },
    cause,
  });
}

/**
 * Rethrows connection failures as `database_unavailable` and cancelled
 * statements as `database_timeout`, anything else as it is.
 */
export function rethrowUnavailable(error: unknown): never {
  if (isConnectionFailure(error)) throw databaseUnavailable(error);
  if ((error as { code?: unknown }).code === QUERY_CANCELED) throw databaseTimeout(error);
  throw error;
}
