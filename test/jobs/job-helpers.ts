import type { FastifyInstance } from 'fastify';
import { vi } from 'vitest';

export interface JobBody {
  id: string;
  status: string;
  progress: { done: number; total: number };
  attempts: number;
  max_attempts: number;
  result: {
    checks: string[];
    summary: Record<string, unknown>;
    files: Record<string, unknown>[];
  } | null;
  problem: { code: string; detail: string } | null;
  [key: string]: unknown;
}

export const CLASSIFY_PY = [
  'def classify(n):',
  '    if n < 0:',
  '        return "negative"',
  '    for i in range(n):',
  '        if i % 2 == 0 and i > 4:',
  '            print(i)',
  '    return "done"',
  '',
  '',
  'class Box:',
  '    def put(self, x):',
  '        while x:',
  '            x = x - 1',
  '        return x',
  '',
].join('\n');

export const REPEATED_JS = [
  'function first(items) {',
  '  const total = items.length;',
  '  const doubled = items.map((x) => x * 2);',
  '  const kept = doubled.filter((x) => x > 10);',
  '  console.log(total, kept);',
  '}',
  '',
  'function second(items) {',
  '  const total = items.length;',
  '  const doubled = items.map((x) => x * 2);',
  '  const kept = doubled.filter((x) => x > 10);',
  '  console.log(total, kept);',
  '}',
  '',
].join('\n');

export async function submitAnalysis(
  app: FastifyInstance,
  auth: { authorization: string },
  payload: object,
) {
  return app.inject({ method: 'POST', url: '/api/v1/ai/analyze', headers: auth, payload });
}

export async function getJob(app: FastifyInstance, auth: { authorization: string }, id: string) {
  const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: auth });
  return res.json() as JobBody;
}

/** Polls the job over the API until `done` says so. */
export async function waitForJob(
  app: FastifyInstance,
  auth: { authorization: string },
  id: string,
  done: (job: JobBody) => boolean = (job) =>
    ['succeeded', 'failed', 'cancelled'].includes(job.status),
): Promise<JobBody> {
  let job = await getJob(app, auth, id);
  await vi.waitUntil(
    async () => {
      job = await getJob(app, auth, id);
      return done(job);
    },
    { timeout: 60_000, interval: 25 },
  );
  return job;
}

/** Files for a job that takes a while: each one is a model generation. */
export function manyFiles(count: number): { path: string; content: string }[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `slow/f${String(i).padStart(3, '0')}.py`,
    content: `def f${i}(x):\n    if x > ${i}:\n        return x\n    return ${i}\n`,
  }));
}
