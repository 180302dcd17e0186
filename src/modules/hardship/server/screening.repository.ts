import { and, desc, eq, or, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { organisations } from '@modules/organisations/server';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { screeningCampaigns, screeningChecks } from './screening.table';

export async function insertScreening(db: DbOrTx, values: typeof screeningCampaigns.$inferInsert) {
  const [row] = await db.insert(screeningCampaigns).values(values).returning();
  return row!;
}

export async function screeningById(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ s: screeningCampaigns, orgName: organisations.name, orgPath: organisations.path })
    .from(screeningCampaigns)
    .innerJoin(organisations, eq(organisations.id, screeningCampaigns.orgId))
    .where(eq(screeningCampaigns.id, id))
    .limit(1);
  return row ?? null;
}

/** Screenings the caller takes part in: run by a union in scope, or by one above the caller's union. */
export async function listScreenings(db: DbOrTx, scope: Scope, ownPath: string) {
  return db
    .select({ s: screeningCampaigns, orgName: organisations.name, orgPath: organisations.path })
    .from(screeningCampaigns)
    .innerJoin(organisations, eq(organisations.id, screeningCampaigns.orgId))
    .where(or(scopeCondition(organisations.path, scope), sql`${ownPath} like ${organisations.path} || '%'`))
    .orderBy(desc(screeningCampaigns.deadline), desc(screeningCampaigns.id));
}

export async function insertCheck(db: DbOrTx, values: typeof screeningChecks.$inferInsert) {
  const [row] = await db.insert(screeningChecks).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Checks by outcome over the unions in scope, per screening. */
export async function checkTotals(db: DbOrTx, scope: Scope, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      campaignId: screeningChecks.campaignId,
      checked: sql<number>`count(*)::int`,
      newCases: sql<number>`count(*) filter (where ${screeningChecks.outcome} = 'new_case')::int`,
    })
    .from(screeningChecks)
    .innerJoin(organisations, eq(organisations.id, screeningChecks.orgId))
    .where(and(sql`${screeningChecks.campaignId} in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`, scopeCondition(organisations.path, scope)))
    .groupBy(screeningChecks.campaignId);
}

/** Progress by grassroots union under `underPath` and in scope: open memberships, checks by outcome. */
/** The members a population covers, as a condition on `members x` (see SCREENING_POPULATION_LABELS). */
function populationCondition(population: string) {
  switch (population) {
    case 'gig':
      return sql`x.gig_kind is not null`;
    case 'migrant':
      return sql`x.migrant_worker`;
    case 'women':
      return sql`x.sex = 'female'`;
    case 'on_file':
      return sql`exists (select 1 from hardship_cases hc where hc.member_id = x.id and hc.status = 'assisted')`;
    default:
      return sql`true`;
  }
}

export async function progressByUnion(db: DbOrTx, scope: Scope, campaignId: number, underPath: string, population: string) {
  const kinds = grassrootsKinds();
  // The subqueries name organisations.id in full: an unqualified column would bind to the subquery's own table.
  return db
    .select({
      orgId: organisations.id,
      orgName: organisations.name,
      members: sql<number>`(select count(*)::int from memberships m join members x on x.id = m.member_id where m.org_id = organisations.id and m.left_on is null and ${populationCondition(population)})`,
      checked: sql<number>`(select count(*)::int from screening_checks c where c.campaign_id = ${campaignId} and c.org_id = organisations.id)`,
      newCases: sql<number>`(select count(*)::int from screening_checks c where c.campaign_id = ${campaignId} and c.org_id = organisations.id and c.outcome = 'new_case')`,
      noHardship: sql<number>`(select count(*)::int from screening_checks c where c.campaign_id = ${campaignId} and c.org_id = organisations.id and c.outcome = 'no_hardship')`,
      caseUpdated: sql<number>`(select count(*)::int from screening_checks c where c.campaign_id = ${campaignId} and c.org_id = organisations.id and c.outcome = 'case_updated')`,
    })
    .from(organisations)
    .where(
      and(
        sql`${organisations.path} like ${escapeLike(underPath) + '%'}`,
        scopeCondition(organisations.path, scope),
        sql`${organisations.kind} in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})`,
        sql`${organisations.closedOn} is null`,
      ),
    )
    .orderBy(organisations.path)
    .limit(2000);
}

export async function closeScreening(db: DbOrTx, id: number) {
  await db.update(screeningCampaigns).set({ status: 'closed' }).where(eq(screeningCampaigns.id, id));
}
