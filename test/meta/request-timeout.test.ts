import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { closeListening, listenOnLoopback } from '../helpers/listen.js';

/** Sends `head` and whatever of the body, then reads until the server closes. */
function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('ATELIER_REQUEST_TIMEOUT_MS', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await buildTestApp({ ATELIER_REQUEST_TIMEOUT_MS: '1000' });
    port = Number(new URL(await listenOnLoopback(t)).port);
  });
  afterAll(() => closeListening(t));

  it('answers 408 with a problem body to a body that never finishes arriving', async () => {
    const head =
      'POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\n' +
      'Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\n';

    const answer = await sendRaw(port, `${head}username=`);

    const [status, ...rest] = answer.split('\r\n');
    expect(status).toBe('HTTP/1.1 408 The request took too long to arrive');
    expect(rest).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ status: 408, code: 'request_timeout' });
  });

  it('answers 408 to headers that never end', async () => {
    const answer = await sendRaw(port, 'GET /healthz HTTP/1.1\r\nHost: local');

    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 The request took too long to arrive');
  });
});
