import { scopeFor } from '@platform/access';
import { unionsOfRows } from '@modules/organisations/server';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, numberCell, parseImportDate, parseImportRow } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { EVENT_COLUMNS, EVENT_KIND_FIELD, LEGAL_EVENTS, LegalEventInputSchema } from '../shared/legal.ledger';
import { LegalPermissions } from '../shared/legal.module';
import { EVENT_TARGET } from './legal.repository';
import { checkEvent } from './legal.service';

const ROW_SCHEMA = LegalEventInputSchema.omit({ orgId: true, kind: true });

/** 普法活动 by Excel (the event register a union keeps in a spreadsheet): every row checked, then COPYed in one transaction. */
export function legalEventImportSpec(): ImportSpec {
  return {
    kind: 'legal-events',
    label: '普法活动',
    permission: LegalPermissions.write.name,
    columns: importColumns(EVENT_COLUMNS),
    tags: ['普法和法律服务'],
    textColumns: importTextColumns(LEGAL_EVENTS.columns),
    targets: [EVENT_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, LegalPermissions.write.name), rows, '主办工会');
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const union = unions.of(v.orgCode, errors);
        const kind = EVENT_KIND_FIELD.parse(v.kind);
        if ('error' in kind) errors.push(kind.error);
        else if (!kind.value) errors.push('活动形式不能为空');
        const heldOn = blankCell(v.heldOn) == null ? null : (parseImportDate(v.heldOn!) ?? v.heldOn!.trim());
        const parsed = parseImportRow(ROW_SCHEMA, { title: v.title ?? '', heldOn, place: blankCell(v.place), audience: numberCell(v.audience) ?? undefined, materials: numberCell(v.materials), speakers: blankCell(v.speakers), summary: blankCell(v.summary) });
        errors.push(...parsed.errors);
        const a = parsed.data;
        if (a) {
          try {
            checkEvent(a, today);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        const title = a?.title ?? (v.title ?? '').trim();
        const key = { key: `${v.orgCode ?? ''}/${a?.heldOn ?? v.heldOn ?? ''}/${title}`, keyLabel: '主办工会、日期和活动名称' };
        if (errors.length || !union || !('value' in kind) || !a) return { ...key, errors };
        return { ...key, outcome: 'inserted', stage: [[EVENT_TARGET.table, [union.id, kind.value!, a.title, a.heldOn, a.place ?? null, a.audience, a.materials ?? null, a.speakers ?? null, a.summary ?? null]]] };
      });
    },
  };
}
