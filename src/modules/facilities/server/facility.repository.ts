import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { FacilityQuery } from '../shared/facility.ledger';
import { facilities, facilityInspections, facilityStandards, facilityUsage } from './facility.table';

const f = facilities;
/** The last inspection that passed (验收, 复验, 提升, 复查): the yearly review falls due a year after it. */
const lastPassed = sql<string | null>`(select max(i.inspected_on)::text from facility_inspections i where i.facility_id = ${f.id} and i.result = 'pass' and i.kind <> 'delist')`;
/** The deadline set by the last failed review (整改期限). */
const rectifyBy = sql<string | null>`(select i.rectify_by::text from facility_inspections i where i.facility_id = ${f.id} and i.result = 'fail' order by i.inspected_on desc, i.id desc limit 1)`;
/** What is due next and by when: 验收 within 30 days of the declaration, 挂牌 within 30 days of acceptance, 整改 by its deadline, 复验 a year on. */
export const dueOn = sql<string | null>`(case ${f.status} when 'declared' then (${f.declaredOn} + 30)::text when 'accepted' then (${f.acceptedOn} + 30)::text
  when 'rectifying' then ${rectifyBy} when 'operating' then (${lastPassed}::date + 365)::text end)`;
export const DUE_ACTION: Record<string, string> = { declared: '验收', accepted: '挂牌上图', rectifying: '整改复查', operating: '年度复验' };

const base = (db: DbOrTx, yearStart: string) =>
  db
    .select({
      facility: f,
      orgName: organisations.name,
      orgPath: organisations.path,
      standardName: facilityStandards.name,
      lastPassedOn: lastPassed,
      dueOn,
      days: sql<number>`(select count(*)::int from facility_usage u where u.facility_id = ${f.id})`,
      attended: sql<number>`(select coalesce(sum(u.count), 0)::int from facility_usage u where u.facility_id = ${f.id})`,
      usageThisYear: sql<number>`(select coalesce(sum(u.count), 0)::int from facility_usage u where u.facility_id = ${f.id} and u.on_date >= ${yearStart})`,
    })
    .from(f)
    .innerJoin(organisations, eq(organisations.id, f.orgId))
    .innerJoin(facilityStandards, eq(facilityStandards.id, f.standardId));
export type FacilityListRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** One page of the register (page null: the export); `due`: work due within 30 days or overdue. */
export async function listFacilities(db: DbOrTx, scope: Scope, today: string, q: Omit<FacilityQuery, 'page' | 'pageSize'> & Partial<FacilityQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [f.name, f.address, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${f.declaredOn})::int` },
    status: { value: q.status, column: f.status, when: { due: sql`${dueOn} <= (${today}::date + 30)::text` } },
    and: [q.kind && q.kind !== 'all' ? eq(f.kind, q.kind) : undefined, underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(f).innerJoin(organisations, eq(organisations.id, f.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db, `${today.slice(0, 4)}-01-01`).where(where).orderBy(desc(f.declaredOn), desc(f.id)).$dynamic(), page, counted);
}

export async function findFacility(db: DbOrTx, scope: Scope, today: string, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from facilities where id = ${id} for update`);
  const [row] = await base(db, `${today.slice(0, 4)}-01-01`).where(and(eq(f.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export async function insertFacility(db: DbOrTx, values: typeof f.$inferInsert) {
  return (await db.insert(f).values(values).returning())[0]!;
}

export async function updateFacility(db: DbOrTx, id: number, values: Partial<typeof f.$inferInsert>) {
  return (await db.update(f).set(values).where(eq(f.id, id)).returning())[0]!;
}

export async function insertInspection(db: DbOrTx, values: typeof facilityInspections.$inferInsert) {
  return (await db.insert(facilityInspections).values(values).returning())[0]!;
}

/** The latest inspection of a facility, whatever its result (a new one may not be dated before it). */
export async function latestInspection(db: DbOrTx, facilityId: number) {
  const [row] = await db
    .select({ inspectedOn: facilityInspections.inspectedOn, kind: facilityInspections.kind, result: facilityInspections.result })
    .from(facilityInspections)
    .where(eq(facilityInspections.facilityId, facilityId))
    .orderBy(desc(facilityInspections.inspectedOn), desc(facilityInspections.id))
    .limit(1);
  return row ?? null;
}

export async function inspectionsOf(db: DbOrTx, facilityId: number) {
  return db
    .select({ i: facilityInspections, standardName: facilityStandards.name, byOrgName: organisations.name })
    .from(facilityInspections)
    .innerJoin(facilityStandards, eq(facilityStandards.id, facilityInspections.standardId))
    .innerJoin(organisations, eq(organisations.id, facilityInspections.byOrgId))
    .where(eq(facilityInspections.facilityId, facilityId))
    .orderBy(desc(facilityInspections.inspectedOn), desc(facilityInspections.id));
}

export async function usageOf(db: DbOrTx, facilityId: number, limit: number) {
  return db.select({ on: facilityUsage.onDate, count: facilityUsage.count }).from(facilityUsage).where(eq(facilityUsage.facilityId, facilityId)).orderBy(desc(facilityUsage.onDate)).limit(limit);
}

/** Sets one month's (or a class day's) count; returns the count it replaced, if any. */
export async function upsertUsage(db: DbOrTx, facilityId: number, onDate: string, n: number) {
  const [before] = await db.select({ count: facilityUsage.count }).from(facilityUsage).where(and(eq(facilityUsage.facilityId, facilityId), eq(facilityUsage.onDate, onDate)));
  await db.insert(facilityUsage).values({ facilityId, onDate, count: n }).onConflictDoUpdate({ target: [facilityUsage.facilityId, facilityUsage.onDate], set: { count: n } });
  return before?.count ?? null;
}

/** Every version of every standard, newest first within a kind and name. */
export async function listStandards(db: DbOrTx) {
  return db.select().from(facilityStandards).orderBy(asc(facilityStandards.kind), asc(facilityStandards.name), desc(facilityStandards.version));
}

export async function findStandard(db: DbOrTx, id: number) {
  return (await db.select().from(facilityStandards).where(eq(facilityStandards.id, id)))[0] ?? null;
}

/** The version of the standard named like `standardId`'s that is in force on `on` (the latest effective by then). */
export async function standardInForce(db: DbOrTx, standardId: number, on: string) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select s.id from facility_standards s join facility_standards o on o.kind = s.kind and o.name = s.name
         where o.id = ${standardId} and s.effective_from <= ${on} order by s.version desc limit 1`,
  );
  return findStandard(db, row?.id ?? standardId);
}

export async function insertStandard(db: DbOrTx, values: Omit<typeof facilityStandards.$inferInsert, 'version'>) {
  const [last] = await db.select({ v: sql<number>`coalesce(max(${facilityStandards.version}), 0)::int` }).from(facilityStandards).where(and(eq(facilityStandards.kind, values.kind), eq(facilityStandards.name, values.name)));
  return (await db.insert(facilityStandards).values({ ...values, version: (last?.v ?? 0) + 1 }).returning())[0]!;
}

/** Open rest stations and nursing rooms with coordinates, nearest first (great-circle metres); by name without a location. */
export async function nearestOpen(db: DbOrTx, at: { lat: number; lng: number } | null, kinds: string[], limit: number) {
  const metres = at
    ? sql`round(6371000 * 2 * asin(sqrt(power(sin(radians(f.lat - ${at.lat}) / 2), 2) + cos(radians(${at.lat})) * cos(radians(f.lat)) * power(sin(radians(f.lng - ${at.lng}) / 2), 2))))::int`
    : sql`null::int`;
  return queryRows<{ id: number; kind: string; name: string; address: string | null; opening_hours: string | null; lat: number; lng: number; org_name: string; metres: number | null }>(
    db,
    sql`select f.id, f.kind, f.name, f.address, f.opening_hours, f.lat, f.lng, o.name as org_name, ${metres} as metres
          from facilities f join organisations o on o.id = f.org_id
         where f.status in ('operating', 'rectifying') and f.map_published and o.closed_on is null and f.lat is not null and f.lng is not null and f.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
         order by ${at ? sql`metres` : sql`f.name`}, f.id limit ${limit}`,
  );
}

export const FACILITY_TARGET: ImportTarget = {
  table: 'facilities',
  columns: ['id', 'org_id', 'kind', 'name', 'status', 'standard_id', 'declared_on', 'accepted_on', 'listed_on', 'map_published', 'host', 'address', 'lat', 'lng', 'opening_hours', 'manager', 'manager_phone', 'build_mode', 'level', 'volumes', 'class_type', 'enrolled', 'starts_on', 'ends_on', 'leader'],
};

/** The inspections an import brings with a facility already accepted (its history, as the register kept it). */
export const INSPECTION_TARGET: ImportTarget = { table: 'facility_inspections', columns: ['facility_id', 'kind', 'inspected_on', 'result', 'standard_id', 'items_present', 'failed_items', 'opinion', 'by_org_id'] };

/** `org/kind/name` of the facilities the unions already keep (the one-name-per-union rule, checked before COPY). */
export async function namesOf(db: DbOrTx, orgIds: number[]) {
  if (orgIds.length === 0) return new Set<string>();
  const rows = await db.select({ orgId: f.orgId, kind: f.kind, name: f.name }).from(f).where(inArray(f.orgId, orgIds));
  return new Set(rows.map((r) => `${r.orgId}/${r.kind}/${r.name}`));
}
