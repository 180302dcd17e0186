import { defineCodes } from '@platform/ledger/codes';

/** GB/T 4754-2017 industry sections (门类), A–T. */
export const INDUSTRY = defineCodes({
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
});
export const INDUSTRY_SECTIONS = INDUSTRY.labels;
export type IndustrySection = keyof typeof INDUSTRY_SECTIONS;
export const INDUSTRY_VALUES = INDUSTRY.values;

/** 单位类别 codes of the union organisation registration form (domain-rules §2.1). */
export const OWNERSHIP = defineCodes({
  '110': '国有',
  '120': '集体',
  '130': '股份合作',
  '140': '联营',
  '151': '国有独资公司',
  '159': '其他有限责任公司',
  '161': '国有控股股份有限公司',
  '169': '其他股份有限公司',
  '170': '私营',
  '190': '其他内资',
  '200': '港澳台投资',
  '300': '外商投资',
  '400': '事业单位',
  '500': '机关',
  '600': '个体经济组织',
  '700': '民办非企业单位',
});
export const OWNERSHIP_KINDS = OWNERSHIP.labels;
export type OwnershipKind = keyof typeof OWNERSHIP_KINDS;
export const OWNERSHIP_VALUES = OWNERSHIP.values;

/** 《工会法》第十一条: a unit with 25 or more members shall set up a union committee. */
export const GAP_THRESHOLD = 25;

/** Founding (建会) progress of an employer without a union. */
export const FOUNDING = defineCodes({ none: '未启动', visiting: '走访中', preparing: '筹备中', founded: '已建会' });
export const FOUNDING_STAGES = FOUNDING.labels;
export type FoundingStage = keyof typeof FOUNDING_STAGES;

/** The list's coverage filter (建会情况). */
export const COVERAGE = defineCodes({ gap: '建会空白点', covered: '已建会单位', all: '全部单位' });

/** Finds an industry section by its letter or its Chinese name. */
export const industryOf = (text: string): IndustrySection | null => INDUSTRY.of(text);
export const ownershipOf = (text: string): OwnershipKind | null => OWNERSHIP.of(text);
