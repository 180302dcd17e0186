import { z } from 'zod';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';

/** The federation's own meetings (issue #16): 常委会, 全委会, 主席办公会, 政府工会联席会议, 三会一课, 职工周例会. */
export const MEETING_KIND = defineCodes({ standing: '常委会', plenary: '全委会', chair: '主席办公会', joint: '政府工会联席会议', study: '三会一课', weekly: '职工周例会', other: '其他会议' });
/** Committee meetings decide only with at least two thirds of their members present (工会章程). */
export const QUORUM_KINDS: readonly string[] = ['standing', 'plenary'];
export const DECISION_STATUS = defineCodes({ open: '落实中', overdue: '已逾期', done: '已落实' });

const text = (title: string, max: number) => z.string().trim().max(max, `${title}不超过 ${max} 个字`).nullable().optional().meta({ title });
export const MeetingInputSchema = z.object({
  orgId: z.number({ message: '请选择召开会议的工会' }).int().positive().meta({ title: '工会' }),
  kind: z.enum(MEETING_KIND.values, { message: '请选择会议类型' }).meta({ title: '会议类型' }),
  session: text('届次', 30).meta({ title: '届次', description: '如 十一届四次' }),
  title: z.string().trim().min(4, '会议名称至少 4 个字').max(80, '会议名称不超过 80 个字').meta({ title: '会议名称' }),
  heldOn: DateSchema.meta({ title: '会议日期' }),
  place: text('地点', 100),
  membersTotal: z.number({ message: '应到人数应为整数' }).int('应到人数应为整数').min(1, '应到人数至少 1 人').max(1000).meta({ title: '应到人数' }),
  attendees: z.number({ message: '实到人数应为整数' }).int('实到人数应为整数').min(0, '实到人数不能为负数').max(1000).meta({ title: '实到人数' }),
  agenda: text('议程', 1000),
  minutes: text('会议纪要', 5000),
});
export type MeetingInput = z.infer<typeof MeetingInputSchema>;

export const DecisionInputSchema = z.object({
  content: z.string().trim().min(4, '决定事项至少 4 个字').max(300, '决定事项不超过 300 个字').meta({ title: '决定事项' }),
  owner: z.string().trim().min(2, '请填写责任部门或责任人').max(40).meta({ title: '责任部门或责任人' }),
  dueOn: DateSchema.meta({ title: '完成期限' }),
});
export const DecisionDoneSchema = z.object({
  doneOn: DateSchema.meta({ title: '落实日期' }),
  followUp: z.string().trim().min(2, '请填写落实情况').max(500, '落实情况不超过 500 个字').meta({ title: '落实情况' }),
});

export const MeetingQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '会议或工会名称' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '会议年度' }),
  status: z.enum([...MEETING_KIND.values, 'all']).optional().meta({ title: '会议类型' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type MeetingQuery = z.infer<typeof MeetingQuerySchema>;

export const DecisionSchema = z.object({ id: z.number(), content: z.string(), owner: z.string(), dueOn: z.string(), status: z.string(), doneOn: z.string().nullable(), followUp: z.string().nullable() });
export type Decision = z.infer<typeof DecisionSchema>;
export const MeetingSchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  session: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string().nullable(),
  membersTotal: z.number(),
  attendees: z.number(),
  /** 出席达到三分之二 for committee meetings; null for kinds without a quorum rule. */
  quorumMet: z.boolean().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  decisions: z.number(),
  openDecisions: z.number(),
  canWrite: z.boolean(),
});
export type Meeting = z.infer<typeof MeetingSchema>;
export const MeetingDetailSchema = MeetingSchema.extend({ items: z.array(DecisionSchema) });
export type MeetingDetail = z.infer<typeof MeetingDetailSchema>;

const quorum = (r: Meeting) => (r.quorumMet === null ? '—' : r.quorumMet ? '达到三分之二' : '未达到三分之二');
export const MEETING_COLUMNS = defineColumns<Meeting>([
  { key: 'title', header: '会议名称', width: 30, value: (r) => r.title },
  { key: 'kind', header: '类型', width: 14, value: (r) => r.kind, codes: MEETING_KIND },
  { key: 'session', header: '届次', width: 10, value: (r) => r.session },
  { key: 'heldOn', header: '会议日期', width: 12, value: (r) => r.heldOn },
  { key: 'orgName', header: '工会', width: 24, value: (r) => r.orgName },
  { key: 'place', header: '地点', width: 20, in: { list: false }, value: (r) => r.place },
  { key: 'attendance', header: '应到 / 实到', width: 10, value: (r) => `${r.membersTotal} / ${r.attendees}` },
  { key: 'quorumMet', header: '法定人数', width: 12, in: { list: false }, value: quorum },
  { key: 'decisions', header: '决定事项', width: 8, value: (r) => r.decisions },
  { key: 'openDecisions', header: '未落实', width: 8, value: (r) => r.openDecisions },
  { key: 'agenda', header: '议程', width: 40, in: { list: false }, value: (r) => r.agenda },
  { key: 'minutes', header: '会议纪要', width: 60, in: { list: false }, value: (r) => r.minutes },
]);
export const DECISION_COLUMNS = defineColumns<Decision>([
  { key: 'content', header: '决定事项', width: 30, value: (r) => r.content },
  { key: 'owner', header: '责任', width: 12, value: (r) => r.owner },
  { key: 'dueOn', header: '完成期限', width: 12, value: (r) => r.dueOn },
  { key: 'status', header: '状态', width: 8, value: (r) => r.status, codes: DECISION_STATUS },
  { key: 'followUp', header: '落实情况', width: 30, value: (r) => (r.doneOn ? `${r.doneOn} ${r.followUp ?? ''}` : null) },
]);

export const MEETING_PAPER = defineCodes({ minutes: '会议纪要', sign_in: '签到表', photo: '会议照片', other: '其他材料' });
export const MEETING_PAPERS = defineAttachments({ owner: 'meeting', kinds: MEETING_PAPER, maxFiles: 20 });

/** 会议记录: a record opens at /meetings?open=<id>. */
export const MEETINGS = defineLedger({ name: 'meetings', label: '会议记录', path: '/meetings', columns: MEETING_COLUMNS });
