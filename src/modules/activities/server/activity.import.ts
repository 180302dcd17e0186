import { scopeFor } from '@platform/access';
import { unionsOfRows } from '@modules/organisations/server';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, numberCell, parseImportDate, parseImportRow } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { ActivityPermissions } from '../shared/activities.module';
import { ACTIVITIES, ACTIVITY_COLUMNS, ActivityInputSchema, KIND_FIELD } from '../shared/activity.ledger';
import { ACTIVITY_TARGET } from './activity.repository';
import { checkActivity } from './activity.service';

/** The form's own rules for the fields a row carries as written (the union and the kind are looked up first). */
const ROW_SCHEMA = ActivityInputSchema.omit({ orgId: true, kind: true });
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
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, ActivityPermissions.write.name), rows, '主办工会');
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const union = unions.of(v.orgCode, errors);
        const kind = KIND_FIELD.parse(v.kind);
        if ('error' in kind) errors.push(kind.error);
        else if (!kind.value) errors.push('活动类型不能为空');
        const heldOn = blankCell(v.heldOn) == null ? null : (parseImportDate(v.heldOn!) ?? v.heldOn!.trim());
        const model = (v.byModelWorkers ?? '').trim();
        if (!YES.has(model) && !NO.has(model)) errors.push(`劳模参与应填“是”或“否”，不是“${model}”`);
        const parsed = parseImportRow(ROW_SCHEMA, {
          title: v.title ?? '', heldOn, place: blankCell(v.place), organisers: blankCell(v.organisers), personTimes: numberCell(v.personTimes) ?? undefined, reach: numberCell(v.reach), byModelWorkers: YES.has(model), summary: blankCell(v.summary),
        });
        errors.push(...parsed.errors);
        const a = parsed.data;
        if (a) {
          try {
            checkActivity(a, 0, today);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        const title = a?.title ?? (v.title ?? '').trim();
        const key = { key: `${v.orgCode ?? ''}/${a?.heldOn ?? v.heldOn ?? ''}/${title}`, keyLabel: '主办工会、日期和活动名称' };
        if (errors.length || !union || !('value' in kind) || !a) return { ...key, errors };
        return {
          ...key,
          outcome: 'inserted',
          stage: [[ACTIVITY_TARGET.table, [union.id, kind.value!, a.title, a.heldOn, a.place ?? null, a.organisers ?? null, a.personTimes, a.reach ?? null, a.byModelWorkers ?? false, a.summary ?? null]]],
        };
      });
    },
  };
}
