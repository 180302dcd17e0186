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

/**
 * The least string greater than every string that starts with `prefix`, in code-point order (`collate "C"`, the
 * order of UTF-8 bytes): `name >= prefix and name < prefixUpperBound(prefix)` is exactly `name like prefix%`, as a
 * range an index reads whatever the planner knows of the prefix. The last code point is incremented (over the
 * surrogates, which no string holds); a prefix of U+10FFFF only has no such bound and gets its own prefix followed
 * by U+10FFFF, which no name reaches.
 */
export function prefixUpperBound(prefix: string): string {
  const points = [...prefix].map((c) => c.codePointAt(0)!);
  while (points.length && points.at(-1) === 0x10ffff) points.pop();
  if (!points.length) return prefix + '\u{10ffff}'.repeat(4);
  const last = points.pop()! + 1;
  points.push(last === 0xd800 ? 0xe000 : last);
  return String.fromCodePoint(...points);
}
