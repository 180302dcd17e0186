import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { codedField } from '@platform/imports/codes';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';

/** What kind of activity (issue #16; the seeds' 文体活动, 宣讲, 送温暖 visits, 劳模志愿服务, 心理疏导, 微心愿, 六一关爱). */
export const ACTIVITY_KIND = defineCodes({
  culture: '文体活动',
  lecture: '宣讲',
  visit: '走访慰问',
  volunteer: '志愿服务',
  counselling: '心理疏导',
  wish: '微心愿',
  children: '六一关爱',
  other: '其他活动',
});
export const ROLE = defineCodes({ participant: '参与职工', volunteer: '志愿者' });
/** The kind as activity registers write it (文体 for 文体活动, 慰问 for 走访慰问 …). */
export const KIND_FIELD = codedField('活动类型', ACTIVITY_KIND.values.map((value) => ({ value, label: ACTIVITY_KIND.labels[value], synonyms: { culture: ['文体', '文化活动', '体育活动'], lecture: ['宣讲活动', '劳模宣讲'], visit: ['慰问', '走访', '送温暖'], volunteer: ['志愿', '志愿活动'], counselling: ['心理', '心理咨询'], wish: ['心愿'], children: ['六一', '关爱职工子女'], other: ['其他'] }[value] })));

const count = (title: string) => z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(0, `${title}不能为负数`).max(10_000_000, `${title}不能大于 10000000`);
export const ActivityInputSchema = z.object({
  orgId: z.number({ message: '请选择主办工会' }).int().positive().meta({ title: '主办工会' }),
  kind: z.enum(ACTIVITY_KIND.values, { message: '请选择活动类型' }).meta({ title: '活动类型' }),
  title: z.string().trim().min(4, '活动名称至少 4 个字').max(80, '活动名称不超过 80 个字').meta({ title: '活动名称' }),
  heldOn: DateSchema.meta({ title: '活动日期' }),
  place: z.string().trim().max(100, '地点不超过 100 个字').nullable().optional().meta({ title: '地点' }),
  organisers: z.string().trim().max(200, '协办单位不超过 200 个字').nullable().optional().meta({ title: '协办单位' }),
  personTimes: count('参与人次').meta({ title: '参与人次' }),
  reach: count('辐射人次').nullable().optional().meta({ title: '辐射人次' }),
  byModelWorkers: z.boolean().optional().meta({ title: '劳模（工匠）参与' }),
  summary: z.string().trim().max(1000, '活动简况不超过 1000 个字').nullable().optional().meta({ title: '活动简况' }),
});
export type ActivityInput = z.infer<typeof ActivityInputSchema>;

export const ParticipantInputSchema = z.object({
  memberId: z.number({ message: '请选择会员' }).int().positive().meta({ title: '会员' }),
  role: z.enum(ROLE.values, { message: '请选择身份' }).meta({ title: '身份' }),
  hours: z.number({ message: '志愿服务时长应为数字' }).min(0.5, '志愿服务时长至少 0.5 小时').max(24, '一次活动的志愿服务时长不超过 24 小时').multipleOf(0.5, '志愿服务时长按半小时登记').nullable().optional().meta({ title: '志愿服务时长（小时）' }),
});

export const ActivityQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '活动或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '活动年度' }),
  status: z.enum([...ACTIVITY_KIND.values, 'all']).optional().meta({ title: '活动类型' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

export const ParticipantSchema = z.object({ memberId: z.number(), name: z.string(), orgName: z.string(), role: z.string(), hours: z.number().nullable() });
export type Participant = z.infer<typeof ParticipantSchema>;
export const ActivitySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  organisers: z.string().nullable(),
  personTimes: z.number(),
  reach: z.number().nullable(),
  byModelWorkers: z.boolean(),
  summary: z.string().nullable(),
  named: z.number(),
  volunteerHours: z.number(),
  canWrite: z.boolean(),
});
export type Activity = z.infer<typeof ActivitySchema>;
export const ActivityDetailSchema = ActivitySchema.extend({ participants: z.array(ParticipantSchema) });
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

export const ACTIVITY_COLUMNS = defineColumns<Activity>([
  { key: 'title', header: '活动名称', width: 30, value: (r) => r.title, import: { required: true, example: '劳模精神宣讲进企业' } },
  { key: 'kind', header: '类型', width: 10, value: (r) => r.kind, codes: ACTIVITY_KIND, import: { header: '活动类型', required: true, example: '宣讲', codes: KIND_FIELD.synonymLines() } },
  { key: 'heldOn', header: '活动日期', width: 12, value: (r) => r.heldOn, import: { required: true, example: '2026-05-20' } },
  { key: 'orgName', header: '主办工会', width: 24, value: (r) => r.orgName },
  { key: 'orgCode', header: '主办工会代码', width: 16, import: { required: true, note: '主办活动的工会的组织代码', example: '320102001', asText: true } },
  { key: 'place', header: '地点', width: 20, in: { list: false }, value: (r) => r.place, import: { example: '区职工服务中心' } },
  { key: 'organisers', header: '协办单位', width: 20, in: { list: false }, value: (r) => r.organisers, import: { example: '区文明办' } },
  { key: 'personTimes', header: '参与人次', width: 10, value: (r) => r.personTimes, import: { required: true, note: '整数', example: '120' } },
  { key: 'reach', header: '辐射人次', width: 10, value: (r) => r.reach, import: { note: '整数，可不填；不少于参与人次', example: '800' } },
  { key: 'byModelWorkers', header: '劳模参与', width: 8, value: (r) => (r.byModelWorkers ? '是' : '否'), import: { note: '是 / 否，可不填（否）', example: '是' } },
  { key: 'named', header: '登记人员', width: 8, in: { list: false }, value: (r) => r.named },
  { key: 'volunteerHours', header: '志愿服务（小时）', width: 12, value: (r) => r.volunteerHours },
  { key: 'summary', header: '活动简况', width: 40, in: { list: false }, value: (r) => r.summary, import: { example: '邀请市级劳模讲述岗位建功故事' } },
]);
export const PARTICIPANT_COLUMNS = defineColumns<Participant>([
  { key: 'name', header: '姓名', width: 10, value: (r) => r.name },
  { key: 'orgName', header: '所在工会', width: 24, value: (r) => r.orgName },
  { key: 'role', header: '身份', width: 8, value: (r) => r.role, codes: ROLE },
  { key: 'hours', header: '时长（小时）', width: 10, value: (r) => r.hours },
]);

export const ACTIVITY_PAPER = defineCodes({ photo: '活动照片', record: '活动记录', sign_in: '签到表', other: '其他材料' });
export const ACTIVITY_PAPERS = defineAttachments({ owner: 'activity', kinds: ACTIVITY_PAPER, maxFiles: 30 });

/** 活动与志愿服务: a record opens at /activities?open=<id>. */
export const ACTIVITIES = defineLedger({ name: 'activities', label: '活动与志愿服务', path: '/activities', columns: ACTIVITY_COLUMNS });
