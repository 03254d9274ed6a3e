import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { captureLogs, type LogCapture } from '../helpers/logs.js';

describe('request logs and early errors', () => {
  let t: TestApp;
  let logs: LogCapture;

  beforeAll(async () => {
    logs = captureLogs();
    t = await buildTestApp({ ATELIER_LOG_LEVEL: 'info' }, { logStream: logs.stream });
  });
  afterAll(() => t.close());

  it('writes one line per request with its id, status and time', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'one-line' } });

    const lines = logs.lines().filter((l) => l.reqId === 'one-line');
    expect(res.statusCode).toBe(200);
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        method: 'GET',
        url: '/healthz',
        statusCode: 200,
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('blanks credentials in the query string, in the log and the problem body', async () => {
    const res = await t.app.inject({
      url: '/api/v1/users/me?access_token=s3cret-token&x=1',
      headers: { 'x-request-id': 'query-token' },
    });

    const line = logs.lines().find((l) => l.reqId === 'query-token');
    expect(res.json().instance).toBe('/api/v1/users/me?access_token=[redacted]&x=1');
    expect(line?.url).toBe('/api/v1/users/me?access_token=[redacted]&x=1');
    expect(JSON.stringify(logs.lines())).not.toContain('s3cret-token');
  });

  it('answers a URL that is not valid percent-encoding with a problem body', async () => {
    const res = await t.app.inject({ url: '/api/v1/files/%ED%A0%80' });

    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-request-id']).toEqual(expect.any(String));
    expect(res.json()).toMatchObject({ code: 'malformed_request', status: 400 });
  });

  it('blanks passwords and tokens wherever the app logs them', () => {
    t.app.log.info(
      {
        password: 'p1',
        access_token: 'a1',
        refresh_token: 'r1',
        body: { password: 'p2', access_token: 'a2', refresh_token: 'r2' },
        user: { password: 'p3', password_hash: 'h1' },
        req: { headers: { authorization: 'Bearer a3', cookie: 's=1' } },
      },
      'secrets',
    );

    const hidden = '[redacted]';
    const line = logs.lines().find((l) => l.msg === 'secrets');
    expect(JSON.stringify(line)).not.toContain('Bearer a3');
    expect(line).toMatchObject({
      password: hidden,
      access_token: hidden,
      refresh_token: hidden,
      body: { password: hidden, access_token: hidden, refresh_token: hidden },
      user: { password: hidden, password_hash: hidden },
    });
  });
});
