import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { DateSchema } from '@platform/http/schemas';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { addDays, chinaToday } from '@platform/periods';
import { settingVersions } from '@platform/settings';
import { availableSteps } from '@platform/workflow';
import { memberWithUnionByAccount } from '@modules/members/server';
import { subtreePathInScope } from '@modules/organisations/server';
import { PROPOSAL_MACHINE, type ProposalStatus } from '../shared/congress-machine';
import { rosterChecks, type CongressRules } from '../shared/congress-rules';
import {
  CONGRESS_PAPERS, CONGRESSES, CongressDetailSchema, CongressInputSchema, CongressQuerySchema, CongressRulesInputSchema, CongressRulesVersionSchema, CongressSchema, DelegateInputSchema,
  DirectorInputSchema, DirectorUpdateSchema, DISCLOSURE_PAPERS, DISCLOSURES, DisclosureInputSchema, DisclosureQuerySchema, DisclosureSchema, MyCongressSchema, MyProposalInputSchema,
  ProposalDetailSchema, ProposalInputSchema, ProposalQuerySchema, ProposalSchema, PROPOSALS, ProposalStepInputSchema, SessionInputSchema,
} from '../shared/congress.ledger';
import { CongressPermissions as P } from '../shared/congresses.module';
import * as repo from './congress.repository';
import * as service from './congress.service';

const tags = ['职代会和民主管理'];
const SubParams = (name: string, title: string) => IdParamsSchema.extend({ [name]: z.coerce.number().int().positive().meta({ title }) });
const DelegateParams = SubParams('delegateId', '代表编号') as z.ZodObject<{ id: z.ZodCoercedNumber; delegateId: z.ZodCoercedNumber }>;
const DirectorParams = SubParams('directorId', '董事监事编号') as z.ZodObject<{ id: z.ZodCoercedNumber; directorId: z.ZodCoercedNumber }>;

/** A congress as lists show it: its roster checked against today's rules, worker directors where the law requires them. */
export function presentCongress(r: repo.CongressRow, rules: CongressRules, canWrite: boolean) {
  const { orgPath: _p, ...rest } = r;
  const checks = rosterChecks(r, { total: r.delegates, frontline: r.frontline, managers: r.managers, women: r.women }, rules);
  return { ...rest, checks, lawful: checks.every((c) => c.ok), directorMissing: r.stateOwned && r.directors === 0, canWrite };
}

export function registerCongressRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  const canWrite = (principal: Principal, path: string) => pathInScope(scopeFor(principal, P.write.name), path);

  // --- congresses ---
  async function congress(id: number, p: Principal) {
    const r = await repo.findCongress(db, scopeFor(p, P.read.name), id, today());
    if (!r) throw service.CongressErrors.NOT_FOUND();
    const { rules } = await repo.rulesOn(db, today());
    const [delegateList, sessions, directorList] = await Promise.all([repo.delegatesOf(db, id), repo.sessionsOf(db, id), repo.directorsOf(db, id)]);
    return {
      ...presentCongress(r, rules, canWrite(p, r.orgPath)),
      delegateList: delegateList.map(({ memberId, congressId: _c, createdAt: _t, ...d }) => ({ ...d, member: memberId !== null })),
      sessions: sessions.map(({ congressId: _c, createdAt: _t, ...s }) => s),
      directorList: directorList.map(({ congressId: _c, createdAt: _t, ...w }) => w),
    };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/congresses', ledger: CONGRESSES, tags, read: P.read.name, query: CongressQuerySchema, item: CongressSchema,
    list: async (query, scope) => repo.listCongresses(db, scope, query, await subtreePathInScope(db, scope, query.underId), (await repo.rulesOn(db, today())).rules, today()),
    present: async (rows, p) => {
      const { rules } = await repo.rulesOn(db, today());
      return rows.map((r) => presentCongress(r, rules, canWrite(p, r.orgPath)));
    },
  });
  defineRoute(app, {
    method: 'GET', url: '/api/congresses/rules', permission: P.read.name, summary: '职工代表人数和构成比例的标准（今天适用的版本和历次版本）', tags, response: CongressRulesVersionSchema,
    handler: async () => {
      const { rules, effectiveFrom } = await repo.rulesOn(db, today());
      return { ...rules, effectiveFrom, versions: await settingVersions(db, repo.CONGRESS_RULES) };
    },
  });
  defineRoute(app, {
    method: 'PUT', url: '/api/congresses/rules', permission: P.rules.name, summary: '设定职工代表人数和构成比例的标准（自起用日期起适用）', tags, body: CongressRulesInputSchema, response: z.object({ ok: z.literal(true) }),
    handler: async ({ body, principal, ip }) => (await service.saveRules(deps, { principal, ip }, body), { ok: true as const }),
  });
  defineRoute(app, { method: 'GET', url: '/api/congresses/:id', permission: P.read.name, summary: '职代会详情（代表名册、构成检查、会议、职工董事监事）', tags, params: IdParamsSchema, response: CongressDetailSchema, handler: ({ params, principal }) => congress(params.id, principal) });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses', permission: P.write.name, summary: '建立职代会制度', tags, body: CongressInputSchema, response: CongressDetailSchema,
    handler: async ({ body, principal, ip }) => congress((await service.createCongress(deps, { principal, ip }, body)).id, principal),
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/congresses/:id', permission: P.write.name, summary: '修改职代会制度（届次、职工人数等）', tags, params: IdParamsSchema, body: CongressInputSchema.omit({ orgId: true }).partial(), response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.updateCongress(deps, { principal, ip }, params.id, body), congress(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/:id/delegates', permission: P.write.name, summary: '登记职工代表', tags, params: IdParamsSchema, body: DelegateInputSchema, response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.addDelegate(deps, { principal, ip }, params.id, body), congress(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/:id/delegates/:delegateId/leave', permission: P.write.name, summary: '职工代表退出（调离、辞职、罢免）', tags, params: DelegateParams, body: z.object({ leftOn: DateSchema.meta({ title: '退出日期' }) }), response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.delegateLeaves(deps, { principal, ip }, params.id, params.delegateId, body.leftOn), congress(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/:id/sessions', permission: P.write.name, summary: '登记依法召开的职代会会议（代表构成和出席人数不符合规定时拒绝）', tags, params: IdParamsSchema, body: SessionInputSchema, response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.recordSession(deps, { principal, ip }, params.id, body), congress(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/:id/directors', permission: P.write.name, summary: '登记职代会选举的职工董事、职工监事（得票须超过全体代表半数）', tags, params: IdParamsSchema, body: DirectorInputSchema, response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.addDirector(deps, { principal, ip }, params.id, body), congress(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/:id/directors/:directorId', permission: P.write.name, summary: '职工董事、职工监事向职代会述职，或离任', tags, params: DirectorParams, body: DirectorUpdateSchema, response: CongressDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.updateDirector(deps, { principal, ip }, params.id, params.directorId, body), congress(params.id, principal)),
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/congresses/:id', spec: CONGRESS_PAPERS, noun: '职代会材料（实施办法、代表名册）', tags, read: P.read.name, write: P.write.name,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findCongress(tx, scopeFor(principal, permission), id, today());
      return r ? { orgId: r.orgId, orgPath: r.orgPath, title: `${r.orgName}职代会` } : null;
    },
  });

  // --- proposals ---
  const presentProposal = (r: repo.ProposalRow, p: Principal) => {
    const { submittedBy, createdAt: _c, ...rest } = r.p;
    return { ...rest, orgName: r.orgName, online: submittedBy !== null, canWrite: canWrite(p, r.orgPath) };
  };
  async function proposal(id: number, p: Principal) {
    const r = await repo.findProposal(db, scopeFor(p, P.read.name), id);
    if (!r) throw service.CongressErrors.PROPOSAL_NOT_FOUND();
    return { ...presentProposal(r, p), steps: availableSteps(PROPOSAL_MACHINE, { status: r.p.status as ProposalStatus, orgPath: r.orgPath }, p) };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/congresses/proposals', ledger: PROPOSALS, tags, read: P.read.name, query: ProposalQuerySchema, item: ProposalSchema,
    list: async (query, scope) => repo.listProposals(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, p) => rows.map((r) => presentProposal(r, p)),
  });
  defineRoute(app, { method: 'GET', url: '/api/congresses/proposals/:id', permission: P.read.name, summary: '提案详情和可办理事项', tags, params: IdParamsSchema, response: ProposalDetailSchema, handler: ({ params, principal }) => proposal(params.id, principal) });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/proposals', permission: P.write.name, summary: '登记职工代表提案', tags, body: ProposalInputSchema, response: ProposalDetailSchema,
    handler: async ({ body, principal, ip }) => proposal((await service.createProposal(deps, { principal, ip }, body)).id, principal),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/proposals/:id/steps', permission: P.read.name, summary: '办理提案（立案、不予立案、答复、评价）', tags, params: IdParamsSchema, body: ProposalStepInputSchema, response: ProposalDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await service.takeProposalStep(deps, { principal, ip }, params.id, body), proposal(params.id, principal)),
  });

  // --- disclosures ---
  const presentDisclosure = (r: repo.DisclosureRow, p: Principal) => {
    const { createdAt: _c, ...rest } = r.d;
    return { ...rest, orgName: r.orgName, canWrite: canWrite(p, r.orgPath) };
  };
  async function disclosure(id: number, p: Principal) {
    const r = await repo.findDisclosure(db, scopeFor(p, P.read.name), id);
    if (!r) throw service.CongressErrors.DISCLOSURE_NOT_FOUND();
    return presentDisclosure(r, p);
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/congresses/disclosures', ledger: DISCLOSURES, tags, read: P.read.name, query: DisclosureQuerySchema, item: DisclosureSchema,
    list: async (query, scope) => repo.listDisclosures(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, p) => rows.map((r) => presentDisclosure(r, p)),
  });
  defineRoute(app, { method: 'GET', url: '/api/congresses/disclosures/:id', permission: P.read.name, summary: '厂务公开事项详情', tags, params: IdParamsSchema, response: DisclosureSchema, handler: ({ params, principal }) => disclosure(params.id, principal) });
  defineRoute(app, {
    method: 'POST', url: '/api/congresses/disclosures', permission: P.write.name, summary: '登记厂务公开事项', tags, body: DisclosureInputSchema, response: DisclosureSchema,
    handler: async ({ body, principal, ip }) => disclosure((await service.createDisclosure(deps, { principal, ip }, body)).id, principal),
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/congresses/disclosures/:id', permission: P.write.name, summary: '修改厂务公开事项（补记职工反馈）', tags, params: IdParamsSchema, body: DisclosureInputSchema.omit({ orgId: true }).partial(), response: DisclosureSchema,
    handler: async ({ params, body, principal, ip }) => (await service.updateDisclosure(deps, { principal, ip }, params.id, body), disclosure(params.id, principal)),
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/congresses/disclosures/:id', spec: DISCLOSURE_PAPERS, noun: '厂务公开材料（公开栏照片、公开材料）', tags, read: P.read.name, write: P.write.name,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findDisclosure(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.d.orgId, orgPath: r.orgPath, title: r.d.matter } : null;
    },
  });

  // --- the member's own side (phone) ---
  defineRoute(app, {
    method: 'GET', url: '/api/me/congress', permission: P.self.name, summary: '本单位的厂务公开（近一年）；职工代表本人的提案和答复', tags, response: MyCongressSchema,
    async handler({ principal }) {
      const member = await memberWithUnionByAccount(db, principal.accountId);
      if (!member) return { orgName: null, disclosures: [], delegate: null, proposals: [] };
      const delegate = await repo.delegateOfMember(db, member.id);
      const items = await repo.disclosuresOf(db, member.orgId, addDays(today(), -365));
      const proposals = (await repo.proposalsBy(db, principal.accountId)).map(({ p }) => ({ id: p.id, status: p.status, title: p.title, content: p.content, submittedOn: p.submittedOn, department: p.department, reply: p.reply, repliedOn: p.repliedOn, satisfaction: p.satisfaction, opinion: p.opinion }));
      return {
        orgName: member.orgName,
        disclosures: items.map((d) => ({ id: d.id, matter: d.matter, category: d.category, channel: d.channel, disclosedOn: d.disclosedOn, periodLabel: d.periodLabel, content: d.content })),
        delegate: delegate ? { congressId: delegate.d.congressId, orgName: delegate.orgName, name: delegate.d.name } : null,
        proposals,
      };
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/me/congress/proposals', permission: P.self.name, summary: '职工代表本人提交提案', tags, body: MyProposalInputSchema, response: z.object({ id: z.number() }),
    handler: async ({ body, principal, ip }) => ({ id: (await service.submitMyProposal(deps, { principal, ip }, body)).id }),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/me/congress/proposals/:id/rate', permission: P.self.name, summary: '提案人评价本人提案的答复', tags, params: IdParamsSchema, body: ProposalStepInputSchema.pick({ satisfaction: true }), response: z.object({ ok: z.literal(true) }),
    handler: async ({ params, body, principal, ip }) => (await service.takeProposalStep(deps, { principal, ip }, params.id, { action: 'rate', on: today(), satisfaction: body.satisfaction }, true), { ok: true as const }),
  });
}
