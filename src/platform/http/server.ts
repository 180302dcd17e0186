import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { errorCodes, type FastifyError, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Principal } from '../access';
import type { AuditEvent } from '../audit/audit';
import type { Config } from '../config/config';
import { AppError, CommonErrors, uniqueViolationError } from '../errors/app-error';
import { zodValidatorCompiler } from './validation';

export const SESSION_COOKIE = 'gh_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Writes one audit row outside any business transaction (exports, refused access). Provided when the app is
 * built; it fills in the organisation of an anonymous request.
 */
export type AuditSink = (event: AuditEvent) => Promise<void>;

/** Resolves a session cookie to a principal; provided by the accounts module when the app is built. */
export type SessionResolver = (token: string, req: FastifyRequest) => Promise<Principal | 'expired' | null>;

export const webRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/** One declared route, as the route-table tests see it. */
export interface RouteInfo {
  method: string;
  url: string;
  permission: string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
    /** The platform's audit writer for rows no service writes (exports, security events). */
    audit: AuditSink;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same-origin check for requests that carry no session yet (login, setup): Origin and Fetch metadata. */
function sameOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** True when the matched route is an API route (whatever spelling of the path reached it). */
function isApiRoute(req: FastifyRequest): boolean {
  const url = req.routeOptions.url;
  return url !== undefined && (url === '/api' || url.startsWith('/api/'));
}

/**
 * An upload's body in one buffer over a SharedArrayBuffer (see sharedUpload in platform/imports), sized by its
 * Content-Length when it states one and grown by doubling when not; past `limit` bytes, 413 as Fastify's own.
 */
export async function readUpload(payload: AsyncIterable<Buffer>, limit: number, declared: number): Promise<Buffer> {
  if (declared > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  let buffer = Buffer.from(new SharedArrayBuffer(Math.max(declared, 1 << 16)));
  let length = 0;
  try {
    for await (const chunk of payload) {
      if (length + chunk.length > limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
      if (length + chunk.length > buffer.length) {
        const grown = Buffer.from(new SharedArrayBuffer(Math.min(limit, Math.max(buffer.length * 2, length + chunk.length))));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      chunk.copy(buffer, length);
      length += chunk.length;
    }
  } catch (error) {
    if ((error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw error;
    // The connection broke off mid-upload (Fastify's own reader answers 400 too).
    throw new AppError('COMMON.BAD_REQUEST', 400, '上传中断，请重新上传');
  }
  return buffer.subarray(0, length);
}

function mapError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  // A duplicate that slipped past a service's check (two requests at once): the module's 409, not a 500.
  const duplicate = uniqueViolationError(error);
  if (duplicate) return duplicate;
  const e = error as FastifyError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('COMMON.PAYLOAD_TOO_LARGE', 413, '上传的内容过大');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    {return new AppError('COMMON.UNSUPPORTED_MEDIA_TYPE', 415, '不支持的请求格式，请以 JSON 提交');}
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError)
    {return new AppError('COMMON.BAD_REQUEST', 400, '请求内容不是有效的 JSON');}
  if (e.statusCode === 429) return CommonErrors.RATE_LIMITED();
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    {return new AppError('COMMON.BAD_REQUEST', e.statusCode, '请求有误');}
  return CommonErrors.INTERNAL();
}

/**
 * Refused access as a security event for the audit trail (等保 8.1.4.3 a): a 403, or a 404 for a record (out of
 * scope and absent look the same on purpose). Unknown routes and the forced password change are not events.
 */
function securityEvent(req: FastifyRequest, error: AppError): AuditEvent | null {
  const forbidden = error.status === 403 && error.code !== 'COMMON.PASSWORD_CHANGE_REQUIRED';
  const notFound = error.status === 404 && error.code !== 'COMMON.ROUTE_NOT_FOUND';
  if (!forbidden && !notFound) return null;
  const action = error.code === 'COMMON.CSRF' ? 'security.csrf' : forbidden ? 'security.forbidden' : 'security.not_found';
  // The path carries ids only; the query string (names, ID numbers typed into a search) is left out.
  const path = req.url.split('?')[0]!.slice(0, 200);
  const p = req.principal;
  return {
    actor: { accountId: p?.accountId ?? null, name: p ? `${p.displayName}（${p.username}）` : '未登录用户', ip: req.ip },
    action,
    entityType: 'request',
    entityId: null,
    orgId: p?.orgId ?? null,
    orgPath: p?.orgPath ?? null,
    summary: `拒绝访问：${req.method} ${path}（${error.message}）`,
    after: { method: req.method, route: req.routeOptions.url ?? null, path, status: error.status, code: error.code },
    outcome: 'failure',
  };
}

/**
 * The HTTP server with the platform's cross-cutting behaviour: security headers, cookie sessions,
 * CSRF, Zod validation with Chinese messages, `{code, message}` errors, JSON 404 under /api, the web UI.
 */
export async function createHttpServer(config: Config, resolveSession: SessionResolver, audit: AuditSink): Promise<FastifyInstance> {
  const app = Fastify({
    logger: process.env.LOG_LEVEL ? { level: process.env.LOG_LEVEL } : false,
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  // Excel and CSV uploads arrive as the raw request body (no multipart parsing, no temporary files); the import
  // engine tells the format by the leading bytes (Windows browsers label both .csv and .xls application/vnd.ms-excel).
  // The body is read into shared memory, where the import's reading worker takes it as it is: a province's roster
  // (a few hundred MiB) is held once, not as the chunks, their join and the worker's copy.
  const uploadLimit = config.uploadMaxMb * 1024 * 1024;
  app.addContentTypeParser(
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'text/csv', 'application/vnd.ms-excel'],
    (req: FastifyRequest, payload: AsyncIterable<Buffer>) => readUpload(payload, uploadLimit, Number(req.headers['content-length']) || 0),
  );
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => CommonErrors.RATE_LIMITED(),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Gonghui 工会 API', version: '1' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
  });

  const routeTable: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routeTable.push({ method, url: route.url, permission: route.config?.permission });
    }
  });
  app.decorate('routeTable', routeTable);
  app.decorate('audit', audit);

  app.decorateRequest('principal', null);
  app.decorateRequest('sessionExpired', false);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const result = await resolveSession(token, req);
      if (result === 'expired') req.sessionExpired = true;
      else req.principal = result;
    }
    // The router decodes the path, so `/%61pi/orgs/8` reaches `/api/orgs/:id`: an API route is only served at its
    // literal path, and CSRF is decided on every unsafe method, never on the raw URL alone.
    if (isApiRoute(req) && !req.url.startsWith('/api/')) throw CommonErrors.ROUTE_NOT_FOUND();
    if (SAFE_METHODS.has(req.method)) return;
    // Login and setup start a session, so they cannot carry its token: they rely on the same-origin check.
    const originOnly = req.routeOptions.config?.csrf === 'origin';
    if (req.principal && !originOnly) {
      if (req.headers[CSRF_HEADER] !== req.principal.csrfToken) throw CommonErrors.CSRF();
    } else if (!sameOrigin(req)) {
      throw CommonErrors.CSRF();
    }
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(async (error, req, reply) => {
    const appError = mapError(error as Error);
    if (appError.status >= 500) req.log.error(error);
    const event = securityEvent(req, appError);
    // A refusal the audit cannot record is still a refusal: the answer stands, the failure is logged.
    if (event) await audit(event).catch((e: unknown) => req.log.error(e));
    const body: Record<string, unknown> = { code: appError.code, message: appError.message };
    if (appError.details !== undefined) body.details = appError.details;
    reply.removeHeader('content-disposition');
    return reply.status(appError.status).header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(body));
  });

  const indexHtml = path.join(webRoot, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // Hashed build assets never change under their name: cached for a year and never revalidated. The build wrote
    // brotli and gzip copies beside each (the precompress plugin in vite.config.ts); the one the browser accepts is sent.
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders(reply, file) {
        reply.header('cache-control', path.relative(webRoot, file).startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/') && fs.existsSync(indexHtml)) {
      void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(fs.readFileSync(indexHtml));
      return;
    }
    const e = CommonErrors.ROUTE_NOT_FOUND();
    void reply.status(404).send({ code: e.code, message: e.message });
  });

  return app;
}
