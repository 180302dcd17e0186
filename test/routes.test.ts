import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';

let t: TestApp;
beforeAll(async () => {
  // The route table and the platform's answers need no records: the migrated database, no demo district.
  t = await createTestApp({ demo: false });
});
afterAll(() => t?.close());

describe('route table', () => {
  it('declares a permission on every API route', () => {
    const api = t.app.routeTable.filter((r) => r.url.startsWith('/api/'));
    expect(api.length).toBeGreaterThan(25);
    const missing = api.filter((r) => !r.permission).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('keeps public routes to an explicit short list', () => {
    const publicRoutes = t.app.routeTable.filter((r) => r.permission === 'public').map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual(
      [
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/setup/status',
        'POST /api/auth/login',
        'POST /api/setup',
        'GET /api/join/unions',
        'POST /api/join',
        'GET /api/join/:ref',
        // Open posts and upcoming fairs for workers without an account; no contact details (employment module).
        'GET /api/public/jobs',
        'GET /api/public/facilities/nearby',
        'POST /api/public/jobs/:id/interest',
      ].sort(),
    );
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const r = await t.client().get('/api/no/such/route');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({ code: 'COMMON.ROUTE_NOT_FOUND', message: '请求的接口不存在' });
  });

  it('reports health with the database kind and version', async () => {
    const r = await t.client().get('/api/health');
    expect(r.body).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite', version: expect.any(String) });
  });

  it('sends security headers and no-store on API responses', async () => {
    const r = await t.client().get('/api/health');
    const h = r.raw.headers;
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toContain("script-src 'self'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['cache-control']).toBe('no-store');
  });

  it('never leaks a stack trace: malformed JSON gets a Chinese 400', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{bad' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'COMMON.BAD_REQUEST', message: '请求内容不是有效的 JSON' });
  });

  it('serves an OpenAPI 3 document describing every API route', async () => {
    const r = await t.client().get('/api/openapi.json');
    expect(r.body.openapi).toBe('3.0.3');
    const documented = Object.entries(r.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const declared = t.app.routeTable.filter((x) => x.url.startsWith('/api/')).map((x) => `${x.method} ${x.url}`);
    expect(documented.sort()).toEqual(declared.sort());
    expect(r.body.paths['/api/orgs'].post.requestBody.content['application/json'].schema.properties.name.title).toBe('组织名称');
  });
});
