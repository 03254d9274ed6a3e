import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTinyModelApp } from '../ai/ai-helpers.js';
import type { TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser, postFile } from '../helpers/files-user.js';
import { CLASSIFY_PY, type JobBody } from '../jobs/job-helpers.js';
import { sharedWorkspace, v2, v2ok } from './workspace-helpers.js';

type User = FilesUser & { username: string };

describe('v2 analysis jobs on a shared workspace', () => {
  let t: TestApp;
  let owner: User;
  let editor: User;
  let ws: string;
  let fileId: string;

  const user = async (name: string): Promise<User> => ({
    ...(await addFilesUser(t.app, name)),
    username: name,
  });

  async function settled(who: User, id: string): Promise<JobBody> {
    for (;;) {
      const job = (await v2ok(t.app, who, 'GET', `/jobs/${id}`)) as JobBody;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    t = await buildTinyModelApp({ ATELIER_JOB_POLL_MS: '100' });
    owner = await user('olga');
    editor = await user('ed');
    ws = await sharedWorkspace(t.app, owner, [{ username: 'ed', role: 'editor' }]);
    const created = await v2ok(
      t.app,
      owner,
      'POST',
      `/workspaces/${ws}/files`,
      {
        path: 'src/classify.py',
        content: CLASSIFY_PY,
      },
      201,
    );
    fileId = created.id;
  });
  afterAll(() => t.close());

  it('analyses the workspace files for an editor, who follows the job under /api/v2/jobs', async () => {
    const res = await v2(t.app, editor, 'POST', `/workspaces/${ws}/ai/analyze`, {
      path_prefix: 'src/',
      checks: ['symbols', 'metrics'],
    });

    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(res.headers.location).toBe(`/api/v2/jobs/${queued.id}`);
    expect(queued).toMatchObject({ workspace_id: ws, progress: { done: 0, total: 1 } });
    expect(queued.links.self).toBe(`/api/v2/jobs/${queued.id}`);

    const job = await settled(editor, queued.id);
    expect(job.status).toBe('succeeded');
    expect(job.result?.files).toEqual([
      expect.objectContaining({ file_id: fileId, path: 'src/classify.py', status: 'analyzed' }),
    ]);

    const viaV1 = await t.app.inject({ url: `/api/v1/jobs/${queued.id}`, headers: editor.auth });
    expect(viaV1.json()).toMatchObject({ id: queued.id, workspace_id: ws });
    const list = await v2ok(t.app, editor, 'GET', '/jobs');
    expect(list.items.map((j: { id: string }) => j.id)).toContain(queued.id);
    const others = await v2(t.app, owner, 'GET', `/jobs/${queued.id}`);
    expect(others.statusCode).toBe(404);
  });

  it('finds no file of the workspace through v1, nor a personal file through v2', async () => {
    const personal = await postFile(t.app, editor, { path: 'mine.py', content: 'x = 1\n' });

    const inV1 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ai/analyze',
      headers: editor.auth,
      payload: { file_ids: [fileId] },
    });
    const inV2 = await v2(t.app, editor, 'POST', `/workspaces/${ws}/ai/analyze`, {
      file_ids: [personal.id],
    });

    expect([inV1.statusCode, inV2.statusCode]).toEqual([404, 404]);
    expect([inV1.json().code, inV2.json().code]).toEqual(['file_not_found', 'file_not_found']);
  });
});

describe('a v2 job whose user lost access before it ran', () => {
  it('fails with workspace_not_found and reads no file', async () => {
    const paused = await buildTinyModelApp({ ATELIER_WORKER: 'off' });
    let runner: TestApp | undefined;
    try {
      const owner = { ...(await addFilesUser(paused.app, 'olga')), username: 'olga' };
      const editor = { ...(await addFilesUser(paused.app, 'ed')), username: 'ed' };
      const ws = await sharedWorkspace(paused.app, owner, [{ username: 'ed', role: 'editor' }]);
      const file = { path: 'a.py', content: CLASSIFY_PY };
      const { id } = await v2ok(paused.app, owner, 'POST', `/workspaces/${ws}/files`, file, 201);
      const queued = await v2ok(
        paused.app,
        editor,
        'POST',
        `/workspaces/${ws}/ai/analyze`,
        {
          file_ids: [id],
          checks: ['metrics'],
        },
        202,
      );
      await v2ok(
        paused.app,
        owner,
        'DELETE',
        `/workspaces/${ws}/members/${editor.id}`,
        undefined,
        204,
      );

      const { databaseUrl, redisUrl } = paused.config;
      runner = await buildTinyModelApp({
        ATELIER_DATABASE_URL: databaseUrl,
        ...(redisUrl && { ATELIER_REDIS_URL: redisUrl }),
        ATELIER_JOB_POLL_MS: '100',
      });
      let job = (await v2ok(paused.app, editor, 'GET', `/jobs/${queued.id}`)) as JobBody;
      while (!['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        job = (await v2ok(paused.app, editor, 'GET', `/jobs/${queued.id}`)) as JobBody;
      }

      expect(job.status).toBe('failed');
      expect(job.problem).toMatchObject({ code: 'workspace_not_found' });
      expect(job.result).toBeNull();
    } finally {
      await runner?.close();
      await paused.close();
    }
  });
});
