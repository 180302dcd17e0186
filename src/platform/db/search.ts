import { and, ilike, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { escapeLike } from '../access/access';

/**
 * The SQL expression a substring search over `columns` is indexed on: the set of two-character pieces of each
 * column, lower-cased (`search_bigrams`, migration 0021). A table whose list searches by substring declares
 * `index(...).using('gin', searchGramsOf([t.a, t.b]))` with the same columns in the same order, so that the
 * planner finds the index for the condition `substringMatch` writes.
 */
export function searchGramsOf(columns: (AnyColumn | SQL)[]): SQL {
  return sql`(${sql.join(
    columns.map((c) => sql`search_bigrams(${c})`),
    sql` || `,
  )})`;
}

/**
 * `needle` as a case-insensitive substring of any of `columns` (what `ilike '%needle%'` answers), answered from
 * the GIN index on `searchGramsOf(columns)` (decision record 0020): every two-character piece of the needle must
 * be among the row's pieces. For a two-character needle — most Chinese searches (科技, 物流, a surname and a
 * given name) — that is exact and no row is read beyond the matches; a longer needle's candidates are checked
 * with `ilike`. A one-character needle has no piece and is a plain `ilike` (every row of the scope is read).
 */
export function substringMatch(columns: (AnyColumn | SQL)[], needle: string): SQL {
  const like = `%${escapeLike(needle)}%`;
  const plain = or(...columns.map((c) => ilike(c as AnyColumn, like)))!;
  const length = [...needle].length;
  if (length < 2) return plain;
  const grams = sql`${searchGramsOf(columns)} @> search_bigrams(${needle})`;
  return length === 2 ? grams : and(grams, plain)!;
}
