import { scopeFor } from '@platform/access';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, parseImportDate, parseImportRow } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { unionsOfRows } from '@modules/organisations/server';
import { CATEGORY_CODE_FIELD, CATEGORY_FIELD, CHANNEL_FIELD, DELEGATE_COLUMNS, DISCLOSURE_COLUMNS, DISCLOSURES, DisclosureInputSchema, SEX_FIELD } from '../shared/congress.ledger';
import { CongressPermissions } from '../shared/congresses.module';
import { activeDelegateKeys, congressesByOrg, DELEGATE_TARGET, DISCLOSURE_TARGET } from './congress.repository';
import { checkDisclosure } from './congress.service';

const tags = ['职代会和民主管理'];
const dateCell = (v: string | undefined) => (blankCell(v) == null ? null : (parseImportDate(v!) ?? v!.trim()));
const DISCLOSURE_ROW = DisclosureInputSchema.omit({ orgId: true, category: true, channel: true });

/** A congress's delegate roster by Excel (kept by the union in a spreadsheet after each election). */
export function delegateImportSpec(): ImportSpec {
  const columns = DELEGATE_COLUMNS.filter((c) => c.import);
  return {
    kind: 'congress-delegates',
    label: '职工代表名册',
    permission: CongressPermissions.write.name,
    columns: importColumns(columns),
    tags,
    textColumns: importTextColumns(columns),
    targets: [DELEGATE_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, CongressPermissions.write.name), rows, '单位工会');
      const congressOf = await congressesByOrg(db, unions.ids);
      const onRoster = await activeDelegateKeys(db, [...congressOf.values()]);
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const u = unions.of(v.orgCode, errors);
        const congressId = u ? congressOf.get(u.id) : undefined;
        if (u && !congressId) errors.push('这个单位还没有建立职代会制度：请先在职代会台账中建立');
        const name = (v.name ?? '').trim();
        if (name.length < 2 || name.length > 30) errors.push('姓名应为 2 至 30 个字');
        const sex = SEX_FIELD.parse(v.sex);
        if ('error' in sex) errors.push(sex.error);
        else if (!sex.value) errors.push('性别不能为空');
        const category = CATEGORY_FIELD.parse(v.category);
        if ('error' in category) errors.push(category.error);
        else if (!category.value) errors.push('代表类别不能为空');
        const electedOn = dateCell(v.electedOn);
        if (!electedOn || !/^\d{4}-\d{2}-\d{2}$/.test(electedOn)) errors.push('当选日期应为日期，如 2025-03-01');
        else if (electedOn > today) errors.push('当选日期不能晚于今天');
        const dept = blankCell(v.dept);
        if (dept && dept.length > 40) errors.push('所在部门或车间不超过 40 个字');
        if (congressId && onRoster.has(`${congressId}/${name}/${dept ?? ''}`)) errors.push(`${name}${dept ? `（${dept}）` : ''}已在本届代表名册中`);
        const key = { key: `${v.orgCode ?? ''}/${name}/${electedOn ?? ''}`, keyLabel: '单位工会、姓名和当选日期' };
        if (errors.length || !congressId || !('value' in sex) || !('value' in category)) return { ...key, errors };
        return { ...key, outcome: 'inserted', stage: [[DELEGATE_TARGET.table, [congressId, name, sex.value!, category.value!, dept, electedOn!]]] };
      });
    },
  };
}

/** 厂务公开 items by Excel. */
export function disclosureImportSpec(): ImportSpec {
  return {
    kind: 'disclosures',
    label: '厂务公开',
    permission: CongressPermissions.write.name,
    columns: importColumns(DISCLOSURE_COLUMNS),
    tags,
    textColumns: importTextColumns(DISCLOSURES.columns),
    targets: [DISCLOSURE_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, CongressPermissions.write.name), rows, '单位工会');
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const u = unions.of(v.orgCode, errors);
        const category = CATEGORY_CODE_FIELD.parse(v.category);
        if ('error' in category) errors.push(category.error);
        else if (!category.value) errors.push('公开类别不能为空');
        const channel = CHANNEL_FIELD.parse(v.channel);
        if ('error' in channel) errors.push(channel.error);
        else if (!channel.value) errors.push('公开渠道不能为空');
        const parsed = parseImportRow(DISCLOSURE_ROW, { matter: v.matter ?? '', disclosedOn: dateCell(v.disclosedOn), periodLabel: blankCell(v.periodLabel), content: blankCell(v.content), feedback: blankCell(v.feedback) });
        errors.push(...parsed.errors);
        const a = parsed.data;
        if (a) {
          try {
            checkDisclosure(a, today);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        const key = { key: `${v.orgCode ?? ''}/${a?.disclosedOn ?? v.disclosedOn ?? ''}/${(v.matter ?? '').trim()}`, keyLabel: '单位工会、公开日期和公开事项' };
        if (errors.length || !u || !a || !('value' in category) || !('value' in channel)) return { ...key, errors };
        return { ...key, outcome: 'inserted', stage: [[DISCLOSURE_TARGET.table, [u.id, a.matter, category.value!, channel.value!, a.disclosedOn, a.periodLabel ?? null, a.content ?? null, a.feedback ?? null]]] };
      });
    },
  };
}
