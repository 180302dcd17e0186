import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { codedField } from '@platform/imports/codes';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { AvailableStepSchema } from '@platform/workflow/schema';

const count = (title: string, min = 0, max = 1_000_000) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(min, min === 0 ? `${title}不能为负数` : `${title}至少为 ${min}`).max(max, `${title}不能大于 ${max}`);
const text = (title: string, min: number, max: number) => z.string().trim().min(min, `${title}至少 ${min} 个字`).max(max, `${title}不超过 ${max} 个字`);
const optional = (title: string, max: number) => z.string().trim().max(max, `${title}不超过 ${max} 个字`).nullable().optional();
const year = z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '年度' });
const underId = z.coerce.number().int().positive().optional().meta({ title: '所属组织' });

// --- 职代会制度 (a unit's congress) -------------------------------------------------------------------------------

export const CONGRESS_FORM = defineCodes({ congress: '职工代表大会', assembly: '职工大会', regional: '区域职代会', industry: '行业职代会' });
export const CongressInputSchema = z.object({
  orgId: z.number({ message: '请选择单位工会' }).int().positive().meta({ title: '单位工会' }),
  form: z.enum(CONGRESS_FORM.values, { message: '请选择组织形式' }).meta({ title: '组织形式' }),
  establishedOn: DateSchema.meta({ title: '建立日期' }),
  termNo: count('届次', 1, 99).meta({ title: '届次' }),
  termStartsOn: DateSchema.meta({ title: '本届起始日期' }),
  termYears: count('每届任期', 1, 5).meta({ title: '每届任期（年）' }),
  staff: count('职工人数', 1).meta({ title: '职工人数' }),
  womenStaff: count('女职工人数').nullable().optional().meta({ title: '女职工人数' }),
  stateOwned: z.boolean().meta({ title: '国有独资或国有控股公司' }),
  note: optional('说明', 500).meta({ title: '说明' }),
});
export type CongressInput = z.infer<typeof CongressInputSchema>;

export const CongressQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '单位工会名称' }),
  status: z.enum(['all', 'failing', 'no_director', ...CONGRESS_FORM.values]).optional().meta({ title: '组织形式或检查结果' }),
  underId,
});
export type CongressQuery = z.infer<typeof CongressQuerySchema>;

export const RosterCheckSchema = z.object({ code: z.string(), label: z.string(), ok: z.boolean(), detail: z.string() });
export const CongressSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  form: z.string(),
  establishedOn: z.string(),
  termNo: z.number(),
  termStartsOn: z.string(),
  termYears: z.number(),
  termEndsOn: z.string(),
  staff: z.number(),
  womenStaff: z.number().nullable(),
  stateOwned: z.boolean(),
  note: z.string().nullable(),
  delegates: z.number(),
  women: z.number(),
  frontline: z.number(),
  managers: z.number(),
  checks: z.array(RosterCheckSchema),
  lawful: z.boolean(),
  directors: z.number(),
  supervisors: z.number(),
  /** A state-owned company without a worker director in office: the law requires one. */
  directorMissing: z.boolean(),
  lastSessionOn: z.string().nullable(),
  canWrite: z.boolean(),
});
export type Congress = z.infer<typeof CongressSchema>;

const checkText = (r: Congress) => (r.lawful ? '符合规定' : r.checks.filter((c) => !c.ok).map((c) => c.label).join('、') + '不符合');
export const CONGRESS_COLUMNS = defineColumns<Congress>([
  { key: 'orgName', header: '单位工会', width: 26, value: (r) => r.orgName },
  { key: 'form', header: '组织形式', width: 12, value: (r) => r.form, codes: CONGRESS_FORM },
  { key: 'term', header: '届次', width: 8, value: (r) => `第${r.termNo}届` },
  { key: 'termEndsOn', header: '本届届满', width: 12, value: (r) => r.termEndsOn },
  { key: 'staff', header: '职工人数', width: 9, value: (r) => r.staff },
  { key: 'delegates', header: '职工代表', width: 9, value: (r) => r.delegates },
  { key: 'women', header: '其中女代表', width: 10, value: (r) => r.women },
  { key: 'checks', header: '代表构成', width: 24, value: (r) => checkText(r) },
  { key: 'lastSessionOn', header: '最近一次会议', width: 12, value: (r) => r.lastSessionOn },
  { key: 'stateOwned', header: '国有企业', width: 8, in: { list: false }, value: (r) => r.stateOwned },
  { key: 'directorsText', header: '职工董事/监事', width: 14, value: (r) => (r.directorMissing ? '缺职工董事' : r.directors + r.supervisors ? `董事 ${r.directors} 人，监事 ${r.supervisors} 人` : '—') },
  { key: 'establishedOn', header: '建立日期', width: 12, in: { list: false }, value: (r) => r.establishedOn },
  { key: 'note', header: '说明', width: 30, in: { list: false }, value: (r) => r.note },
]);
export const CONGRESS_PAPER = defineCodes({ charter: '职代会实施办法', roster: '代表名册', other: '其他材料' });
export const CONGRESS_PAPERS = defineAttachments({ owner: 'congress', kinds: CONGRESS_PAPER, maxFiles: 30 });
/** 职代会: a unit's congress opens at /congresses?open=<id>. */
export const CONGRESSES = defineLedger({ name: 'congresses', label: '职代会', path: '/congresses', columns: CONGRESS_COLUMNS });

export const CongressRulesSchema = z.object({
  assemblyBelow: count('召开职工大会的职工人数上限', 1, 100_000).meta({ title: '职工人数少于多少人召开职工大会' }),
  bands: z
    .array(z.object({ from: count('职工人数', 1, 10_000_000), min: count('代表人数', 1, 10_000) }))
    .min(1, '至少设定一档代表人数')
    .max(10, '代表人数最多设定 10 档')
    .meta({ title: '代表人数标准' }),
  frontlineMin: count('一线职工代表比例', 0, 100).meta({ title: '一线职工代表不低于（%）' }),
  managersMax: count('管理人员代表比例', 0, 100).meta({ title: '中层及以上管理人员代表不超过（%）' }),
  womenTolerance: count('女职工代表比例容差', 0, 100).meta({ title: '女职工代表比例可低于女职工比例的百分点' }),
});
export const CongressRulesInputSchema = CongressRulesSchema.extend({ effectiveFrom: DateSchema.meta({ title: '起用日期' }) });
export const CongressRulesVersionSchema = CongressRulesSchema.extend({ effectiveFrom: z.string().nullable(), versions: z.array(z.object({ effectiveFrom: z.string(), createdAt: z.string() })) });

// --- 职工代表 (delegates) --------------------------------------------------------------------------------------

export const DELEGATE_CATEGORY = defineCodes({ frontline: '一线职工', technical: '专业技术人员', manager: '中层及以上管理人员' });
export const SEX = defineCodes({ male: '男', female: '女' });
export const SEX_FIELD = codedField('性别', [
  { value: 'male', label: '男', synonyms: ['男性', 'M'] },
  { value: 'female', label: '女', synonyms: ['女性', 'F'] },
]);
export const CATEGORY_FIELD = codedField('代表类别', [
  { value: 'frontline', label: '一线职工', synonyms: ['一线', '生产一线', '一线工人', '工人'] },
  { value: 'technical', label: '专业技术人员', synonyms: ['技术人员', '专技人员', '技术'] },
  { value: 'manager', label: '中层及以上管理人员', synonyms: ['管理人员', '中层', '中层以上', '领导', '企业负责人'] },
]);
export const DelegateInputSchema = z.object({
  memberId: z.number().int().positive().nullable().optional().meta({ title: '会员' }),
  name: text('姓名', 2, 30).nullable().optional().meta({ title: '姓名' }),
  sex: z.enum(SEX.values, { message: '请选择性别' }).meta({ title: '性别' }),
  category: z.enum(DELEGATE_CATEGORY.values, { message: '请选择代表类别' }).meta({ title: '代表类别' }),
  dept: optional('所在部门', 40).meta({ title: '所在部门或车间' }),
  electedOn: DateSchema.meta({ title: '当选日期' }),
});
export type DelegateInput = z.infer<typeof DelegateInputSchema>;
export const DelegateSchema = z.object({ id: z.number(), name: z.string(), sex: z.string(), category: z.string(), dept: z.string().nullable(), electedOn: z.string(), leftOn: z.string().nullable(), member: z.boolean() });
export type Delegate = z.infer<typeof DelegateSchema>;
export const DELEGATE_COLUMNS = defineColumns<Delegate & { orgName?: string }>([
  { key: 'orgCode', header: '单位工会代码', width: 16, import: { required: true, note: '已建立职代会制度的单位工会的组织代码', example: '320102001001', asText: true } },
  { key: 'name', header: '姓名', width: 10, value: (r) => r.name, import: { required: true, example: '王建国' } },
  { key: 'sex', header: '性别', width: 6, value: (r) => r.sex, codes: SEX, import: { required: true, example: '男', codes: SEX_FIELD.synonymLines() } },
  { key: 'category', header: '代表类别', width: 16, value: (r) => r.category, codes: DELEGATE_CATEGORY, import: { required: true, example: '一线职工', codes: CATEGORY_FIELD.synonymLines() } },
  { key: 'dept', header: '所在部门或车间', width: 16, value: (r) => r.dept, import: { example: '总装车间' } },
  { key: 'electedOn', header: '当选日期', width: 12, value: (r) => r.electedOn, import: { required: true, example: '2025-03-01' } },
  { key: 'leftOn', header: '退出日期', width: 12, value: (r) => r.leftOn },
]);

// --- 会议 (sessions) --------------------------------------------------------------------------------------------

export const SESSION_KIND = defineCodes({ plenary: '全体会议', interim: '临时会议' });
export const VoteSchema = z.object({
  matter: text('表决事项', 2, 100),
  votesFor: count('赞成票'),
  votesAgainst: count('反对票'),
  abstain: count('弃权票'),
});
export const SessionInputSchema = z.object({
  kind: z.enum(SESSION_KIND.values, { message: '请选择会议类型' }).meta({ title: '会议类型' }),
  sessionNo: count('会次', 1, 99).meta({ title: '本届第几次会议' }),
  heldOn: DateSchema.meta({ title: '会议日期' }),
  present: count('出席人数', 1).meta({ title: '出席人数' }),
  agenda: text('会议议程', 4, 1000).meta({ title: '会议议程' }),
  votes: z.array(VoteSchema).max(30, '表决事项不超过 30 项').meta({ title: '表决事项' }),
  resolutions: optional('会议决议', 2000).meta({ title: '会议决议' }),
});
export type SessionInput = z.infer<typeof SessionInputSchema>;
export const SessionSchema = z.object({
  id: z.number(),
  kind: z.string(),
  termNo: z.number(),
  sessionNo: z.number(),
  heldOn: z.string(),
  total: z.number(),
  present: z.number(),
  agenda: z.string(),
  votes: z.array(VoteSchema.extend({ passed: z.boolean() })),
  resolutions: z.string().nullable(),
});
export type Session = z.infer<typeof SessionSchema>;

// --- 职工董事、职工监事 ----------------------------------------------------------------------------------------

export const DIRECTOR_ROLE = defineCodes({ director: '职工董事', supervisor: '职工监事' });
export const REPORT_RATING = defineCodes({ good: '称职', fair: '基本称职', poor: '不称职' });
export const DirectorInputSchema = z.object({
  role: z.enum(DIRECTOR_ROLE.values, { message: '请选择职工董事或职工监事' }).meta({ title: '类别' }),
  name: text('姓名', 2, 30).meta({ title: '姓名' }),
  board: text('任职的董事会或监事会', 4, 60).meta({ title: '董事会或监事会' }),
  electedOn: DateSchema.meta({ title: '选举日期' }),
  votesFor: count('得票数').meta({ title: '得票数' }),
  termEndsOn: DateSchema.meta({ title: '任期届满' }),
});
export type DirectorInput = z.infer<typeof DirectorInputSchema>;
export const DirectorUpdateSchema = z.object({
  action: z.enum(['report', 'end']).meta({ title: '事项' }),
  on: DateSchema.meta({ title: '日期' }),
  year: z.number().int().min(2000).max(2100).nullable().optional().meta({ title: '述职年度' }),
  rating: z.enum(REPORT_RATING.values).nullable().optional().meta({ title: '职代会评议' }),
});
export const DirectorSchema = z.object({
  id: z.number(),
  role: z.string(),
  name: z.string(),
  board: z.string(),
  electedOn: z.string(),
  votesFor: z.number(),
  delegatesTotal: z.number(),
  termEndsOn: z.string(),
  endedOn: z.string().nullable(),
  reports: z.array(z.object({ year: z.number(), reportedOn: z.string(), rating: z.string() })),
});
export type Director = z.infer<typeof DirectorSchema>;

export const CongressDetailSchema = CongressSchema.extend({ delegateList: z.array(DelegateSchema), sessions: z.array(SessionSchema), directorList: z.array(DirectorSchema) });
export type CongressDetail = z.infer<typeof CongressDetailSchema>;

// --- 提案 (proposals) ---------------------------------------------------------------------------------------

export const SATISFACTION = defineCodes({ satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' });
export const ProposalInputSchema = z.object({
  congressId: z.number({ message: '请选择职代会' }).int().positive().meta({ title: '职代会' }),
  title: text('提案案由', 4, 80).meta({ title: '案由' }),
  content: text('提案内容', 10, 2000).meta({ title: '提案内容（情况和建议）' }),
  proposer: text('提案人', 2, 30).meta({ title: '提案人' }),
  coSigners: optional('附议人', 200).meta({ title: '附议人' }),
  submittedOn: DateSchema.meta({ title: '提交日期' }),
});
export type ProposalInput = z.infer<typeof ProposalInputSchema>;
/** What a delegate writes on the phone: their congress and their name are known. */
export const MyProposalInputSchema = ProposalInputSchema.pick({ title: true, content: true, coSigners: true });
export const ProposalStepInputSchema = z.object({
  action: z.enum(['accept', 'reject', 'reply', 'rate']).meta({ title: '事项' }),
  on: DateSchema.meta({ title: '日期' }),
  opinion: optional('意见', 500).meta({ title: '意见' }),
  department: text('承办部门', 2, 40).nullable().optional().meta({ title: '承办部门' }),
  reply: text('答复内容', 4, 2000).nullable().optional().meta({ title: '答复内容' }),
  satisfaction: z.enum(SATISFACTION.values).nullable().optional().meta({ title: '提案人评价' }),
});
export type ProposalStepInput = z.infer<typeof ProposalStepInputSchema>;
export const ProposalQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '案由、提案人或工会名称' }),
  year: year.meta({ title: '提交年度' }),
  status: z.enum(['all', 'open', 'submitted', 'accepted', 'rejected', 'replied', 'rated']).optional().meta({ title: '状态' }),
  underId,
});
export type ProposalQuery = z.infer<typeof ProposalQuerySchema>;
export const ProposalSchema = z.object({
  id: z.number(),
  congressId: z.number(),
  orgName: z.string(),
  status: z.string(),
  title: z.string(),
  content: z.string(),
  proposer: z.string(),
  coSigners: z.string().nullable(),
  submittedOn: z.string(),
  acceptedOn: z.string().nullable(),
  department: z.string().nullable(),
  reply: z.string().nullable(),
  repliedOn: z.string().nullable(),
  satisfaction: z.string().nullable(),
  opinion: z.string().nullable(),
  online: z.boolean(),
  canWrite: z.boolean(),
});
export type Proposal = z.infer<typeof ProposalSchema>;
export const ProposalDetailSchema = ProposalSchema.extend({ steps: z.array(AvailableStepSchema) });
export const PROPOSAL_STATUS = defineCodes({ submitted: '待立案', accepted: '已立案', rejected: '不予立案', replied: '已答复', rated: '已评价' });
export const PROPOSAL_COLUMNS = defineColumns<Proposal>([
  { key: 'title', header: '案由', width: 30, value: (r) => r.title },
  { key: 'status', header: '状态', width: 10, value: (r) => r.status, codes: PROPOSAL_STATUS },
  { key: 'proposer', header: '提案人', width: 10, value: (r) => r.proposer },
  { key: 'coSigners', header: '附议人', width: 20, in: { list: false }, value: (r) => r.coSigners },
  { key: 'orgName', header: '单位工会', width: 24, value: (r) => r.orgName },
  { key: 'submittedOn', header: '提交日期', width: 12, value: (r) => r.submittedOn },
  { key: 'department', header: '承办部门', width: 14, value: (r) => r.department },
  { key: 'repliedOn', header: '答复日期', width: 12, value: (r) => r.repliedOn },
  { key: 'satisfaction', header: '提案人评价', width: 10, value: (r) => r.satisfaction, codes: SATISFACTION },
  { key: 'content', header: '提案内容', width: 40, in: { list: false }, value: (r) => r.content },
  { key: 'reply', header: '答复内容', width: 40, in: { list: false }, value: (r) => r.reply },
  { key: 'opinion', header: '不予立案的理由', width: 30, in: { list: false }, value: (r) => r.opinion },
]);
/** 职工代表提案: a proposal opens at /congresses/proposals?open=<id>. */
export const PROPOSALS = defineLedger({ name: 'congress_proposals', label: '职工代表提案', path: '/congresses/proposals', columns: PROPOSAL_COLUMNS });

// --- 厂务公开 (workplace affairs disclosure) ----------------------------------------------------------------------

export const DISCLOSURE_CATEGORY = defineCodes({ decision: '重大决策', operation: '生产经营', rights: '职工切身利益', rules: '规章制度', integrity: '廉洁建设', other: '其他事项' });
export const DISCLOSURE_CHANNEL = defineCodes({ board: '公开栏', congress: '职代会', meeting: '职工会议', online: '内部网站或微信群', other: '其他渠道' });
export const CATEGORY_CODE_FIELD = codedField('公开类别', DISCLOSURE_CATEGORY.values.map((value) => ({ value, label: DISCLOSURE_CATEGORY.labels[value], synonyms: { decision: ['决策'], operation: ['经营', '经营情况'], rights: ['职工权益', '切身利益', '福利'], rules: ['制度'], integrity: ['廉洁', '党风廉政'], other: ['其他'] }[value] })));
export const CHANNEL_FIELD = codedField('公开渠道', DISCLOSURE_CHANNEL.values.map((value) => ({ value, label: DISCLOSURE_CHANNEL.labels[value], synonyms: { board: ['公示栏', '公告栏', '厂务公开栏'], congress: ['职工代表大会'], meeting: ['会议', '职工大会'], online: ['网站', '微信', '微信群', '内网', 'OA'], other: ['其他'] }[value] })));
export const DisclosureInputSchema = z.object({
  orgId: z.number({ message: '请选择单位工会' }).int().positive().meta({ title: '单位工会' }),
  matter: text('公开事项', 4, 100).meta({ title: '公开事项' }),
  category: z.enum(DISCLOSURE_CATEGORY.values, { message: '请选择公开类别' }).meta({ title: '公开类别' }),
  channel: z.enum(DISCLOSURE_CHANNEL.values, { message: '请选择公开渠道' }).meta({ title: '公开渠道' }),
  disclosedOn: DateSchema.meta({ title: '公开日期' }),
  periodLabel: optional('公开期限', 30).meta({ title: '公开期限' }),
  content: optional('公开内容', 2000).meta({ title: '公开内容' }),
  feedback: optional('职工反馈', 1000).meta({ title: '职工反馈和处理' }),
});
export type DisclosureInput = z.infer<typeof DisclosureInputSchema>;
export const DisclosureQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '公开事项或工会名称' }),
  year: year.meta({ title: '公开年度' }),
  status: z.enum(['all', ...DISCLOSURE_CATEGORY.values]).optional().meta({ title: '公开类别' }),
  underId,
});
export type DisclosureQuery = z.infer<typeof DisclosureQuerySchema>;
export const DisclosureSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  matter: z.string(),
  category: z.string(),
  channel: z.string(),
  disclosedOn: z.string(),
  periodLabel: z.string().nullable(),
  content: z.string().nullable(),
  feedback: z.string().nullable(),
  canWrite: z.boolean(),
});
export type Disclosure = z.infer<typeof DisclosureSchema>;
export const DISCLOSURE_COLUMNS = defineColumns<Disclosure>([
  { key: 'matter', header: '公开事项', width: 30, value: (r) => r.matter, import: { required: true, example: '2026 年度职工福利费使用情况' } },
  { key: 'category', header: '公开类别', width: 12, value: (r) => r.category, codes: DISCLOSURE_CATEGORY, import: { required: true, example: '职工切身利益', codes: CATEGORY_CODE_FIELD.synonymLines() } },
  { key: 'channel', header: '公开渠道', width: 14, value: (r) => r.channel, codes: DISCLOSURE_CHANNEL, import: { required: true, example: '公开栏', codes: CHANNEL_FIELD.synonymLines() } },
  { key: 'disclosedOn', header: '公开日期', width: 12, value: (r) => r.disclosedOn, import: { required: true, example: '2026-04-10' } },
  { key: 'orgName', header: '单位工会', width: 24, value: (r) => r.orgName },
  { key: 'orgCode', header: '单位工会代码', width: 16, import: { required: true, note: '公开事项所在单位的工会组织代码', example: '320102001001', asText: true } },
  { key: 'periodLabel', header: '公开期限', width: 14, value: (r) => r.periodLabel, import: { example: '2026-04-10 至 2026-04-20' } },
  { key: 'content', header: '公开内容', width: 40, in: { list: false }, value: (r) => r.content, import: { example: '福利费收支明细' } },
  { key: 'feedback', header: '职工反馈和处理', width: 30, value: (r) => r.feedback, import: { example: '收到意见 3 条，已答复' } },
]);
export const DISCLOSURE_PAPER = defineCodes({ photo: '公开栏照片', document: '公开材料', other: '其他材料' });
export const DISCLOSURE_PAPERS = defineAttachments({ owner: 'disclosure', kinds: DISCLOSURE_PAPER, maxFiles: 20 });
/** 厂务公开: an item opens at /congresses/disclosures?open=<id>. */
export const DISCLOSURES = defineLedger({ name: 'disclosures', label: '厂务公开', path: '/congresses/disclosures', columns: DISCLOSURE_COLUMNS });

/** What a member's phone shows: their unit's disclosures, and when they are a delegate, their proposals. */
export const MyCongressSchema = z.object({
  orgName: z.string().nullable(),
  disclosures: z.array(DisclosureSchema.pick({ id: true, matter: true, category: true, channel: true, disclosedOn: true, periodLabel: true, content: true })),
  delegate: z.object({ congressId: z.number(), orgName: z.string(), name: z.string() }).nullable(),
  proposals: z.array(ProposalSchema.pick({ id: true, status: true, title: true, content: true, submittedOn: true, department: true, reply: true, repliedOn: true, satisfaction: true, opinion: true })),
});
export type MyCongress = z.infer<typeof MyCongressSchema>;
