import { and, eq, ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import { escapeLike } from '../access';
import { queryRows, totalOf, type DbOrTx, type PageQuery } from '../db';
import { substringMatch } from '../db/search';

/**
 * The filters every ledger list takes, as one predicate. `scope` is required (the caller's `scopeCondition`
 * or its visibility rule), so a list cannot be built unscoped; the rest apply only when the user set them.
 */
export interface LedgerFilter {
  scope: SQL;
  /**
   * Search box: a case-insensitive substring of any of the columns. `indexed`: the table has the GIN index on
   * `searchGramsOf(columns)` (platform/db/search.ts), which then answers the search.
   */
  q?: { text: string | undefined; columns: (AnyColumn | SQL)[]; indexed?: boolean };
  year?: { value: number | undefined; column: AnyColumn | SQL };
  /** A status filter: a named predicate (`when`), else equality on `column`; `all` or empty filters nothing. */
  status?: { value: string | undefined; column?: AnyColumn | SQL; when?: Record<string, SQL> };
  /** Due work (待办) of the ledger, by name: each name is a predicate. */
  due?: { value: string | undefined; when: Record<string, SQL> };
  /** The ledger's own further conditions (undefined entries are skipped). */
  and?: (SQL | undefined)[];
}

export function ledgerWhere(f: LedgerFilter): SQL {
  const c: (SQL | undefined)[] = [f.scope];
  const q = f.q?.text?.trim();
  if (q) c.push(f.q!.indexed ? substringMatch(f.q!.columns, q) : or(...f.q!.columns.map((col) => ilike(col as AnyColumn, `%${escapeLike(q)}%`))));
  if (f.year?.value !== undefined) c.push(sql`${f.year.column} = ${f.year.value}`);
  const status = f.status?.value;
  if (status && status !== 'all') {
    const named = f.status!.when?.[status];
    if (named) c.push(named);
    else if (f.status!.column) c.push(eq(f.status!.column as AnyColumn, status));
  }
  const due = f.due?.value;
  if (due && f.due!.when[due]) c.push(f.due!.when[due]);
  c.push(...(f.and ?? []));
  return and(...c)!;
}

/**
 * One page of a ledger list (a drizzle select made `.$dynamic()`, its where and order already set) and its
 * total. The total is counted only when the page cannot tell it (a full page, or an empty page past the
 * first; see `totalOf`), and never for an export (`page` null: every row up to `limit`).
 */
export async function ledgerPage<T extends PgSelect>(
  query: T,
  page: PageQuery | null,
  count: () => Promise<number>,
  limit = 100_000,
): Promise<{ rows: Awaited<T>; total: number }> {
  if (!page) {
    const rows = (await query.limit(limit)) as Awaited<T>;
    return { rows, total: rows.length };
  }
  const rows = (await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize)) as Awaited<T>;
  return { rows, total: await totalOf(rows.length, page, count) };
}

/**
 * The same over a raw records query (`inner`, a select with named columns, read as `e.<column>`): filtered by
 * `where`, ordered, paged; counted only when needed.
 */
export async function ledgerRawPage<R extends Record<string, unknown>>(
  db: DbOrTx,
  d: { inner: SQL; where?: SQL; orderBy: SQL },
  page: PageQuery | null,
  limit = 100_000,
): Promise<{ rows: R[]; total: number }> {
  const where = d.where ? sql`where ${d.where}` : sql``;
  const paged = page ? sql`limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}` : sql`limit ${limit}`;
  const rows = await queryRows<R>(db, sql`select * from (${d.inner}) e ${where} order by ${d.orderBy} ${paged}`);
  if (!page) return { rows, total: rows.length };
  const total = await totalOf(rows.length, page, async () => {
    const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${d.inner}) e ${where}`);
    return n?.n ?? 0;
  });
  return { rows, total };
}
