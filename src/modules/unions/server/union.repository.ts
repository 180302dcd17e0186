import { desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import { ledgerRawPage, ledgerWhere } from '@platform/ledger';
import type { ElectionRowSchema } from '../shared/union.schema';
import { unionTerms, type UnionTermRow } from './union.table';

export async function termsOf(db: DbOrTx, orgId: number): Promise<UnionTermRow[]> {
  return db.select().from(unionTerms).where(eq(unionTerms.orgId, orgId)).orderBy(desc(unionTerms.electedOn), desc(unionTerms.id));
}

export async function insertTerm(db: DbOrTx, values: typeof unionTerms.$inferInsert): Promise<UnionTermRow> {
  const [row] = await db.insert(unionTerms).values(values).returning();
  return row!;
}

/**
 * Open grassroots unions in scope with their current term (latest election) and its end date; `status`
 * classifies against `today` and `dueBy`.
 */
function electionsQuery(scope: Scope, kinds: string[], today: string, dueBy: string) {
  return sql`
    select o.id as "orgId", o.name as "orgName", o.code as "orgCode", p.name as "parentName",
           t.chair_name as "chairName", t.elected_on::text as "electedOn", t.term_years as "termYears",
           (t.elected_on + make_interval(years => t.term_years))::date::text as "endsOn",
           case when t.id is null then 'unregistered'
                when (t.elected_on + make_interval(years => t.term_years))::date < ${today}::date then 'overdue'
                when (t.elected_on + make_interval(years => t.term_years))::date <= ${dueBy}::date then 'due'
                else 'in_term' end as status
      from organisations o
      left join organisations p on p.id = o.parent_id
      left join lateral (select * from union_terms x where x.org_id = o.id order by x.elected_on desc, x.id desc limit 1) t on true
     where o.closed_on is null and o.kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
       and ${scopeCondition(sql`o.path`, scope)}`;
}

/** A union and its current term, as the list shows it before the presenter adds what it derives. */
export type ElectionRow = Omit<z.infer<typeof ElectionRowSchema>, 'daysLeft' | 'statusLabel'>;

/** One page of the reminder list (page null: the export, every row), soonest end first, unregistered ones before. */
export async function listElections(
  db: DbOrTx,
  scope: Scope,
  kinds: string[],
  f: { status: string; q?: string | undefined; today: string; dueBy: string },
  page: { page: number; pageSize: number } | null,
) {
  // The scope is inside the records query (electionsQuery); the kit's filter adds the status and the search box.
  const where = ledgerWhere({ scope: sql`true`, q: { text: f.q, columns: [sql`e."orgName"`] }, status: { value: f.status, column: sql`e.status` } });
  return ledgerRawPage<ElectionRow>(db, { inner: electionsQuery(scope, kinds, f.today, f.dueBy), where, orderBy: sql`e."endsOn" asc nulls first, e."orgName", e."orgId"` }, page);
}

export async function electionCounts(db: DbOrTx, scope: Scope, kinds: string[], today: string, dueBy: string) {
  const [row] = await queryRows<{ due: number; overdue: number; unregistered: number }>(
    db,
    sql`select count(*) filter (where status = 'due')::int as due, count(*) filter (where status = 'overdue')::int as overdue,
               count(*) filter (where status = 'unregistered')::int as unregistered
          from (${electionsQuery(scope, kinds, today, dueBy)}) e`,
  );
  return row ?? { due: 0, overdue: 0, unregistered: 0 };
}

export async function insertTermsBulk(db: DbOrTx, rows: (typeof unionTerms.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(unionTerms).values(rows.slice(i, i + 500));
}

/** 待办: terms overdue or ending by `dueBy` (the rows `electionCounts` counts as due/overdue), earliest end first. */
export async function electionsDue(db: DbOrTx, scope: Scope, kinds: string[], today: string, dueBy: string, limit: number) {
  return queryRows<ElectionRow>(
    db,
    sql`select * from (${electionsQuery(scope, kinds, today, dueBy)}) e where status in ('due', 'overdue') order by "endsOn", "orgId" limit ${limit}`,
  );
}
