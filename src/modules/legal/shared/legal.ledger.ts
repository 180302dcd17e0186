import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { codedField } from '@platform/imports/codes';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { AvailableStepSchema } from '@platform/workflow/schema';

// --- 普法活动 (legal education events) ------------------------------------------------------------------------

/** What kind of legal education event (the seeds' 送法进企业/社区/工地, 讲座, 竞赛; a consultation day on the street). */
export const EVENT_KIND = defineCodes({
  enterprise: '送法进企业',
  community: '送法进社区',
  site: '送法进工地',
  lecture: '法治讲座',
  contest: '法律知识竞赛',
  consultation: '法律咨询日',
  other: '其他普法活动',
});
export const EVENT_KIND_FIELD = codedField('活动形式', EVENT_KIND.values.map((value) => ({ value, label: EVENT_KIND.labels[value], synonyms: { enterprise: ['进企业', '送法进企'], community: ['进社区'], site: ['进工地', '送法进项目'], lecture: ['讲座', '法律讲座', '普法讲座'], contest: ['竞赛', '知识竞赛'], consultation: ['咨询', '法律咨询', '现场咨询'], other: ['其他'] }[value] })));

const count = (title: string, max = 10_000_000) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(0, `${title}不能为负数`).max(max, `${title}不能大于 ${max}`);
export const LegalEventInputSchema = z.object({
  orgId: z.number({ message: '请选择主办工会' }).int().positive().meta({ title: '主办工会' }),
  kind: z.enum(EVENT_KIND.values, { message: '请选择活动形式' }).meta({ title: '活动形式' }),
  title: z.string().trim().min(4, '活动名称至少 4 个字').max(80, '活动名称不超过 80 个字').meta({ title: '活动名称' }),
  heldOn: DateSchema.meta({ title: '活动日期' }),
  place: z.string().trim().max(100, '地点不超过 100 个字').nullable().optional().meta({ title: '地点' }),
  audience: count('服务职工人数', 1_000_000).meta({ title: '服务职工人数' }),
  materials: count('发放资料份数').nullable().optional().meta({ title: '发放资料（份）' }),
  speakers: z.string().trim().max(100, '主讲或参与的律师、志愿者不超过 100 个字').nullable().optional().meta({ title: '主讲人或律师' }),
  summary: z.string().trim().max(1000, '活动简况不超过 1000 个字').nullable().optional().meta({ title: '活动简况' }),
});
export type LegalEventInput = z.infer<typeof LegalEventInputSchema>;

export const LegalEventQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '活动或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '活动年度' }),
  status: z.enum([...EVENT_KIND.values, 'all']).optional().meta({ title: '活动形式' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type LegalEventQuery = z.infer<typeof LegalEventQuerySchema>;

export const LegalEventSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  audience: z.number(),
  materials: z.number().nullable(),
  speakers: z.string().nullable(),
  summary: z.string().nullable(),
  canWrite: z.boolean(),
});
export type LegalEvent = z.infer<typeof LegalEventSchema>;

export const EVENT_COLUMNS = defineColumns<LegalEvent>([
  { key: 'title', header: '活动名称', width: 30, value: (r) => r.title, import: { required: true, example: '“尊法守法 携手筑梦”送法进企业' } },
  { key: 'kind', header: '活动形式', width: 12, value: (r) => r.kind, codes: EVENT_KIND, import: { required: true, example: '送法进企业', codes: EVENT_KIND_FIELD.synonymLines() } },
  { key: 'heldOn', header: '活动日期', width: 12, value: (r) => r.heldOn, import: { required: true, example: '2026-05-20' } },
  { key: 'orgName', header: '主办工会', width: 24, value: (r) => r.orgName },
  { key: 'orgCode', header: '主办工会代码', width: 16, import: { required: true, note: '主办活动的工会的组织代码', example: '320102001', asText: true } },
  { key: 'place', header: '地点', width: 20, in: { list: false }, value: (r) => r.place, import: { example: '经开区园区广场' } },
  { key: 'audience', header: '服务职工人数', width: 12, value: (r) => r.audience, import: { required: true, note: '整数：到场听讲、咨询的职工人数', example: '300' } },
  { key: 'materials', header: '发放资料（份）', width: 12, value: (r) => r.materials, import: { note: '整数，可不填', example: '1000' } },
  { key: 'speakers', header: '主讲人或律师', width: 20, in: { list: false }, value: (r) => r.speakers, import: { example: '区职工法律援助工作站律师' } },
  { key: 'summary', header: '活动简况', width: 40, in: { list: false }, value: (r) => r.summary, import: { example: '宣讲《劳动合同法》并现场解答咨询' } },
]);

export const EVENT_PAPER = defineCodes({ photo: '活动照片', record: '活动记录', sign_in: '签到表', other: '其他材料' });
export const EVENT_PAPERS = defineAttachments({ owner: 'legal_event', kinds: EVENT_PAPER, maxFiles: 30 });
/** 普法活动: a record opens at /legal?open=<id>. */
export const LEGAL_EVENTS = defineLedger({ name: 'legal_events', label: '普法活动', path: '/legal', columns: EVENT_COLUMNS });

// --- 法律服务案件 (legal service cases) --------------------------------------------------------------------------

export const CASE_KIND = defineCodes({ consultation: '法律咨询', mediation: '劳动争议调解', aid: '法律援助', arbitration: '仲裁代理', litigation: '诉讼代理' });
export const CASE_ISSUE = defineCodes({ wage_arrears: '拖欠工资', injury: '工伤', contract: '劳动合同', dismissal: '解除劳动关系', social_insurance: '社会保险', hours: '加班和休息休假', other: '其他' });
export const CASE_SOURCE = defineCodes({ visit: '来访', phone: '来电', online: '网上求助', referral: '转办' });
export const CASE_OUTCOME = defineCodes({ resolved: '已解决', partly: '部分解决', advised: '已解答', referred: '已转交有关部门', unresolved: '未能解决' });

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '手机号码应为 11 位数字');
const facts = z.string().trim().min(10, '案情至少 10 个字：写清发生了什么、涉及多少钱或多少人').max(2000, '案情不超过 2000 个字');
const employerName = z.string().trim().min(2, '用人单位名称至少 2 个字').max(80, '用人单位名称不超过 80 个字');

/** A case the union takes at the counter, by phone or by referral: 办理中 from the day it is received. */
export const LegalCaseInputSchema = z.object({
  orgId: z.number({ message: '请选择受理工会' }).int().positive().meta({ title: '受理工会' }),
  kind: z.enum(CASE_KIND.values, { message: '请选择服务类型' }).meta({ title: '服务类型' }),
  issue: z.enum(CASE_ISSUE.values, { message: '请选择争议事项' }).meta({ title: '争议事项' }),
  source: z.enum(['visit', 'phone', 'referral'], { message: '请选择来源' }).meta({ title: '来源' }),
  receivedOn: DateSchema.meta({ title: '受理日期' }),
  memberId: z.number().int().positive().nullable().optional().meta({ title: '会员' }),
  workerName: z.string().trim().min(2, '职工姓名至少 2 个字').max(30, '职工姓名不超过 30 个字').nullable().optional().meta({ title: '职工姓名' }),
  phone: phone.nullable().optional().meta({ title: '联系电话' }),
  employerName: employerName.meta({ title: '用人单位' }),
  workersAffected: z.number({ message: '涉及职工人数应为整数' }).int('涉及职工人数应为整数').min(1, '涉及职工人数至少 1 人').max(100_000, '涉及职工人数不大于 100000').meta({ title: '涉及职工人数' }),
  handledBy: z.string().trim().min(2, '承办人至少 2 个字').max(40, '承办人不超过 40 个字').meta({ title: '承办人（律师或工会干部）' }),
  facts: facts.meta({ title: '案情' }),
});
export type LegalCaseInput = z.infer<typeof LegalCaseInputSchema>;

/** What a worker writes on the phone when asking for legal help. */
export const LegalRequestInputSchema = z.object({
  issue: z.enum(CASE_ISSUE.values, { message: '请选择遇到的问题' }).meta({ title: '遇到的问题' }),
  employerName: employerName.meta({ title: '用人单位' }),
  workersAffected: z.number({ message: '涉及人数应为整数' }).int('涉及人数应为整数').min(1, '涉及人数至少 1 人').max(10_000, '涉及人数不大于 10000').meta({ title: '涉及人数（包括本人）' }),
  phone: phone.meta({ title: '联系电话' }),
  facts: facts.meta({ title: '情况说明' }),
});
export type LegalRequestInput = z.infer<typeof LegalRequestInputSchema>;

export const CaseStepInputSchema = z.object({
  action: z.enum(['accept', 'decline', 'progress', 'close']).meta({ title: '事项' }),
  on: DateSchema.meta({ title: '日期' }),
  opinion: z.string().trim().max(500, '意见不超过 500 个字').nullable().optional().meta({ title: '意见' }),
  note: z.string().trim().max(1000, '情况说明不超过 1000 个字').nullable().optional().meta({ title: '情况说明' }),
  kind: z.enum(CASE_KIND.values).nullable().optional().meta({ title: '服务类型' }),
  handledBy: z.string().trim().min(2, '承办人至少 2 个字').max(40, '承办人不超过 40 个字').nullable().optional().meta({ title: '承办人' }),
  outcome: z.enum(CASE_OUTCOME.values).nullable().optional().meta({ title: '办理结果' }),
  amountRecovered: z.number({ message: '追回金额应为数字' }).min(0, '追回金额不能为负数').max(100_000_000, '追回金额不大于 1 亿元').multipleOf(0.01, '追回金额精确到分').nullable().optional().meta({ title: '挽回经济损失（元）' }),
  workersAffected: z.number().int('涉及职工人数应为整数').min(1, '涉及职工人数至少 1 人').max(100_000).nullable().optional().meta({ title: '涉及职工人数' }),
});
export type CaseStepInput = z.infer<typeof CaseStepInputSchema>;

export const LegalCaseQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '案件编号、用人单位或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '受理年度' }),
  status: z.enum(['requested', 'handling', 'closed', 'declined', 'withdrawn', 'open', 'all']).optional().meta({ title: '状态' }),
  kind: z.enum([...CASE_KIND.values, 'all']).optional().meta({ title: '服务类型' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type LegalCaseQuery = z.infer<typeof LegalCaseQuerySchema>;

export const LegalCaseSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.string(),
  kind: z.string(),
  issue: z.string(),
  source: z.string(),
  receivedOn: z.string(),
  acceptedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  workerMasked: z.string(),
  member: z.boolean(),
  employerName: z.string(),
  workersAffected: z.number(),
  handledBy: z.string().nullable(),
  outcome: z.string().nullable(),
  amountRecovered: z.number().nullable(),
  canWrite: z.boolean(),
  canReveal: z.boolean(),
});
export type LegalCase = z.infer<typeof LegalCaseSchema>;
export const CaseEventSchema = z.object({ id: z.number(), step: z.string(), on: z.string(), hasNote: z.boolean() });
export const LegalCaseDetailSchema = LegalCaseSchema.extend({ events: z.array(CaseEventSchema), steps: z.array(AvailableStepSchema) });
export type LegalCaseDetail = z.infer<typeof LegalCaseDetailSchema>;
/** The personal part of a case, decrypted on request (audited). */
export const CaseRevealSchema = z.object({ workerName: z.string(), phone: z.string().nullable(), facts: z.string(), notes: z.array(z.object({ eventId: z.number(), note: z.string() })) });
export type CaseReveal = z.infer<typeof CaseRevealSchema>;

/** A worker's own request as their phone shows it: what they asked, where it stands, how it ended. */
export const MyLegalCaseSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  status: z.string(),
  issue: z.string(),
  employerName: z.string(),
  receivedOn: z.string(),
  orgName: z.string(),
  handledBy: z.string().nullable(),
  outcome: z.string().nullable(),
  amountRecovered: z.number().nullable(),
  facts: z.string(),
  events: z.array(z.object({ step: z.string(), on: z.string(), note: z.string().nullable() })),
  canWithdraw: z.boolean(),
});
export type MyLegalCase = z.infer<typeof MyLegalCaseSchema>;

export const CASE_COLUMNS = defineColumns<LegalCase>([
  { key: 'caseNo', header: '案件编号', width: 14, value: (r) => r.caseNo },
  { key: 'status', header: '状态', width: 10, value: (r) => r.status, codes: defineCodes({ requested: '待受理', handling: '办理中', closed: '已办结', declined: '不予受理', withdrawn: '已撤回' }) },
  { key: 'kind', header: '服务类型', width: 12, value: (r) => r.kind, codes: CASE_KIND },
  { key: 'issue', header: '争议事项', width: 12, value: (r) => r.issue, codes: CASE_ISSUE },
  { key: 'workerMasked', header: '职工', width: 10, value: (r) => r.workerMasked },
  { key: 'employerName', header: '用人单位', width: 26, value: (r) => r.employerName },
  { key: 'workersAffected', header: '涉及职工', width: 9, value: (r) => r.workersAffected },
  { key: 'receivedOn', header: '收到日期', width: 12, value: (r) => r.receivedOn },
  { key: 'source', header: '来源', width: 8, in: { list: false }, value: (r) => r.source, codes: CASE_SOURCE },
  { key: 'orgName', header: '受理工会', width: 22, value: (r) => r.orgName },
  { key: 'handledBy', header: '承办人', width: 12, in: { list: false }, value: (r) => r.handledBy },
  { key: 'closedOn', header: '办结日期', width: 12, value: (r) => r.closedOn },
  { key: 'outcome', header: '办理结果', width: 12, in: { list: false }, value: (r) => r.outcome, codes: CASE_OUTCOME },
  { key: 'amountRecovered', header: '挽回经济损失（元）', width: 14, value: (r) => r.amountRecovered, numFmt: '#,##0.00' },
]);

export const CASE_PAPER = defineCodes({ evidence: '证据材料', document: '文书（调解书、裁决书、判决书）', other: '其他材料' });
/** A case's papers are personal: sealed (SM4) and read only with the sensitive-data permission. */
export const CASE_PAPERS = defineAttachments({ owner: 'legal_case', kinds: CASE_PAPER, sealed: true, maxFiles: 30 });
/** 法律服务案件: a record opens at /legal/cases?open=<id>. */
export const LEGAL_CASES = defineLedger({ name: 'legal_cases', label: '法律服务案件', path: '/legal/cases', columns: CASE_COLUMNS });
