import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { sendLedgerXlsx } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { hardshipFilesByIdIdx } from '@modules/hardship/server';
import { CASE_MACHINE } from '@modules/hardship/shared/case-machine';
import { HardshipPermissions } from '@modules/hardship/shared/hardship.permissions';
import { subtreePathInScope } from '@modules/organisations/server';
import { stateLabel } from '@platform/workflow/machine';
import { EmploymentPermissions } from '../shared/employment.module';
import { SEEKERS, SeekerInputSchema, SeekerPatchSchema, SeekerQuerySchema, SeekerSchema } from '../shared/seeker.ledger';
import * as repo from './seeker.repository';
import { createService, SeekerErrors, updateService } from './seeker.service';

const READ = EmploymentPermissions.read.name;
const WRITE = EmploymentPermissions.write.name;
const tags = ['就业服务'];
const PageSchema = z.object({ items: z.array(SeekerSchema), total: z.number(), page: z.number(), pageSize: z.number() });
type Row = NonNullable<Awaited<ReturnType<typeof repo.findService>>>;

export function registerSeekerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  /** The rows as the API sends them, each linked to the person's hardship file where the viewer may see one. */
  async function present(rows: Row[], principal: Principal) {
    const files = new Map((await hardshipFilesByIdIdx(db, scopeFor(principal, HardshipPermissions.read.name), [...new Set(rows.map((r) => r.service.idNumberIdx))])).map((f) => [f.idIdx, f]));
    return rows.map(({ service: { idNumberIdx, createdAt: _, ...s }, orgName, orgPath }) => {
      const file = files.get(idNumberIdx);
      return { ...s, orgName, hardshipFile: file ? { id: file.id, caseNo: file.caseNo, status: stateLabel(CASE_MACHINE, file.status) } : null, canWrite: pathInScope(scopeFor(principal, WRITE), orgPath) };
    });
  }
  async function one(id: number, p: Principal) {
    const r = await repo.findService(db, scopeFor(p, READ), id);
    if (!r) throw SeekerErrors.NOT_FOUND();
    return (await present([r], p))[0]!;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/seekers',
    permission: READ,
    summary: '就业援助服务台账（身份证号码已脱敏）',
    tags,
    querystring: SeekerQuerySchema,
    response: PageSchema,
    async handler({ query, scope, principal }) {
      const { rows, total } = await repo.listServices(db, scope(), query, await subtreePathInScope(db, scope(), query.underId));
      return { items: await present(rows, principal), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/seekers/export.xlsx',
    permission: READ,
    summary: '导出就业援助服务（Excel，身份证号码已脱敏）',
    tags,
    querystring: SeekerQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const { rows } = await repo.listServices(db, scope(), query, await subtreePathInScope(db, scope(), query.underId));
      return sendLedgerXlsx(reply, { sheet: '就业援助服务', fileName: `就业援助服务-${chinaToday(deps.now())}.xlsx`, columns: SEEKERS.columns, rows: await present(rows, principal) });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employment/seekers/:id',
    permission: READ,
    summary: '就业援助服务详情',
    tags,
    params: IdParamsSchema,
    response: SeekerSchema,
    async handler({ params, principal }) {
      return one(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employment/seekers',
    permission: WRITE,
    summary: '登记就业援助服务（身份证号码只保存盲索引和脱敏号码）',
    tags,
    body: SeekerInputSchema,
    response: SeekerSchema,
    async handler({ body, principal, ip }) {
      const row = await createService(deps, { principal, ip }, body);
      return one(row.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/employment/seekers/:id',
    permission: WRITE,
    summary: '修改就业援助服务（服务内容、日期、结果）',
    tags,
    params: IdParamsSchema,
    body: SeekerPatchSchema,
    response: SeekerSchema,
    async handler({ params, body, principal, ip }) {
      await updateService(deps, { principal, ip }, params.id, body);
      return one(params.id, principal);
    },
  });
}
