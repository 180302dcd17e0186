import { z } from 'zod';
import { AvailableStepSchema } from '@platform/workflow/schema';
import { DateSchema, PageQuerySchema } from '@platform/http/schemas';
import { codedField } from '@platform/imports/codes';
import { defineAttachments } from '@platform/ledger/attachments';
import { defineCodes } from '@platform/ledger/codes';
import { defineColumns, type LedgerColumn } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { FACILITY_MACHINE } from './facility-machine';

/** The kinds of 职工服务阵地 kept in one register (domain rules §2.8, §2.11, §2.12). */
export const FACILITY_KIND = defineCodes({
  reading_room: '职工书屋',
  rest_station: '爱心驿站',
  nursing_room: '母婴室',
  childcare_class: '爱心托管班',
  workers_home: '职工之家',
  innovation_studio: '创新工作室',
});
export type FacilityKind = (typeof FACILITY_KIND.values)[number];
/** The kind as registers write it (驿站, 户外劳动者服务站点, 妈咪小屋, 托管班 …). */
export const KIND_FIELD = codedField('阵地类型', FACILITY_KIND.values.map((value) => ({ value, label: FACILITY_KIND.labels[value], synonyms: { reading_room: ['书屋', '职工书屋示范点'], rest_station: ['驿站', '户外劳动者服务站点', '爱心驿家', '工会驿站'], nursing_room: ['爱心妈妈小屋', '爱心妈咪小屋', '妈咪小屋', '女职工休息哺乳室'], childcare_class: ['托管班', '暑期托管班', '爱心托管'], workers_home: ['职工小家', '模范职工之家'], innovation_studio: ['劳模创新工作室', '工匠创新工作室', '劳模（工匠）创新工作室'] }[value] })));
export const FACILITY_STATUS = defineCodes(Object.fromEntries(FACILITY_MACHINE.stateCodes.map((s) => [s, FACILITY_MACHINE.states[s].label])) as Record<(typeof FACILITY_MACHINE.stateCodes)[number], string>);
/** 职工书屋 levels: the federation that named it (全总 / 省 / 市 / 区 示范点). */
export const READING_LEVEL = defineCodes({ national: '全总命名', provincial: '省级命名', city: '市级命名', district: '区级命名', none: '未命名' });
export const BUILD_MODE = defineCodes({ self: '自建', joint: '共建' });
export const CLASS_TYPE = defineCodes({ holiday: '假期托管班', after_school: '课后托管班' });
export const INSPECTION_KIND = defineCodes({ acceptance: '验收', review: '年度复验', upgrade: '提升验收', recheck: '整改复查', delist: '摘牌' });
export const RESULT = defineCodes({ pass: '通过', fail: '不通过', done: '已办理' });
/** Usage is counted per month, except a childcare class's attendance, which is counted per day. */
export const USAGE_LABEL: Record<FacilityKind, string> = { reading_room: '借阅册次', rest_station: '服务人次', nursing_room: '使用人次', childcare_class: '出勤人数', workers_home: '活动人次', innovation_studio: '活动人次' };

/** Which kind-specific fields a kind has (the form, the detail and the service's required-field checks). */
export const KIND_FIELDS: Record<FacilityKind, readonly string[]> = {
  reading_room: ['level', 'volumes', 'digitalPlatform', 'openingHours'],
  rest_station: ['buildMode', 'address', 'lat', 'lng', 'openingHours', 'stars'],
  nursing_room: ['address', 'lat', 'lng', 'openingHours', 'stars'],
  childcare_class: ['classType', 'enrolled', 'startsOn', 'endsOn'],
  workers_home: [],
  innovation_studio: ['leader'],
};
const KIND_SPECIFIC = new Set(Object.values(KIND_FIELDS).flat());
/** True when `field` belongs on a record of `kind` (common fields belong on every kind). */
export const fieldApplies = (kind: string, field: string) => !KIND_SPECIFIC.has(field) || (KIND_FIELDS[kind as FacilityKind] ?? []).includes(field);

const text = (title: string, max: number) => z.string().trim().max(max, `${title}不超过 ${max} 个字`).nullable().optional().meta({ title });
const int = (title: string, min: number, max: number, unit = '') =>
  z.number({ message: `${title}应为整数` }).int(`${title}应为整数`).min(min, `${title}不能小于 ${min}${unit}`).max(max, `${title}不能大于 ${max}${unit}`).nullable().optional().meta({ title });

export const FacilityInputSchema = z.object({
  orgId: z.number({ message: '请选择申报的工会' }).int().positive().meta({ title: '所属工会' }),
  kind: z.enum(FACILITY_KIND.values, { message: '请选择阵地类型' }).meta({ title: '阵地类型' }),
  name: z.string().trim().min(2, '阵地名称至少 2 个字').max(60, '阵地名称不超过 60 个字').meta({ title: '阵地名称' }),
  standardId: z.number({ message: '请选择建设标准' }).int().positive().meta({ title: '建设标准' }),
  declaredOn: DateSchema.meta({ title: '申报日期' }),
  host: text('依托单位', 80),
  address: text('地址', 120),
  lat: z.number({ message: '纬度应为数字' }).min(3, '纬度应在 3–54 之间（中国境内）').max(54, '纬度应在 3–54 之间（中国境内）').nullable().optional().meta({ title: '纬度' }),
  lng: z.number({ message: '经度应为数字' }).min(73, '经度应在 73–136 之间（中国境内）').max(136, '经度应在 73–136 之间（中国境内）').nullable().optional().meta({ title: '经度' }),
  openingHours: text('开放时间', 60),
  area: int('面积', 1, 100_000, ' 平方米'),
  manager: text('管理员', 30),
  managerPhone: text('联系电话', 30),
  buildMode: z.enum(BUILD_MODE.values, { message: '请选择建设方式' }).nullable().optional().meta({ title: '建设方式' }),
  level: z.enum(READING_LEVEL.values, { message: '请选择命名级别' }).nullable().optional().meta({ title: '命名级别' }),
  volumes: int('藏书', 0, 10_000_000, ' 册'),
  digitalPlatform: text('数字阅读平台', 60),
  stars: int('星级', 1, 5, ' 星'),
  classType: z.enum(CLASS_TYPE.values, { message: '请选择托管班类型' }).nullable().optional().meta({ title: '托管班类型' }),
  enrolled: int('托管儿童', 1, 10_000, ' 人'),
  startsOn: DateSchema.nullable().optional().meta({ title: '开班日期' }),
  endsOn: DateSchema.nullable().optional().meta({ title: '结班日期' }),
  leader: text('领衔人', 30),
  itemsPresent: z.array(z.string().max(40)).max(60).optional().meta({ title: '自查达标项目' }),
});
export type FacilityInput = z.infer<typeof FacilityInputSchema>;
export const FacilityPatchSchema = FacilityInputSchema.omit({ orgId: true, kind: true }).partial();

export const FacilityQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(60).optional().meta({ title: '阵地、地址或工会名称' }),
  kind: z.enum([...FACILITY_KIND.values, 'all']).optional().meta({ title: '阵地类型' }),
  year: z.coerce.number().int().min(2000).max(2100).optional().meta({ title: '申报年度' }),
  status: z.enum([...FACILITY_STATUS.values, 'all', 'due']).optional().meta({ title: '状态' }),
  underId: z.coerce.number().int().positive().optional().meta({ title: '所属组织' }),
});
export type FacilityQuery = z.infer<typeof FacilityQuerySchema>;

/** A step on a facility: the inspection's date and checklist, the opinion (整改要求 or 摘牌原因), a new level or stars. */
export const FacilityStepSchema = z.object({
  action: z.enum(FACILITY_MACHINE.stepCodes, { message: '请选择要办理的事项' }).meta({ title: '办理事项' }),
  on: DateSchema.meta({ title: '日期' }),
  itemsPresent: z.array(z.string().max(40)).max(60).optional().meta({ title: '达标项目' }),
  opinion: text('意见', 500),
  rectifyBy: DateSchema.nullable().optional().meta({ title: '整改期限' }),
  level: z.enum(READING_LEVEL.values).nullable().optional().meta({ title: '命名级别' }),
  stars: int('星级', 1, 5, ' 星'),
  mapPublished: z.boolean().optional().meta({ title: '已上图' }),
});
export type FacilityStepInput = z.infer<typeof FacilityStepSchema>;

export const UsageInputSchema = z.object({
  on: DateSchema.meta({ title: '日期或月份' }),
  count: z.number({ message: '人次应为整数' }).int('人次应为整数').min(0, '人次不能为负数').max(1_000_000, '人次不能大于 1000000').meta({ title: '人次' }),
});

export const StandardItemSchema = z.object({
  code: z.string().trim().min(1).max(40).meta({ title: '项目代码' }),
  title: z.string().trim().min(2, '请填写检查项目').max(60).meta({ title: '检查项目' }),
  required: z.boolean().meta({ title: '必备' }),
});
export const ThresholdsSchema = z.object({
  minVolumes: z.number().int().min(0).optional().meta({ title: '最少藏书（册）' }),
  minArea: z.number().int().min(0).optional().meta({ title: '最小面积（平方米）' }),
  minChildren: z.number().int().min(0).optional().meta({ title: '最少托管儿童（人）' }),
  minDays: z.number().int().min(0).optional().meta({ title: '最少托管天数' }),
  minRate: z.number().min(0).max(100).optional().meta({ title: '最低出勤率（%）' }),
});
export type Thresholds = z.infer<typeof ThresholdsSchema>;
export const StandardInputSchema = z.object({
  kind: z.enum(FACILITY_KIND.values, { message: '请选择阵地类型' }).meta({ title: '阵地类型' }),
  name: z.string().trim().min(2, '请填写标准名称').max(40).meta({ title: '标准名称' }),
  effectiveFrom: DateSchema.meta({ title: '生效日期' }),
  items: z.array(StandardItemSchema).min(1, '至少设置一个检查项目').max(40).meta({ title: '检查项目' }),
  thresholds: ThresholdsSchema.default({}),
});
export const StandardSchema = StandardInputSchema.extend({ kind: z.string(), thresholds: ThresholdsSchema, id: z.number(), version: z.number(), current: z.boolean() });
export type Standard = z.infer<typeof StandardSchema>;

export const InspectionSchema = z.object({
  id: z.number(),
  kind: z.string(),
  inspectedOn: z.string(),
  result: z.string(),
  failedItems: z.array(z.string()),
  opinion: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  standardName: z.string(),
  byOrgName: z.string(),
});
export type Inspection = z.infer<typeof InspectionSchema>;
export const UsageSchema = z.object({ on: z.string(), count: z.number() });

export const FacilitySchema = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  kind: z.string(),
  name: z.string(),
  status: z.string(),
  standardId: z.number(),
  standardName: z.string(),
  declaredOn: z.string(),
  acceptedOn: z.string().nullable(),
  listedOn: z.string().nullable(),
  mapPublished: z.boolean(),
  delistedOn: z.string().nullable(),
  lastPassedOn: z.string().nullable(),
  /** 复验 due: a year after the last passed inspection; 整改 due: the deadline set when a review failed. */
  dueOn: z.string().nullable(),
  dueAction: z.string().nullable(),
  host: z.string().nullable(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  openingHours: z.string().nullable(),
  area: z.number().nullable(),
  manager: z.string().nullable(),
  managerPhone: z.string().nullable(),
  buildMode: z.string().nullable(),
  level: z.string().nullable(),
  volumes: z.number().nullable(),
  digitalPlatform: z.string().nullable(),
  stars: z.number().nullable(),
  classType: z.string().nullable(),
  enrolled: z.number().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  leader: z.string().nullable(),
  itemsPresent: z.array(z.string()),
  /** Childcare classes: days with attendance recorded, and attendance ÷ (children × days), in %. */
  daysHeld: z.number().nullable(),
  attendanceRate: z.number().nullable(),
  /** The usage counted this calendar year (人次, 册次 or 出勤人数 as the kind counts). */
  usageThisYear: z.number(),
  canWrite: z.boolean(),
  steps: z.array(AvailableStepSchema),
});
export type Facility = z.infer<typeof FacilitySchema>;
export const FacilityDetailSchema = FacilitySchema.extend({ inspections: z.array(InspectionSchema), usage: z.array(UsageSchema), standard: StandardSchema });
export type FacilityDetail = z.infer<typeof FacilityDetailSchema>;

const yesNo = (v: boolean) => (v ? '是' : '否');
export const FACILITY_COLUMNS = defineColumns<Facility>([
  { key: 'name', header: '阵地名称', width: 28, value: (r) => r.name, import: { required: true, example: '锦绣街道爱心驿站' } },
  { key: 'kind', header: '类型', width: 12, value: (r) => r.kind, codes: FACILITY_KIND, import: { header: '阵地类型', required: true, example: '爱心驿站', codes: KIND_FIELD.synonymLines() } },
  { key: 'orgCode', header: '所属工会代码', width: 16, import: { required: true, note: '申报这个阵地的工会的组织代码', example: '320102001', asText: true } },
  { key: 'orgName', header: '所属工会', width: 24, value: (r) => r.orgName },
  { key: 'status', header: '状态', width: 10, value: (r) => r.status, codes: FACILITY_STATUS },
  { key: 'standardName', header: '建设标准', width: 20, in: { list: false }, value: (r) => r.standardName, import: { required: true, note: '现行标准的名称，如 七个一、六有、爱心妈妈小屋（基础型）', example: '七个一' } },
  { key: 'declaredOn', header: '申报日期', width: 12, in: { list: false }, value: (r) => r.declaredOn, import: { required: true, example: '2026-03-01' } },
  { key: 'acceptedOn', header: '验收日期', width: 12, value: (r) => r.acceptedOn, import: { note: '建档导入已验收的阵地时填写（须由上级工会导入）；新申报的留空' } },
  { key: 'listedOn', header: '挂牌日期', width: 12, in: { list: false }, value: (r) => r.listedOn, import: { note: '已挂牌上图的填写，不早于验收日期' } },
  { key: 'reviewedOn', header: '最近复验日期', width: 12, in: { list: false, export: false, detail: false }, import: { note: '最近一次年度复验通过的日期（已挂牌的才填），不早于挂牌日期' } },
  { key: 'mapPublished', header: '已上图', width: 8, in: { list: false }, value: (r) => yesNo(r.mapPublished) },
  { key: 'dueOn', header: '待办期限', width: 12, value: (r) => (r.dueOn ? `${r.dueAction ?? ''} ${r.dueOn}` : null) },
  { key: 'address', header: '地址', width: 30, in: { list: false }, value: (r) => r.address, import: { note: '爱心驿站、母婴室必填', example: '云溪区锦绣街道幸福路 1 号' } },
  { key: 'lat', header: '纬度', width: 10, in: { list: false }, value: (r) => r.lat, import: { note: '爱心驿站必填，如 32.0501', example: '32.0501' } },
  { key: 'lng', header: '经度', width: 10, in: { list: false }, value: (r) => r.lng, import: { note: '爱心驿站必填，如 118.7801', example: '118.7801' } },
  { key: 'openingHours', header: '开放时间', width: 16, in: { list: false }, value: (r) => r.openingHours, import: { example: '08:00-20:00' } },
  { key: 'host', header: '依托单位', width: 24, in: { list: false }, value: (r) => r.host, import: { example: '工商银行云溪支行' } },
  { key: 'buildMode', header: '建设方式', width: 8, in: { list: false }, value: (r) => r.buildMode, codes: BUILD_MODE, import: { note: '爱心驿站必填：自建 / 共建', example: '共建' } },
  { key: 'level', header: '命名级别', width: 10, in: { list: false }, value: (r) => r.level, codes: READING_LEVEL, import: { note: '职工书屋必填：全总命名 / 省级命名 / 市级命名 / 区级命名 / 未命名', example: '未命名' } },
  { key: 'volumes', header: '藏书（册）', width: 10, in: { list: false }, value: (r) => r.volumes, import: { note: '职工书屋必填，整数', example: '3200' } },
  { key: 'digitalPlatform', header: '数字阅读平台', width: 16, in: { list: false }, value: (r) => r.digitalPlatform },
  { key: 'stars', header: '星级', width: 6, in: { list: false }, value: (r) => r.stars },
  { key: 'classType', header: '托管班类型', width: 12, in: { list: false }, value: (r) => r.classType, codes: CLASS_TYPE, import: { note: '爱心托管班必填：假期托管班 / 课后托管班' } },
  { key: 'enrolled', header: '托管儿童（人）', width: 10, in: { list: false }, value: (r) => r.enrolled, import: { note: '爱心托管班必填，整数' } },
  { key: 'startsOn', header: '开班日期', width: 12, in: { list: false }, value: (r) => r.startsOn, import: { note: '爱心托管班必填' } },
  { key: 'endsOn', header: '结班日期', width: 12, in: { list: false }, value: (r) => r.endsOn, import: { note: '爱心托管班必填' } },
  { key: 'daysHeld', header: '已托管天数', width: 10, in: { list: false }, value: (r) => r.daysHeld },
  { key: 'attendanceRate', header: '出勤率（%）', width: 10, in: { list: false }, value: (r) => r.attendanceRate },
  { key: 'leader', header: '领衔人', width: 10, in: { list: false }, value: (r) => r.leader, import: { note: '创新工作室必填' } },
  { key: 'area', header: '面积（平方米）', width: 10, in: { list: false }, value: (r) => r.area },
  { key: 'manager', header: '管理员', width: 10, in: { list: false }, value: (r) => r.manager, import: { example: '王站长' } },
  { key: 'managerPhone', header: '联系电话', width: 14, in: { list: false }, value: (r) => r.managerPhone, import: { example: '13900001111', asText: true } },
  { key: 'usageThisYear', header: '本年服务量', width: 10, value: (r) => r.usageThisYear },
  { key: 'delistedOn', header: '摘牌日期', width: 12, in: { list: false }, value: (r) => r.delistedOn },
]);
const DERIVED: Record<string, FacilityKind> = { daysHeld: 'childcare_class', attendanceRate: 'childcare_class' };
/** The detail columns that belong on a record of `kind`. */
export const columnsFor = (kind: string): LedgerColumn<Facility>[] =>
  FACILITY_COLUMNS.filter((c) => fieldApplies(kind, c.key) && (!DERIVED[c.key] || DERIVED[c.key] === kind));

export const INSPECTION_COLUMNS = defineColumns<Inspection>([
  { key: 'inspectedOn', header: '日期', width: 12, value: (r) => r.inspectedOn },
  { key: 'kind', header: '事项', width: 10, value: (r) => r.kind, codes: INSPECTION_KIND },
  { key: 'result', header: '结果', width: 8, value: (r) => r.result, codes: RESULT },
  { key: 'failedItems', header: '未达标项目', width: 30, value: (r) => r.failedItems.join('、') },
  { key: 'opinion', header: '意见', width: 30, value: (r) => r.opinion },
  { key: 'rectifyBy', header: '整改期限', width: 12, value: (r) => r.rectifyBy },
  { key: 'byOrgName', header: '办理工会', width: 20, value: (r) => r.byOrgName },
]);

/** A facility's papers: photos, the acceptance report, its rules, the plaque. */
export const FACILITY_PAPER = defineCodes({ photo: '阵地照片', acceptance: '验收报告', rules: '管理制度', plaque: '挂牌照片', usage: '使用登记', other: '其他材料' });
export const FACILITY_PAPERS = defineAttachments({ owner: 'facility', kinds: FACILITY_PAPER, maxFiles: 30 });

/** 职工服务阵地: a record opens at /facilities?open=<id>. */
export const FACILITIES = defineLedger({ name: 'facilities', label: '职工服务阵地', path: '/facilities', columns: FACILITY_COLUMNS });
