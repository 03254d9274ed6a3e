import { AtelierClient, ProblemError, unwrap } from '@atelier/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTinyModelApp, PYTHON } from '../ai/ai-helpers.js';
import { closeListening } from '../helpers/listen.js';
import { recordingClient, type ServedApp, serve } from './client-helpers.js';

const LONG = { code: 'x = 1', max_tokens: 3000, temperature: 0 };

async function caught(work: () => Promise<unknown>): Promise<ProblemError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ProblemError) return err;
    throw err;
  }
  throw new Error('expected a ProblemError');
}

async function metricsText(base: string): Promise<string> {
  return (await fetch(`${base}/metrics`)).text();
}

describe('the SDK against a running server', () => {
  let s: ServedApp;

  beforeAll(async () => {
    s = await serve(await buildTinyModelApp());
  });
  afterAll(() => closeListening(s.t));

  describe('sessions', () => {
    it('logs in with the password grant, persists the tokens and calls typed routes', async () => {
      const { client, saved } = recordingClient(s.base);
      const tokens = await client.login('ada', s.user.password);

      expect(saved).toEqual([tokens]);
      expect(tokens.expiresAt).toBeGreaterThan(Date.now());
      const created = await unwrap(
        client.api.POST('/api/v1/files', { body: { path: 'sdk/login.py', content: PYTHON } }),
      );
      const read = await unwrap(
        client.api.GET('/api/v1/files/{file_id}', { params: { path: { file_id: created.id } } }),
      );
      expect(read).toMatchObject({ path: 'sdk/login.py', language: 'python', content: PYTHON });
    });

    it('refreshes once for concurrent requests refused with 401, then retries them', async () => {
      const { client, saved } = recordingClient(s.base, {
        accessToken: 'not-a-token',
        refreshToken: s.user.refreshToken,
      });

      const answers = await Promise.all(
        [1, 2, 3].map(() => unwrap(client.api.GET('/api/v1/users/me'))),
      );

      expect(answers.map((me) => me.username)).toEqual(['ada', 'ada', 'ada']);
      expect(saved).toHaveLength(1);
      expect(saved[0]?.refreshToken).not.toBe(s.user.refreshToken);
      const replay = await caught(() =>
        new AtelierClient({
          baseUrl: s.base,
          tokens: { accessToken: 'x', refreshToken: s.user.refreshToken },
        }).session.refresh(),
      );
      expect(replay).toMatchObject({ status: 401, code: 'refresh_token_reused' });
    });

    it('refreshes before a request when the access token has expired', async () => {
      const { client } = recordingClient(s.base);
      const first = await client.login('ada', s.user.password);
      const { client: later, saved } = recordingClient(s.base, { ...first, expiresAt: 0 });

      await unwrap(later.api.GET('/api/v1/users/me'));

      expect(saved).toHaveLength(1);
      expect(saved[0]?.accessToken).not.toBe(first.accessToken);
    });

    it('forgets the tokens when the refresh token is refused', async () => {
      const { client, saved } = recordingClient(s.base, {
        accessToken: 'not-a-token',
        refreshToken: 'not-a-refresh-token',
      });

      const problem = await caught(() => unwrap(client.api.GET('/api/v1/users/me')));

      expect(problem).toMatchObject({ status: 401, code: 'invalid_refresh_token' });
      expect(saved).toEqual([undefined]);
      expect(client.session.tokens).toBeUndefined();
    });

    it('works with an API key, which is never refreshed', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);
      const { key } = await unwrap(client.api.POST('/api/v1/auth/keys', { body: { name: 'sdk' } }));

      const keyed = new AtelierClient({ baseUrl: s.base, apiKey: key });
      const me = await unwrap(keyed.api.GET('/api/v1/users/me'));

      expect(me.username).toBe('ada');
    });

    it('logs out: the refresh token is revoked on the server', async () => {
      const { client, saved } = recordingClient(s.base);
      const tokens = await client.login('ada', s.user.password);

      await client.logout();

      expect(saved).toEqual([tokens, undefined]);
      const again = new AtelierClient({ baseUrl: s.base, tokens });
      const problem = await caught(() => again.session.refresh());
      expect(problem.status).toBe(401);
    });
  });

  describe('problems', () => {
    it('throws problem bodies as ProblemError: status, code, detail, request id', async () => {
      const { client } = recordingClient(s.base);
      const login = await caught(() => client.login('ada', 'wrong-password'));
      expect(login).toMatchObject({ status: 401, code: 'invalid_credentials' });

      await client.login('ada', s.user.password);
      const missing = await caught(() =>
        unwrap(
          client.api.GET('/api/v1/files/{file_id}', { params: { path: { file_id: 'f_nope' } } }),
        ),
      );
      expect(missing).toMatchObject({ status: 404, code: 'file_not_found' });
      expect(missing.requestId).toEqual(expect.any(String));
      expect(missing.detail).toEqual(expect.any(String));

      const invalid = await caught(() =>
        unwrap(client.api.POST('/api/v1/files', { body: { path: '../up.py', content: 'x' } })),
      );
      expect(invalid).toMatchObject({ status: 422, code: 'invalid_path' });
    });

    it('lists the offending fields of a validation error', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);

      const problem = await caught(() => client.run('complete', { code: 'x', max_tokens: 0 }));

      expect(problem).toMatchObject({ status: 422, code: 'validation_failed' });
      expect(problem.errors.map((e) => e.field)).toContain('body.max_tokens');
    });
  });

  describe('server-sent events', () => {
    it('yields tokens as they arrive, then the answer, which they add up to', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);

      let text = '';
      let tokens = 0;
      let result: { explanation: string } | undefined;
      for await (const event of client.stream('explain', { code: PYTHON, max_tokens: 24 })) {
        if (event.type === 'token') {
          text += event.text;
          tokens += 1;
        } else result = event.result;
      }

      expect(tokens).toBeGreaterThan(0);
      expect(result?.explanation).toBe(text);
    });

    it('throws a problem that comes before the stream', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);

      const problem = await caught(async () => {
        for await (const _event of client.stream('complete', { file_id: 'f_nope' })) {
          throw new Error('no event expected');
        }
      });

      expect(problem).toMatchObject({ status: 404, code: 'file_not_found' });
    });

    it('stops generating when the loop is left early', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);

      for await (const event of client.stream('complete', LONG)) {
        expect(event.type).toBe('token');
        break;
      }

      await vi.waitUntil(
        async () =>
          /generations_total\{operation="complete",outcome="cancelled"\} [1-9]/.test(
            await metricsText(s.base),
          ),
        { timeout: 20_000, interval: 100 },
      );
    });
  });

  describe('the WebSocket', () => {
    it('streams a request and answers with done, whose text the tokens add up to', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);
      const socket = await client.socket();

      let text = '';
      const request = socket.request('complete', {
        code: 'def add(a, b):\n    return ',
        max_tokens: 12,
      });
      let completion: string | undefined;
      for await (const event of request) {
        if (event.type === 'token') text += event.text;
        else completion = event.result.completion;
      }

      expect(socket.user?.username).toBe('ada');
      expect(completion).toBe(text);
      socket.close();
    });

    it('runs requests at once and cancels one, which ends with done, cancelled', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);
      const socket = await client.socket();

      const long = socket.request('complete', LONG);
      const short = socket.request('explain', { code: 'b = 2', max_tokens: 8 });
      const iterator = long[Symbol.asyncIterator]();
      expect((await iterator.next()).value).toMatchObject({ type: 'token' });
      long.cancel();
      let last: unknown;
      for (let step = await iterator.next(); !step.done; step = await iterator.next())
        last = step.value;

      expect(last).toMatchObject({ type: 'done', result: { finish_reason: 'cancelled' } });
      expect((await short.result()).explanation).toEqual(expect.any(String));
      socket.close();
    });

    it('throws error messages as problems and keeps the socket open', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);
      const socket = await client.socket();

      const problem = await caught(() =>
        socket.request('complete', { code: 'x', max_tokens: 0 }).result(),
      );
      expect(problem).toMatchObject({ status: 422, code: 'validation_failed' });
      const after = await socket.request('complete', { code: 'x = ', max_tokens: 4 }).result();
      expect(after.usage.completion_tokens).toBeGreaterThan(0);
      socket.close();
    });

    it('refuses a token the server does not accept, with a 401 problem', async () => {
      const client = new AtelierClient({
        baseUrl: s.base,
        tokens: { accessToken: 'not-a-token' },
        WebSocket: (await import('ws')).default,
      });

      const problem = await caught(() => client.socket());

      expect(problem).toMatchObject({ status: 401, code: 'invalid_token' });
    });
  });

  describe('jobs', () => {
    it('starts an analysis, watches it to success and waits for its report', async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);

      const started = await client.analyze({ code: PYTHON, language: 'python' });
      const seen: string[] = [];
      for await (const job of client.watchJob(started.id, { intervalMs: 100 })) {
        seen.push(job.status);
      }
      const done = await client.waitForJob(started.id);

      expect(seen.at(-1)).toBe('succeeded');
      expect(done.progress.done).toBe(done.progress.total);
      expect(done.result?.files).toHaveLength(1);
    });

    it("analyses a shared workspace's files with workspaceId", async () => {
      const { client } = recordingClient(s.base);
      await client.login('ada', s.user.password);
      const created = await s.t.app.inject({
        method: 'POST',
        url: '/api/v2/workspaces',
        headers: s.user.auth,
        payload: { name: 'team' },
      });
      const workspaceId = created.json().id;
      await s.t.app.inject({
        method: 'POST',
        url: `/api/v2/workspaces/${workspaceId}/files`,
        headers: s.user.auth,
        payload: { path: 'team.py', content: PYTHON },
      });

      const started = await client.analyze({ path_prefix: 'team' }, { workspaceId });
      const done = await client.waitForJob(started.id);

      expect(started.workspace_id).toBe(workspaceId);
      expect(done.result?.files.map((f) => f.path)).toEqual(['team.py']);
    });
  });
});

describe('the SDK and short-lived tokens', () => {
  let s: ServedApp;

  beforeAll(async () => {
    s = await serve(await buildTinyModelApp({ ATELIER_ACCESS_TOKEN_TTL: '10' }));
  });
  afterAll(() => closeListening(s.t));

  it('renews the token on an open socket before the server would close it', async () => {
    const { client, saved } = recordingClient(s.base);
    await client.login('ada', s.user.password);
    const socket = await client.socket();
    const first = socket.expiresAt ?? 0;

    await vi.waitUntil(() => (socket.expiresAt ?? 0) > first, { timeout: 20_000, interval: 100 });

    expect(saved).toHaveLength(2);
    const answer = await socket.request('complete', { code: 'x = ', max_tokens: 4 }).result();
    expect(answer.usage.completion_tokens).toBeGreaterThan(0);
    socket.close();
  });
});

describe('the SDK and rate limits', () => {
  let s: ServedApp;

  beforeAll(async () => {
    s = await serve(await buildTinyModelApp({ ATELIER_RATE_LIMIT_COMPLETE: '1' }));
  });
  afterAll(() => closeListening(s.t));

  it('gives the time to wait of a 429 as retryAfter', async () => {
    const { client } = recordingClient(s.base);
    await client.login('ada', s.user.password);
    await client.run('complete', { code: 'x = ', max_tokens: 2 });

    const problem = await caught(async () => {
      for await (const _event of client.stream('complete', { code: 'x = ', max_tokens: 2 })) break;
    });

    expect(problem).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(problem.retryAfter).toBeGreaterThan(0);
  });
});
