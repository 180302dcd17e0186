import { and, asc, count as count_, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx, type PageQuery } from '@platform/db';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import { GAP_THRESHOLD } from '../shared/employer-codes';
import type { EmployerListQuery } from '../shared/employer.schema';
import { employers, unionCoverages, type EmployerRow } from './employer.table';

const keeper = alias(organisations, 'keeper');
const coveringUnion = alias(organisations, 'covering_union');

const columns = {
  employer: employers,
  orgName: keeper.name,
  orgPath: keeper.path,
  unionId: coveringUnion.id,
  unionName: coveringUnion.name,
  unionPath: coveringUnion.path,
  coveredSince: unionCoverages.since,
};
export type EmployerListRow = {
  employer: EmployerRow;
  orgName: string;
  orgPath: string;
  unionId: number | null;
  unionName: string | null;
  unionPath: string | null;
  coveredSince: string | null;
};

/** Visible: kept by an organisation in scope, or covered by a union in scope. */
function visible(scope: Scope): SQL {
  return sql`(${scopeCondition(keeper.path, scope)} or ${scopeCondition(coveringUnion.path, scope)})`;
}

const isCovered = sql`${coveringUnion.id} is not null and ${coveringUnion.closedOn} is null`;

/** The coverage in force now (the open row). */
const openCoverage = and(eq(unionCoverages.employerId, employers.id), isNull(unionCoverages.until));

function base(db: DbOrTx, cols: Record<string, unknown> = columns) {
  return db
    .select(cols as typeof columns)
    .from(employers)
    .innerJoin(keeper, eq(keeper.id, employers.orgId))
    .leftJoin(unionCoverages, openCoverage)
    .leftJoin(coveringUnion, eq(coveringUnion.id, unionCoverages.orgId));
}

function listWhere(scope: Scope, q: Omit<EmployerListQuery, 'page' | 'pageSize'>, underPath: string | null) {
  const uncovered = sql`not (${isCovered})`;
  return ledgerWhere({
    scope: visible(scope),
    q: { text: q.q, columns: [employers.name, employers.uscc], indexed: true },
    status: { value: q.coverage, when: { covered: isCovered, uncovered, gap: and(uncovered, sql`${employers.employees} >= ${GAP_THRESHOLD}`)! } },
    and: [
      underPath ? sql`${keeper.path} like ${escapeLike(underPath) + '%'}` : undefined,
      q.coveredBy ? eq(unionCoverages.orgId, q.coveredBy) : undefined,
      q.industry ? eq(employers.industry, q.industry) : undefined,
    ],
  });
}

/** One page of the register (page null: the export, every row up to `limit`, by keeper then name). */
export async function listEmployers(db: DbOrTx, scope: Scope, q: Omit<EmployerListQuery, 'page' | 'pageSize'> & Partial<PageQuery>, underPath: string | null, limit?: number) {
  const where = listWhere(scope, q, underPath);
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const order = !page ? [asc(keeper.path), asc(employers.name)] : q.coverage === 'gap' ? [sql`${employers.employees} desc`, asc(employers.id)] : [asc(employers.name), asc(employers.id)];
  const count = async () => ((await base(db, { n: count_() }).where(where)) as unknown as { n: number }[])[0]?.n ?? 0;
  const { rows, total } = await ledgerPage(base(db).where(where).orderBy(...order).$dynamic(), page, count, limit);
  return { rows: rows as EmployerListRow[], total };
}

export async function findEmployerInScope(db: DbOrTx, scope: Scope, id: number): Promise<EmployerListRow | null> {
  const [row] = await base(db).where(and(eq(employers.id, id), visible(scope))).limit(1);
  return (row as EmployerListRow) ?? null;
}

export async function findByUscc(db: DbOrTx, uscc: string): Promise<EmployerRow | null> {
  const [row] = await db.select().from(employers).where(eq(employers.uscc, uscc)).limit(1);
  return row ?? null;
}

export async function employersByUscc(db: DbOrTx, usccs: string[]) {
  if (usccs.length === 0) return [];
  return db.select({ employer: employers, orgPath: keeper.path }).from(employers).innerJoin(keeper, eq(keeper.id, employers.orgId)).where(inArray(employers.uscc, usccs));
}

export async function insertEmployer(db: DbOrTx, values: typeof employers.$inferInsert): Promise<EmployerRow> {
  const [row] = await db.insert(employers).values(values).returning();
  return row!;
}

export async function updateEmployer(db: DbOrTx, id: number, values: Partial<typeof employers.$inferInsert>): Promise<EmployerRow> {
  const [row] = await db.update(employers).set({ ...values, updatedAt: new Date() }).where(eq(employers.id, id)).returning();
  return row!;
}

/**
 * Covers the employer by `orgId` from `since`. An open coverage that began before `since` ends that day (the
 * history keeps it); one that began on or after `since` is a correction and is replaced.
 */
export async function setCoverage(db: DbOrTx, employerId: number, orgId: number, since: string) {
  const [open] = await db.select().from(unionCoverages).where(and(eq(unionCoverages.employerId, employerId), isNull(unionCoverages.until))).for('update');
  if (open && open.since >= since) {
    await db.update(unionCoverages).set({ orgId, since }).where(eq(unionCoverages.id, open.id));
    return;
  }
  if (open) await db.update(unionCoverages).set({ until: since }).where(eq(unionCoverages.id, open.id));
  await db.insert(unionCoverages).values({ employerId, orgId, since });
}

/** Ends the employer's open coverage on `on` (the first day it is no longer covered); the row stays as history. */
export async function endCoverage(db: DbOrTx, employerId: number, on: string) {
  await db
    .update(unionCoverages)
    .set({ until: sql`greatest(${unionCoverages.since}, ${on}::date)` })
    .where(and(eq(unionCoverages.employerId, employerId), isNull(unionCoverages.until)));
}

/** Open grassroots union in a scope (coverage target). */
export async function grassrootsUnionInScope(db: DbOrTx, scope: Scope, id: number, kinds: string[]) {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, path: organisations.path })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.closedOn), inArray(organisations.kind, kinds), scopeCondition(organisations.path, scope)))
    .limit(1);
  return row ?? null;
}

/** Keeper organisations (district or street tier) by code, for imports. */
export async function keepersByCode(db: DbOrTx, scope: Scope, codes: string[], kinds: string[]) {
  if (codes.length === 0) return [];
  return db
    .select({ id: organisations.id, code: organisations.code, name: organisations.name, inScope: sql<boolean>`${scopeCondition(organisations.path, scope)}` })
    .from(organisations)
    .where(and(inArray(organisations.code, codes), inArray(organisations.kind, kinds), isNull(organisations.closedOn)));
}

/** Unionisation gaps by street: employers with 25+ employees, covered ones, gaps; for the children of `rootPath`. */
export async function gapSummary(db: DbOrTx, scope: Scope, area: { parentId: number } | { orgId: number }) {
  return queryRows<{ org_id: number; org_name: string; employers25: number; covered: number; gaps: number }>(
    db,
    sql`
    with area as (
      select o.id, o.name, o.path from organisations o
       where ${'parentId' in area ? sql`o.parent_id = ${area.parentId}` : sql`o.id = ${area.orgId}`} and o.closed_on is null
         and ${scopeCondition(sql`o.path`, scope)}
    )
    select a.id as org_id, a.name as org_name,
           count(e.id)::int as employers25,
           count(e.id) filter (where u.id is not null and u.closed_on is null)::int as covered,
           count(e.id) filter (where u.id is null or u.closed_on is not null)::int as gaps
      from area a
      left join (employers e join organisations k on k.id = e.org_id)
             on k.path like a.path || '%' and e.employees >= ${GAP_THRESHOLD}
      left join union_coverages c on c.employer_id = e.id and c.until is null
      left join organisations u on u.id = c.org_id
     group by a.id, a.name
     order by gaps desc, a.name`,
  );
}

/** Names of registered employers by USCC (for member lists). */
export async function namesByUscc(db: DbOrTx, usccs: string[]): Promise<Map<string, string>> {
  if (usccs.length === 0) return new Map();
  const rows = await db.select({ uscc: employers.uscc, name: employers.name }).from(employers).where(inArray(employers.uscc, [...new Set(usccs)]));
  return new Map(rows.map((r) => [r.uscc, r.name]));
}

/**
 * Where each registered employer of `usccs` belongs: the path of the union keeping it in the register and of the
 * union covering it now (null when none). A contract may claim to cover only employers of its writer's area.
 */
export async function registerPlacesByUscc(db: DbOrTx, usccs: string[]): Promise<Map<string, { name: string; keptBy: string; keptByName: string; coveredBy: string | null }>> {
  if (usccs.length === 0) return new Map();
  const rows = await queryRows<{ uscc: string; name: string; keptBy: string; keptByName: string; coveredBy: string | null }>(
    db,
    sql`select e.uscc, e.name, k.path as "keptBy", k.name as "keptByName", u.path as "coveredBy"
          from employers e join organisations k on k.id = e.org_id
          left join union_coverages c on c.employer_id = e.id and c.until is null
          left join organisations u on u.id = c.org_id
         where e.uscc in (${sql.join([...new Set(usccs)].map((x) => sql`${x}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.uscc, r]));
}

/** The register's employers with the union keeping each, in id order (other modules' demo steps draw from it). */
export async function registeredEmployers(db: DbOrTx, limit: number): Promise<{ name: string; uscc: string; orgId: number }[]> {
  return db.select({ name: employers.name, uscc: employers.uscc, orgId: employers.orgId }).from(employers).orderBy(asc(employers.id)).limit(limit);
}

/** Bulk insert (demo district, fixtures); returns the rows in input order. */
export async function insertEmployersBulk(db: DbOrTx, rows: (typeof employers.$inferInsert)[]): Promise<EmployerRow[]> {
  const out: EmployerRow[] = [];
  for (let i = 0; i < rows.length; i += 500) out.push(...(await db.insert(employers).values(rows.slice(i, i + 500)).returning()));
  return out;
}

export async function insertCoveragesBulk(db: DbOrTx, rows: (typeof unionCoverages.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await db.insert(unionCoverages).values(rows.slice(i, i + 1000));
}

/** Each union's first covered employer (the lowest id among those it covers now): union id → USCC. */
export async function firstCoveredUsccs(db: DbOrTx): Promise<Map<number, string>> {
  const rows = await db
    .selectDistinctOn([unionCoverages.orgId], { orgId: unionCoverages.orgId, uscc: employers.uscc })
    .from(unionCoverages)
    .innerJoin(employers, eq(employers.id, unionCoverages.employerId))
    .where(isNull(unionCoverages.until))
    .orderBy(unionCoverages.orgId, asc(employers.id));
  return new Map(rows.map((r) => [r.orgId, r.uscc]));
}
