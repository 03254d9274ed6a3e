export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Jobs that count toward a user's limit and that a worker may still run. */
export const ACTIVE_STATUSES = ['queued', 'running'] as const satisfies readonly JobStatus[];

/** Event types; the last three end a job's event stream. */
export const JOB_EVENT_TYPES = [
  'queued',
  'started',
  'progress',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type JobEventType = (typeof JOB_EVENT_TYPES)[number];

const TERMINAL = new Set<string>(['succeeded', 'failed', 'cancelled']);

export function isTerminal(statusOrEvent: string): boolean {
  return TERMINAL.has(statusOrEvent);
}
