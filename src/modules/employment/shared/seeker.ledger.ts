import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';

/** Who is served (domain rules §2.7): workers in hardship, the laid-off, graduates of hardship families … */
export const SEEKER_CATEGORY = defineCodes({ hardship: '困难职工', unemployed: '失业人员', graduate: '困难家庭高校毕业生', migrant: '农民工', other: '其他' });
export const SEEKER_SERVICE = defineCodes({ referral: '岗位推荐', training: '技能培训', policy: '政策咨询', startup: '创业指导', fair: '招聘会对接' });
export const SEEKER_OUTCOME = defineCodes({ employed: '已就业', training: '参加培训', following: '跟踪服务中', not_employed: '未就业' });

export const SeekerInputSchema = z.object({
  orgId: z.number({ message: '请选择服务的工会' }).int().positive().meta({ title: '服务工会' }),
  personName: z.string().trim().min(2, '姓名至少 2 个字').max(30, '姓名不超过 30 个字').meta({ title: '姓名' }),
  idNumber: z.string().trim().min(1, '请填写身份证号码').max(20).meta({ title: '身份证号码' }),
  category: z.enum(SEEKER_CATEGORY.values, { message: '请选择服务对象类别' }).meta({ title: '服务对象类别' }),
  service: z.enum(SEEKER_SERVICE.values, { message: '请选择服务内容' }).meta({ title: '服务内容' }),
  servedOn: DateSchema.meta({ title: '服务日期' }),
  outcome: z.enum(SEEKER_OUTCOME.values, { message: '请选择服务结果' }).meta({ title: '服务结果' }),
  note: z.string().trim().max(300, '说明不超过 300 个字').nullable().optional().meta({ title: '说明' }),
});
export type SeekerInput = z.infer<typeof SeekerInputSchema>;
/** What a record's change may touch: the service and its outcome, not the person. */
export const SeekerPatchSchema = SeekerInputSchema.pick({ service: true, servedOn: true, outcome: true, note: true }).partial();

export const SeekerQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(30).optional().meta({ title: '姓名或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '服务年度' }),
  status: z.enum([...SEEKER_OUTCOME.values, 'all']).optional().meta({ title: '服务结果' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type SeekerQuery = z.infer<typeof SeekerQuerySchema>;

export const SeekerSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  personName: z.string(),
  idNumberMasked: z.string(),
  category: z.string(),
  service: z.string(),
  servedOn: z.string(),
  outcome: z.string(),
  note: z.string().nullable(),
  /** The person's hardship file, when there is one the viewer may see (困难职工档案): its number and state. */
  hardshipFile: z.object({ id: z.number(), caseNo: z.string(), status: z.string() }).nullable(),
  canWrite: z.boolean(),
});
export type Seeker = z.infer<typeof SeekerSchema>;

export const SEEKER_COLUMNS = defineColumns<Seeker>([
  { key: 'personName', header: '姓名', width: 10, value: (r) => r.personName },
  { key: 'idNumberMasked', header: '身份证号码', width: 22, value: (r) => r.idNumberMasked },
  { key: 'category', header: '服务对象类别', width: 16, value: (r) => r.category, codes: SEEKER_CATEGORY },
  { key: 'service', header: '服务内容', width: 12, value: (r) => r.service, codes: SEEKER_SERVICE },
  { key: 'servedOn', header: '服务日期', width: 12, value: (r) => r.servedOn },
  { key: 'outcome', header: '服务结果', width: 12, value: (r) => r.outcome, codes: SEEKER_OUTCOME },
  { key: 'orgName', header: '服务工会', width: 26, value: (r) => r.orgName },
  { key: 'hardshipFile', header: '困难职工档案', width: 20, value: (r) => (r.hardshipFile ? `${r.hardshipFile.caseNo}（${r.hardshipFile.status}）` : null) },
  { key: 'note', header: '说明', width: 30, in: { list: false }, value: (r) => r.note },
]);

/** 就业援助服务: a record opens at /employment/seekers?open=<id>. */
export const SEEKERS = defineLedger({ name: 'employment-seekers', label: '就业援助服务', path: '/employment/seekers', columns: SEEKER_COLUMNS });
