/**
 * Code lists of the member register, with the Chinese labels used in forms, imports and exports, and per coded
 * field the other spellings rosters use (本科, 大专, 党员, 团员, 汉 …): one table per field, read by the field
 * rules (member.fields.ts) and shown in the roster template's 填写说明 sheet.
 * Sources: ../shared/reference/domain-rules.md §2.1 (新就业形态 key groups; member ledger fields).
 */
import { codedField, yesNoField } from '@platform/imports/codes';

export const SEX_LABELS = { male: '男', female: '女' } as const;
export type Sex = keyof typeof SEX_LABELS;

export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

export const EDUCATION_LEVELS = ['研究生', '大学本科', '大学专科', '中专/技校', '高中', '初中及以下'] as const;

export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派成员', '无党派人士', '群众'] as const;

/** The roster's coded columns: the stored value for what people write (see codedField). */
export const MEMBER_CODES = {
  sex: codedField<Sex>('性别', [
    { value: 'male', label: '男', synonyms: ['男性', 'M', 'male'] },
    { value: 'female', label: '女', synonyms: ['女性', 'F', 'female'] },
  ]),
  ethnicity: codedField<string>(
    '民族',
    ETHNICITIES.map((e) => ({ value: e, label: e, synonyms: [e.slice(0, -1)] })),
    { accepted: '56 个民族的名称，如 汉族、回族（可省略“族”字）' },
  ),
  education: codedField<string>('学历', [
    { value: '研究生', label: '研究生', synonyms: ['硕士研究生', '博士研究生', '硕士', '博士', '研究生及以上', '硕士及以上'] },
    { value: '大学本科', label: '大学本科', synonyms: ['本科', '大本', '学士', '本科及以上'] },
    { value: '大学专科', label: '大学专科', synonyms: ['大专', '专科', '高职', '高职高专', '大专及以上'] },
    { value: '中专/技校', label: '中专/技校', synonyms: ['中专', '技校', '中技', '中专或技校', '中专、技校', '中等专科', '职高', '职业高中', '中职'] },
    { value: '高中', label: '高中', synonyms: ['普通高中', '高中及以下'] },
    { value: '初中及以下', label: '初中及以下', synonyms: ['初中', '小学', '文盲', '初中以下', '半文盲'] },
  ]),
  politicalStatus: codedField<string>('政治面貌', [
    { value: '中共党员', label: '中共党员', synonyms: ['党员', '共产党员', '中国共产党党员', '中共正式党员', '正式党员'] },
    { value: '中共预备党员', label: '中共预备党员', synonyms: ['预备党员'] },
    { value: '共青团员', label: '共青团员', synonyms: ['团员', '中国共产主义青年团团员'] },
    {
      value: '民主党派成员',
      label: '民主党派成员',
      synonyms: ['民主党派', '民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员'],
    },
    { value: '无党派人士', label: '无党派人士', synonyms: ['无党派'] },
    { value: '群众', label: '群众', synonyms: ['普通群众'] },
  ]),
  migrantWorker: yesNoField('是否农民工'),
} as const;

/**
 * 从业类别: the coded worker kind of the member register, with the roster template's values (domain-rules.md
 * §2.1: the four key groups of the 全总 joining campaign and the 八大群体), 环卫工人 (a health-check and 送清凉
 * group), and 否（非新就业形态）. Health-check eligibility, campaigns and figures read this code, never the
 * free-text 职业.
 */
export const WORKER_KINDS = {
  courier: '快递员',
  food_delivery: '外卖配送员',
  ride_hailing: '网约车司机',
  truck_driver: '货车司机',
  domestic: '家政服务员',
  carer: '护工护理员',
  mall_info: '商场信息员',
  estate_agent: '房地产经纪人员',
  security_guard: '保安员',
  other_gig: '其他新就业形态',
  sanitation: '环卫工人',
  none: '否（非新就业形态）',
} as const;
export type WorkerKind = keyof typeof WORKER_KINDS;
export const WORKER_KIND_VALUES = Object.keys(WORKER_KINDS) as [WorkerKind, ...WorkerKind[]];

/** 新就业形态劳动者: the worker kinds that are new-form work (`members.gig_kind` holds the same code, else null). */
export const GIG_KINDS = {
  courier: WORKER_KINDS.courier,
  food_delivery: WORKER_KINDS.food_delivery,
  ride_hailing: WORKER_KINDS.ride_hailing,
  truck_driver: WORKER_KINDS.truck_driver,
  domestic: WORKER_KINDS.domestic,
  carer: WORKER_KINDS.carer,
  mall_info: WORKER_KINDS.mall_info,
  estate_agent: WORKER_KINDS.estate_agent,
  security_guard: WORKER_KINDS.security_guard,
  other_gig: WORKER_KINDS.other_gig,
} as const;
export type GigKind = keyof typeof GIG_KINDS;
export const GIG_KIND_VALUES = Object.keys(GIG_KINDS) as [GigKind, ...GigKind[]];

/** The new-form group of a worker kind, or null (环卫工人, 非新就业形态, not recorded). */
export const gigKindOfWorker = (kind: string | null | undefined): GigKind | null => (kind && kind in GIG_KINDS ? (kind as GigKind) : null);

/**
 * Other words for the template's values, accepted wherever a worker kind is read from a cell or an old record
 * (the roster import may add more here). Only whole values match: a free-text occupation is never guessed at.
 */
export const WORKER_KIND_SYNONYMS: Record<string, WorkerKind> = {
  快递小哥: 'courier',
  快递: 'courier',
  快递配送员: 'courier',
  外卖送餐员: 'food_delivery',
  网约送餐员: 'food_delivery',
  外卖骑手: 'food_delivery',
  外卖员: 'food_delivery',
  骑手: 'food_delivery',
  网约车驾驶员: 'ride_hailing',
  货车驾驶员: 'truck_driver',
  家政员: 'domestic',
  家政服务人员: 'domestic',
  护工: 'carer',
  护理员: 'carer',
  房产经纪人: 'estate_agent',
  保安: 'security_guard',
  环卫工: 'sanitation',
  环卫工人: 'sanitation',
  环卫清扫工: 'sanitation',
  道路清扫工: 'sanitation',
  否: 'none',
  非新就业形态: 'none',
};

/** The coded worker kind a cell names (a code, a template value or a listed synonym), or null. */
export function workerKindOf(text: string | null | undefined): WorkerKind | null {
  if (!text) return null;
  const t = text.replace(/\s+/g, '');
  if (t in WORKER_KINDS) return t as WorkerKind;
  const byLabel = (Object.entries(WORKER_KINDS) as [WorkerKind, string][]).find(([, label]) => label.replace(/\s+/g, '') === t);
  return byLabel?.[0] ?? WORKER_KIND_SYNONYMS[t] ?? null;
}

/** The new-form worker group an occupation names, or null for other occupations. */
export const gigKindOf = (occupation: string | null | undefined): GigKind | null => gigKindOfWorker(workerKindOf(occupation));

export const CHANNEL_LABELS = {
  offline: '线下登记',
  online: '网上申请',
  import: '批量导入',
  transfer: '转入',
} as const;
export type MembershipChannel = keyof typeof CHANNEL_LABELS;

/** Why a membership ended. `transfer` is set by a transfer, never chosen directly. */
export const LEAVE_REASONS = {
  transfer: '转出',
  request: '本人申请退会',
  auto: '自动退会（连续 6 个月未交会费且未参加活动）',
  expelled: '开除会籍',
  deceased: '去世',
  /** Set when a union about to be closed ends all its memberships at once (membership-bulk.service.ts). */
  org_closed: '所在工会撤销',
} as const;
export type LeaveReason = keyof typeof LEAVE_REASONS;
export const CHOOSABLE_LEAVE_REASONS = ['request', 'auto', 'expelled', 'deceased'] as const;
/** The reasons for ending every open membership of a union at once (before it is closed). */
export const BULK_LEAVE_REASONS = ['org_closed', ...CHOOSABLE_LEAVE_REASONS] as const;

/** A transfer request between unions (membership_transfers.status). */
export const TRANSFER_STATUS_LABELS = { pending: '待接收', accepted: '已接收', rejected: '已拒绝', withdrawn: '已撤回' } as const;
export type TransferStatus = keyof typeof TRANSFER_STATUS_LABELS;

export const APPLICATION_STATUS_LABELS = { pending: '待审核', approved: '已通过', rejected: '未通过' } as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUS_LABELS;
