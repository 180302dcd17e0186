import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { sendLedgerXlsx } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { subtreePathInScope } from '@modules/organisations/server';
import { EmploymentPermissions } from '../shared/employment.module';
import { HIRING, HiringDetailSchema, HiringInputSchema, HiringQuerySchema, HiringSchema, payText } from '../shared/hiring.ledger';
import * as repo from './hiring.repository';
import { createPost, fillPost, HiringErrors, revealInterestPhone, updatePost } from './hiring.service';

const READ = EmploymentPermissions.read.name;
const WRITE = EmploymentPermissions.write.name;
const tags = ['就业服务'];
const PageSchema = z.object({ items: z.array(HiringSchema), total: z.number(), page: z.number(), pageSize: z.number() });
type Row = NonNullable<Awaited<ReturnType<typeof repo.findPost>>>;

export function registerHiringRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  const present = ({ post: p, status, orgName, orgPath, interested }: Row, principal: Principal) => ({
    ...p,
    orgName,
    status,
    interested,
    payText: payText(p.payMin, p.payMax),
    canWrite: pathInScope(scopeFor(principal, WRITE), orgPath),
  });
  async function one(id: number, p: Principal) {
    const r = await repo.findPost(db, scopeFor(p, READ), today(), id);
    if (!r) throw HiringErrors.NOT_FOUND();
    const interests = await repo.interestsOf(db, id);
    return { ...present(r, p), interests: interests.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })) };
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/hiring',
    permission: READ,
    summary: '企业用工信息台账',
    tags,
    querystring: HiringQuerySchema,
    response: PageSchema,
    async handler({ query, scope, principal }) {
      const { rows, total } = await repo.listPosts(db, scope(), today(), query, await subtreePathInScope(db, scope(), query.underId));
      return { items: rows.map((r) => present(r, principal)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/hiring/export.xlsx',
    permission: READ,
    summary: '导出企业用工信息（Excel）',
    tags,
    querystring: HiringQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const { rows } = await repo.listPosts(db, scope(), today(), query, await subtreePathInScope(db, scope(), query.underId));
      return sendLedgerXlsx(reply, { sheet: '企业用工信息', fileName: `企业用工信息-${today()}.xlsx`, columns: HIRING.columns, rows: rows.map((r) => present(r, principal)) });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/hiring/:id',
    permission: READ,
    summary: '企业用工信息详情',
    tags,
    params: IdParamsSchema,
    response: HiringDetailSchema,
    async handler({ params, principal }) {
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/hiring',
    permission: WRITE,
    summary: '录入企业用工信息（统一社会信用代码按 GB 32100 校验）',
    tags,
    body: HiringInputSchema,
    response: HiringDetailSchema,
    async handler({ body, principal, ip }) {
      const row = await createPost(deps, { principal, ip }, body);
      return one(row.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/employment/hiring/:id',
    permission: WRITE,
    summary: '修改企业用工信息',
    tags,
    params: IdParamsSchema,
    body: HiringInputSchema.omit({ orgId: true }).partial(),
    response: HiringDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updatePost(deps, { principal, ip }, params.id, body);
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/hiring/:id/fill',
    permission: WRITE,
    summary: '标记为已招满（记录保留，仍计入录入的用工信息）',
    tags,
    params: IdParamsSchema,
    response: HiringDetailSchema,
    async handler({ params, principal, ip }) {
      await fillPost(deps, { principal, ip }, params.id);
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/hiring/:id/interests/:interestId/reveal',
    permission: WRITE,
    summary: '查看求职意向人员的完整手机号码（用于回电；记入审计）',
    tags,
    params: z.object({ id: z.coerce.number().int().positive(), interestId: z.coerce.number().int().positive() }),
    response: z.object({ phone: z.string() }),
    handler: ({ params, principal, ip }) => revealInterestPhone(deps, { principal, ip }, params.id, params.interestId),
  });
}
