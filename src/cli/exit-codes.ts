import { ProblemError } from '@atelier/client';
import { CommanderError } from 'commander';
import { AppError } from '../errors/app-error.js';

/** Exit codes scripts may rely on; documented in `--help` and the README. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  unavailable: 5,
  interrupted: 130,
} as const;

export const EXIT_CODES_HELP = `
Exit codes:
  0  done
  1  the command failed (invalid input, a server error)
  2  wrong usage: unknown command or option, bad argument
  3  not logged in, or the credentials were refused (401, 403)
  4  not found or in conflict (404, 409, 412)
  5  rate limited, busy or unreachable (429, 503); retry later
  130  interrupted (Ctrl-C); generation stops on the server`;

/** A mistake on the command line found after parsing; exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const BY_STATUS: ReadonlyArray<[(status: number) => boolean, number]> = [
  [(s) => s === 401 || s === 403, EXIT.auth],
  [(s) => s === 404 || s === 409 || s === 410 || s === 412, EXIT.notFound],
  [(s) => s === 429 || s === 503, EXIT.unavailable],
];

/** fetch's network errors: refused, reset, unknown host, timed out. */
function isUnreachable(err: unknown): err is TypeError {
  return err instanceof TypeError && err.message === 'fetch failed';
}

export function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (err instanceof UsageError) return EXIT.usage;
  if (err instanceof Error && err.name === 'AbortError') return EXIT.interrupted;
  if (isUnreachable(err)) return EXIT.unavailable;
  const status = err instanceof ProblemError || err instanceof AppError ? err.status : undefined;
  if (status === undefined) return EXIT.failed;
  return BY_STATUS.find(([matches]) => matches(status))?.[1] ?? EXIT.failed;
}

/** The one line a failure prints on standard error. */
export function messageOf(err: unknown): string {
  if (isUnreachable(err)) {
    const cause = err.cause as { code?: string; message?: string } | undefined;
    return `cannot reach the server (${cause?.code ?? cause?.message ?? 'network error'})`;
  }
  if (!(err instanceof ProblemError)) return err instanceof Error ? err.message : String(err);

  const fields = err.errors.map((e) => `${e.field} ${e.message}`).join('; ');
  const listed = fields ? ` (${fields})` : '';
  const wait = err.retryAfter === undefined ? '' : `; retry in ${err.retryAfter} s`;
  return `${err.detail}${listed} [${err.code}]${wait}`;
}
