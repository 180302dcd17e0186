import { scopeFor } from '@platform/access';
import { unionsOfRows } from '@modules/organisations/server';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, parseImportDate } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { EmploymentPermissions } from '../shared/employment.module';
import { HIRING, HIRING_COLUMNS, SOURCE_FIELD, WORK_KIND_FIELD } from '../shared/hiring.ledger';
import { HIRING_TARGET } from './hiring.repository';
import { checkHiring } from './hiring.service';

const intOf = (v: string | undefined) => (v != null && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v == null || v.trim() === '' ? null : NaN);

/** 企业用工信息 by Excel: every row checked (union in scope, USCC, dates, pay range), then COPYed in one transaction. */
export function hiringImportSpec(): ImportSpec {
  return {
    kind: 'employment-hiring',
    label: '企业用工信息',
    permission: EmploymentPermissions.write.name,
    columns: importColumns(HIRING_COLUMNS),
    tags: ['就业服务'],
    textColumns: importTextColumns(HIRING.columns),
    targets: [HIRING_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, EmploymentPermissions.write.name), rows, '录入工会');
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const employerName = (v.employerName ?? '').trim();
        const post = (v.post ?? '').trim();
        if (employerName.length < 2) errors.push('单位名称至少 2 个字');
        if (post.length < 2) errors.push('岗位名称至少 2 个字');
        const union = unions.of(v.orgCode, errors);
        const workKind = WORK_KIND_FIELD.parse(v.workKind);
        if ('error' in workKind) errors.push(workKind.error);
        else if (!workKind.value) errors.push('用工形式不能为空');
        const source = SOURCE_FIELD.parse(v.source);
        if ('error' in source) errors.push(source.error);
        else if (!source.value) errors.push('信息来源不能为空');
        const headcount = intOf(v.headcount);
        if (headcount == null || Number.isNaN(headcount) || headcount < 1) errors.push('招聘人数应为不小于 1 的整数');
        const payMin = intOf(v.payMin);
        const payMax = intOf(v.payMax);
        if (Number.isNaN(payMin)) errors.push('月薪下限应为整数（元）');
        if (Number.isNaN(payMax)) errors.push('月薪上限应为整数（元）');
        const recordedOn = parseImportDate(v.recordedOn ?? '');
        const validUntil = parseImportDate(v.validUntil ?? '');
        if (!recordedOn) errors.push('录入日期应为 YYYY-MM-DD');
        if (!validUntil) errors.push('有效期至应为 YYYY-MM-DD');
        let uscc = '';
        if (recordedOn && validUntil) {
          try {
            uscc = checkHiring({ employerUscc: v.employerUscc ?? '', recordedOn, validUntil, payMin: Number.isNaN(payMin) ? null : payMin, payMax: Number.isNaN(payMax) ? null : payMax }, today);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        const key = { key: `${v.employerUscc ?? ''}/${post}`, keyLabel: '统一社会信用代码和岗位名称' };
        if (errors.length || !union || !('value' in workKind) || !('value' in source)) return { ...key, errors };
        return {
          ...key,
          outcome: 'inserted',
          stage: [[HIRING_TARGET.table, [union.id, employerName, uscc, post, workKind.value!, headcount!, payMin, payMax, blankCell(v.requirements), blankCell(v.place), recordedOn!, validUntil!, blankCell(v.contactName), blankCell(v.contactPhone), source.value!]]],
        };
      });
    },
  };
}
