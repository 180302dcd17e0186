import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineRoute } from './route';

const app = () => Fastify().setValidatorCompiler(validatorCompiler).setSerializerCompiler(serializerCompiler);
const base = { method: 'GET' as const, url: '/api/x', permission: 'public' as const, summary: '测试', tags: ['测试'] };

describe('defineRoute', () => {
  it('refuses to register a route that declares neither a response schema nor what it produces', () => {
    expect(() => defineRoute(app(), { ...base, handler: async () => ({ secret: 1 }) })).toThrow(
      "GET /api/x: declare a response schema (presenter output) or what it produces (a download's MIME type)",
    );
  });

  it('registers a route with a response schema, and one that produces a download', async () => {
    const a = app();
    defineRoute(a, { ...base, response: z.object({ ok: z.boolean() }), handler: async () => ({ ok: true }) });
    defineRoute(a, { ...base, url: '/api/x.xlsx', produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', handler: async () => 'x' });
    expect((await a.inject({ method: 'GET', url: '/api/x' })).json()).toEqual({ ok: true });
    expect((await a.inject({ method: 'GET', url: '/api/x.xlsx' })).statusCode).toBe(200);
    await a.close();
  });
});
