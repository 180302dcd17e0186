import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { defineErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { runStep, type StepErrors, type StepHandlers } from '@platform/workflow';
import { findOrgInScope } from '@modules/organisations/server';
import { FacilityPermissions } from '../shared/facilities.module';
import { FACILITY_MACHINE, type FacilityStatus, type FacilityStep } from '../shared/facility-machine';
import { FACILITY_KIND, INSPECTION_KIND, KIND_FIELDS, READING_LEVEL, RESULT, type FacilityInput, type FacilityKind, type FacilityStepInput, type Thresholds } from '../shared/facility.ledger';
import * as repo from './facility.repository';

export const FacilityErrors = defineErrors('FACILITY', {
  NOT_FOUND: { status: 404, message: '这个服务阵地不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '所属工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '所属工会已撤销，不能再申报服务阵地' },
  DUPLICATE: { status: 409, message: '这个工会已有同名的同类阵地' },
  MISSING: { status: 400, message: '请填写这类阵地的必填项' },
  BAD_STANDARD: { status: 400, message: '建设标准与阵地类型不符' },
  BAD_DATE: { status: 400, message: '日期不正确' },
  DELISTED: { status: 409, message: '已摘牌的阵地不能再修改或登记服务人次' },
  NOT_MET: { status: 409, message: '未达到建设标准' },
  SETTLED: { status: 409, message: '阵地已验收：建设标准、命名级别、星级、申报日期和达标项目只能通过验收、复验或提升验收改变' },
  NO_UPGRADE: { status: 409, message: '这类阵地没有命名级别或星级，不办理提升验收' },
  ILLEGAL: { status: 409, message: '当前状态不能办理这一事项' },
  FORBIDDEN: { status: 403, message: '您不能办理这一事项' },
  OPINION: { status: 400, message: '请填写意见' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, FacilityPermissions.write.name);
const read = (ctx: ActionContext) => scopeFor(ctx.principal, FacilityPermissions.read.name);
const LABEL: Record<string, string> = { buildMode: '建设方式', address: '地址', lat: '纬度', lng: '经度', level: '命名级别', volumes: '藏书（册）', classType: '托管班类型', enrolled: '托管儿童人数', startsOn: '开班日期', endsOn: '结班日期', leader: '领衔人' };
/** The kind-specific fields a record of each kind must have (a nursing room's coordinates are optional). */
const REQUIRED: Record<FacilityKind, string[]> = { reading_room: ['level', 'volumes'], rest_station: ['buildMode', 'address', 'lat', 'lng'], nursing_room: ['address'], childcare_class: ['classType', 'enrolled', 'startsOn', 'endsOn'], workers_home: [], innovation_studio: ['leader'] };
const KIND_SPECIFIC = [...new Set(Object.values(KIND_FIELDS).flat())];

type Values = Partial<FacilityInput> & Pick<FacilityInput, 'kind' | 'declaredOn'>;
/** The rules across fields, on the values the record will hold; fields of other kinds are cleared. */
export function checkFacility(v: Values, today: string): Record<string, unknown> {
  const kind = v.kind;
  const missing = REQUIRED[kind].filter((k) => v[k as keyof Values] == null || v[k as keyof Values] === '');
  if (missing.length) throw FacilityErrors.MISSING(`${FACILITY_KIND.label(kind)}须填写：${missing.map((k) => LABEL[k]).join('、')}`);
  if ((v.lat == null) !== (v.lng == null)) throw FacilityErrors.MISSING('经度和纬度须同时填写');
  if (v.declaredOn > today) throw FacilityErrors.BAD_DATE('申报日期不能晚于今天');
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) throw FacilityErrors.BAD_DATE('结班日期不能早于开班日期');
  const cleared: Record<string, unknown> = {};
  for (const k of KIND_SPECIFIC) if (!KIND_FIELDS[kind].includes(k)) cleared[k] = null;
  return cleared;
}

async function checkStandard(db: DbOrTx, standardId: number, kind: string) {
  const s = await repo.findStandard(db, standardId);
  if (!s || s.kind !== kind) throw FacilityErrors.BAD_STANDARD(`建设标准与阵地类型不符：请选择${FACILITY_KIND.label(kind)}的建设标准`);
}

/** Declares a facility (申报) under a union in the writer's scope. */
export async function createFacility(deps: AppDeps, ctx: ActionContext, input: FacilityInput) {
  const cleared = checkFacility(input, chinaToday(deps.now()));
  await checkStandard(deps.db, input.standardId, input.kind);
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw FacilityErrors.UNION_NOT_FOUND();
    if (union.org.closedOn) throw FacilityErrors.UNION_CLOSED();
    const row = await repo.insertFacility(tx, { ...input, ...cleared, itemsPresent: input.itemsPresent ?? [] }).catch((e: unknown) => {
      if (String((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) === '23505') throw FacilityErrors.DUPLICATE(`${union.org.name}已有名为“${input.name}”的${FACILITY_KIND.label(input.kind)}`);
      throw e;
    });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'facility.create', entityType: 'facility', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `申报${FACILITY_KIND.label(row.kind)}“${row.name}”`, after: row });
    return row;
  });
}

/** Changes a facility's fields (its union and kind stay); checked merged with what the record holds. */
export async function updateFacility(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<FacilityInput, 'orgId' | 'kind'>>) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findFacility(tx, write(ctx), today, id, true);
    if (!found) throw FacilityErrors.NOT_FOUND();
    const f = found.facility;
    if (f.status === 'delisted') throw FacilityErrors.DELISTED();
    // What an inspection settles is changed only by an inspection once the facility has been accepted.
    const settled = (['standardId', 'level', 'stars', 'declaredOn', 'itemsPresent'] as const).filter((k) => input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(f[k]));
    if (f.status !== 'declared' && settled.length) throw FacilityErrors.SETTLED();
    const merged = { ...f, ...input } as Values;
    const cleared = checkFacility(merged, today);
    if (input.standardId !== undefined) await checkStandard(tx, input.standardId, f.kind);
    const row = await repo.updateFacility(tx, id, { ...input, ...cleared });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'facility.update', entityType: 'facility', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改${FACILITY_KIND.label(row.kind)}“${row.name}”`, before: found.facility, after: row });
    return row;
  });
}

/** What a facility fails of a standard: required items not present, then the thresholds (volumes, area, a class's attendance). */
export function unmet(std: { items: { code: string; title: string; required: boolean }[]; thresholds: Thresholds }, present: string[], r: { volumes: number | null; area: number | null; enrolled: number | null }, days: number, attended: number): string[] {
  const out = std.items.filter((i) => i.required && !present.includes(i.code)).map((i) => i.title);
  const t = std.thresholds;
  if (t.minVolumes != null && (r.volumes ?? 0) < t.minVolumes) out.push(`藏书不少于 ${t.minVolumes} 册（现 ${r.volumes ?? 0} 册）`);
  if (t.minArea != null && (r.area ?? 0) < t.minArea) out.push(`面积不小于 ${t.minArea} 平方米（${r.area == null ? '未登记面积' : `现 ${r.area} 平方米`}）`);
  if (t.minChildren != null && (r.enrolled ?? 0) < t.minChildren) out.push(`托管儿童不少于 ${t.minChildren} 人（现 ${r.enrolled ?? 0} 人）`);
  if (t.minDays != null && days < t.minDays) out.push(`托管不少于 ${t.minDays} 天（已登记 ${days} 天）`);
  const rate = attendanceRate(r.enrolled, days, attended);
  if (t.minRate != null && (rate ?? 0) < t.minRate) out.push(`出勤率不低于 ${t.minRate}%（现 ${rate ?? 0}%）`);
  return out;
}

/** Attendance ÷ (children × days held), in % to one decimal. */
export const attendanceRate = (enrolled: number | null, days: number, attended: number) => (enrolled && days ? Math.round((attended * 1000) / (enrolled * days)) / 10 : null);

type Record_ = NonNullable<Awaited<ReturnType<typeof repo.findFacility>>> & { status: FacilityStatus; orgPath: string };
const INSPECTION_OF: Record<FacilityStep, string> = { accept: 'acceptance', reject: 'acceptance', review: 'review', upgrade: 'upgrade', fail_review: 'review', recheck: 'recheck', delist: 'delist', list: '' };
const PASSES = new Set<FacilityStep>(['accept', 'review', 'upgrade', 'recheck']);
const LEVEL_RANK = READING_LEVEL.values.slice().reverse();

const inspect = async (run: Parameters<StepHandlers<typeof FACILITY_MACHINE, Record_, FacilityStepInput>[FacilityStep]>[0], d: FacilityStepInput, changes: Record<string, unknown> = {}) => {
  const f = run.record.facility;
  const std = (await repo.standardInForce(run.tx, f.standardId, d.on))!;
  const present = d.itemsPresent ?? [];
  const failed = run.code === 'delist' ? [] : unmet(std, present, { ...f, ...changes } as never, run.record.days, run.record.attended);
  if (PASSES.has(run.code) && failed.length) throw FacilityErrors.NOT_MET(`未达到“${std.name}”（第 ${std.version} 版），不能${run.label}：${failed.join('；')}`);
  if (run.code === 'fail_review' && !d.rectifyBy) throw FacilityErrors.MISSING('复验不通过须填写整改期限');
  if (d.rectifyBy && d.rectifyBy <= d.on) throw FacilityErrors.BAD_DATE('整改期限应晚于复验日期');
  await repo.insertInspection(run.tx, {
    facilityId: f.id, kind: INSPECTION_OF[run.code], inspectedOn: d.on, result: run.code === 'delist' ? 'done' : PASSES.has(run.code) ? 'pass' : 'fail',
    standardId: std.id, itemsPresent: present, failedItems: failed, opinion: run.opinion, rectifyBy: run.code === 'fail_review' || run.code === 'reject' ? (d.rectifyBy ?? null) : null, byOrgId: run.ctx.principal.orgId,
  });
  await repo.updateFacility(run.tx, f.id, { status: run.to, ...(present.length && run.code !== 'delist' ? { itemsPresent: present } : {}), ...changes });
  return { audit: { summary: `${FACILITY_KIND.label(f.kind)}“${f.name}”${run.label}（${d.on}）${failed.length ? `，未达标：${failed.join('；')}` : ''}`, after: { status: run.to, on: d.on, failed, ...changes } } };
};

const HANDLERS = {
  accept: (run, d) => inspect(run, d, { acceptedOn: run.record.facility.acceptedOn ?? d.on }),
  reject: (run, d) => inspect(run, d),
  review: (run, d) => inspect(run, d),
  fail_review: (run, d) => inspect(run, d),
  recheck: (run, d) => inspect(run, d),
  upgrade: (run, d) => {
    const f = run.record.facility;
    if (!['reading_room', 'rest_station', 'nursing_room'].includes(f.kind)) throw FacilityErrors.NO_UPGRADE();
    const higher = f.kind === 'reading_room' ? d.level != null && LEVEL_RANK.indexOf(d.level) > LEVEL_RANK.indexOf((f.level ?? 'none') as never) : d.stars != null && d.stars > (f.stars ?? 0);
    if (!higher) throw FacilityErrors.MISSING(f.kind === 'reading_room' ? '提升验收须选择比现在更高的命名级别' : '提升验收须选择比现在更高的星级');
    return inspect(run, d, f.kind === 'reading_room' ? { level: d.level } : { stars: d.stars });
  },
  delist: (run, d) => inspect(run, d, { delistedOn: d.on }),
  list: async (run, d) => {
    const f = run.record.facility;
    await repo.updateFacility(run.tx, f.id, { status: run.to, listedOn: d.on, mapPublished: d.mapPublished ?? true });
    return { audit: { summary: `${FACILITY_KIND.label(f.kind)}“${f.name}”挂牌${(d.mapPublished ?? true) ? '并上图' : ''}（${d.on}）`, after: { status: run.to, listedOn: d.on } } };
  },
} satisfies StepHandlers<typeof FACILITY_MACHINE, Record_, FacilityStepInput>;

const STEP_ERRORS: StepErrors<FacilityStep> = {
  illegal: (m) => FacilityErrors.ILLEGAL(m),
  forbidden: (m) => FacilityErrors.FORBIDDEN(m),
  opinion: (m) => FacilityErrors.OPINION(m.replace('书面意见', '意见（验收或复验不通过写整改要求，摘牌写原因）')),
};

/** Takes one lifecycle step (an inspection, 挂牌上图 or 摘牌), refused as the machine and the standard say. */
export async function takeStep(deps: AppDeps, ctx: ActionContext, id: number, d: FacilityStepInput) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findFacility(tx, read(ctx), today, id, true);
    if (!found) throw FacilityErrors.NOT_FOUND();
    const record = { ...found, status: found.facility.status as FacilityStatus };
    // Inspections are a history in date order: a new one (a recheck included) may not predate the latest of any
    // result, so a failed review is never followed by a recheck dated before it.
    const latest = d.action === 'list' ? null : await repo.latestInspection(tx, id);
    const validate = () => {
      if (d.on > today) throw FacilityErrors.BAD_DATE('日期不能晚于今天');
      if (d.action === 'list') {
        const accepted = found.facility.acceptedOn;
        if (accepted && d.on < accepted) throw FacilityErrors.BAD_DATE(`日期不能早于验收日期（${accepted}）`);
        return;
      }
      if (d.on < found.facility.declaredOn) throw FacilityErrors.BAD_DATE(`日期不能早于申报日期（${found.facility.declaredOn}）`);
      if (latest && d.on < latest.inspectedOn) throw FacilityErrors.BAD_DATE(`日期不能早于上次${INSPECTION_KIND.label(latest.kind)}${RESULT.label(latest.result)}的日期（${latest.inspectedOn}）`);
    };
    await runStep(FACILITY_MACHINE, HANDLERS, { tx, ctx, record, code: d.action, opinion: d.opinion, errors: STEP_ERRORS, validate, audit: { action: 'facility.step', entityType: 'facility', entityId: id, orgId: found.facility.orgId, orgPath: found.orgPath } }, d);
  });
}

/** Records one month's count (the month of `on`), or a childcare class's attendance on the day `on`. */
export async function recordUsage(deps: AppDeps, ctx: ActionContext, id: number, on: string, n: number) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findFacility(tx, write(ctx), today, id, true);
    if (!found) throw FacilityErrors.NOT_FOUND();
    const f = found.facility;
    if (f.status === 'delisted') throw FacilityErrors.DELISTED();
    const daily = f.kind === 'childcare_class';
    if (on > today) throw FacilityErrors.BAD_DATE('日期不能晚于今天');
    if (daily && ((f.startsOn && on < f.startsOn) || (f.endsOn && on > f.endsOn))) throw FacilityErrors.BAD_DATE(`出勤日期应在开班和结班日期之间（${f.startsOn} 至 ${f.endsOn}）`);
    if (daily && n > (f.enrolled ?? 0)) throw FacilityErrors.BAD_DATE(`出勤人数不能多于托管儿童人数（${f.enrolled} 人）`);
    const day = daily ? on : `${on.slice(0, 7)}-01`;
    const before = await repo.upsertUsage(tx, id, day, n);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'facility.usage', entityType: 'facility', entityId: id, orgId: f.orgId, orgPath: found.orgPath, summary: `${f.name}：${daily ? `${day} 出勤` : `${day.slice(0, 7)} 服务`} ${n}${daily ? ' 人' : ' 人次'}`, before: before === null ? undefined : { count: before }, after: { on: day, count: n } });
  });
}

/** Publishes a new version of a standard (the district's): it applies to inspections from its effective date. */
export async function createStandard(deps: AppDeps, ctx: ActionContext, input: { kind: string; name: string; effectiveFrom: string; items: { code: string; title: string; required: boolean }[]; thresholds: Thresholds }) {
  const codes = input.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length) throw FacilityErrors.MISSING('检查项目代码不能重复');
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertStandard(tx, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'facility_standard.create', entityType: 'facility_standard', entityId: row.id, orgId: ctx.principal.orgId, orgPath: ctx.principal.orgPath, summary: `发布${FACILITY_KIND.label(row.kind)}建设标准“${row.name}”第 ${row.version} 版（${row.effectiveFrom} 起）`, after: row });
    return row;
  });
}
