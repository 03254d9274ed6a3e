import type { paths } from './generated/openapi.js';
import { ProblemError, problemOf } from './problem.js';
import type { Session } from './session.js';

type JobAnswer = paths['/api/v1/jobs/{job_id}']['get']['responses'][200]['content'];
type AnalyzeBody = NonNullable<
  paths['/api/v1/ai/analyze']['post']['requestBody']
>['content']['application/json'];

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

const FINISHED: ReadonlySet<JobStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/** A job as `GET /api/v1/jobs/{id}` answers it, typed from the server's document. */
export type Job = JobAnswer[keyof JobAnswer];

export type AnalyzeRequest = AnalyzeBody;

export interface WatchOptions {
  /** Time between two polls, in milliseconds (default 1000). */
  intervalMs?: number;
  signal?: AbortSignal;
}

export function isFinished(job: Job): boolean {
  return FINISHED.has(job.status);
}

async function call(session: Session, method: string, path: string, body?: unknown): Promise<Job> {
  const response = await session.fetch(
    new Request(session.baseUrl + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as Job;
}

/**
 * Queues an analysis, of a shared workspace's files with `workspaceId`;
 * the server answers 202 with the job at once. Jobs are the caller's, so
 * they are followed at the same place whichever workspace they read.
 */
export function startAnalysis(
  session: Session,
  request: AnalyzeRequest,
  options: { workspaceId?: string } = {},
): Promise<Job> {
  const { workspaceId } = options;
  const path =
    workspaceId === undefined
      ? '/api/v1/ai/analyze'
      : `/api/v2/workspaces/${encodeURIComponent(workspaceId)}/ai/analyze`;
  return call(session, 'POST', path, request);
}

export function getJob(session: Session, id: string): Promise<Job> {
  return call(session, 'GET', `/api/v1/jobs/${encodeURIComponent(id)}`);
}

export async function cancelJob(session: Session, id: string): Promise<void> {
  const response = await session.fetch(
    new Request(`${session.baseUrl}/api/v1/jobs/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  );
  if (!response.ok) throw await problemOf(response);
  await response.body?.cancel();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

const TRANSIENT = new Set([429, 502, 503]);

/**
 * Polls a job and yields it whenever its status or progress changed, the
 * last time when it has finished. Rate limits and a busy server are waited
 * out for as long as `Retry-After` says.
 */
export async function* watchJob(
  session: Session,
  id: string,
  options: WatchOptions = {},
): AsyncGenerator<Job, void, undefined> {
  const interval = options.intervalMs ?? 1000;
  let seen = '';
  for (;;) {
    let job: Job;
    try {
      job = await getJob(session, id);
    } catch (err) {
      if (!(err instanceof ProblemError) || !TRANSIENT.has(err.status)) throw err;
      await sleep((err.retryAfter ?? interval / 1000) * 1000, options.signal);
      continue;
    }
    const state = `${job.status}:${job.progress?.done}/${job.progress?.total}`;
    if (state !== seen) yield job;
    seen = state;
    if (isFinished(job)) return;
    await sleep(interval, options.signal);
  }
}

/** Waits for a job to finish; a failed or cancelled job is thrown as a ProblemError. */
export async function waitForJob(session: Session, id: string, options: WatchOptions = {}) {
  let last: Job | undefined;
  for await (const job of watchJob(session, id, options)) last = job;
  if (!last) throw new ProblemError(502, { code: 'job_not_found', detail: `No job ${id}` });
  return settled(last);
}

/** The job if it succeeded, else its problem as an error. */
export function settled(job: Job): Job {
  if (job.status === 'succeeded') return job;
  const problem: { status?: number; [field: string]: unknown } = job.problem ?? {};
  if (job.status === 'cancelled') {
    throw new ProblemError(409, { code: 'job_cancelled', detail: `Job ${job.id} was cancelled` });
  }
  throw new ProblemError(Number(problem.status ?? 500), { code: 'job_failed', ...problem });
}
