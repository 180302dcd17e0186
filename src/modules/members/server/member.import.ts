import type { DbOrTx } from '@platform/db';
import { type StageValue, type ImportContext, type ImportSpec, type PreparedRow } from '@platform/imports';
import { chinaToday } from '@platform/periods';
import { scopeFor } from '@platform/access';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { MEMBER_CODES } from '../shared/member-codes';
import { MemberPermissions } from '../shared/member.permissions';
import { sealIdNumberLater, sealPhoneLater, type MemberValue } from './member.fields';
import type { RosterCheckInput, RosterRowCheck } from './member-import.check';
import { MEMBER_TARGET, MEMBERSHIP_TARGET, UPDATE_TARGET, updateMembersFromImport } from './member-import.repository';
import * as repo from './member.repository';
import type { MemberRecord } from './member.table';

/** The roster template's columns, in the order the issue fixes. */
export const MEMBER_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名', required: true, note: '2–30 个汉字或字母', example: '张伟', width: 10 },
  { key: 'sex', header: '性别', note: '男或女；可不填，由身份证号码得出；填了必须与号码一致', example: '男', width: 6, codes: MEMBER_CODES.sex.synonymLines() },
  { key: 'ethnicity', header: '民族', note: '56 个民族名称，可省略“族”字（如 汉、回）', example: '汉族', width: 8 },
  { key: 'idNumber', header: '居民身份证号码', required: true, aliases: ['身份证号码', '身份证号'], note: '18 位，末位可为 X；请把本列设为文本格式，否则 Excel 会改掉后三位', example: '110105199001011234', width: 22 },
  { key: 'phone', header: '手机号码', aliases: ['手机号', '联系电话'], note: '11 位手机号', example: '13800138000', width: 14 },
  { key: 'education', header: '学历', note: `${MEMBER_CODES.education.accepted}；也可填本科、大专、硕士研究生、中专、初中、小学等常见写法（见下方对照表）`, example: '大学专科', width: 10, codes: MEMBER_CODES.education.synonymLines() },
  { key: 'politicalStatus', header: '政治面貌', note: `${MEMBER_CODES.politicalStatus.accepted}；也可填党员、团员等常见写法（见下方对照表）`, example: '群众', width: 10, codes: MEMBER_CODES.politicalStatus.synonymLines() },
  { key: 'occupation', header: '职业', note: '从业类别按下列之一填写（用于新就业形态、环卫工人等统计和体检名额）：快递员、外卖配送员、网约车司机、货车司机、家政服务员、护工护理员、商场信息员、房地产经纪人员、保安员、其他新就业形态、环卫工人、否（非新就业形态）；其他职业照实填写', example: '外卖配送员', width: 12 },
  { key: 'migrantWorker', header: '是否农民工', note: '是或否（也可填 Y/N、√/×、1/0），不填为否', example: '否', width: 10, codes: MEMBER_CODES.migrantWorker.synonymLines() },
  { key: 'employerUscc', header: '工作单位统一社会信用代码', aliases: ['统一社会信用代码'], note: '18 位，按 GB 32100 校验', example: '91320100MA1XXXXXXX', width: 24 },
  { key: 'orgCode', header: '所属工会代码', required: true, aliases: ['工会代码'], note: '会员所在基层工会的组织代码（组织管理中可查），必须在您的管辖范围内', example: '320102001001', width: 16 },
  { key: 'joinedOn', header: '入会日期', note: '如 2024-03-05；不填为导入当天', example: '2024-03-05', width: 12 },
  { key: 'remark', header: '备注', note: '200 字以内', example: '', width: 16 },
];

type Existing = Awaited<ReturnType<typeof repo.membersByIdIdx>>[number];

/** The fields of a row that would change an existing member (empty cells keep the stored value), by Chinese name. */
function differences(m: MemberRecord, v: MemberValue, phoneIdx: string | null): string[] {
  const changed = <T>(next: T | null, prev: T | null) => next !== null && next !== prev;
  const fields: [string, boolean][] = [
    ['姓名', v.name !== m.name],
    ['民族', changed(v.ethnicity, m.ethnicity)],
    ['手机号码', changed(phoneIdx, m.phoneIdx)],
    ['学历', changed(v.education, m.education)],
    ['政治面貌', changed(v.politicalStatus, m.politicalStatus)],
    ['职业', changed(v.occupation, m.occupation)],
    ['是否农民工', changed(v.migrantWorker, m.migrantWorker)],
    ['工作单位统一社会信用代码', changed(v.employerUscc, m.employerUscc)],
    ['备注', changed(v.remark, m.remark)],
  ];
  return fields.filter(([, d]) => d).map(([name]) => name);
}

/**
 * The lines a row stages: the member (new, or changed columns of an existing one) and the membership to open,
 * in the targets' column order. Only ciphertexts and masks, never a plain ID number or phone.
 */
function stageOf(
  a: 'insert' | 'update' | 'keep',
  id: number,
  v: MemberValue,
  digests: { idx: string; phoneIdx: string | null },
  ms: { orgId: number; joinedOn: string } | null,
  skipped: string[] = [],
): PreparedRow {
  const stage: [string, StageValue[]][] = [];
  const idIdx = digests.idx;
  if (a !== 'keep') {
    const phone = v.phone ? sealPhoneLater('members', id, v.phone, digests.phoneIdx!) : null;
    // An empty 是否农民工 keeps an existing member's value, and is 否 for a new one.
    const migrant = a === 'insert' ? (v.migrantWorker ?? false) : v.migrantWorker;
    const shared = [v.ethnicity, phone?.enc ?? null, phone?.idx ?? null, phone?.masked ?? null, v.education, v.politicalStatus, v.occupation, v.workerKind, v.gigKind, migrant, v.employerUscc, v.remark];
    if (a === 'insert') {
      const idSeal = sealIdNumberLater('members', id, v.idNumber, idIdx);
      stage.push([MEMBER_TARGET.table, [id, v.name, v.sex, v.birthDate, idSeal.enc, idSeal.idx, idSeal.masked, ...shared]]);
    } else {
      stage.push([UPDATE_TARGET.table, [id, v.name, ...shared]]);
    }
  }
  if (ms) stage.push([MEMBERSHIP_TARGET.table, [id, ms.orgId, ms.joinedOn, 'import']]);
  const outcome = a === 'insert' ? 'inserted' : a === 'update' || ms ? 'updated' : skipped.length ? 'skipped' : 'unchanged';
  // Add-only and the row differs from the register: say what was left as it is, and why.
  const note = skipped.length ? `此人已在会员档案中，${skipped.join('、')}与档案不同，未更新（导入方式为“仅新增”；要更新请选择“新增或更新”）` : undefined;
  return { key: idIdx, keyLabel: '居民身份证号码', outcome, stage, ...(note ? { note } : {}) };
}

/** The member roster import: the template of the issue, validated row by row, applied in one transaction. */
export function memberImportSpec(): ImportSpec {
  return {
    kind: 'members',
    label: '会员花名册',
    permission: MemberPermissions.write.name,
    columns: MEMBER_IMPORT_COLUMNS,
    tags: ['会员'],
    textColumns: ['idNumber', 'phone', 'employerUscc', 'orgCode', 'joinedOn'],
    check: {
      module: new URL('./member-import.check.ts', import.meta.url),
      input: (ctx): RosterCheckInput => ({ today: chinaToday(ctx.deps.now()), blindIndexKey: ctx.deps.cipher.blindIndexKey }),
    },
    async prepare(db: DbOrTx, rows, ctx: ImportContext): Promise<PreparedRow[]> {
      const scope = scopeFor(ctx.principal, MemberPermissions.write.name);
      // The row check ran on the parse worker (see `check` above); a row without its result is an engine bug.
      const checked = rows.map((r) => {
        if (!r.checked) throw new Error(`roster row ${r.rowNo} arrived unchecked`);
        return { row: r, ...(r.checked as RosterRowCheck) };
      });
      const codes = [...new Set(checked.map((c) => c.orgCode).filter(Boolean))];
      const orgs = new Map((await repo.orgsByCodeInScope(db, scope, codes, grassrootsKinds())).map((o) => [o.code, o]));
      const idxs = checked.flatMap((c) => (c.idx ? [c.idx] : []));
      const existing = new Map<string, Existing>((await repo.membersByIdIdx(db, idxs)).map((e) => [e.member.idNumberIdx, e]));
      const newIds = await repo.reserveIds(db, 'members', checked.filter((c) => c.value && !existing.has(c.idx)).length);
      let nextNew = 0;
      return checked.map((c): PreparedRow => {
        const org = c.orgCode ? orgs.get(c.orgCode) : undefined;
        if (c.orgCode && !org) c.errors.push(`所属工会代码“${c.orgCode}”不是基层工会的组织代码`);
        else if (org && !org.inScope) c.errors.push(`所属工会“${org.name}”不在您的管辖范围内`);
        else if (org?.closedOn) c.errors.push(`所属工会“${org.name}”已撤销`);
        // Looked up by a valid ID number even when another field is wrong, so this error is told with the others.
        const found = c.idx ? existing.get(c.idx) : undefined;
        if (found?.openOrgId && org && found.openOrgId !== org.id) {
          c.errors.push(`此人已是“${found.openOrgName}”的会员（${found.openJoinedOn} 入会），不能重复入会；如已调动，请在会员管理中办理转会`);
        }
        if (c.errors.length || !c.value || !org) return { errors: c.errors, ...(c.idx ? { key: c.idx, keyLabel: '居民身份证号码' } : {}) };
        const v = c.value;
        const idx = c.idx;
        if (!found) {
          const id = newIds[nextNew++]!;
          return stageOf('insert', id, v, { idx, phoneIdx: c.phoneIdx }, { orgId: org.id, joinedOn: c.joinedOn });
        }
        const ms = found.openOrgId ? null : { orgId: org.id, joinedOn: c.joinedOn };
        const differ = differences(found.member, v, c.phoneIdx);
        if (ctx.mode === 'upsert') return stageOf(differ.length ? 'update' : 'keep', found.member.id, v, { idx, phoneIdx: c.phoneIdx }, ms);
        return stageOf('keep', found.member.id, v, { idx, phoneIdx: c.phoneIdx }, ms, differ);
      });
    },
    targets: [MEMBER_TARGET, UPDATE_TARGET, MEMBERSHIP_TARGET],
    async finish(tx) {
      await updateMembersFromImport(tx, UPDATE_TARGET.table);
    },
  };
}
