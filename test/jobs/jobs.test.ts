import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { readEventStream } from '../helpers/sse.js';
import { TestSocket } from '../helpers/test-socket.js';
import {
  CLASSIFY_PY,
  getJob,
  manyFiles,
  REPEATED_JS,
  submitAnalysis,
  waitForJob,
} from './job-helpers.js';

describe('background analysis jobs', () => {
  let t: TestApp;
  let base: string;
  let alice: FilesUser;
  let bob: FilesUser;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_JOB_POLL_MS: '100', ATELIER_JOB_MAX_PER_USER: '50' });
    base = await listenOnLoopback(t);
    alice = await addFilesUser(t.app, 'alice');
    bob = await addFilesUser(t.app, 'bob');
    await postFile(t.app, alice, { path: 'src/classify.py', content: CLASSIFY_PY });
    await postFile(t.app, alice, { path: 'src/repeated.js', content: REPEATED_JS });
  });

  afterAll(async () => {
    await closeListening(t);
  });

  it('answers 202 with Location and the queued job, then succeeds with a real report', async () => {
    const res = await submitAnalysis(t.app, alice.auth, { path_prefix: 'src/', max_tokens: 128 });

    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(res.headers.location).toBe(`/api/v1/jobs/${queued.id}`);
    expect(queued).toMatchObject({
      status: 'queued',
      progress: { done: 0, total: 2 },
      attempts: 0,
      result: null,
      problem: null,
      request: { path_prefix: 'src/' },
    });

    const job = await waitForJob(t.app, alice.auth, queued.id);
    expect(job.status).toBe('succeeded');
    expect(job.progress).toEqual({ done: 2, total: 2 });
    expect(job.finished_at).toEqual(expect.any(String));
    const [py, js] = job.result?.files ?? [];
    expect(py).toMatchObject({
      path: 'src/classify.py',
      language: 'python',
      status: 'analyzed',
      lines: 14,
      parsed: true,
      symbol_count: 3,
      max_nesting: 2,
      max_complexity: 5,
      functions: [
        expect.objectContaining({ name: 'classify', complexity: 5, max_nesting: 2, lines: 7 }),
        expect.objectContaining({ name: 'put', kind: 'method', complexity: 2, max_nesting: 1 }),
      ],
      duplicates: [],
      findings: expect.any(Array),
      model: expect.any(String),
    });
    expect(js).toMatchObject({
      path: 'src/repeated.js',
      duplicates: [
        {
          lines: 4,
          occurrences: [
            { start_line: 2, end_line: 5 },
            { start_line: 9, end_line: 12 },
          ],
        },
      ],
    });
    expect(py).not.toHaveProperty('model_error');
    for (const finding of (py?.findings ?? []) as { line: number }[]) {
      expect(finding.line).toBeGreaterThanOrEqual(1);
      expect(finding.line).toBeLessThanOrEqual(14);
    }
    expect(job.result?.summary).toMatchObject({
      files: 2,
      analyzed: 2,
      failed: 0,
      lines: 27,
      duplicate_blocks: 1,
      max_complexity: 5,
      most_complex: { path: 'src/classify.py', function: 'classify', complexity: 5 },
    });
  });

  it('runs only the chosen checks on code from the request', async () => {
    const res = await submitAnalysis(t.app, alice.auth, {
      code: CLASSIFY_PY,
      language: 'python',
      checks: ['metrics', 'long_functions'],
      long_function_lines: 5,
    });
    expect(res.statusCode).toBe(202);

    const job = await waitForJob(t.app, alice.auth, res.json().id);
    expect(job.status).toBe('succeeded');
    const [entry] = job.result?.files ?? [];
    expect(entry).toMatchObject({ file_id: null, path: null, max_complexity: 5 });
    const long = (entry?.long_functions ?? []) as { name: string }[];
    expect(long.map((f) => f.name)).toEqual(['classify']);
    expect(entry).not.toHaveProperty('findings');
    expect(entry).not.toHaveProperty('duplicates');
    expect(entry).not.toHaveProperty('symbols');
    expect(job.result?.checks).toEqual(['metrics', 'long_functions']);
  });

  it.each([
    ['an unknown check', { code: 'x = 1', checks: ['lint'] }, 422, 'validation_failed'],
    ['no source', { language: 'python' }, 422, 'validation_failed'],
    ['two sources', { code: 'x', path_prefix: 'src/' }, 422, 'validation_failed'],
    ['a prefix matching nothing', { path_prefix: 'nowhere/' }, 422, 'validation_failed'],
    ['an unknown file', { file_ids: ['f_missing'] }, 404, 'file_not_found'],
    ['an unknown field', { code: 'x', priority: 1 }, 422, 'validation_failed'],
  ])('refuses %s', async (_case, payload, status, code) => {
    const res = await submitAnalysis(t.app, alice.auth, payload);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ status, code });
  });

  it("answers 404 for another user's job on every route", async () => {
    const res = await submitAnalysis(t.app, alice.auth, { code: 'x = 1', checks: ['metrics'] });
    const { id } = res.json();
    for (const [method, url] of [
      ['GET', `/api/v1/jobs/${id}`],
      ['DELETE', `/api/v1/jobs/${id}`],
      ['GET', `/api/v1/jobs/${id}/events`],
    ] as const) {
      const other = await t.app.inject({ method, url, headers: bob.auth });
      expect(other.statusCode, `${method} ${url}`).toBe(404);
      expect(other.json().code).toBe('job_not_found');
    }
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: bob.auth });
    expect(listed.json()).toMatchObject({ items: [], total: 0 });
    await waitForJob(t.app, alice.auth, id);
  });

  it('lists your own jobs newest first, paginated', async () => {
    const carol = await addFilesUser(t.app, 'carol');
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await submitAnalysis(t.app, carol.auth, {
        code: `x = ${i}`,
        checks: ['metrics'],
      });
      ids.push(res.json().id);
    }
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/jobs?limit=2&offset=1',
      headers: carol.auth,
    });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(body.items.map((j: { id: string }) => j.id)).toEqual([ids[1], ids[0]]);
    expect(body.items[0].result).toBeNull();
    for (const id of ids) await waitForJob(t.app, carol.auth, id);
  });

  it('cancels a running job: it stops before its next file and stays cancelled', async () => {
    const dave = await addFilesUser(t.app, 'dave');
    for (const file of manyFiles(30)) await postFile(t.app, dave, file);
    const res = await submitAnalysis(t.app, dave.auth, { path_prefix: 'slow/', max_tokens: 1024 });
    const { id } = res.json();
    await waitForJob(t.app, dave.auth, id, (job) => job.progress.done >= 1);
    await vi.waitUntil(() => t.app.admission.running > 0, { timeout: 30_000, interval: 5 });

    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/jobs/${id}`,
      headers: dave.auth,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      finished_at: expect.any(String),
    });
    const doneAtCancel = cancelled.json().progress.done;

    const events = await fetch(`${base}/api/v1/jobs/${id}/events`, { headers: dave.auth });
    const reading = await readEventStream(events);
    expect(reading.events.at(-1)?.event).toBe('cancelled');
    const job = await getJob(t.app, dave.auth, id);
    expect(job.status).toBe('cancelled');
    expect(job.progress.done).toBe(doneAtCancel);
    expect(job.progress.done).toBeLessThan(30);

    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/jobs/${id}`,
      headers: dave.auth,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('cancelled');
  });

  it('answers 409 when cancelling a job that already succeeded', async () => {
    const res = await submitAnalysis(t.app, alice.auth, { code: 'x = 1', checks: ['metrics'] });
    const { id } = res.json();
    await waitForJob(t.app, alice.auth, id);
    const late = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/jobs/${id}`,
      headers: alice.auth,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('job_finished');
  });

  it('streams events over SSE with ids, and resumes after Last-Event-ID', async () => {
    const res = await submitAnalysis(t.app, alice.auth, { path_prefix: 'src/', max_tokens: 64 });
    const { id } = res.json();

    const first = await fetch(`${base}/api/v1/jobs/${id}/events`, { headers: alice.auth });
    expect(first.headers.get('content-type')).toContain('text/event-stream');
    const raw = await first.text();
    const ids = [...raw.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    const types = [...raw.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(types).toEqual(['queued', 'started', 'progress', 'progress', 'succeeded']);
    expect(ids).toEqual([1, 2, 3, 4, 5]);

    const resumed = await fetch(`${base}/api/v1/jobs/${id}/events`, {
      headers: { ...alice.auth, 'last-event-id': '3' },
    });
    const rest = await readEventStream(resumed);
    expect(rest.events.map((e) => e.event)).toEqual(['progress', 'succeeded']);
    expect(rest.events[0]?.data).toMatchObject({ job_id: id, seq: 4, done: 2, total: 2 });

    const finished = await fetch(`${base}/api/v1/jobs/${id}/events`, {
      headers: { ...alice.auth, 'last-event-id': '5' },
    });
    expect(finished.status).toBe(204);
  });

  it('streams job events over the WebSocket after subscribe_job', async () => {
    const wsUrl = `${base.replace('http', 'ws')}/ws/code-completion`;
    const socket = await TestSocket.open(wsUrl, undefined, { headers: alice.auth });
    await socket.next({ type: 'ready' });

    const res = await submitAnalysis(t.app, alice.auth, { path_prefix: 'src/', max_tokens: 64 });
    const { id } = res.json();
    socket.send({ type: 'subscribe_job', job_id: id });
    await socket.next({ type: 'job_subscribed', job_id: id });
    const last = await socket.next({ type: 'job_event', event: 'succeeded' });
    const events = socket.messages.filter((m) => m.type === 'job_event' && m.job_id === id);
    expect(events.map((m) => m.event)).toEqual([
      'queued',
      'started',
      'progress',
      'progress',
      'succeeded',
    ]);
    expect(last).toMatchObject({ job_id: id, seq: 5, status: 'succeeded' });

    socket.send({ type: 'subscribe_job', job_id: 'j_nope' });
    const refused = await socket.next({ type: 'error', job_id: 'j_nope' });
    expect(refused).toMatchObject({ code: 'job_not_found', status: 404 });
    await socket.close();
  });
});

describe('the per-user job limit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_WORKER: 'off', ATELIER_JOB_MAX_PER_USER: '2' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers 429 job_limit_reached over the limit, and admits again after a cancel', async () => {
    const erin = await addFilesUser(t.app, 'erin');
    const frank = await addFilesUser(t.app, 'frank');
    const payload = { code: 'x = 1', checks: ['metrics'] };
    const first = await submitAnalysis(t.app, erin.auth, payload);
    const second = await submitAnalysis(t.app, erin.auth, payload);
    expect([first.statusCode, second.statusCode]).toEqual([202, 202]);

    const third = await submitAnalysis(t.app, erin.auth, payload);
    expect(third.statusCode).toBe(429);
    expect(third.json()).toMatchObject({ code: 'job_limit_reached', status: 429, limit: 2 });
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/jobs', headers: erin.auth });
    expect(listed.json().total).toBe(2);

    expect((await submitAnalysis(t.app, frank.auth, payload)).statusCode).toBe(202);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/jobs/${first.json().id}`,
      headers: erin.auth,
    });
    expect((await submitAnalysis(t.app, erin.auth, payload)).statusCode).toBe(202);
  });

  it('keeps a submitted job queued while no worker runs', async () => {
    const gina = await addFilesUser(t.app, 'gina');
    const res = await submitAnalysis(t.app, gina.auth, { code: 'x = 1' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await getJob(t.app, gina.auth, res.json().id)).status).toBe('queued');
    expect(vi.isFakeTimers()).toBe(false);
  });
});
