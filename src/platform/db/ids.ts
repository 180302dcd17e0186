import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from './client';

/**
 * `n` ids of a serial table taken ahead of a bulk write (an import's COPY binds child rows to them). One row comes
 * back, not n: the range when it is contiguous (always, unless another session took ids meanwhile), else the list.
 */
export async function reserveSerialIds(db: DbOrTx, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  const [row] = await queryRows<{ lo: number; hi: number; list: string | null }>(
    db,
    sql`select min(v)::int as lo, max(v)::int as hi,
               case when max(v) - min(v) + 1 = count(*) then null else string_agg(v::text, ',') end as list
          from (select nextval(pg_get_serial_sequence(${table}, 'id')) as v from generate_series(1, ${n})) s`,
  );
  if (row!.list) return row!.list.split(',').map(Number);
  return Array.from({ length: row!.hi - row!.lo + 1 }, (_, i) => row!.lo + i);
}
