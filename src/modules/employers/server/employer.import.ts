import { scopeFor } from '@platform/access';
import type { CopyValue, ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { normaliseCode, parseUscc } from '@platform/validation';
import { ORG_KIND_VALUES, tierOf } from '@modules/organisations/shared/org-kinds';
import { industryOf, ownershipOf } from '../shared/employer-codes';
import { EMPLOYER_COLUMNS, EMPLOYER_LEDGER, SMALL_MICRO } from '../shared/employer.ledger';
import { EmployerPermissions } from '../shared/employer.permissions';
import { EMPLOYER_TARGET, EMPLOYER_UPDATE_TARGET, updateEmployersFromImport } from './employer-import.repository';
import * as repo from './employer.repository';

/** The template's columns: the register's column list, import part (employer.ledger.ts). */
export const EMPLOYER_IMPORT_COLUMNS = importColumns(EMPLOYER_COLUMNS);

const keeperKinds = ORG_KIND_VALUES.filter((k) => tierOf(k) !== 'grassroots');
const intOf = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN);

/** The employer register import (the same engine as the member roster). */
export function employerImportSpec(): ImportSpec {
  return {
    kind: 'employers',
    label: '用人单位',
    permission: EmployerPermissions.write.name,
    columns: EMPLOYER_IMPORT_COLUMNS,
    tags: ['用人单位'],
    textColumns: importTextColumns(EMPLOYER_LEDGER.columns),
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const scope = scopeFor(ctx.principal, EmployerPermissions.write.name);
      const checked = rows.map(({ values: v }) => {
        const errors: string[] = [];
        const name = (v.name ?? '').trim();
        if (name.length < 2) errors.push('单位名称不能为空（至少 2 个字）');
        const u = parseUscc(v.uscc ?? '');
        if ('error' in u) errors.push(u.error);
        const orgCode = normaliseCode(v.orgCode ?? '');
        if (!orgCode) errors.push('所属街道工会代码不能为空');
        const division = blankCell(v.divisionCode);
        if (division && !/^\d{6}(\d{3}(\d{3})?)?$/.test(division)) errors.push('行政区划代码应为 6、9 或 12 位数字');
        const industry = blankCell(v.industry) ? industryOf(v.industry!) : null;
        if (blankCell(v.industry) && !industry) errors.push('行业门类应为 A–T 的字母或门类名称');
        const ownership = blankCell(v.ownership) ? ownershipOf(v.ownership!) : null;
        if (blankCell(v.ownership) && !ownership) errors.push('单位类别不在单位类别代码表中');
        const employees = intOf(v.employees ?? '');
        if (Number.isNaN(employees)) errors.push('职工人数应为整数');
        const women = blankCell(v.womenEmployees) ? intOf(v.womenEmployees!) : null;
        if (women !== null && Number.isNaN(women)) errors.push('女职工人数应为整数');
        else if (women !== null && !Number.isNaN(employees) && women > employees) errors.push('女职工人数不能多于职工人数');
        const sm = SMALL_MICRO.parse(v.smallMicro);
        if ('error' in sm) errors.push(sm.error);
        return {
          errors,
          orgCode,
          uscc: 'uscc' in u ? u.uscc : '',
          value: { name, divisionCode: division, industry, ownership, employees, womenEmployees: women, smallMicro: 'value' in sm ? sm.value : null, contactName: blankCell(v.contactName), contactPhone: blankCell(v.contactPhone), address: blankCell(v.address), remark: blankCell(v.remark) },
        };
      });
      const keepers = new Map((await repo.keepersByCode(db, scope, [...new Set(checked.map((c) => c.orgCode).filter(Boolean))], keeperKinds)).map((k) => [k.code, k]));
      const existing = new Map((await repo.employersByUscc(db, checked.map((c) => c.uscc).filter(Boolean))).map((e) => [e.employer.uscc, e]));
      return checked.map((c): PreparedRow => {
        const keeper = keepers.get(c.orgCode);
        if (c.orgCode && !keeper) c.errors.push(`所属街道工会代码“${c.orgCode}”不是区、街道（乡镇）或产业工会的代码`);
        else if (keeper && !keeper.inScope) c.errors.push(`“${keeper.name}”不在您的管辖范围内`);
        const found = existing.get(c.uscc);
        if (found && !scope.paths.some((p) => found.orgPath.startsWith(p))) c.errors.push('该统一社会信用代码已由其他工会登记');
        if (c.errors.length || !keeper) return { errors: c.errors };
        const v = c.value;
        const line = (smallMicro: boolean | null): CopyValue[] => [
          keeper.id, v.name, c.uscc, v.divisionCode, v.industry, v.ownership, v.employees, v.womenEmployees, smallMicro, v.contactName, v.contactPhone, v.address, v.remark,
        ];
        const key = { key: c.uscc, keyLabel: '统一社会信用代码' };
        if (!found) return { ...key, outcome: 'inserted', stage: [[EMPLOYER_TARGET.table, line(v.smallMicro ?? false)]] };
        const e = found.employer;
        const changed =
          e.name !== v.name || e.orgId !== keeper.id || e.employees !== v.employees ||
          (v.divisionCode !== null && v.divisionCode !== e.divisionCode) || (v.industry !== null && v.industry !== e.industry) ||
          (v.ownership !== null && v.ownership !== e.ownership) || (v.womenEmployees !== null && v.womenEmployees !== e.womenEmployees) ||
          (v.smallMicro !== null && v.smallMicro !== e.smallMicro) || (v.contactName !== null && v.contactName !== e.contactName) ||
          (v.contactPhone !== null && v.contactPhone !== e.contactPhone) || (v.address !== null && v.address !== e.address) ||
          (v.remark !== null && v.remark !== e.remark);
        if (!changed || ctx.mode !== 'upsert') return { ...key, outcome: 'unchanged', stage: [] };
        return { ...key, outcome: 'updated', stage: [[EMPLOYER_UPDATE_TARGET.table, line(v.smallMicro)]] };
      });
    },
    targets: [EMPLOYER_TARGET, EMPLOYER_UPDATE_TARGET],
    async finish(tx) {
      await updateEmployersFromImport(tx, EMPLOYER_UPDATE_TARGET.table);
    },
  };
}
