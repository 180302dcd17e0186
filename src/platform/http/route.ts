import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { scopeFor, type Principal, type RoutePermission, type Scope } from '../access';
import { CommonErrors } from '../errors/app-error';

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface HandlerContext<B extends Schema, Q extends Schema, P extends Schema> {
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  /** The signed-in account; throws UNAUTHENTICATED on a public route without a session. */
  principal: Principal;
  /** The principal when there is one (public routes). */
  maybePrincipal: Principal | null;
  /** The subtrees where `permission` (default: the route's own) holds for this principal. */
  scope(permission?: string): Scope;
  ip: string;
  req: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Required: a declared permission, `'authenticated'`, or `'public'` spelled out. */
  permission: RoutePermission;
  /** Chinese one-line description, shown in the OpenAPI document. */
  summary: string;
  tags: string[];
  body?: B;
  querystring?: Q;
  params?: P;
  /**
   * The 200 response; the serializer strips anything not declared (routes return presenter output). A route
   * declares this or `produces`: registering one with neither throws.
   */
  response?: R;
  /** Extra route config, e.g. `{ rateLimit: {...} }`. */
  config?: Record<string, unknown>;
  /** What a route without a response schema produces (a download's MIME type); it sets the content type itself. */
  produces?: string;
  handler(ctx: HandlerContext<B, Q, P>): Promise<R extends z.ZodType ? z.input<R> : unknown>;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** `'origin'`: CSRF is checked by Origin/Fetch metadata only (routes that start a session). */
    csrf?: 'origin';
  }
}

/** The only way to declare an API route: authenticate → validate → authorize → handler → serialize. */
export function defineRoute<B extends Schema, Q extends Schema, P extends Schema, R extends Schema>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P, R>,
): void {
  const { permission } = spec;
  if (!spec.response && !spec.produces) {
    throw new Error(`${spec.method} ${spec.url}: declare a response schema (presenter output) or what it produces (a download's MIME type)`);
  }
  app.route({
    method: spec.method,
    url: spec.url,
    config: { ...spec.config, permission },
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.response ? { response: { 200: spec.response } } : {}),
      ...(spec.produces ? { produces: [spec.produces] } : {}),
    },
    preHandler: async (req) => authorize(req, permission),
    handler: async (req, reply) => {
      const ctx: HandlerContext<B, Q, P> = {
        body: req.body as Out<B>,
        query: req.query as Out<Q>,
        params: req.params as Out<P>,
        get principal() {
          if (!req.principal) throw CommonErrors.UNAUTHENTICATED();
          return req.principal;
        },
        maybePrincipal: req.principal,
        scope(p?: string) {
          if (!req.principal) throw CommonErrors.UNAUTHENTICATED();
          return scopeFor(req.principal, p ?? permission);
        },
        ip: req.ip,
        req,
        reply,
      };
      return spec.handler(ctx);
    },
  });
}

export function authorize(req: FastifyRequest, permission: RoutePermission | undefined): void {
  if (permission === undefined) throw CommonErrors.FORBIDDEN('该接口未声明权限，已拒绝访问');
  if (permission === 'public') return;
  if (!req.principal) throw req.sessionExpired ? CommonErrors.SESSION_EXPIRED() : CommonErrors.UNAUTHENTICATED();
  if (permission === 'authenticated') return;
  if (req.principal.mustChangePassword) throw CommonErrors.PASSWORD_CHANGE_REQUIRED();
  if (!req.principal.permissions.has(permission)) throw CommonErrors.FORBIDDEN();
}
