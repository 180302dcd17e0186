import { desc, eq, sql } from 'drizzle-orm';
import { scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import { ledgerRawPage, ledgerWhere } from '@platform/ledger';
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
    select o.id as org_id, o.name as org_name, o.code as org_code, p.name as parent_name,
           t.chair_name, t.elected_on::text as elected_on, t.term_years,
           (t.elected_on + make_interval(years => t.term_years))::date::text as ends_on,
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

export type ElectionRow = {
  org_id: number;
  org_name: string;
  org_code: string;
  parent_name: string | null;
  chair_name: string | null;
  elected_on: string | null;
  term_years: number | null;
  ends_on: string | null;
  status: 'overdue' | 'due' | 'in_term' | 'unregistered';
};

/** One page of the reminder list (page null: the export, every row), soonest end first, unregistered ones before. */
export async function listElections(
  db: DbOrTx,
  scope: Scope,
  kinds: string[],
  f: { status: string; q?: string | undefined; today: string; dueBy: string },
  page: { page: number; pageSize: number } | null,
) {
  // The scope is inside the records query (electionsQuery); the kit's filter adds the status and the search box.
  const where = ledgerWhere({ scope: sql`true`, q: { text: f.q, columns: [sql`e.org_name`] }, status: { value: f.status, column: sql`e.status` } });
  return ledgerRawPage<ElectionRow>(db, { inner: electionsQuery(scope, kinds, f.today, f.dueBy), where, orderBy: sql`e.ends_on asc nulls first, e.org_name, e.org_id` }, page);
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
    sql`select * from (${electionsQuery(scope, kinds, today, dueBy)}) e where status in ('due', 'overdue') order by ends_on, org_id limit ${limit}`,
  );
}
