import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { availableSteps } from '@platform/workflow';
import { subtreePathInScope } from '@modules/organisations/server';
import { CASE_MACHINE, type CaseStatus } from '../shared/legal-machine';
import {
  CASE_PAPERS, CaseRevealSchema, CaseStepInputSchema, EVENT_PAPERS, LEGAL_CASES, LEGAL_EVENTS, LegalCaseDetailSchema, LegalCaseInputSchema, LegalCaseQuerySchema, LegalCaseSchema,
  LegalEventInputSchema, LegalEventQuerySchema, LegalEventSchema, LegalRequestInputSchema, MyLegalCaseSchema,
} from '../shared/legal.ledger';
import { LegalPermissions as P } from '../shared/legal.module';
import * as repo from './legal.repository';
import { createCase, createEvent, decryptDetail, decryptNote, LegalErrors, requestHelp, revealCase, takeCaseStep, updateEvent } from './legal.service';

const tags = ['普法和法律服务'];

export function registerLegalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const canWrite = (principal: Principal, path: string) => pathInScope(scopeFor(principal, P.write.name), path);

  // --- events ---
  const presentEvent = (r: repo.EventRow, p: Principal) => ({ ...r.event, orgName: r.orgName, canWrite: canWrite(p, r.orgPath) });
  async function event(id: number, p: Principal) {
    const r = await repo.findEvent(db, scopeFor(p, P.read.name), id);
    if (!r) throw LegalErrors.EVENT_NOT_FOUND();
    return presentEvent(r, p);
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/legal/events', ledger: LEGAL_EVENTS, tags, read: P.read.name, query: LegalEventQuerySchema, item: LegalEventSchema,
    list: async (query, scope) => repo.listEvents(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, p) => rows.map((r) => presentEvent(r, p)),
  });
  defineRoute(app, { method: 'GET', url: '/api/legal/events/:id', permission: P.read.name, summary: '普法活动详情', tags, params: IdParamsSchema, response: LegalEventSchema, handler: ({ params, principal }) => event(params.id, principal) });
  defineRoute(app, {
    method: 'POST', url: '/api/legal/events', permission: P.write.name, summary: '登记普法活动（举办后登记）', tags, body: LegalEventInputSchema, response: LegalEventSchema,
    handler: async ({ body, principal, ip }) => event((await createEvent(deps, { principal, ip }, body)).id, principal),
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/legal/events/:id', permission: P.write.name, summary: '修改普法活动', tags, params: IdParamsSchema, body: LegalEventInputSchema.omit({ orgId: true }).partial(), response: LegalEventSchema,
    handler: async ({ params, body, principal, ip }) => (await updateEvent(deps, { principal, ip }, params.id, body), event(params.id, principal)),
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/legal/events/:id', spec: EVENT_PAPERS, noun: '普法活动材料（照片、活动记录、签到表）', tags, read: P.read.name, write: P.write.name,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findEvent(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.event.orgId, orgPath: r.orgPath, title: r.event.title } : null;
    },
  });

  // --- cases ---
  const presentCase = (r: repo.CaseRow, p: Principal) => {
    const { detailEnc: _d, amountRecoveredFen, requestedBy: _r, memberId, createdAt: _c, ...rest } = r.c;
    return { ...rest, orgName: r.orgName, member: memberId !== null, amountRecovered: amountRecoveredFen === null ? null : amountRecoveredFen / 100, canWrite: canWrite(p, r.orgPath), canReveal: pathInScope(scopeFor(p, P.sensitive.name), r.orgPath) };
  };
  async function legalCase(id: number, p: Principal) {
    const r = await repo.findCase(db, scopeFor(p, P.read.name), id);
    if (!r) throw LegalErrors.CASE_NOT_FOUND();
    const events = (await repo.eventsOfCase(db, id)).map((e) => ({ id: e.id, step: e.step, on: e.on, hasNote: e.noteEnc !== null }));
    return { ...presentCase(r, p), events, steps: availableSteps(CASE_MACHINE, { status: r.c.status as CaseStatus, orgPath: r.orgPath }, p) };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/legal/cases', ledger: LEGAL_CASES, tags, read: P.read.name, query: LegalCaseQuerySchema, item: LegalCaseSchema,
    list: async (query, scope) => repo.listCases(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, p) => rows.map((r) => presentCase(r, p)),
  });
  defineRoute(app, { method: 'GET', url: '/api/legal/cases/:id', permission: P.read.name, summary: '法律服务案件详情（职工信息脱敏，办理经过和可办理事项）', tags, params: IdParamsSchema, response: LegalCaseDetailSchema, handler: ({ params, principal }) => legalCase(params.id, principal) });
  defineRoute(app, {
    method: 'POST', url: '/api/legal/cases', permission: P.write.name, summary: '登记来访、来电或转办的法律服务案件', tags, body: LegalCaseInputSchema, response: LegalCaseDetailSchema,
    handler: async ({ body, principal, ip }) => legalCase((await createCase(deps, { principal, ip }, body)).id, principal),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/legal/cases/:id/steps', permission: P.read.name, summary: '办理法律服务案件（受理、不予受理、登记办理情况、办结）', tags, params: IdParamsSchema, body: CaseStepInputSchema, response: LegalCaseDetailSchema,
    handler: async ({ params, body, principal, ip }) => (await takeCaseStep(deps, { principal, ip }, params.id, body), legalCase(params.id, principal)),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/legal/cases/:id/reveal', permission: P.sensitive.name, summary: '查看案件的职工姓名、电话、案情和办理记录（记入审计）', tags, params: IdParamsSchema, response: CaseRevealSchema,
    handler: ({ params, principal, ip }) => revealCase(deps, { principal, ip }, params.id),
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/legal/cases/:id', spec: CASE_PAPERS, noun: '案件材料（证据、文书）', tags, read: P.sensitive.name, write: P.sensitive.name,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findCase(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.c.orgId, orgPath: r.orgPath, title: r.c.caseNo } : null;
    },
  });

  // --- the worker's own side (phone) ---
  defineRoute(app, {
    method: 'GET', url: '/api/me/legal-cases', permission: P.self.name, summary: '本人申请的法律帮助和办理情况', tags, response: z.object({ items: z.array(MyLegalCaseSchema) }),
    async handler({ principal }) {
      const rows = await repo.casesRequestedBy(db, principal.accountId);
      const items = [];
      for (const r of rows) {
        const events = (await repo.eventsOfCase(db, r.c.id)).map((e) => ({ step: e.step, on: e.on, note: e.toWorker && e.noteEnc ? decryptNote(deps, r.c.id, e.noteEnc) : null }));
        const k = r.c;
        items.push({ id: k.id, caseNo: k.caseNo, status: k.status, issue: k.issue, employerName: k.employerName, receivedOn: k.receivedOn, orgName: r.orgName, handledBy: k.handledBy, outcome: k.outcome, amountRecovered: k.amountRecoveredFen === null ? null : k.amountRecoveredFen / 100, facts: decryptDetail(deps, k).facts, events, canWithdraw: k.status === 'requested' });
      }
      return { items };
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/me/legal-cases', permission: P.self.name, summary: '本人申请法律帮助（由所在工会受理）', tags, body: LegalRequestInputSchema, response: z.object({ id: z.number(), caseNo: z.string() }),
    handler: async ({ body, principal, ip }) => {
      const row = await requestHelp(deps, { principal, ip }, body);
      return { id: row.id, caseNo: row.caseNo };
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/me/legal-cases/:id/withdraw', permission: P.self.name, summary: '本人撤回尚未受理的求助', tags, params: IdParamsSchema, response: z.object({ ok: z.literal(true) }),
    handler: async ({ params, principal, ip }) => (await takeCaseStep(deps, { principal, ip }, params.id, { action: 'withdraw', on: chinaToday(deps.now()) }, true), { ok: true as const }),
  });
}
