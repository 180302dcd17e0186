import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { registerAttachmentRoutes, registerLedgerListRoutes } from '@platform/ledger';
import { subtreePathInScope } from '@modules/organisations/server';
import { ActivityPermissions } from '../shared/activities.module';
import { ACTIVITIES, ACTIVITY_PAPERS, ActivityDetailSchema, ActivityInputSchema, ActivityQuerySchema, ActivitySchema, ParticipantInputSchema } from '../shared/activity.ledger';
import * as repo from './activity.repository';
import { ActivityErrors, addParticipant, createActivity, removeParticipant, updateActivity } from './activity.service';

const READ = ActivityPermissions.read.name;
const WRITE = ActivityPermissions.write.name;
const tags = ['活动与志愿服务'];

export function registerActivityRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const present = (r: repo.ActivityRow, principal: Principal) => ({ ...r.activity, orgName: r.orgName, named: r.named, volunteerHours: r.volunteerHours, canWrite: pathInScope(scopeFor(principal, WRITE), r.orgPath) });
  async function detail(id: number, p: Principal) {
    const r = await repo.findActivity(db, scopeFor(p, READ), id);
    if (!r) throw ActivityErrors.NOT_FOUND();
    return { ...present(r, p), participants: await repo.participantsOf(db, id) };
  }
  registerLedgerListRoutes(app, deps, {
    url: '/api/activities', ledger: ACTIVITIES, tags, read: READ, query: ActivityQuerySchema, item: ActivitySchema,
    list: async (query, scope) => repo.listActivities(db, scope, query, await subtreePathInScope(db, scope, query.underId)),
    present: (rows, principal) => rows.map((r) => present(r, principal)),
  });
  defineRoute(app, {
    method: 'GET', url: '/api/activities/:id', permission: READ, summary: '活动详情（参与人员和志愿服务时长）', tags, params: IdParamsSchema, response: ActivityDetailSchema,
    handler: ({ params, principal }) => detail(params.id, principal),
  });
  defineRoute(app, {
    method: 'POST', url: '/api/activities', permission: WRITE, summary: '登记活动（举办后登记）', tags, body: ActivityInputSchema, response: ActivityDetailSchema,
    async handler({ body, principal, ip }) {
      return detail((await createActivity(deps, { principal, ip }, body)).id, principal);
    },
  });
  defineRoute(app, {
    method: 'PATCH', url: '/api/activities/:id', permission: WRITE, summary: '修改活动', tags, params: IdParamsSchema, body: ActivityInputSchema.omit({ orgId: true }).partial(), response: ActivityDetailSchema,
    async handler({ params, body, principal, ip }) {
      await updateActivity(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'POST', url: '/api/activities/:id/participants', permission: WRITE, summary: '登记参与人员或志愿者（志愿者填写服务时长）', tags, params: IdParamsSchema, body: ParticipantInputSchema, response: ActivityDetailSchema,
    async handler({ params, body, principal, ip }) {
      await addParticipant(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'DELETE', url: '/api/activities/:id/participants/:memberId', permission: WRITE, summary: '移除登记的人员', tags,
    params: z.object({ id: z.coerce.number().int().positive(), memberId: z.coerce.number().int().positive() }), response: ActivityDetailSchema,
    async handler({ params, principal, ip }) {
      await removeParticipant(deps, { principal, ip }, params.id, params.memberId);
      return detail(params.id, principal);
    },
  });
  registerAttachmentRoutes(app, deps, {
    base: '/api/activities/:id', spec: ACTIVITY_PAPERS, noun: '活动材料（照片、活动记录、签到表）', tags, read: READ, write: WRITE,
    find: (principal, permission) => async (tx, id) => {
      const r = await repo.findActivity(tx, scopeFor(principal, permission), id);
      return r ? { orgId: r.activity.orgId, orgPath: r.orgPath, title: r.activity.title } : null;
    },
  });
}
