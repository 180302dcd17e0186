import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { settingOn, settingVersions, WORK_CALENDAR } from '@platform/settings';
import { availableSteps } from '@platform/workflow';
import { subtreePathInScope } from '@modules/organisations/server';
import { contractClocks, filedOnTime, tookEffectByItself } from '../shared/contract-clocks';
import { CONTRACT_MACHINE, type ContractStatus } from '../shared/contract-machine';
import { ClockSettingsInputSchema, ClockSettingsSchema, CONTRACT_PAPERS, ContractDetailSchema, ContractInputSchema, ContractQuerySchema, CONTRACTS, ContractSchema, ContractStepSchema } from '../shared/contract.ledger';
import { ContractPermissions } from '../shared/contracts.module';
import * as repo from './contract.repository';
import { ContractErrors, createContract, saveClockSettings, takeStep, updateContract } from './contract.service';

const READ = ContractPermissions.read.name;
const WRITE = ContractPermissions.write.name;
const tags = ['集体合同'];
const URGENCY = { overdue: 0, soon: 1, open: 2, done: 3, late: 3 } as const;

/** The contract as every answer shows it: its clocks computed from its dates, the most urgent one first. */
export function presentContract(r: repo.ContractRow, principal: Principal, today: string, setup: repo.ClockSetup) {
  const k = r.contract;
  const clocks = contractClocks(k, today, setup.rules, setup.cal);
  const running = clocks.filter((x) => !x.doneOn).sort((a, b) => URGENCY[a.state] - URGENCY[b.state] || a.dueOn.localeCompare(b.dueOn));
  const { avgWageLastYearFen, nextDueOn: _n, createdAt: _c, ...rest } = k;
  return {
    ...rest, orgName: r.orgName, enterprises: r.enterprises, workersCovered: r.workersCovered,
    avgWageLastYear: avgWageLastYearFen === null ? null : avgWageLastYearFen / 100,
    filedOnTime: k.signedOn && k.filedOn ? filedOnTime(k, k.filedOn) : null,
    nextClock: running[0] ?? null, clocks, canWrite: pathInScope(scopeFor(principal, WRITE), r.orgPath),
  };
}

export function registerContractRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  async function detail(id: number, p: Principal) {
    const t = today();
    await repo.settleContracts(db, t);
    const r = await repo.findContract(db, scopeFor(p, READ), id);
    if (!r) throw ContractErrors.NOT_FOUND();
    const shown = presentContract(r, p, t, await repo.clockSetup(db, t));
    return { ...shown, employers: await repo.employersOf(db, id), events: await repo.eventsOf(db, id), steps: availableSteps(CONTRACT_MACHINE, { status: r.contract.status as ContractStatus, orgPath: r.orgPath, deemed: tookEffectByItself(r.contract) }, p) };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/contracts', ledger: CONTRACTS, tags, read: READ, query: ContractQuerySchema, item: ContractSchema,
    list: async (query, scope) => {
      await repo.settleContracts(db, today());
      return repo.listContracts(db, scope, query, await subtreePathInScope(db, scope, query.underId), today());
    },
    present: async (rows, principal) => {
      const setup = await repo.clockSetup(db, today());
      return rows.map((r) => presentContract(r, principal, today(), setup));
    },
  });
  defineRoute(app, {
    method: 'GET', url: '/api/contracts/clock-rules', permission: READ, summary: '集体合同各环节的时限和工作日历（今天适用的版本和历次版本）', tags, response: ClockSettingsSchema,
    async handler() {
      const [rules, calendar] = await Promise.all([settingOn(db, repo.CLOCK_RULES, today()), settingOn(db, WORK_CALENDAR, today())]);
      return { rules: rules.value, calendar: { holidays: [...calendar.value.holidays], workdays: [...calendar.value.workdays] }, effectiveFrom: rules.effectiveFrom, versions: await settingVersions(db, repo.CLOCK_RULES) };
    },
  });
  defineRoute(app, {
    method: 'PUT', url: '/api/contracts/clock-rules', permission: ContractPermissions.rules.name, summary: '设定集体合同时限（自然日或工作日）和工作日历，自起用日期起适用', tags, body: ClockSettingsInputSchema, response: z.object({ ok: z.literal(true) }),
    handler: async ({ body, principal, ip }) => (await saveClockSettings(deps, { principal, ip }, body), { ok: true as const }),
  });
  defineRoute(app, {
    method: 'GET', url: '/api/contracts/:id', permission: READ, summary: '集体合同详情（法定时限、覆盖企业、办理经过和可办理事项）', tags, params: IdParamsSchema, response: ContractDetailSchema,
    handler: ({ params, principal }) => detail(params.id, principal),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/contracts', permission: WRITE, summary: '登记集体协商要约（开始一份集体合同）', tags, body: ContractInputSchema, response: ContractDetailSchema,
    async handler({ body, principal, ip }) {
      return detail((await createContract(deps, { principal, ip }, body)).id, principal);
    },
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/contracts/:id', permission: WRITE, summary: '修改集体合同（签订后类型、范围和覆盖企业不能再改）', tags, params: IdParamsSchema, body: ContractInputSchema.omit({ orgId: true }).partial(), response: ContractDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updateContract(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/contracts/:id/steps', permission: READ, summary: '办理集体合同事项（要约回复、协商、表决、签订、报送、受理、审查、公布、履行、续签、终止）', tags, params: IdParamsSchema, body: ContractStepSchema, response: ContractDetailSchema,
    async handler({ params, body, principal, ip }) {
      await takeStep(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/contracts/:id', spec: CONTRACT_PAPERS, noun: '集体合同报送材料', tags, read: READ, write: WRITE,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findContract(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.contract.orgId, orgPath: r.orgPath, title: r.contract.title } : null;
    },
  });
}
