import { scopeFor } from '@platform/access';
import { unionsOfRows } from '@modules/organisations/server';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, parseImportDate, parseImportRow } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { FacilityPermissions } from '../shared/facilities.module';
import { BUILD_MODE, CLASS_TYPE, FACILITIES, FACILITY_COLUMNS, FACILITY_KIND, FacilityInputSchema, KIND_FIELD, READING_LEVEL, type FacilityKind } from '../shared/facility.ledger';
import { FACILITY_TARGET, listStandards, namesOf } from './facility.repository';
import { checkFacility } from './facility.service';

const num = (v: string | undefined) => {
  const t = (v ?? '').trim();
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
};
/** A date cell as `YYYY-MM-DD`, or the text as written when it is not a date (the schema refuses it, naming the field). */
const dateOf = (v: string | undefined) => (blankCell(v) == null ? null : (parseImportDate(v!) ?? v!.trim()));
/** The form's own rules for the fields a row carries as written (union, kind, standard and date are looked up first). */
const ROW_SCHEMA = FacilityInputSchema.omit({ orgId: true, kind: true, standardId: true, declaredOn: true });

/**
 * 服务阵地 by Excel (a street's list of stations or rooms): each row becomes a declaration (已申报) awaiting the
 * superior union's acceptance; every row is checked as the form checks it, then COPYed in one transaction.
 */
export function facilityImportSpec(): ImportSpec {
  return {
    kind: 'facilities',
    label: '服务阵地（申报）',
    permission: FacilityPermissions.write.name,
    columns: importColumns(FACILITY_COLUMNS),
    tags: ['服务阵地'],
    textColumns: importTextColumns(FACILITIES.columns),
    targets: [FACILITY_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, FacilityPermissions.write.name), rows, '所属工会');
      const taken = await namesOf(db, unions.ids);
      const standards = new Map<string, number>();
      for (const s of await listStandards(db)) if (s.effectiveFrom <= today && !standards.has(`${s.kind}/${s.name}`)) standards.set(`${s.kind}/${s.name}`, s.id);
      return rows.map(({ values: v }): PreparedRow => {
        const errors: string[] = [];
        const name = (v.name ?? '').trim();
        const union = unions.of(v.orgCode, errors);
        const kindOf = KIND_FIELD.parse(v.kind);
        const kind = 'value' in kindOf ? (kindOf.value as FacilityKind | null) : null;
        if ('error' in kindOf) errors.push(kindOf.error);
        else if (!kind) errors.push('阵地类型不能为空');
        const standardId = kind ? standards.get(`${kind}/${(v.standardName ?? '').trim()}`) : undefined;
        if (kind && !standardId) errors.push(`建设标准“${v.standardName ?? ''}”不是现行的${FACILITY_KIND.label(kind)}标准`);
        const declaredOn = parseImportDate(v.declaredOn ?? '');
        if (!declaredOn) errors.push('申报日期应为 YYYY-MM-DD');
        const coded = (text: string | undefined, codes: { of(t: string): string | null }, title: string) => {
          const t = (text ?? '').trim();
          if (!t) return null;
          const c = codes.of(t);
          if (!c) errors.push(`${title}“${t}”不在可选项中`);
          return c;
        };
        const parsed = parseImportRow(ROW_SCHEMA, {
          name, host: blankCell(v.host), address: blankCell(v.address), lat: num(v.lat), lng: num(v.lng), openingHours: blankCell(v.openingHours), manager: blankCell(v.manager), managerPhone: blankCell(v.managerPhone),
          buildMode: coded(v.buildMode, BUILD_MODE, '建设方式'), level: coded(v.level, READING_LEVEL, '命名级别'), volumes: num(v.volumes),
          classType: coded(v.classType, CLASS_TYPE, '托管班类型'), enrolled: num(v.enrolled), startsOn: dateOf(v.startsOn), endsOn: dateOf(v.endsOn), leader: blankCell(v.leader),
        });
        errors.push(...parsed.errors);
        const values = parsed.data;
        let cleared: Record<string, unknown> = {};
        if (kind && declaredOn && values && !errors.length) {
          try {
            cleared = checkFacility({ kind, declaredOn, ...values } as never, today);
          } catch (e) {
            errors.push((e as Error).message);
          }
        }
        if (union && kind && taken.has(`${union.id}/${kind}/${name}`)) errors.push(`这个工会已有名为“${name}”的${FACILITY_KIND.label(kind)}`);
        const key = { key: `${v.orgCode ?? ''}/${kind ?? ''}/${name}`, keyLabel: '所属工会、阵地类型和名称' };
        if (errors.length || !union || !kind || !standardId || !declaredOn || !values) return { ...key, errors };
        taken.add(`${union.id}/${kind}/${name}`);
        const r = { ...values, ...cleared } as Record<string, unknown>;
        return {
          ...key,
          outcome: 'inserted',
          stage: [[FACILITY_TARGET.table, [union.id, kind, name, standardId, declaredOn, r.host, r.address, r.lat, r.lng, r.openingHours, r.manager, r.managerPhone, r.buildMode, r.level, r.volumes, r.classType, r.enrolled, r.startsOn, r.endsOn, r.leader] as never]],
        };
      });
    },
  };
}
