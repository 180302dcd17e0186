import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { sendLedgerXlsx } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { subtreePathInScope } from '@modules/organisations/server';
import { EmploymentPermissions } from '../shared/employment.module';
import { FAIRS, FairDetailSchema, FairEnterpriseInputSchema, FairInputSchema, FairQuerySchema, FairSchema } from '../shared/fair.ledger';
import * as repo from './fair.repository';
import { addParticipant, createFair, FairErrors, removeParticipant, updateFair } from './fair.service';

const READ = EmploymentPermissions.read.name;
const WRITE = EmploymentPermissions.write.name;
const tags = ['就业服务'];
const PageSchema = z.object({ items: z.array(FairSchema), total: z.number(), page: z.number(), pageSize: z.number() });
const ParticipantParamsSchema = z.object({ id: z.coerce.number().int().positive(), enterpriseId: z.coerce.number().int().positive() });
type Row = NonNullable<Awaited<ReturnType<typeof repo.findFair>>>;

export function registerFairRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  const present = ({ fair, status, totals, orgName, orgPath }: Row, principal: Principal) => ({
    ...fair,
    orgName,
    status,
    enterprises: Number(totals.enterprises),
    posts: Number(totals.posts),
    headcount: Number(totals.headcount),
    canWrite: pathInScope(scopeFor(principal, WRITE), orgPath),
  });
  async function one(id: number, p: Principal) {
    const r = await repo.findFair(db, scopeFor(p, READ), today(), id);
    if (!r) throw FairErrors.NOT_FOUND();
    return { ...present(r, p), participants: await repo.participants(db, id) };
  }
  const list = async (query: z.infer<typeof FairQuerySchema> | Omit<z.infer<typeof FairQuerySchema>, 'page' | 'pageSize'>, scope: ReturnType<typeof scopeFor>) =>
    repo.listFairs(db, scope, today(), query, await subtreePathInScope(db, scope, query.underId));

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/fairs',
    permission: READ,
    summary: '招聘会台账',
    tags,
    querystring: FairQuerySchema,
    response: PageSchema,
    async handler({ query, scope, principal }) {
      const { rows, total } = await list(query, scope());
      return { items: rows.map((r) => present(r, principal)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/fairs/export.xlsx',
    permission: READ,
    summary: '导出招聘会（Excel）',
    tags,
    querystring: FairQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const { rows } = await list(query, scope());
      return sendLedgerXlsx(reply, { sheet: '招聘会', fileName: `招聘会-${today()}.xlsx`, columns: FAIRS.columns, rows: rows.map((r) => present(r, principal)) });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/fairs/:id',
    permission: READ,
    summary: '招聘会详情及参会单位',
    tags,
    params: IdParamsSchema,
    response: FairDetailSchema,
    async handler({ params, principal }) {
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/fairs',
    permission: WRITE,
    summary: '登记招聘会',
    tags,
    body: FairInputSchema,
    response: FairDetailSchema,
    async handler({ body, principal, ip }) {
      const row = await createFair(deps, { principal, ip }, body);
      return one(row.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/employment/fairs/:id',
    permission: WRITE,
    summary: '修改招聘会（举办后登记参会人次、意向和录用）',
    tags,
    params: IdParamsSchema,
    body: FairInputSchema.omit({ orgId: true }).partial(),
    response: FairDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updateFair(deps, { principal, ip }, params.id, body);
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/fairs/:id/enterprises',
    permission: WRITE,
    summary: '新增参会单位（岗位数、招聘人数）',
    tags,
    params: IdParamsSchema,
    body: FairEnterpriseInputSchema,
    response: FairDetailSchema,
    async handler({ params, body, principal, ip }) {
      await addParticipant(deps, { principal, ip }, params.id, body);
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/employment/fairs/:id/enterprises/:enterpriseId',
    permission: WRITE,
    summary: '移除参会单位',
    tags,
    params: ParticipantParamsSchema,
    response: FairDetailSchema,
    async handler({ params, principal, ip }) {
      await removeParticipant(deps, { principal, ip }, params.id, params.enterpriseId);
      return one(params.id, principal);
    },
  });
}
