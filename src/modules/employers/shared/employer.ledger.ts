import { yesNoField } from '@platform/imports/codes';
import { defineColumns } from '@platform/ledger/columns';
import { defineLedger } from '@platform/ledger/ledger';
import { FOUNDING, OWNERSHIP } from './employer-codes';
import type { Employer, GapRow } from './employer.schema';

export const SMALL_MICRO = yesNoField('是否小微企业');

/** The register's one column list: the list page, the Excel export, the detail drawer and the import template. */
export const EMPLOYER_COLUMNS = defineColumns<Employer>([
  { key: 'name', header: '单位名称', width: 30, value: (e) => e.name, import: { required: true, note: '与营业执照一致', example: '云溪恒达物流有限公司' } },
  { key: 'uscc', header: '统一社会信用代码', width: 22, value: (e) => e.uscc, import: { required: true, note: '18 位，按 GB 32100 校验', example: '91320100MA1XXXXXXX', asText: true } },
  { key: 'orgName', header: '所属街道工会', width: 24, value: (e) => e.orgName },
  { key: 'orgCode', header: '所属街道工会代码', width: 16, import: { required: true, aliases: ['所属工会代码'], note: '单位所在街道（乡镇）或产业工会的组织代码', example: '320102001', asText: true } },
  { key: 'divisionCode', header: '行政区划代码', width: 12, in: { list: false }, value: (e) => e.divisionCode, import: { note: '6、9 或 12 位数字；不填取所属工会的区划', example: '320102', asText: true } },
  { key: 'industry', header: '行业门类', width: 24, value: (e) => e.industry, text: (e) => (e.industry ? `${e.industry} ${e.industryLabel}` : null), import: { width: 10, note: 'GB/T 4754 门类字母（A–T）或名称，如 G 或 交通运输、仓储和邮政业', example: 'G' } },
  { key: 'ownership', header: '单位类别', width: 14, in: { list: false }, value: (e) => e.ownership, codes: OWNERSHIP, import: { width: 10, note: '代码或名称，如 170 或 私营', example: '私营' } },
  { key: 'employees', header: '职工人数', width: 10, value: (e) => e.employees, import: { required: true, note: '整数', example: '86' } },
  { key: 'womenEmployees', header: '女职工人数', width: 10, in: { list: false }, value: (e) => e.womenEmployees, import: { note: '整数，不多于职工人数', example: '30' } },
  { key: 'smallMicro', header: '是否小微企业', width: 12, in: { list: false }, value: (e) => e.smallMicro, import: { note: '是或否（也可填 Y/N、√/×、1/0）', example: '否', codes: SMALL_MICRO.synonymLines() } },
  { key: 'unionName', header: '覆盖工会', width: 28, value: (e) => e.unionName },
  { key: 'coveredSince', header: '覆盖起始日期', width: 12, in: { list: false }, value: (e) => e.coveredSince },
  { key: 'isGap', header: '是否建会空白点', width: 14, in: { list: false }, value: (e) => e.isGap },
  { key: 'foundingStage', header: '建会进度', width: 10, in: { list: false }, value: (e) => e.foundingStage, codes: FOUNDING },
  { key: 'foundingNote', header: '进展说明', width: 24, in: { list: false }, value: (e) => e.foundingNote },
  { key: 'contactName', header: '联系人', width: 10, in: { list: false }, value: (e) => e.contactName, import: { example: '' } },
  { key: 'contactPhone', header: '联系电话', width: 14, in: { list: false }, value: (e) => e.contactPhone, import: { example: '', asText: true } },
  { key: 'address', header: '地址', width: 24, in: { list: false }, value: (e) => e.address, import: { example: '' } },
  { key: 'remark', header: '备注', width: 16, in: { list: false, export: false }, value: (e) => e.remark, import: { example: '' } },
]);

/** The employer register (用人单位): its records open at /employers?open=<id>. */
export const EMPLOYER_LEDGER = defineLedger({ name: 'employers', label: '用人单位', path: '/employers', columns: EMPLOYER_COLUMNS });

/** The gaps by street (25+ employees): a street's row filters the register to its gaps. */
export const GAP_COLUMNS = defineColumns<GapRow>([
  { key: 'orgName', header: '街道', value: (r) => r.orgName },
  { key: 'employers25', header: '25 人以上单位', value: (r) => r.employers25 },
  { key: 'covered', header: '已建会', value: (r) => r.covered },
  { key: 'gaps', header: '空白点', value: (r) => r.gaps },
  { key: 'foundingRate', header: '建会率', value: (r) => r.foundingRate },
]);
