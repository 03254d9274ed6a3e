import type { Problem } from './types.js';

/** A failed API call, carrying the problem body and the Retry-After wait. */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** The message for a field named in a 422's `errors`, if any. */
  fieldError(field: string): string | undefined {
    const match = this.problem.errors?.find(
      (e) => e.field === field || e.field === `/${field}` || e.field.endsWith(`.${field}`),
    );
    return match?.message;
  }
}

function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Reads a failed response into an ApiError, whatever its body is. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text();
  let problem: Problem;
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { title: response.statusText || 'Request failed', status: response.status, code: '' };
  }
  problem.status ??= response.status;
  const retryAfter = retryAfterOf(response) ?? problem.retry_after_seconds;
  return new ApiError(problem, retryAfter);
}

/** A network failure (server down, connection cut) as an ApiError. */
export function networkError(cause: unknown): ApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new ApiError({ title: 'Cannot reach the server', status: 0, code: 'network', detail });
}
