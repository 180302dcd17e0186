import { scopeFor } from '@platform/access';
import { reserveSerialIds } from '@platform/db';
import { unionsOfRows } from '@modules/organisations/server';
import type { ImportSpec, PreparedRow } from '@platform/imports';
import { blankCell, parseImportDate, parseImportRow } from '@platform/imports';
import { importColumns, importTextColumns } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { FacilityPermissions } from '../shared/facilities.module';
import { BUILD_MODE, CLASS_TYPE, FACILITIES, FACILITY_COLUMNS, FACILITY_KIND, FacilityInputSchema, KIND_FIELD, READING_LEVEL, type FacilityKind } from '../shared/facility.ledger';
import { FACILITY_TARGET, INSPECTION_TARGET, listStandards, namesOf, standardInForce } from './facility.repository';
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

/** The opinion an imported inspection carries: the register said it passed; the papers are the union's own. */
const HISTORY_NOTE = '建档导入：原验收、复验材料见纸质档案';

/**
 * 服务阵地 by Excel (a street's list of stations or rooms). A row without 验收日期 becomes a declaration (已申报)
 * awaiting the superior union's acceptance. A row with it is a facility the register already holds (建档): it is
 * imported 已验收 (or 运行中 with 挂牌日期) with its acceptance and latest yearly review as passed inspections on
 * their dates, so the "new in the period" figures count it in the year it was accepted, not the year it was typed.
 * Only a union above the row's union, with the right to inspect, may import such a row. Every row is checked as the
 * form checks it, then COPYed in one transaction.
 */
export function facilityImportSpec(): ImportSpec {
  return {
    kind: 'facilities',
    label: '服务阵地（申报或建档）',
    permission: FacilityPermissions.write.name,
    columns: importColumns(FACILITY_COLUMNS),
    tags: ['服务阵地'],
    textColumns: importTextColumns(FACILITIES.columns),
    targets: [FACILITY_TARGET, INSPECTION_TARGET],
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const unions = await unionsOfRows(db, scopeFor(ctx.principal, FacilityPermissions.write.name), rows, '所属工会');
      const inspectable = new Set((await unionsOfRows(db, scopeFor(ctx.principal, FacilityPermissions.inspect.name), rows, '所属工会')).ids.filter((id) => id !== ctx.principal.orgId));
      const ids = await reserveSerialIds(db, 'facilities', rows.length);
      const inForce = new Map<string, number>();
      const versionOn = async (standardId: number, on: string) => inForce.get(`${standardId}/${on}`) ?? inForce.set(`${standardId}/${on}`, (await standardInForce(db, standardId, on))!.id).get(`${standardId}/${on}`)!;
      const taken = await namesOf(db, unions.ids);
      const standards = new Map<string, number>();
      for (const s of await listStandards(db)) if (s.effectiveFrom <= today && !standards.has(`${s.kind}/${s.name}`)) standards.set(`${s.kind}/${s.name}`, s.id);
      const out: PreparedRow[] = [];
      for (const [i, { values: v }] of rows.entries()) {
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
        const history = importHistory(v, declaredOn, today, errors);
        if (history.acceptedOn && union && !inspectable.has(union.id)) errors.push('已验收的阵地须由所属工会的上级工会（有验收权限）建档导入；本工会只能导入新申报的阵地（不填验收日期）');
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
        if (errors.length || !union || !kind || !standardId || !declaredOn || !values) {
          out.push({ ...key, errors });
          continue;
        }
        taken.add(`${union.id}/${kind}/${name}`);
        const r = { ...values, ...cleared } as Record<string, unknown>;
        const id = ids[i]!;
        const { acceptedOn, listedOn, reviewedOn } = history;
        const status = listedOn ? 'operating' : acceptedOn ? 'accepted' : 'declared';
        const passed = async (kind: string, on: string) => [INSPECTION_TARGET.table, [id, kind, on, 'pass', await versionOn(standardId, on), '[]', '[]', HISTORY_NOTE, ctx.principal.orgId]] as never;
        out.push({
          ...key,
          outcome: 'inserted',
          stage: [
            [FACILITY_TARGET.table, [id, union.id, kind, name, status, standardId, declaredOn, acceptedOn, listedOn, !!listedOn, r.host, r.address, r.lat, r.lng, r.openingHours, r.manager, r.managerPhone, r.buildMode, r.level, r.volumes, r.classType, r.enrolled, r.startsOn, r.endsOn, r.leader] as never],
            ...(acceptedOn ? [await passed('acceptance', acceptedOn)] : []),
            ...(reviewedOn ? [await passed('review', reviewedOn)] : []),
          ],
        });
      }
      return out;
    },
  };
}

/** The history columns of a 建档 row, in order: 申报 ≤ 验收 ≤ 挂牌 ≤ 最近复验 ≤ today; a review needs the plaque. */
function importHistory(v: Record<string, string>, declaredOn: string | null, today: string, errors: string[]) {
  const out: { acceptedOn: string | null; listedOn: string | null; reviewedOn: string | null } = { acceptedOn: null, listedOn: null, reviewedOn: null };
  const LABEL = { acceptedOn: '验收日期', listedOn: '挂牌日期', reviewedOn: '最近复验日期' } as const;
  let before: [string, string] | null = declaredOn ? ['申报日期', declaredOn] : null;
  for (const key of ['acceptedOn', 'listedOn', 'reviewedOn'] as const) {
    const text = blankCell(v[key]);
    if (!text) continue;
    const day = parseImportDate(text);
    if (!day) errors.push(`${LABEL[key]}“${text}”不是日期（应为 YYYY-MM-DD）`);
    else if (day > today) errors.push(`${LABEL[key]}不能晚于今天`);
    else if (key !== 'acceptedOn' && !blankCell(v[key === 'listedOn' ? 'acceptedOn' : 'listedOn'])) errors.push(`填写了${LABEL[key]}，也须填写${key === 'listedOn' ? '验收日期' : '挂牌日期'}`);
    // A wrong earlier date is reported once, not again through each later one.
    else if (key !== 'acceptedOn' && !out[key === 'listedOn' ? 'acceptedOn' : 'listedOn']) continue;
    else if (before && day < before[1]) errors.push(`${LABEL[key]}不能早于${before[0]}（${before[1]}）`);
    else {
      out[key] = day;
      before = [LABEL[key], day];
    }
  }
  return out;
}
