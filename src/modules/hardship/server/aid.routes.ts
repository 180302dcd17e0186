import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { DateSchema } from '@platform/http/schemas';
import { chinaToday } from '@platform/periods';
import {
  AID_KIND_LABELS,
  AidInputSchema,
  AidListQuerySchema,
  AidPageSchema,
  AidSchema,
  AidSummarySchema,
  CampaignInputSchema,
  CampaignSchema,
  EducationRatesSchema,
  FUND_SOURCE_LABELS,
  RecipientsInputSchema,
  type SCHOOL_LEVEL_LABELS,
  SEASON_LABELS,
} from '../shared/aid.schema';
import { HardshipPermissions } from '../shared/hardship.permissions';
import { label, presentAid } from './aid.presenter';
import * as aidRepo from './aid.repository';
import type { CampaignRow } from './aid.table';
import * as aid from './aid.service';
import { AidErrors } from './hardship.errors';

const P = HardshipPermissions;
const tags = ['帮扶与送温暖'];

export function registerAidRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const one = async (principal: Principal, id: number) => {
    const found = await aidRepo.findAidInScope(db, scopeFor(principal, P.read.name), id);
    if (!found) throw AidErrors.NOT_FOUND();
    return presentAid(found, principal);
  };
  const campaigns = async (principal: Principal, rows: CampaignWithOrg[]) => {
    const scope = scopeFor(principal, P.read.name);
    const ids = rows.map((r) => r.c.id);
    const [money, people] = await Promise.all([aidRepo.campaignStats(db, scope, ids), aidRepo.campaignPeople(db, scope, ids)]);
    return rows.map((r) => presentCampaign(r, money, people));
  };

  defineRoute(app, {
    method: 'GET',
    url: '/api/aid',
    permission: P.read.name,
    summary: '帮扶记录列表（按姓名、年度、类别、资金来源、状态、活动筛选）',
    tags,
    querystring: AidListQuerySchema,
    response: AidPageSchema,
    async handler({ query, scope, principal }) {
      const { rows, total, totalFen } = await aidRepo.listAid(db, scope(), query);
      return { items: rows.map((r) => presentAid(r, principal)), total, page: query.page, pageSize: query.pageSize, totalFen };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/aid/export',
    permission: P.read.name,
    summary: '导出帮扶记录（Excel）',
    tags,
    querystring: AidListQuerySchema.omit({ page: true, pageSize: true }),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const { rows } = await aidRepo.listAid(db, scope(), { ...query, page: 1, pageSize: 1 }, 50_000);
      const buffer = await writeXlsx('帮扶记录', [
        { header: '发放日期', width: 12, value: (r) => r.givenOn },
        { header: '姓名', width: 10, value: (r) => r.memberName },
        { header: '居民身份证号码', width: 22, value: (r) => r.idNumberMasked },
        { header: '所在工会', width: 30, value: (r) => r.orgName },
        { header: '档案编号', width: 14, value: (r) => r.caseNo },
        { header: '活动', width: 20, value: (r) => r.campaignName },
        { header: '类别', width: 14, value: (r) => r.kindLabel },
        { header: '形式', width: 8, value: (r) => r.formLabel },
        { header: '金额（元）', width: 12, value: (r) => r.amountFen / 100 },
        { header: '实物或服务', width: 20, value: (r) => r.items },
        { header: '资金来源', width: 10, value: (r) => r.fundSourceLabel },
        { header: '状态', width: 12, value: (r) => r.statusLabel },
        { header: '签收日期', width: 12, value: (r) => r.signedOn },
      ], rows.map((r) => presentAid(r)));
      return sendXlsx(reply, `帮扶记录-${chinaToday(deps.now())}.xlsx`, buffer);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/aid',
    permission: P.write.name,
    summary: '登记一笔帮扶（校验每户每年上限和同一活动不重复发放；金秋助学金额按标准表）',
    tags,
    body: AidInputSchema,
    response: AidSchema,
    async handler({ body, principal, ip }) {
      return one(principal, await aid.recordAid(deps, { principal, ip }, body));
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/aid/:id/approve',
    permission: P.file.name,
    summary: '审批帮扶记录（区总工会）',
    tags,
    params: IdParamsSchema,
    response: AidSchema,
    async handler({ params, principal, ip }) {
      await aid.changeAid(deps, { principal, ip }, params.id, { action: 'approve' });
      return one(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/aid/:id/sign',
    permission: P.write.name,
    summary: '登记受助人签收',
    tags,
    params: IdParamsSchema,
    body: z.object({ signedOn: DateSchema.meta({ title: '签收日期' }) }),
    response: AidSchema,
    async handler({ params, body, principal, ip }) {
      await aid.changeAid(deps, { principal, ip }, params.id, { action: 'sign', signedOn: body.signedOn });
      return one(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/aid/:id/cancel',
    permission: P.write.name,
    summary: '撤销未签收的帮扶记录（须填写原因）',
    tags,
    params: IdParamsSchema,
    body: z.object({ reason: z.string().trim().min(2, '请填写撤销原因').max(200).meta({ title: '撤销原因' }) }),
    response: AidSchema,
    async handler({ params, body, principal, ip }) {
      await aid.changeAid(deps, { principal, ip }, params.id, { action: 'cancel', reason: body.reason });
      return one(principal, params.id);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/aid/summary',
    permission: P.read.name,
    summary: '年度帮扶汇总：按类别、按资金来源，财政资金与工会经费之比',
    tags,
    querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).meta({ title: '年度' }) }),
    response: AidSummarySchema,
    async handler({ query, scope }) {
      const [byKind, bySource, people] = await Promise.all([aidRepo.aidTotals(db, scope(), query.year, 'kind'), aidRepo.aidTotals(db, scope(), query.year, 'fund_source'), aidRepo.aidPeople(db, scope(), query.year)]);
      const fenOf = (k: string) => bySource.find((r) => r.key === k)?.fen ?? 0;
      return {
        year: query.year,
        totalFen: byKind.reduce((s, r) => s + r.fen, 0),
        people,
        byKind: byKind.map((r) => ({ key: r.key, label: label(AID_KIND_LABELS, r.key)!, amountFen: r.fen, count: r.n })),
        bySource: bySource.map((r) => ({ key: r.key, label: label(FUND_SOURCE_LABELS, r.key)!, amountFen: r.fen, count: r.n })),
        governmentToUnion: fenOf('union') ? Math.round((fenOf('government') / fenOf('union')) * 100) / 100 : null,
      };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/aid/education-rates',
    permission: P.read.name,
    summary: '金秋助学标准（按学段、是否在档）',
    tags,
    response: EducationRatesSchema,
    async handler() {
      const rates = await aidRepo.educationRates(db);
      return { rates: rates.map((r) => ({ level: r.level as keyof typeof SCHOOL_LEVEL_LABELS, onFile: r.onFile, amountFen: r.amountFen })) };
    },
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/aid/education-rates',
    permission: P.config.name,
    summary: '修改金秋助学标准',
    tags,
    body: EducationRatesSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ body, principal, ip }) {
      await aid.saveEducationRates(deps, { principal, ip }, body.rates);
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/campaigns',
    permission: P.read.name,
    summary: '送温暖等活动（本级及下级举办的，和上级举办、本级参与的）',
    tags,
    response: z.object({ items: z.array(CampaignSchema) }),
    async handler({ principal, scope }) {
      return { items: await campaigns(principal, await aidRepo.listCampaigns(db, scope(), principal.orgPath)) };
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/campaigns',
    permission: P.write.name,
    summary: '新建活动（冬送温暖、夏送清凉、秋送助学等）',
    tags,
    body: CampaignInputSchema,
    response: CampaignSchema,
    async handler({ body, principal, ip }) {
      const id = await aid.createCampaign(deps, { principal, ip }, body);
      const row = await aidRepo.findCampaignInScope(db, scopeFor(principal, P.read.name), id);
      return (await campaigns(principal, [row!]))[0]!;
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/campaigns/:id/recipients',
    permission: P.write.name,
    summary: '从台账生成发放名单（在档困难职工、新就业形态劳动者）；已领取或超过上限的跳过并说明',
    tags,
    params: IdParamsSchema,
    body: RecipientsInputSchema,
    response: z.object({ added: z.number(), skipped: z.array(z.object({ name: z.string(), reason: z.string() })) }),
    async handler({ params, body, principal, ip }) {
      return aid.buildRecipients(deps, { principal, ip }, params.id, body);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/campaigns/:id/close',
    permission: P.write.name,
    summary: '结束活动（之后不能再登记发放）',
    tags,
    params: IdParamsSchema,
    response: z.object({ ok: z.literal(true) }),
    async handler({ params, principal, ip }) {
      await aid.closeCampaign(deps, { principal, ip }, params.id);
      return { ok: true as const };
    },
  });
}

type CampaignWithOrg = { c: CampaignRow; orgName: string };

function presentCampaign(r: CampaignWithOrg, money: Awaited<ReturnType<typeof aidRepo.campaignStats>>, people: Awaited<ReturnType<typeof aidRepo.campaignPeople>>) {
  const mine = money.filter((s) => s.campaignId === r.c.id);
  const reach = people.find((p) => p.campaignId === r.c.id);
  return {
    id: r.c.id,
    name: r.c.name,
    season: r.c.season,
    seasonLabel: label(SEASON_LABELS, r.c.season)!,
    orgName: r.orgName,
    startsOn: r.c.startsOn,
    endsOn: r.c.endsOn,
    status: r.c.status,
    budgets: r.c.budgets,
    people: reach?.people ?? 0,
    signed: reach?.signed ?? 0,
    totalFen: mine.reduce((s, x) => s + x.fen, 0),
    bySource: mine.map((s) => ({ fundSource: s.fundSource, label: label(FUND_SOURCE_LABELS, s.fundSource)!, amountFen: s.fen })),
  };
}
