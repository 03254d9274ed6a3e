import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';

describe('service routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('describes the API at /', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Atelier API',
      api_versions: [
        { version: 'v1', base_url: '/api/v1' },
        { version: 'v2', base_url: '/api/v2' },
      ],
      docs: { openapi: '/openapi.json', swagger_ui: '/docs', redoc: '/redoc' },
    });
  });

  it('returns a request id header, echoing a plain one from the caller', async () => {
    const own = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(own.headers['x-request-id']).toBe('abc-123');

    const bad = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\u00e9' } });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a problem body', async () => {
    const res = await t.app.inject({ url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', instance: '/nope' });
  });

  it('sends the same security headers on answers, errors and unknown routes', async () => {
    const answers = [
      await t.app.inject({ url: '/' }),
      await t.app.inject({ url: '/api/v1/files' }),
      await t.app.inject({ url: '/nope' }),
    ];
    expect(answers.map((res) => res.statusCode)).toEqual([200, 401, 404]);
    for (const res of answers) {
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('answers 405 with Allow to a method an existing path does not take', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/files?limit=1' });

    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.json()).toMatchObject({ status: 405, code: 'method_not_allowed' });
    const item = await t.app.inject({ method: 'POST', url: '/api/v1/files/f_x' });
    expect(item.headers.allow).toBe('GET, HEAD, PUT, DELETE');
  });

  it('reports readiness per dependency', async () => {
    await vi.waitUntil(() => t.app.engine.status().state === 'unavailable', { timeout: 10_000 });
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.status).toBe('not_ready');
    expect(body.checks.database).toEqual({ status: 'ok' });
    expect(body.checks.engine.status).toBe('unavailable');
    expect(body.checks.engine.detail).toMatch(/ATELIER_MODEL/);
  });

  it('serves OpenAPI 3.1, Swagger UI and ReDoc from local assets', async () => {
    const spec = await t.app.inject({ url: '/openapi.json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.json().openapi).toBe('3.1.0');

    const ui = await t.app.inject({ url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).not.toMatch(/https?:\/\/(cdn|unpkg|cdnjs)/);

    const redoc = await t.app.inject({ url: '/redoc' });
    expect(redoc.body).toContain('/redoc/redoc.standalone.js');
    const bundle = await t.app.inject({ url: '/redoc/redoc.standalone.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.body.length).toBeGreaterThan(100_000);
  });

  it('marks no query parameter with a default as required', async () => {
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    type Parameter = { in: string; name: string; required?: boolean; schema?: object };
    const query = Object.entries(spec.paths as Record<string, Record<string, object>>).flatMap(
      ([path, operations]) =>
        Object.values(operations).flatMap((operation) =>
          ((operation as { parameters?: Parameter[] }).parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p) => ({ path, ...p })),
        ),
    );
    const limit = query.find((p) => p.path === '/api/v1/files' && p.name === 'limit');

    expect(limit).toMatchObject({ required: false, schema: { default: expect.any(Number) } });
    const wronglyRequired = query.filter(
      (p) => p.required && p.schema && 'default' in (p.schema as object),
    );
    expect(wronglyRequired).toEqual([]);
  });
});
