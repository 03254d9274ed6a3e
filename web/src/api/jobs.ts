import { errorFromResponse } from './api-error.js';
import type { Session } from './session.js';
import { readEvents } from './sse.js';
import type { Job } from './types.js';

export type AnalyzeScope = { file_ids: string[] } | { path_prefix: string };

export async function startAnalysis(session: Session, scope: AnalyzeScope): Promise<Job> {
  const { body } = await session.json<Job>('/ai/analyze', { method: 'POST', body: scope });
  return body;
}

export async function readJob(session: Session, id: string): Promise<Job> {
  return (await session.json<Job>(`/jobs/${id}`)).body;
}

export async function cancelJob(session: Session, id: string): Promise<void> {
  await session.json<undefined>(`/jobs/${id}`, { method: 'DELETE' });
}

export const FINISHED: ReadonlySet<Job['status']> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Follows a job until it finishes: every pushed event triggers a read of
 * the job, so the view never depends on the events' exact shape. Falls
 * back to polling when the event stream is unavailable or ends early.
 */
export async function followJob(
  session: Session,
  id: string,
  onUpdate: (job: Job) => void,
  signal: AbortSignal,
): Promise<Job> {
  let job = await readJob(session, id);
  onUpdate(job);
  try {
    const response = await session.fetch(`/jobs/${id}/events`, {
      headers: { accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok || !response.body) throw await errorFromResponse(response);
    for await (const _event of readEvents(response.body)) {
      job = await readJob(session, id);
      onUpdate(job);
      if (FINISHED.has(job.status)) return job;
    }
  } catch (error) {
    if (signal.aborted) throw error;
  }
  while (!FINISHED.has(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (signal.aborted) throw new DOMException('Aborted', 'AbortError');
    job = await readJob(session, id);
    onUpdate(job);
  }
  return job;
}
