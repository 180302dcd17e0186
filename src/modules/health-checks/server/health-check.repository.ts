import { and, count, desc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, totalOf, type DbOrTx } from '@platform/db';
import { ledgerWhere } from '@platform/ledger';
import { members } from '@modules/members/server';
import { organisations } from '@modules/organisations/server';
import type { SignupListQuery } from '../shared/health-check.schema';
import { healthCheckProgrammes, healthCheckSignups, type ProgrammeRow, type SignupRow } from './health-check.table';

export async function insertProgramme(db: DbOrTx, values: typeof healthCheckProgrammes.$inferInsert): Promise<ProgrammeRow> {
  const [row] = await db.insert(healthCheckProgrammes).values(values).returning();
  return row!;
}

export async function updateProgramme(db: DbOrTx, id: number, values: Partial<typeof healthCheckProgrammes.$inferInsert>) {
  await db.update(healthCheckProgrammes).set(values).where(eq(healthCheckProgrammes.id, id));
}

const programmeFrom = (db: DbOrTx) =>
  db.select({ p: healthCheckProgrammes, orgName: organisations.name, orgPath: organisations.path }).from(healthCheckProgrammes).innerJoin(organisations, eq(organisations.id, healthCheckProgrammes.orgId));
export type ProgrammeWithOrg = Awaited<ReturnType<ReturnType<typeof programmeFrom>['where']>>[number];

/** Programmes the reader takes part in: run by a union in scope, or by one above the reader's union; filtered. */
export async function listProgrammes(db: DbOrTx, scope: Scope, ownPath: string, f: { q?: string; year?: number; status?: string } = {}) {
  const where = ledgerWhere({
    scope: or(scopeCondition(organisations.path, scope), sql`${ownPath} like ${organisations.path} || '%'`)!,
    q: { text: f.q, columns: [healthCheckProgrammes.name, healthCheckProgrammes.provider] },
    year: { value: f.year, column: healthCheckProgrammes.year },
    status: { value: f.status, column: healthCheckProgrammes.status },
  });
  return programmeFrom(db).where(where).orderBy(desc(healthCheckProgrammes.year), desc(healthCheckProgrammes.id));
}

export async function programmeById(db: DbOrTx, id: number) {
  const [row] = await programmeFrom(db).where(eq(healthCheckProgrammes.id, id)).limit(1);
  return row ?? null;
}

/** Per programme and group, over the sign-ups of unions in scope (all sign-ups when `scope` is null). */
export async function groupCounts(db: DbOrTx, scope: Scope | null, programmeIds: number[]) {
  if (programmeIds.length === 0) return [];
  return db
    .select({
      programmeId: healthCheckSignups.programmeId,
      group: healthCheckSignups.group,
      signedUp: sql<number>`count(*)::int`,
      done: sql<number>`count(*) filter (where ${healthCheckSignups.status} = 'done')::int`,
    })
    .from(healthCheckSignups)
    .innerJoin(organisations, eq(organisations.id, healthCheckSignups.orgId))
    .where(and(inArray(healthCheckSignups.programmeId, programmeIds), ne(healthCheckSignups.status, 'cancelled'), scope ? scopeCondition(organisations.path, scope) : undefined))
    .groupBy(healthCheckSignups.programmeId, healthCheckSignups.group);
}

/** Places taken in a group (every union); callers hold the programme's `healthcheck.programme` lock. */
export async function placesTaken(db: DbOrTx, programmeId: number, group: string) {
  const [row] = await db
    .select({ n: count() })
    .from(healthCheckSignups)
    .where(and(eq(healthCheckSignups.programmeId, programmeId), eq(healthCheckSignups.group, group), ne(healthCheckSignups.status, 'cancelled')));
  return row?.n ?? 0;
}

export async function activeSignupOf(db: DbOrTx, programmeId: number, memberId: number) {
  const [row] = await db.select().from(healthCheckSignups).where(and(eq(healthCheckSignups.programmeId, programmeId), eq(healthCheckSignups.memberId, memberId), ne(healthCheckSignups.status, 'cancelled')));
  return row ?? null;
}

export async function insertSignup(db: DbOrTx, values: typeof healthCheckSignups.$inferInsert): Promise<SignupRow> {
  const [row] = await db.insert(healthCheckSignups).values(values).returning();
  return row!;
}

export async function updateSignup(db: DbOrTx, id: number, values: Partial<typeof healthCheckSignups.$inferInsert>) {
  await db.update(healthCheckSignups).set(values).where(eq(healthCheckSignups.id, id));
}

const signupFrom = (db: DbOrTx) =>
  db
    .select({ s: healthCheckSignups, programmeName: healthCheckProgrammes.name, memberName: members.name, idNumberMasked: members.idNumberMasked, orgName: organisations.name, orgPath: organisations.path })
    .from(healthCheckSignups)
    .innerJoin(healthCheckProgrammes, eq(healthCheckProgrammes.id, healthCheckSignups.programmeId))
    .innerJoin(members, eq(members.id, healthCheckSignups.memberId))
    .innerJoin(organisations, eq(organisations.id, healthCheckSignups.orgId));
export type SignupWithNames = Awaited<ReturnType<ReturnType<typeof signupFrom>['where']>>[number];

export async function listSignups(db: DbOrTx, scope: Scope, programmeId: number, q: SignupListQuery, limit?: number, today?: string) {
  const where = and(
    q.due === 'results' ? sql`${healthCheckSignups.status} = 'done' and ${healthCheckSignups.resultsEnc} is null` : undefined,
    q.due === 'overdue' ? sql`${healthCheckSignups.status} = 'signed_up' and ${healthCheckSignups.slotOn} < ${today ?? '9999-12-31'}` : undefined,
    eq(healthCheckSignups.programmeId, programmeId),
    scopeCondition(organisations.path, scope),
    q.q ? ilike(members.name, `${escapeLike(q.q)}%`) : undefined,
    q.status ? eq(healthCheckSignups.status, q.status) : undefined,
    q.group ? eq(healthCheckSignups.group, q.group) : undefined,
  )!;
  const base = signupFrom(db).where(where).orderBy(healthCheckSignups.slotOn, healthCheckSignups.id);
  if (limit !== undefined) return { rows: await base.limit(limit), total: -1 };
  const rows = await base.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const total = await totalOf(rows.length, q, async () => {
    const [r] = await db.select({ n: count() }).from(healthCheckSignups).innerJoin(members, eq(members.id, healthCheckSignups.memberId)).innerJoin(organisations, eq(organisations.id, healthCheckSignups.orgId)).where(where);
    return r?.n ?? 0;
  });
  return { rows, total };
}

export async function findSignupInScope(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await signupFrom(db).where(and(eq(healthCheckSignups.id, id), scopeCondition(organisations.path, scope))).limit(1);
  return row ?? null;
}

export async function signupsOfMember(db: DbOrTx, memberId: number) {
  return signupFrom(db).where(eq(healthCheckSignups.memberId, memberId)).orderBy(desc(healthCheckSignups.id));
}

/** Members in a union now under `underPath` matching a condition (the demo's sign-ups). */
export async function demoWorkers(db: DbOrTx, underPath: string, where: 'gig' | 'women' | 'migrant', limit: number) {
  const cond = where === 'gig' ? sql`m.gig_kind in ('courier', 'food_delivery')` : where === 'women' ? sql`m.sex = 'female'` : sql`m.migrant_worker`;
  return queryRows<{ id: number; gig_kind: string | null }>(db, sql`
    select m.id, m.gig_kind from members m join memberships ms on ms.member_id = m.id and ms.left_on is null
      join organisations o on o.id = ms.org_id
     where o.path like ${escapeLike(underPath) + '%'} and ${cond}
     order by m.id limit ${limit}`);
}

/** Per programme, in scope: checks done whose results are not recorded, and bookings past their date. */
export async function duePerProgramme(db: DbOrTx, scope: Scope, today: string) {
  return db
    .select({
      programmeId: healthCheckProgrammes.id,
      name: healthCheckProgrammes.name,
      results: sql<number>`count(*) filter (where ${healthCheckSignups.status} = 'done' and ${healthCheckSignups.resultsEnc} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${healthCheckSignups.status} = 'signed_up' and ${healthCheckSignups.slotOn} < ${today})::int`,
    })
    .from(healthCheckSignups)
    .innerJoin(healthCheckProgrammes, eq(healthCheckProgrammes.id, healthCheckSignups.programmeId))
    .innerJoin(organisations, eq(organisations.id, healthCheckSignups.orgId))
    .where(and(scopeCondition(organisations.path, scope), sql`((${healthCheckSignups.status} = 'done' and ${healthCheckSignups.resultsEnc} is null) or (${healthCheckSignups.status} = 'signed_up' and ${healthCheckSignups.slotOn} < ${today}))`))
    .groupBy(healthCheckProgrammes.id, healthCheckProgrammes.name)
    .orderBy(desc(healthCheckProgrammes.id));
}

/** 待办: per programme, the sign-ups `duePerProgramme` counts, with the programme's organiser. */
export async function dueProgrammes(db: DbOrTx, scope: Scope, today: string) {
  return queryRows<{ programme_id: number; name: string; org_name: string; results: number; overdue: number; first_slot: string | null }>(
    db,
    sql`select p.id as programme_id, p.name, po.name as org_name,
               count(*) filter (where s.status = 'done' and s.results_enc is null)::int as results,
               count(*) filter (where s.status = 'signed_up' and s.slot_on < ${today})::int as overdue,
               min(s.slot_on) filter (where s.status = 'signed_up' and s.slot_on < ${today})::text as first_slot
          from health_check_signups s join health_check_programmes p on p.id = s.programme_id
          join organisations o on o.id = s.org_id join organisations po on po.id = p.org_id
         where ${scopeCondition(sql`o.path`, scope)}
           and ((s.status = 'done' and s.results_enc is null) or (s.status = 'signed_up' and s.slot_on < ${today}))
         group by p.id, p.name, po.name
         order by p.id desc`,
  );
}
