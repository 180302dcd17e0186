import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow';
import { subtreePathInScope } from '@modules/organisations/server';
import { FacilityPermissions } from '../shared/facilities.module';
import { FACILITY_MACHINE, type FacilityStatus } from '../shared/facility-machine';
import { FACILITIES, FACILITY_PAPERS, FacilityDetailSchema, FacilityInputSchema, FacilityPatchSchema, FacilityQuerySchema, FacilitySchema, FacilityStepSchema, StandardInputSchema, StandardSchema, UsageInputSchema } from '../shared/facility.ledger';
import * as repo from './facility.repository';
import { attendanceRate, createFacility, createStandard, FacilityErrors, recordUsage, takeStep, updateFacility } from './facility.service';

const READ = FacilityPermissions.read.name;
const WRITE = FacilityPermissions.write.name;
const tags = ['服务阵地'];

export function registerFacilityRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  const present = (r: repo.FacilityListRow, principal: Principal) => {
    const f = r.facility;
    const daily = f.kind === 'childcare_class';
    return {
      ...f,
      orgName: r.orgName,
      standardName: r.standardName,
      lastPassedOn: r.lastPassedOn,
      dueOn: r.dueOn,
      dueAction: r.dueOn ? (repo.DUE_ACTION[f.status] ?? null) : null,
      daysHeld: daily ? r.days : null,
      attendanceRate: daily ? attendanceRate(f.enrolled, r.days, r.attended) : null,
      usageThisYear: r.usageThisYear,
      canWrite: f.status !== 'delisted' && pathInScope(scopeFor(principal, WRITE), r.orgPath),
      steps: availableSteps(FACILITY_MACHINE, { status: f.status as FacilityStatus, orgPath: r.orgPath }, principal),
    };
  };
  async function detail(id: number, p: Principal) {
    const r = await repo.findFacility(db, scopeFor(p, READ), today(), id);
    if (!r) throw FacilityErrors.NOT_FOUND();
    const [inspections, usage, standard] = [await repo.inspectionsOf(db, id), await repo.usageOf(db, id, r.facility.kind === 'childcare_class' ? 200 : 24), (await repo.findStandard(db, r.facility.standardId))!];
    return {
      ...present(r, p),
      inspections: inspections.map(({ i, standardName, byOrgName }) => ({ ...i, standardName, byOrgName })),
      usage,
      standard: { ...standard, current: true },
    };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/facilities', ledger: FACILITIES, tags, read: READ, query: FacilityQuerySchema, item: FacilitySchema,
    list: async (query, scope) => repo.listFacilities(db, scope, today(), query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, principal) => rows.map((r) => present(r, principal)),
  });

  defineRoute(app, {
    method: 'GET', url: '/api/facilities/standards', permission: READ, summary: '服务阵地建设标准（各版本，含检查项目和门槛）', tags, response: z.array(StandardSchema),
    async handler() {
      const rows = await repo.listStandards(db);
      const t = today();
      const current = new Map<string, number>();
      for (const s of rows) if (s.effectiveFrom <= t && !current.has(`${s.kind}/${s.name}`)) current.set(`${s.kind}/${s.name}`, s.id);
      return rows.map((s) => ({ ...s, current: current.get(`${s.kind}/${s.name}`) === s.id }));
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/facilities/standards', permission: FacilityPermissions.standards.name, summary: '发布建设标准的新版本（同类型同名称版本号加一）', tags, body: StandardInputSchema, response: StandardSchema,
    async handler({ body, principal, ip }) {
      const row = await createStandard(deps, { principal, ip }, body);
      return { ...row, current: row.effectiveFrom <= today() };
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/facilities/:id', permission: READ, summary: '服务阵地详情（验收复验记录、服务人次、建设标准）', tags, params: IdParamsSchema, response: FacilityDetailSchema,
    async handler({ params, principal }) {
      return detail(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/facilities', permission: WRITE, summary: '申报服务阵地', tags, body: FacilityInputSchema, response: FacilityDetailSchema,
    async handler({ body, principal, ip }) {
      const row = await createFacility(deps, { principal, ip }, body);
      return detail(row.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH', url: '/api/facilities/:id', permission: WRITE, summary: '修改服务阵地', tags, params: IdParamsSchema, body: FacilityPatchSchema, response: FacilityDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updateFacility(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST', url: '/api/facilities/:id/steps', permission: READ, summary: '验收、复验、提升验收、整改复查、挂牌上图或摘牌（按流程和建设标准校验）', tags, params: IdParamsSchema, body: FacilityStepSchema, response: FacilityDetailSchema,
    async handler({ params, body, principal, ip }) {
      await takeStep(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });

  registerAttachmentRoutes(app, deps, {
    base: '/api/facilities/:id', spec: FACILITY_PAPERS, noun: '服务阵地材料（照片、验收报告、制度）', tags, read: READ, write: WRITE,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findFacility(tx, scopeFor(principal, permission), today(), id);
      if (!r || (permission === WRITE && r.facility.status === 'delisted')) return null;
      return { orgId: r.facility.orgId, orgPath: r.orgPath, title: `${r.facility.name}` };
    },
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/facilities/:id/usage', permission: WRITE, summary: '登记某月服务人次（托管班：某日出勤人数）', tags, params: IdParamsSchema, body: UsageInputSchema, response: FacilityDetailSchema,
    async handler({ params, body, principal, ip }) {
      await recordUsage(deps, { principal, ip }, params.id, body.on, body.count);
      return detail(params.id, principal);
    },
  });
}
