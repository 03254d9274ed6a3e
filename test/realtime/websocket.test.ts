import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessTokens } from '../../src/auth/access-tokens.js';
import { updateUser } from '../../src/repositories/users.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { addFilesUser, type FilesUser } from '../helpers/files-user.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';
import { captureLogs } from '../helpers/logs.js';
import { TestSocket } from '../helpers/test-socket.js';
import { tinyModelPath } from '../helpers/tiny-model.js';

const LONG = { code: 'x = 1', max_tokens: 4000, temperature: 0 };

function tokenOf(user: FilesUser): string {
  return user.auth.authorization.replace(/^Bearer /, '');
}

async function tinyApp(env: Record<string, string>, logs = captureLogs()) {
  const t = await buildTestApp(
    {
      ATELIER_MODEL: tinyModelPath(),
      ATELIER_ENGINE_CONTEXT_SIZE: '8192',
      ATELIER_RATE_LIMIT_COMPLETE: '1000',
      ATELIER_RATE_LIMIT_EXPLAIN: '1000',
      ATELIER_LOG_LEVEL: 'info',
      ...env,
    },
    { logStream: logs.stream },
  );
  await vi.waitUntil(() => t.app.engine.status().state === 'ready', { timeout: 30_000 });
  const base = await listenOnLoopback(t);
  return { t, url: `${base.replace('http', 'ws')}/ws/code-completion`, logs };
}

describe('WebSocket code completion', () => {
  let t: TestApp;
  let url: string;
  let alice: FilesUser;

  beforeAll(async () => {
    ({ t, url } = await tinyApp({
      ATELIER_WS_AUTH_TIMEOUT_MS: '300',
      ATELIER_WS_MAX_IN_FLIGHT: '2',
      ATELIER_MAX_FILE_BYTES: '10000',
      ATELIER_RATE_LIMIT_REFACTOR: '1',
    }));
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => closeListening(t));

  async function signedIn(): Promise<TestSocket> {
    const socket = await TestSocket.open(url, undefined, { headers: alice.auth });
    await socket.next({ type: 'ready' });
    return socket;
  }

  it('answers a plain GET of the socket address with 426 and a problem body', async () => {
    for (const address of ['/ws/code-completion', '/api/v1/ws/code-completion']) {
      const res = await t.app.inject({ url: address, headers: alice.auth });

      expect(res.statusCode).toBe(426);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.upgrade).toBe('websocket');
      expect(res.json()).toMatchObject({ code: 'upgrade_required', status: 426 });
    }
  });

  describe('authentication', () => {
    it('accepts a bearer token in the Authorization header', async () => {
      const socket = await TestSocket.open(url, undefined, { headers: alice.auth });

      const ready = await socket.next({ type: 'ready' });
      expect(ready).toEqual({
        type: 'ready',
        user: { id: alice.id, username: 'alice' },
        expires_at: expect.any(Number),
      });
      await socket.close();
    });

    it('accepts a token offered as a subprotocol and echoes `bearer`', async () => {
      const socket = await TestSocket.open(url, ['bearer', tokenOf(alice)]);

      expect(socket.ws.protocol).toBe('bearer');
      expect(await socket.next({ type: 'ready' })).toMatchObject({ user: { id: alice.id } });
      await socket.close();
    });

    it('accepts a first auth message, under /api/v1 as well', async () => {
      const v1Url = url.replace('/ws/', '/api/v1/ws/');
      const socket = await TestSocket.open(v1Url);
      socket.send({ type: 'auth', token: tokenOf(alice) });

      expect(await socket.next({ type: 'ready' })).toMatchObject({ user: { id: alice.id } });
      await socket.close();
    });

    it.each([
      ['no token arrives in time', [], undefined, 'authentication timed out'],
      ['the header token is forged', [], { authorization: 'Bearer a.b.c' }, 'Invalid token'],
      ['the subprotocol token is forged', ['bearer', 'a.b.c'], undefined, 'Invalid token'],
    ])('closes with 4401 when %s', async (_case, protocols, headers, reason) => {
      const socket = await TestSocket.open(url, protocols, { headers });

      expect(await socket.closed).toEqual({ code: 4401, reason });
      expect(socket.messages).toEqual([]);
    });

    it.each([
      ['a forged token', { type: 'auth', token: 'forged' }, 'Invalid token'],
      ['another first message', { type: 'complete', id: 1 }, 'authentication required'],
    ])('closes with 4401 on %s before authentication', async (_case, message, reason) => {
      const socket = await TestSocket.open(url);
      socket.send(message);

      expect(await socket.closed).toEqual({ code: 4401, reason });
    });

    it('accepts an API key, and refuses it once revoked', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/keys',
        headers: alice.auth,
        payload: { name: 'editor plugin' },
      });
      const { id, key } = created.json();

      const socket = await TestSocket.open(url, undefined, {
        headers: { authorization: `Bearer ${key}` },
      });
      expect(await socket.next({ type: 'ready' })).toEqual({
        type: 'ready',
        user: { id: alice.id, username: 'alice' },
        expires_at: null,
      });
      await socket.close();

      await t.app.inject({ method: 'DELETE', url: `/api/v1/auth/keys/${id}`, headers: alice.auth });
      const refused = await TestSocket.open(url, ['bearer', key]);
      expect((await refused.closed).code).toBe(4401);
    });

    it('refuses a disabled user', async () => {
      const dave = await addFilesUser(t.app, 'dave');
      await updateUser(t.app.db, dave.id, { disabled: true });

      const socket = await TestSocket.open(url, undefined, { headers: dave.auth });

      expect(await socket.closed).toEqual({
        code: 4401,
        reason: 'Token owner is disabled or gone',
      });
    });

    it('closes the socket when its token expires', async () => {
      const shortLived = await new AccessTokens(t.config.secretKey, 3).issue(alice.id);
      const socket = await TestSocket.open(url, ['bearer', shortLived]);
      await socket.next({ type: 'ready' });

      expect(await socket.closed).toEqual({ code: 4401, reason: 'token expired' });
    });
  });

  describe('requests', () => {
    it('streams tokens, then done with the REST answer fields', async () => {
      const socket = await signedIn();
      socket.send({
        type: 'complete',
        id: 'c1',
        code: 'def add(a, b):\n    return ',
        max_tokens: 16,
      });

      const done = await socket.next({ type: 'done', id: 'c1' });
      expect(done).toEqual({
        type: 'done',
        id: 'c1',
        completion: socket.textOf('c1'),
        mode: 'text',
        context_trimmed: false,
        model: 'tiny.gguf',
        finish_reason: expect.stringMatching(/^(stop|length)$/),
        cached: false,
        usage: expect.objectContaining({ completion_tokens: expect.any(Number) }),
      });
      expect(socket.of('c1').at(-1)).toBe(done);
      await socket.close();
    });

    it('runs several requests at once, told apart by id', async () => {
      const socket = await signedIn();
      socket.send({ type: 'complete', id: 1, code: 'a = 1', max_tokens: 12, temperature: 0 });
      socket.send({ type: 'explain', id: 2, code: 'b = 2', max_tokens: 12 });

      const [first, second] = await Promise.all([
        socket.next({ type: 'done', id: 1 }),
        socket.next({ type: 'done', id: 2 }),
      ]);
      expect(first.completion).toBe(socket.textOf(1));
      expect(second.explanation).toBe(socket.textOf(2));
      await socket.close();
    });

    it('cancels one request, which ends done with finish_reason cancelled', async () => {
      const socket = await signedIn();
      socket.send({ type: 'complete', id: 'long', ...LONG });
      await socket.next({ type: 'token', id: 'long' });
      socket.send({ type: 'cancel', id: 'long' });

      const done = await socket.next({ type: 'done', id: 'long' });
      expect(done.finish_reason).toBe('cancelled');
      expect((done.usage as { completion_tokens: number }).completion_tokens).toBeLessThan(4000);
      await socket.close();
    });

    it('refuses a duplicate id in flight and requests over the per-socket cap', async () => {
      const socket = await signedIn();
      socket.send({ type: 'complete', id: 'a', ...LONG });
      socket.send({ type: 'complete', id: 'a', ...LONG });
      socket.send({ type: 'complete', id: 'b', ...LONG });
      socket.send({ type: 'complete', id: 'c', ...LONG });

      expect(await socket.next({ type: 'error', id: 'a' })).toMatchObject({
        code: 'duplicate_request_id',
        status: 409,
      });
      expect(await socket.next({ type: 'error', id: 'c' })).toMatchObject({
        code: 'too_many_in_flight',
        status: 429,
      });
      socket.send({ type: 'cancel', id: 'a' });
      socket.send({ type: 'cancel', id: 'b' });
      await socket.next({ type: 'done', id: 'a' });
      await socket.next({ type: 'done', id: 'b' });
      await socket.close();
    });

    it('applies the per-user operation rate limit', async () => {
      const socket = await signedIn();
      socket.send({ type: 'refactor', id: 'r1', code: 'x = 1\n', max_tokens: 8 });
      await vi.waitUntil(() => socket.of('r1').some((m) => m.type !== 'token'), {
        timeout: 30_000,
      });
      socket.send({ type: 'refactor', id: 'r2', code: 'x = 1\n', max_tokens: 8 });

      expect(await socket.next({ type: 'error', id: 'r2' })).toMatchObject({
        code: 'rate_limited',
        status: 429,
        retry_after_seconds: expect.any(Number),
      });
      await socket.close();
    });
  });

  describe('malformed messages', () => {
    it.each([
      ['text that is not JSON', 'not json', null, 'malformed_message'],
      ['a JSON array', '[1, 2]', null, 'malformed_message'],
      ['an unknown type', { type: 'dance', id: 1 }, null, 'malformed_message'],
      ['a missing id', { type: 'complete', code: 'x' }, null, 'malformed_message'],
      [
        'an invalid field',
        { type: 'complete', id: 7, code: 'x', max_tokens: 0 },
        7,
        'validation_failed',
      ],
      [
        'an unknown field',
        { type: 'explain', id: 8, code: 'x', colour: 'red' },
        8,
        'validation_failed',
      ],
      [
        'a refactor asking to apply',
        { type: 'refactor', id: 10, file_id: 1, apply: true },
        10,
        'validation_failed',
      ],
      ['a cancel of nothing', { type: 'cancel', id: 'ghost' }, 'ghost', 'request_not_found'],
    ])('answers %s with an error message and stays open', async (_case, message, id, code) => {
      const socket = await signedIn();
      socket.send(message);

      expect(await socket.next({ type: 'error' })).toMatchObject({ id, code });
      socket.send({ type: 'complete', id: 'after', code: 'y = 2', max_tokens: 2 });
      await socket.next({ type: 'done', id: 'after' });
      await socket.close();
    });

    it('lists the invalid fields of a request', async () => {
      const socket = await signedIn();
      socket.send({ type: 'complete', id: 9, code: 'x', max_tokens: 0 });

      expect(await socket.next({ type: 'error', id: 9 })).toEqual({
        type: 'error',
        id: 9,
        status: 422,
        code: 'validation_failed',
        detail: '1 invalid field(s): message.max_tokens',
        errors: [{ field: 'message.max_tokens', message: 'must be >= 1' }],
      });
      await socket.close();
    });

    it('answers a binary frame with an error message', async () => {
      const socket = await signedIn();
      socket.ws.send(Buffer.from('{"type":"complete"}'), { binary: true });

      expect(await socket.next({ type: 'error' })).toMatchObject({ code: 'malformed_message' });
      await socket.close();
    });

    it('closes with 1008 after 20 malformed messages in a row, not before', async () => {
      const socket = await signedIn();
      for (let i = 0; i < 19; i++) socket.ws.send(`garbage ${i}`);
      socket.send({ type: 'cancel', id: 'nothing' });
      for (let i = 0; i < 25; i++) socket.ws.send(`garbage again ${i}`);

      expect(await socket.closed).toEqual({ code: 1008, reason: 'too many malformed messages' });
      const codes = socket.messages.filter((m) => m.type === 'error').map((m) => m.code);
      expect(codes.filter((c) => c === 'malformed_message')).toHaveLength(39);
      expect(codes).toContain('request_not_found');
    });

    it('closes with 1009 on a frame over the body limit', async () => {
      const socket = await signedIn();
      socket.send({ type: 'complete', id: 1, code: 'x'.repeat(200_000) });

      expect((await socket.closed).code).toBe(1009);
    });
  });
});

describe('WebSocket keepalive and disconnects', () => {
  let t: TestApp;
  let url: string;
  let alice: FilesUser;
  const logs = captureLogs();

  beforeAll(async () => {
    ({ t, url } = await tinyApp(
      { ATELIER_ENGINE_PARALLEL: '1', ATELIER_WS_PING_INTERVAL_MS: '150' },
      logs,
    ));
    alice = await addFilesUser(t.app, 'alice');
  });
  afterAll(() => closeListening(t));

  it('pings, and drops a peer that stops answering', async () => {
    const socket = await TestSocket.open(url, undefined, { headers: alice.auth, autoPong: false });
    const pinged = new Promise((resolve) => socket.ws.once('ping', resolve));

    await pinged;
    expect((await socket.closed).code).toBe(1006);
  });

  it('stops a request when its socket closes, freeing the only slot at once', async () => {
    const socket = await TestSocket.open(url, undefined, { headers: alice.auth });
    await socket.next({ type: 'ready' });
    socket.send({ type: 'complete', id: 'long', ...LONG });
    await socket.next({ type: 'token', id: 'long' });
    socket.ws.terminate();

    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ai/complete',
      headers: alice.auth,
      payload: { code: 'y = 2', max_tokens: 4 },
    });

    expect(res.statusCode).toBe(200);
    const lines = logs.lines();
    const cancelled = lines.findIndex(
      (l) => l.msg === 'websocket request completed' && l.id === 'long',
    );
    const rest = lines.findIndex((l) => l.msg === 'request completed' && l.statusCode === 200);
    expect(lines[cancelled]).toMatchObject({ finish: 'cancelled', userId: alice.id });
    expect(cancelled).toBeLessThan(rest);
  });
});
