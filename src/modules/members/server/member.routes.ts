import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pathInScope, scopeFor, type Principal, type Scope } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { addDays, chinaToday } from '@platform/periods';
import { employerNamesByUscc } from '@modules/employers/server';
import { subtreePathInScope } from '@modules/organisations/server';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { MemberPermissions } from '../shared/member.permissions';
import {
  ApplicationListQuerySchema,
  ApplicationSchema,
  ApplicationStatusSchema,
  CreateMemberSchema,
  DecisionSchema,
  DuplicatePairSchema,
  JoinApplicationSchema,
  JoinTargetSchema,
  LeaveSchema,
  MemberDetailSchema,
  MemberDueSchema,
  MemberExportQuerySchema,
  type MemberListQuery,
  MemberListQuerySchema,
  MemberPageSchema,
  RejectSchema,
  RevealSchema,
  TransferDecisionSchema,
  TransferListQuerySchema,
  TransferRequestSchema,
  TransferResultSchema,
  TransferSchema,
  TransferTargetNodeSchema,
  TransferTargetQuerySchema,
  UpdateMemberSchema,
} from '../shared/member.schema';
import { MemberErrors } from './member.errors';
import { searchDigest } from './member.fields';
import { availableSteps } from '@platform/workflow/machine';
import { APPLICATION_MACHINE } from '../shared/application-machine';
import type { ApplicationStatus } from '../shared/member-codes';
import { presentApplication, presentMemberFields, presentMemberRow, presentMembership, presentTransfer } from './member.presenter';
import * as repo from './member.repository';
import type { MemberRecord } from './member.table';
import * as service from './member.service';

const READ = MemberPermissions.read.name;
const WRITE = MemberPermissions.write.name;
const SENSITIVE = MemberPermissions.sensitive.name;
const tags = ['会员'];
export const MEMBER_EXPORT_LIMIT = 200_000;

export function registerMemberRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  const underPath = (scope: Scope, underId: number | undefined) => subtreePathInScope(db, scope, underId);

  function filterOf(q: Omit<MemberListQuery, 'page' | 'pageSize'>): repo.ListFilter {
    const digest = q.q ? searchDigest(deps.cipher, q.q) : null;
    return { ...q, digest, name: digest ? undefined : q.q };
  }

  /** A member with the whole membership history; `write` is the reader's write scope (null: read only). */
  async function presentDetail(member: MemberRecord, write: Scope | null, reveal: Scope | null) {
    const history = await repo.membershipHistory(db, member.id);
    // The numbers follow the current membership (the open one, else the last): not the union transferred from.
    const current = history.find((h) => !h.membership.leftOn) ?? history.at(-1);
    const canReveal = !!reveal && !!current && pathInScope(reveal, current.orgPath);
    const names = await employerNamesByUscc(db, member.employerUscc ? [member.employerUscc] : []);
    const open = history.find((h) => !h.membership.leftOn);
    const writable = (path: string) => !!write && pathInScope(write, path);
    return {
      ...presentMemberFields(member, member.employerUscc ? (names.get(member.employerUscc) ?? null) : null),
      memberships: history.map((h) => presentMembership(h.membership, h.orgName, h.orgCode, writable(h.orgPath))),
      hasAccount: member.accountId !== null,
      canWrite: !!open && writable(open.orgPath),
      canReveal,
    };
  }

  async function detail(memberId: number, principal: Principal) {
    const member = await repo.findMemberInScope(db, scopeFor(principal, READ), memberId);
    if (!member) throw MemberErrors.NOT_FOUND();
    return presentDetail(member, scopeFor(principal, WRITE), principal.permissions.has(SENSITIVE) ? scopeFor(principal, SENSITIVE) : null);
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/members',
    permission: READ,
    summary: '会员列表（按姓名开头、身份证号码或手机号码查找；分页）',
    tags,
    querystring: MemberListQuerySchema,
    response: MemberPageSchema,
    async handler({ query, scope }) {
      const s = scope();
      const { rows, total, totalCapped } = await repo.listMemberships(db, s, filterOf(query), await underPath(s, query.underId), query);
      const names = await employerNamesByUscc(db, rows.flatMap((r) => (r.member.employerUscc ? [r.member.employerUscc] : [])));
      return { items: rows.map((r) => presentMemberRow(r, names)), total, totalCapped, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/members/export.xlsx',
    permission: READ,
    summary: '导出会员列表（Excel，身份证号码和手机号码已脱敏）',
    tags,
    querystring: MemberExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const s = scope();
      const rows = await repo.listMembershipsForExport(db, s, filterOf(query), await underPath(s, query.underId), MEMBER_EXPORT_LIMIT);
      const names = await employerNamesByUscc(db, [...new Set(rows.flatMap((r) => (r.member.employerUscc ? [r.member.employerUscc] : [])))]);
      const items = rows.map((r) => presentMemberRow(r, names));
      const buffer = await writeXlsx('会员', [
        { header: '姓名', width: 10, value: (m) => m.name },
        { header: '性别', width: 6, value: (m) => m.sexLabel },
        { header: '民族', width: 8, value: (m) => m.ethnicity },
        { header: '居民身份证号码', width: 22, value: (m) => m.idNumberMasked },
        { header: '手机号码', width: 14, value: (m) => m.phoneMasked },
        { header: '出生日期', width: 12, value: (m) => m.birthDate },
        { header: '学历', width: 10, value: (m) => m.education },
        { header: '政治面貌', width: 10, value: (m) => m.politicalStatus },
        { header: '职业', width: 12, value: (m) => m.occupation },
        { header: '新就业形态类别', width: 14, value: (m) => m.gigKindLabel },
        { header: '是否农民工', width: 10, value: (m) => (m.migrantWorker ? '是' : '否') },
        { header: '工作单位', width: 28, value: (m) => m.employerName },
        { header: '工作单位统一社会信用代码', width: 24, value: (m) => m.employerUscc },
        { header: '所属工会', width: 30, value: (m) => m.orgName },
        { header: '所属工会代码', width: 16, value: (m) => m.orgCode },
        { header: '入会日期', width: 12, value: (m) => m.joinedOn },
        { header: '入会方式', width: 10, value: (m) => m.channelLabel },
        { header: '离会日期', width: 12, value: (m) => m.leftOn },
        { header: '离会原因', width: 14, value: (m) => m.leaveReasonLabel },
        { header: '备注', width: 20, value: (m) => m.remark },
      ], items);
      return sendXlsx(reply, `会员名册-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/members/due',
    permission: READ,
    summary: '待办：待审核、即将到期和已超期的入会申请数，待接收的转会申请数',
    tags,
    response: MemberDueSchema,
    async handler({ scope, principal }) {
      const today = chinaToday(deps.now());
      const r = await repo.applicationDueCounts(db, scope(), today, addDays(today, 1));
      const incomingTransfers = await repo.countIncomingTransfers(db, scopeFor(principal, WRITE));
      return { incomingTransfers, pendingApplications: r.pending, overdueApplications: r.overdue, dueSoon: r.due_soon };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/members/duplicates',
    permission: WRITE,
    summary: '疑似重复人员（姓名、出生日期、手机号码相同而身份证号码不同）',
    tags,
    response: z.array(DuplicatePairSchema),
    async handler({ scope }) {
      const pairs = await repo.probableDuplicates(db, scope(), 200);
      const rows = new Map((await repo.membersWithCurrentOrg(db, pairs.flatMap((p) => [p.a, p.b]))).map((r) => [r.member.id, r]));
      const side = (id: number) => {
        const r = rows.get(id)!;
        return { memberId: id, name: r.member.name, birthDate: r.member.birthDate, idNumberMasked: r.member.idNumberMasked, phoneMasked: r.member.phoneMasked, orgName: r.orgName ?? '（当前无会籍）' };
      };
      return pairs.map((p) => ({ a: side(p.a), b: side(p.b) }));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/members/duplicates/dismiss',
    permission: WRITE,
    summary: '标记一对疑似重复人员为“不是同一人”（以后不再提示）',
    tags,
    body: z.object({ a: z.number().int().positive(), b: z.number().int().positive() }),
    response: z.object({ ok: z.literal(true) }),
    async handler({ body, principal, ip }) {
      await service.dismissDuplicate(deps, { principal, ip }, body.a, body.b);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/members/:id',
    permission: READ,
    summary: '会员详情与会籍历史',
    tags,
    params: IdParamsSchema,
    response: MemberDetailSchema,
    async handler({ params, principal }) {
      return detail(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/members',
    permission: WRITE,
    summary: '登记会员（同一身份证号码只有一个人）',
    tags,
    body: CreateMemberSchema,
    response: MemberDetailSchema,
    async handler({ body, principal, ip }) {
      const m = await service.createMember(deps, { principal, ip }, body);
      return detail(m.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/members/:id',
    permission: WRITE,
    summary: '修改会员信息',
    tags,
    params: IdParamsSchema,
    body: UpdateMemberSchema,
    response: MemberDetailSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateMember(deps, { principal, ip }, params.id, body);
      return detail(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/members/:id/reveal',
    permission: SENSITIVE,
    summary: '查看完整身份证号码或手机号码（记入审计）',
    tags,
    params: IdParamsSchema,
    body: RevealSchema,
    response: z.object({ value: z.string() }),
    async handler({ params, body, principal, ip }) {
      return { value: await service.revealField(deps, { principal, ip }, params.id, body.field) };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/memberships/:id/transfer',
    permission: WRITE,
    summary: '申请转会（待转入工会接收；共同的上级工会办理时直接完成）',
    tags,
    params: IdParamsSchema,
    body: TransferSchema,
    response: TransferResultSchema,
    async handler({ params, body, principal, ip }) {
      return service.requestTransfer(deps, { principal, ip }, params.id, body);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/member-transfers',
    permission: WRITE,
    summary: '转会申请：转入本工会（待接收的在前）或由本工会转出的',
    tags,
    querystring: TransferListQuerySchema,
    response: z.object({ items: z.array(TransferRequestSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ query, principal, scope }) {
      const { rows, total } = await repo.listTransfers(db, scope(), query.box, query.status, query);
      const items = rows.map((r) => presentTransfer(r, service.transferRights({ principal, ip: '' }, { status: r.transfer.status, fromOrgPath: r.fromOrgPath, toOrgPath: r.toOrgPath })));
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/member-transfers/unions',
    permission: WRITE,
    summary: '选择转入工会：全区工会组织树的一层（只有基层工会可选）',
    tags,
    querystring: TransferTargetQuerySchema,
    response: z.array(TransferTargetNodeSchema),
    async handler({ query }) {
      const rows = await repo.transferTargets(db, query.parentId ?? null, grassrootsKinds());
      return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, code: r.code, childCount: r.child_count, selectable: r.selectable }));
    },
  });

  for (const [action, summary] of [
    ['accept', '接收转会（结束原会籍，在本工会开始新会籍）'],
    ['reject', '拒绝接收转会（须填写原因）'],
    ['withdraw', '撤回本工会提出的转会申请'],
  ] as const) {
    defineRoute(app, {
      method: 'POST',
      url: `/api/member-transfers/:id/${action}`,
      permission: WRITE,
      summary,
      tags,
      params: IdParamsSchema,
      body: TransferDecisionSchema,
      response: TransferRequestSchema,
      async handler({ params, body, principal, ip }) {
        await service.decideTransfer(deps, { principal, ip }, params.id, action, body.reason);
        const r = (await repo.findTransferUnscoped(db, params.id))!;
        return presentTransfer(r, service.transferRights({ principal, ip }, { status: r.transfer.status, fromOrgPath: r.fromOrgPath, toOrgPath: r.toOrgPath }));
      },
    });
  }

  defineRoute(app, {
    method: 'POST',
    url: '/api/memberships/:id/leave',
    permission: WRITE,
    summary: '退会（本人申请、自动退会、开除会籍、去世）',
    tags,
    params: IdParamsSchema,
    body: LeaveSchema,
    response: z.object({ id: z.number() }),
    async handler({ params, body, principal, ip }) {
      const closed = await service.endMembership(deps, { principal, ip }, params.id, body);
      return { id: closed.id };
    },
  });

  // --- applications ----------------------------------------------------------------------------------

  defineRoute(app, {
    method: 'GET',
    url: '/api/member-applications',
    permission: READ,
    summary: '网上入会申请列表（待审核的按截止日期排序）',
    tags,
    querystring: ApplicationListQuerySchema,
    response: z.object({ items: z.array(ApplicationSchema), total: z.number(), page: z.number(), pageSize: z.number() }),
    async handler({ query, scope, principal }) {
      const today = chinaToday(deps.now());
      const { rows, total } = await repo.listApplications(db, scope(), query.status, query.q, query);
      const steps = (r: (typeof rows)[number]) => availableSteps(APPLICATION_MACHINE, { status: r.application.status as ApplicationStatus, orgPath: r.orgPath }, principal);
      return { items: rows.map((r) => presentApplication(r.application, r.orgName, today, steps(r))), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/member-applications/export.xlsx',
    permission: READ,
    summary: '导出入会申请（Excel）',
    tags,
    querystring: ApplicationListQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const today = chinaToday(deps.now());
      const { rows } = await repo.listApplications(db, scope(), query.status, query.q, { page: 1, pageSize: 50_000 });
      const items = rows.map((r) => presentApplication(r.application, r.orgName, today));
      const buffer = await writeXlsx('入会申请', [
        { header: '姓名', width: 10, value: (a) => a.name },
        { header: '性别', width: 6, value: (a) => a.sexLabel },
        { header: '居民身份证号码', width: 22, value: (a) => a.idNumberMasked },
        { header: '手机号码', width: 14, value: (a) => a.phoneMasked },
        { header: '职业', width: 12, value: (a) => a.occupation },
        { header: '工作单位', width: 24, value: (a) => a.employerName },
        { header: '申请加入', width: 28, value: (a) => a.orgName },
        { header: '提交时间', width: 18, value: (a) => a.submittedAt.slice(0, 16).replace('T', ' ') },
        { header: '审核截止', width: 12, value: (a) => a.dueOn },
        { header: '状态', width: 10, value: (a) => (a.overdue ? '待审核（已超期）' : a.statusLabel) },
        { header: '审核意见', width: 24, value: (a) => a.opinion },
      ], items);
      return sendXlsx(reply, `入会申请-${today}.xlsx`, buffer);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/member-applications/:id/approve',
    permission: WRITE,
    summary: '批准入会申请（建立会籍和会员账号）',
    tags,
    params: IdParamsSchema,
    body: DecisionSchema,
    response: z.object({ memberId: z.number() }),
    async handler({ params, body, principal, ip }) {
      const m = await service.approveApplication(deps, { principal, ip }, params.id, body.opinion);
      return { memberId: m.id };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/member-applications/:id/reject',
    permission: WRITE,
    summary: '驳回入会申请（须写明理由）',
    tags,
    params: IdParamsSchema,
    body: RejectSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, body, principal, ip }) {
      await service.rejectApplication(deps, { principal, ip }, params.id, body.opinion);
      return { ok: true as const };
    },
  });

  // --- public joining --------------------------------------------------------------------------------

  defineRoute(app, {
    method: 'GET',
    url: '/api/join/unions',
    permission: 'public',
    summary: '可申请加入的基层工会（按名称查找；新就业形态劳动者联合工会排在前面）',
    tags,
    querystring: z.object({ q: z.string().trim().max(40).optional().meta({ title: '工会名称' }) }),
    response: z.array(JoinTargetSchema),
    config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    async handler({ query }) {
      const rows = await repo.joinTargets(db, query.q || undefined, grassrootsKinds(), 20);
      return rows.map((r) => ({ id: r.id, name: r.name, code: r.code, gigWorkers: r.gig, parentName: r.parent_name }));
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/join',
    permission: 'public',
    summary: '网上入会申请（无需账号；不通知工作单位）',
    tags,
    body: JoinApplicationSchema,
    response: ApplicationStatusSchema,
    config: { csrf: 'origin', rateLimit: { max: 10, timeWindow: '1 minute' } },
    async handler({ body, ip }) {
      const { app: a, orgName } = await service.submitApplication(deps, ip, body);
      return { ref: a.ref, status: 'pending' as const, statusLabel: '待审核', orgName, submittedAt: a.submittedAt.toISOString(), dueOn: a.dueOn, opinion: null, username: a.username };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/join/:ref',
    permission: 'public',
    summary: '按申请编号查看入会申请进度',
    tags,
    params: z.object({ ref: z.string().regex(/^[A-Za-z0-9_-]{8,20}$/, '申请编号格式不对').meta({ title: '申请编号' }) }),
    response: ApplicationStatusSchema,
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    async handler({ params }) {
      const found = await repo.applicationByRef(db, params.ref);
      if (!found) throw MemberErrors.APPLICATION_NOT_FOUND('没有找到这个申请编号');
      const a = presentApplication(found.application, found.orgName, chinaToday(deps.now()));
      return { ref: a.ref, status: a.status, statusLabel: a.statusLabel, orgName: a.orgName, submittedAt: a.submittedAt, dueOn: a.dueOn, opinion: a.opinion, username: a.username };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/me/member',
    permission: MemberPermissions.self.name,
    summary: '我的会员档案与会籍历史',
    tags,
    response: MemberDetailSchema,
    async handler({ principal }) {
      const member = await repo.findMemberByAccount(db, principal.accountId);
      if (!member) throw MemberErrors.NOT_A_MEMBER();
      return presentDetail(member, null, null);
    },
  });

}
