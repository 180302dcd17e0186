import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFor, type Scope } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { sendLedgerXlsx } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { findOrgInScope, subtreePathInScope } from '@modules/organisations/server';
import { tierOf, type OrgKind } from '@modules/organisations/shared/org-kinds';
import { EMPLOYER_LEDGER } from '../shared/employer.ledger';
import { EmployerPermissions } from '../shared/employer.permissions';
import {
  CoverSchema,
  EmployerExportQuerySchema,
  EmployerFieldsSchema,
  EmployerListQuerySchema,
  EmployerPageSchema,
  EmployerSchema,
  FoundingSchema,
  FoundSchema,
  GapSummarySchema,
  UpdateEmployerSchema,
} from '../shared/employer.schema';
import { EmployerErrors } from './employer.errors';
import { presentEmployer } from './employer.presenter';
import * as repo from './employer.repository';
import * as service from './employer.service';

const READ = EmployerPermissions.read.name;
const WRITE = EmployerPermissions.write.name;
const tags = ['用人单位'];

export function registerEmployerRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const underPath = (scope: Scope, underId: number | undefined) => subtreePathInScope(db, scope, underId);

  async function present(id: number, principal: Parameters<typeof scopeFor>[0]) {
    const row = await repo.findEmployerInScope(db, scopeFor(principal, READ), id);
    if (!row) throw EmployerErrors.NOT_FOUND();
    return presentEmployer(row, scopeFor(principal, WRITE));
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/employers',
    permission: READ,
    summary: '用人单位列表（建会情况筛选：已建会、未建会、建会空白点）',
    tags,
    querystring: EmployerListQuerySchema,
    response: EmployerPageSchema,
    async handler({ query, scope, principal }) {
      const s = scope();
      const { rows, total } = await repo.listEmployers(db, s, query, await underPath(s, query.underId));
      const write = scopeFor(principal, WRITE);
      return { items: rows.map((r) => presentEmployer(r, write)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employers/export.xlsx',
    permission: READ,
    summary: '导出用人单位或建会空白点（Excel）',
    tags,
    querystring: EmployerExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const s = scope();
      const { rows } = await repo.listEmployers(db, s, query, await underPath(s, query.underId), 100_000);
      const write = scopeFor(principal, WRITE);
      const name = query.coverage === 'gap' ? '建会空白点' : '用人单位';
      return sendLedgerXlsx(reply, { sheet: name, fileName: `${name}-${chinaToday(deps.now())}.xlsx`, columns: EMPLOYER_LEDGER.columns, rows: rows.map((r) => presentEmployer(r, write)) });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employers/gaps/summary',
    permission: READ,
    summary: '建会空白点按街道汇总（25 人以上单位数、已建会数、空白点数、建会率）',
    tags,
    response: GapSummarySchema,
    async handler({ scope, principal }) {
      const own = await findOrgInScope(db, scope(), principal.orgId);
      const area = own && tierOf(own.org.kind as OrgKind) === 'federation' ? { parentId: principal.orgId } : { orgId: principal.orgId };
      const rows = await repo.gapSummary(db, scope(), area);
      return rows.map((r) => ({
        orgId: r.org_id,
        orgName: r.org_name,
        employers25: r.employers25,
        covered: r.covered,
        gaps: r.gaps,
        foundingRate: r.employers25 ? Math.round((r.covered / r.employers25) * 10000) / 100 : null,
      }));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/employers/:id',
    permission: READ,
    summary: '用人单位详情',
    tags,
    params: IdParamsSchema,
    response: EmployerSchema,
    async handler({ params, principal }) {
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employers',
    permission: WRITE,
    summary: '登记用人单位（统一社会信用代码按 GB 32100 校验）',
    tags,
    body: EmployerFieldsSchema,
    response: EmployerSchema,
    async handler({ body, principal, ip }) {
      const e = await service.createEmployer(deps, { principal, ip }, body);
      return present(e.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/employers/:id',
    permission: WRITE,
    summary: '修改用人单位',
    tags,
    params: IdParamsSchema,
    body: UpdateEmployerSchema,
    response: EmployerSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateEmployer(deps, { principal, ip }, params.id, body);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employers/:id/cover',
    permission: WRITE,
    summary: '设置覆盖该单位的基层工会',
    tags,
    params: IdParamsSchema,
    body: CoverSchema,
    response: EmployerSchema,
    async handler({ params, body, principal, ip }) {
      await service.coverEmployer(deps, { principal, ip }, params.id, body.orgId, body.since);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employers/:id/uncover',
    permission: WRITE,
    summary: '取消工会覆盖（如登记有误）',
    tags,
    params: IdParamsSchema,
    response: EmployerSchema,
    async handler({ params, principal, ip }) {
      await service.uncoverEmployer(deps, { principal, ip }, params.id);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employers/:id/founding',
    permission: WRITE,
    summary: '开始或推进建会（走访中、筹备中）',
    tags,
    params: IdParamsSchema,
    body: FoundingSchema,
    response: EmployerSchema,
    async handler({ params, body, principal, ip }) {
      await service.setFoundingStage(deps, { principal, ip }, params.id, body.stage, body.note);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/employers/:id/found',
    permission: WRITE,
    summary: '完成建会：在所属街道下成立基层工会并覆盖该单位',
    tags,
    params: IdParamsSchema,
    body: FoundSchema,
    response: z.object({ orgId: z.number(), employer: EmployerSchema }),
    async handler({ params, body, principal, ip }) {
      const org = await service.foundUnion(deps, { principal, ip }, params.id, body);
      return { orgId: org.id, employer: await present(params.id, principal) };
    },
  });

}
