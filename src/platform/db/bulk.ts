import { sql } from 'drizzle-orm';
import { copyRows, queryRows, type CopyValue, type DbOrTx } from './client';

/** A single-column foreign key of a table, as the catalog declares it. */
interface ForeignKey {
  column: string;
  refTable: string;
  refColumn: string;
  /** The referenced column's SQL type, e.g. `integer`. */
  refType: string;
}

interface TablePlan {
  foreignKeys: ForeignKey[];
  /** False when the table has triggers of its own or a multi-column key: those always run row by row. */
  setBased: boolean;
}

/** Catalog facts do not change while the platform runs (migrations run before it serves). */
const plans = new Map<string, TablePlan>();

async function planOf(db: DbOrTx, table: string): Promise<TablePlan> {
  const cached = plans.get(table);
  if (cached) return cached;
  const keys = await queryRows<{ columns: string[]; ref_table: string; ref_columns: string[]; ref_type: string }>(
    db,
    sql`select array(select a.attname::text from unnest(c.conkey) k join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k) as columns,
               c.confrelid::regclass::text as ref_table,
               array(select a.attname::text from unnest(c.confkey) k join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k) as ref_columns,
               (select format_type(a.atttypid, a.atttypmod) from pg_attribute a where a.attrelid = c.confrelid and a.attnum = c.confkey[1]) as ref_type
          from pg_constraint c
         where c.conrelid = ${table}::regclass and c.contype = 'f'`,
  );
  const [triggers] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_trigger where tgrelid = ${table}::regclass and not tgisinternal`);
  const plan: TablePlan = {
    foreignKeys: keys.filter((k) => k.columns.length === 1).map((k) => ({ column: k.columns[0]!, refTable: k.ref_table, refColumn: k.ref_columns[0]!, refType: k.ref_type })),
    setBased: triggers!.n === 0 && keys.every((k) => k.columns.length === 1),
  };
  plans.set(table, plan);
  return plan;
}

/** Raised when a bulk write names a referenced row that does not exist (the same SQLSTATE as PostgreSQL's). */
export class ForeignKeyViolation extends Error {
  readonly code = '23503';
}

/**
 * Writes large batches inside one transaction by COPY, checking foreign keys per batch instead of per row.
 *
 * PostgreSQL checks a foreign key with a trigger that runs one locking lookup per inserted row; for an import
 * of 100,000 memberships that is 200,000 lookups, two thirds of the COPY's time on the embedded database.
 * Where the session may (a superuser: always on the embedded database), a BulkWriter instead locks and counts
 * each batch's distinct referenced keys in one statement (`for key share`, the lock the trigger takes), refuses
 * the batch if any is missing, and COPYs with row triggers off (`session_replication_role = replica`, scoped to
 * that COPY). Tables with triggers of their own, multi-column keys, or a session that is not a superuser keep
 * PostgreSQL's row-by-row checks. Either way a dangling reference never commits.
 */
export class BulkWriter {
  private constructor(
    private readonly tx: DbOrTx,
    private readonly mayBypassTriggers: boolean,
  ) {}

  static async open(tx: DbOrTx): Promise<BulkWriter> {
    const [row] = await queryRows<{ superuser: string }>(tx, sql`select current_setting('is_superuser') as superuser`);
    return new BulkWriter(tx, row?.superuser === 'on');
  }

  /** Whether `copy` checks this table's foreign keys per batch (else PostgreSQL's triggers check each row). */
  async checksInBatches(table: string): Promise<boolean> {
    return this.mayBypassTriggers && (await planOf(this.tx, table)).setBased;
  }

  async copy(table: string, columns: string[], rows: CopyValue[][]): Promise<void> {
    if (rows.length === 0) return;
    if (!(await this.checksInBatches(table))) return copyRows(this.tx, table, columns, rows);
    for (const key of (await planOf(this.tx, table)).foreignKeys) {
      const at = columns.indexOf(key.column);
      if (at < 0) continue;
      const values = [...new Set(rows.map((r) => r[at]).filter((v) => v !== null && v !== undefined).map(String))];
      if (values.length === 0) continue;
      // The keys travel as one JSON text parameter (any value, any driver); identifiers come from the catalog.
      const found = await queryRows<{ v: string }>(
        this.tx,
        sql`select ${sql.raw(key.refColumn)}::text as v from ${sql.raw(key.refTable)}
             where ${sql.raw(key.refColumn)} = any(array(select json_array_elements_text(${JSON.stringify(values)}::json)::${sql.raw(key.refType)}))
               for key share`,
      );
      if (found.length !== values.length) {
        const present = new Set(found.map((f) => f.v));
        const missing = values.filter((v) => !present.has(v)).slice(0, 5);
        throw new ForeignKeyViolation(`${table}.${key.column} references missing ${key.refTable}.${key.refColumn}: ${missing.join(', ')}`);
      }
    }
    await this.tx.execute(sql`set local session_replication_role = replica`);
    // A failed COPY aborts the transaction, which ends the setting with it.
    await copyRows(this.tx, table, columns, rows);
    await this.tx.execute(sql`set local session_replication_role = origin`);
  }
}
