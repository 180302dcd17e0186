import { scopeFor } from '@platform/access';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { parseImportDate } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { ActivityPermissions } from '../shared/activities.module';
import { ACTIVITIES, ACTIVITY_COLUMNS, KIND_FIELD } from '../shared/activity.ledger';
import { ACTIVITY_TARGET, unionsByCode } from './activity.repository';

const blank = (v: string | undefined) => (v == null || v.trim() === '' ? null : v.trim());
const intOf = (v: string | undefined) => (v != null && /^\d+$/.test(v.trim()) ? Number(v.trim()) : v == null || v.trim() === '' ? null : NaN);
const YES = new Set(['是', '有', 'Y', 'y', '1']);
const NO = new Set(['', '否', '无', 'N', 'n', '0']);

/** 活动 by Excel (an activity register kept in a spreadsheet): every row checked, then COPYed in one transaction. */
export function activityImportSpec(): ImportSpec {
  return {
    kind: 'activities',
    label: '活动',
    permission: ActivityPermissions.write.name,
    columns: importColumns(ACTIVITY_COLUMNS),
    tags: ['活动与志愿服务'],
    textColumns: importTextColumns(ACTIVITIES.columns),
    targets: [ACTIVITY_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const codes = [...new Set(rows.map((r) => (r.values.orgCode ?? '').trim()).filter(Boolean))];
      const unions = new Map((await unionsByCode(db, scopeFor(ctx.principal, ActivityPermissions.write.name), codes)).map((u) => [u.code, u]));
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const title = (v.title ?? '').trim();
        if (title.length < 4) errors.push('活动名称至少 4 个字');
        const union = unions.get((v.orgCode ?? '').trim());
        if (!union) errors.push(`主办工会代码“${v.orgCode ?? ''}”不是在册工会的代码`);
        else if (!union.inScope) errors.push('主办工会不在您的管辖范围内');
        const kind = KIND_FIELD.parse(v.kind);
        if ('error' in kind) errors.push(kind.error);
        else if (!kind.value) errors.push('活动类型不能为空');
        const heldOn = parseImportDate(v.heldOn ?? '');
        if (!heldOn) errors.push('活动日期应为 YYYY-MM-DD');
        else if (heldOn > today) errors.push('活动日期不能晚于今天：活动举办后再登记');
        const personTimes = intOf(v.personTimes);
        const reach = intOf(v.reach);
        if (personTimes == null || Number.isNaN(personTimes)) errors.push('参与人次应为整数');
        if (Number.isNaN(reach)) errors.push('辐射人次应为整数');
        else if (reach != null && personTimes != null && reach < personTimes) errors.push('辐射人次不能少于参与人次');
        const model = (v.byModelWorkers ?? '').trim();
        if (!YES.has(model) && !NO.has(model)) errors.push(`劳模参与应填“是”或“否”，不是“${model}”`);
        const key = { key: `${v.orgCode ?? ''}/${heldOn ?? v.heldOn ?? ''}/${title}`, keyLabel: '主办工会、日期和活动名称' };
        if (errors.length || !union || !('value' in kind)) return { ...key, errors };
        return {
          ...key,
          outcome: 'inserted',
          stage: [[ACTIVITY_TARGET.table, [union.id, kind.value!, title, heldOn!, blank(v.place), blank(v.organisers), personTimes!, reach, YES.has(model), blank(v.summary)]]],
        };
      });
    },
  };
}
