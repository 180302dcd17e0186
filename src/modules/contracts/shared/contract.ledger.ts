import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { CLOCK_CODES } from './contract-clocks';
import { CONTRACT_MACHINE } from './contract-machine';

/** 集体合同 (issue #17): the four kinds, and whether it binds one enterprise or a region's or an industry's. */
export const CONTRACT_KIND = defineCodes({ general: '综合集体合同', wage: '工资专项集体合同', women: '女职工权益保护专项集体合同', safety: '安全卫生专项集体合同' });
export const CONTRACT_SCOPE = defineCodes({ single: '单个企业', regional: '区域性', industry: '行业性' });
export const OFFER_BY = defineCodes({ union: '工会方', employer: '企业方' });
export const CONTRACT_STATUS = defineCodes(Object.fromEntries(CONTRACT_MACHINE.stateCodes.map((s) => [s, CONTRACT_MACHINE.states[s].label])) as Record<string, string>);
/** The list's status filter by stage (each a group of states), besides 待办 and each single state. */
export const CONTRACT_STAGES = {
  talks: { label: '协商中', states: ['offered', 'negotiating', 'draft', 'adopted'] },
  filing: { label: '报送审查中', states: ['signed', 'filed', 'correcting', 'reviewing', 'objected'] },
  in_force: { label: '生效履行中', states: ['effective', 'published'] },
  ended: { label: '已期满、续签或终止', states: ['expired', 'renewed', 'terminated'] },
} as const;
const STAGE_CODES = Object.keys(CONTRACT_STAGES) as (keyof typeof CONTRACT_STAGES)[];
/** The states in which the contract binds (taken effect and not ended). */
export const IN_FORCE = ['effective', 'published'] as const;

const text = (title: string, max: number) => z.string().trim().max(max, `${title}不超过 ${max} 个字`).nullable().optional().meta({ title });
const count = (title: string, min = 0) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(min, `${title}不能少于 ${min}`).max(1_000_000, `${title}过大`).meta({ title });

export const CoveredEmployerSchema = z.object({
  uscc: z.string().trim().min(1, '请填写统一社会信用代码').max(18).meta({ title: '统一社会信用代码' }),
  name: z.string().trim().min(2, '请填写企业名称').max(80).meta({ title: '企业名称' }),
  workers: count('覆盖职工人数', 1),
});
export type CoveredEmployer = z.infer<typeof CoveredEmployerSchema>;

export const ContractInputSchema = z.object({
  orgId: z.number({ message: '请选择签订合同的工会' }).int().positive().meta({ title: '工会' }),
  kind: z.enum(CONTRACT_KIND.values, { message: '请选择合同类型' }).meta({ title: '合同类型' }),
  scope: z.enum(CONTRACT_SCOPE.values, { message: '请选择覆盖范围' }).meta({ title: '覆盖范围' }),
  title: z.string().trim().min(4, '合同名称至少 4 个字').max(80, '合同名称不超过 80 个字').meta({ title: '合同名称' }),
  session: text('届次', 20),
  offerOn: DateSchema.meta({ title: '要约日期' }),
  offerBy: z.enum(OFFER_BY.values, { message: '请选择要约方' }).meta({ title: '要约方' }),
  employers: z.array(CoveredEmployerSchema).min(1, '请至少填写一家覆盖企业').max(500, '覆盖企业不超过 500 家').meta({ title: '覆盖企业' }),
  avgWageLastYear: z.number({ message: '上年度职工平均工资应为数字' }).int('上年度职工平均工资应为整数元').min(0).max(10_000_000).nullable().optional().meta({ title: '上年度职工平均工资（元）' }),
  wageIncreasePct: z.number({ message: '工资增长幅度应为数字' }).min(-50, '工资增长幅度不低于 -50%').max(100, '工资增长幅度不超过 100%').nullable().optional().meta({ title: '工资增长幅度（%）' }),
  minWageMultiple: z.number({ message: '最低工资倍数应为数字' }).min(1, '最低工资标准倍数不能低于 1').max(10).nullable().optional().meta({ title: '最低工资标准倍数' }),
});
export type ContractInput = z.infer<typeof ContractInputSchema>;

/** One step with what it records; the service checks which fields each step needs. */
export const ContractStepSchema = z.object({
  action: z.enum(CONTRACT_MACHINE.stepCodes, { message: '请选择要办理的事项' }).meta({ title: '事项' }),
  on: DateSchema.meta({ title: '日期' }),
  opinion: text('意见', 500),
  note: text('情况说明', 1000),
  delegatesTotal: count('职工代表总数', 1).nullable().optional(),
  delegatesPresent: count('出席代表人数').nullable().optional(),
  votesFor: count('赞成票').nullable().optional(),
  votesAgainst: count('反对票').nullable().optional(),
  startsOn: DateSchema.nullable().optional().meta({ title: '合同期限起' }),
  endsOn: DateSchema.nullable().optional().meta({ title: '合同期限止' }),
  lateReason: text('逾期报送理由', 300),
  receiptNo: text('受理单号', 40),
});
export type ContractStepInput = z.infer<typeof ContractStepSchema>;

export const ContractQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '合同、企业或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '签订年度' }),
  status: z.enum([...CONTRACT_MACHINE.stateCodes, ...STAGE_CODES, 'all', 'due']).optional().meta({ title: '状态' }),
  kind: z.enum([...CONTRACT_KIND.values, 'all']).optional().meta({ title: '合同类型' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type ContractQuery = z.infer<typeof ContractQuerySchema>;

const ClockSchema = z.object({ code: z.enum(CLOCK_CODES), label: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), state: z.enum(['done', 'late', 'open', 'soon', 'overdue']), opensOn: z.string().optional() });
const StepSchema = z.object({ code: z.enum(CONTRACT_MACHINE.stepCodes), label: z.string(), needsOpinion: z.boolean(), blockedReason: z.string().nullable() });
const d = z.string().nullable();
export const ContractSchema = z.object({
  id: z.number(), orgId: z.number(), orgName: z.string(), kind: z.string(), scope: z.string(), title: z.string(), session: z.string().nullable(), status: z.string(),
  offerOn: z.string(), offerBy: z.string(), replyOn: d, firstRoundOn: d, rounds: z.number(), draftOn: d,
  voteOn: d, delegatesTotal: z.number().nullable(), delegatesPresent: z.number().nullable(), votesFor: z.number().nullable(), votesAgainst: z.number().nullable(),
  signedOn: d, startsOn: d, endsOn: d, filingDueOn: d, filedOn: d, filedOnTime: z.boolean().nullable(), reviewDueOn: d, lateReason: d, correctionOn: d, refiledOn: d, receivedOn: d, receiptNo: d,
  objectionOn: d, effectiveOn: d, publishedOn: d, lastReportOn: d, renewedOn: d, terminatedOn: d,
  avgWageLastYear: z.number().nullable(), wageIncreasePct: z.number().nullable(), minWageMultiple: z.number().nullable(),
  enterprises: z.number(), workersCovered: z.number(),
  /** The clock most in need of attention (overdue first, then the nearest deadline still open). */
  nextClock: ClockSchema.nullable(),
  canWrite: z.boolean(),
});
export type Contract = z.infer<typeof ContractSchema>;
export const ContractEventSchema = z.object({ id: z.number(), step: z.string(), on: z.string(), note: z.string().nullable() });
export const ContractDetailSchema = ContractSchema.extend({
  employers: z.array(CoveredEmployerSchema),
  clocks: z.array(ClockSchema),
  events: z.array(ContractEventSchema),
  steps: z.array(StepSchema),
});
export type ContractDetail = z.infer<typeof ContractDetailSchema>;

const yes = (b: boolean | null) => (b === null ? null : b ? '是' : '否');
export const CONTRACT_COLUMNS = defineColumns<Contract>([
  { key: 'title', header: '合同名称', width: 30, value: (r) => r.title },
  { key: 'kind', header: '类型', width: 18, value: (r) => r.kind, codes: CONTRACT_KIND },
  { key: 'scope', header: '范围', width: 8, value: (r) => r.scope, codes: CONTRACT_SCOPE },
  { key: 'orgName', header: '工会', width: 24, value: (r) => r.orgName },
  { key: 'status', header: '状态', width: 12, value: (r) => r.status, codes: CONTRACT_STATUS },
  { key: 'nextClock', header: '时限', width: 28, value: (r) => (r.nextClock ? `${r.nextClock.label.replace(/（.*$/, '')} ${r.nextClock.dueOn}${r.nextClock.state === 'overdue' ? ' 已逾期' : ''}` : null) },
  { key: 'session', header: '届次', width: 8, in: { list: false }, value: (r) => r.session },
  { key: 'offerOn', header: '要约日期', width: 12, in: { list: false }, value: (r) => r.offerOn },
  { key: 'signedOn', header: '签订日期', width: 12, value: (r) => r.signedOn },
  { key: 'term', header: '合同期限', width: 24, in: { list: false }, value: (r) => (r.startsOn ? `${r.startsOn} 至 ${r.endsOn}` : null) },
  { key: 'vote', header: '职代会表决', width: 24, in: { list: false }, value: (r) => (r.voteOn ? `${r.voteOn}：代表 ${r.delegatesTotal} 人，出席 ${r.delegatesPresent} 人，赞成 ${r.votesFor} 票` : null) },
  { key: 'filedOn', header: '报送日期', width: 12, value: (r) => r.filedOn },
  { key: 'filedOnTime', header: '按期报送', width: 8, in: { list: false }, value: (r) => yes(r.filedOnTime) },
  { key: 'lateReason', header: '逾期报送理由', width: 24, in: { list: false }, value: (r) => r.lateReason },
  { key: 'receivedOn', header: '受理日期', width: 12, in: { list: false }, value: (r) => r.receivedOn },
  { key: 'receiptNo', header: '受理单号', width: 14, in: { list: false }, value: (r) => r.receiptNo },
  { key: 'effectiveOn', header: '生效日期', width: 12, in: { list: false }, value: (r) => r.effectiveOn },
  { key: 'publishedOn', header: '公布日期', width: 12, in: { list: false }, value: (r) => r.publishedOn },
  { key: 'enterprises', header: '覆盖企业', width: 8, value: (r) => r.enterprises },
  { key: 'workersCovered', header: '覆盖职工', width: 8, value: (r) => r.workersCovered },
  { key: 'avgWageLastYear', header: '上年平均工资（元）', width: 12, in: { list: false }, value: (r) => r.avgWageLastYear },
  { key: 'wageIncreasePct', header: '工资增幅（%）', width: 10, in: { list: false }, value: (r) => r.wageIncreasePct },
  { key: 'minWageMultiple', header: '最低工资倍数', width: 10, in: { list: false }, value: (r) => r.minWageMultiple },
]);

/** 报送材料: the filing package (《集体合同规定》 and local 办法); 报送 is refused while one of the required kinds is missing. */
export const CONTRACT_PAPER = defineCodes({ text: '合同文本', negotiation_note: '协商情况说明', resolution: '职代会决议（含出席和表决情况）', representatives: '协商代表名单及首席代表身份证明', minutes: '协商会议记录', other: '其他材料' });
export const CONTRACT_PAPERS = defineAttachments({ owner: 'collective-contract', kinds: CONTRACT_PAPER, maxFiles: 30, required: { file: ['text', 'negotiation_note', 'resolution', 'representatives'] } });

/** 集体合同: a record opens at /contracts?open=<id>. */
export const CONTRACTS = defineLedger({ name: 'contracts', label: '集体合同', path: '/contracts', columns: CONTRACT_COLUMNS });

// --- 时限设置 (the district's clock rules and working-day calendar) -------------------------------------------------

const days = (title: string) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(1, `${title}至少 1 日`).max(90, `${title}不超过 90 日`).meta({ title });
const dayList = (title: string) => z.array(DateSchema).max(400, `${title}不超过 400 天`).meta({ title });
export const ClockRulesSchema = z.object({
  replyDays: days('答复要约的期限'), replyWorking: z.boolean(),
  talksDays: days('开始协商的期限'), talksWorking: z.boolean(),
  filingDays: days('报送审查的期限'), filingWorking: z.boolean(),
  correctionDays: days('补正材料的期限'), correctionWorking: z.boolean(),
  reviewDays: days('审查期限'), reviewWorking: z.boolean(),
  publishDays: days('向职工公布的期限'), publishWorking: z.boolean(),
});
export const WorkCalendarSchema = z.object({ holidays: dayList('法定节假日'), workdays: dayList('调休上班日') });
export const ClockSettingsInputSchema = z.object({ effectiveFrom: DateSchema.meta({ title: '起用日期' }), rules: ClockRulesSchema, calendar: WorkCalendarSchema });
export const ClockSettingsSchema = z.object({
  rules: ClockRulesSchema.extend({ renewalMonths: z.number() }),
  calendar: WorkCalendarSchema,
  effectiveFrom: z.string().nullable(),
  versions: z.array(z.object({ effectiveFrom: z.string(), createdAt: z.string() })),
});
export type ClockSettings = z.infer<typeof ClockSettingsSchema>;
