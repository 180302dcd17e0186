import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { subtreePathInScope } from '@modules/organisations/server';
import { MeetingPermissions } from '../shared/meetings.module';
import { DecisionDoneSchema, DecisionInputSchema, MEETING_PAPERS, MeetingDetailSchema, MeetingInputSchema, MeetingQuerySchema, MEETINGS, MeetingSchema } from '../shared/meeting.ledger';
import * as repo from './meeting.repository';
import { addDecision, createMeeting, decisionDone, MeetingErrors, quorumMet, updateMeeting } from './meeting.service';

const READ = MeetingPermissions.read.name;
const WRITE = MeetingPermissions.write.name;
const tags = ['会议记录'];

export function registerMeetingRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const today = () => chinaToday(deps.now());
  const present = (r: repo.MeetingRow, principal: Principal) => ({
    ...r.meeting, orgName: r.orgName, decisions: r.decisions, openDecisions: r.openDecisions,
    quorumMet: quorumMet(r.meeting.kind, r.meeting.membersTotal, r.meeting.attendees), canWrite: pathInScope(scopeFor(principal, WRITE), r.orgPath),
  });
  async function detail(id: number, p: Principal) {
    const r = await repo.findMeeting(db, scopeFor(p, READ), id);
    if (!r) throw MeetingErrors.NOT_FOUND();
    const t = today();
    const items = (await repo.decisionsOf(db, id)).map((x) => ({ ...x, status: x.doneOn ? 'done' : x.dueOn < t ? 'overdue' : 'open' }));
    return { ...present(r, p), items };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/meetings', ledger: MEETINGS, tags, read: READ, query: MeetingQuerySchema, item: MeetingSchema,
    list: async (query, scope) => repo.listMeetings(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, principal) => rows.map((r) => present(r, principal)),
  });
  defineRoute(app, {
    method: 'GET', url: '/api/meetings/:id', permission: READ, summary: '会议详情（决定事项及落实情况）', tags, params: IdParamsSchema, response: MeetingDetailSchema,
    handler: ({ params, principal }) => detail(params.id, principal),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/meetings', permission: WRITE, summary: '登记会议（召开后登记）', tags, body: MeetingInputSchema, response: MeetingDetailSchema,
    async handler({ body, principal, ip }) {
      return detail((await createMeeting(deps, { principal, ip }, body)).id, principal);
    },
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/meetings/:id', permission: WRITE, summary: '修改会议', tags, params: IdParamsSchema, body: MeetingInputSchema.omit({ orgId: true }).partial(), response: MeetingDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updateMeeting(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/meetings/:id/decisions', permission: WRITE, summary: '登记会议决定事项（责任和完成期限；常委会、全委会须达到法定人数）', tags, params: IdParamsSchema, body: DecisionInputSchema, response: MeetingDetailSchema,
    async handler({ params, body, principal, ip }) {
      await addDecision(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/meetings/:id/decisions/:decisionId/done', permission: WRITE, summary: '登记决定事项已落实', tags,
    params: z.object({ id: z.coerce.number().int().positive(), decisionId: z.coerce.number().int().positive() }), body: DecisionDoneSchema, response: MeetingDetailSchema,
    async handler({ params, body, principal, ip }) {
      await decisionDone(deps, { principal, ip }, params.id, params.decisionId, body);
      return detail(params.id, principal);
    },
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/meetings/:id', spec: MEETING_PAPERS, noun: '会议材料（纪要、签到表）', tags, read: READ, write: WRITE,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findMeeting(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.meeting.orgId, orgPath: r.orgPath, title: r.meeting.title } : null;
    },
  });
}
