import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db';
import type { Period } from '../periods';
import type { LedgerRef } from '../ledger/ledger';
import { shownAmount, type AmountColumn } from './columns';

/**
 * The figure engine. A module declares its indicators; each count or sum indicator is ONE SQL query that
 * selects the records behind the figure, so the value (count or sum over exactly those rows) and the
 * drill-down list can never disagree. Rates are computed from two such indicators, never stored.
 *
 * A records query must select these columns, in any order:
 *   id, org_id, org_name, title, occurred_on (date or null), amount (bigint or null; the summed value for `sum`)
 * and must restrict itself to the subtree `ctx.rootPath` (see `underPath`) and to `ctx.period`.
 *
 * The `amount` column means what the indicator's `amount` declares (columns.ts): money is integer fen in SQL
 * and yuan (two decimals) in every value, drill-down and export; an indicator without one shows no amount.
 */
export interface IndicatorContext {
  /** Materialised path of the organisation whose subtree is measured, e.g. `/1/5/`. */
  rootPath: string;
  period: Period;
}

export type IndicatorUnit = '家' | '个' | '人' | '人次' | '户' | '元' | '%' | '次' | '项' | '件' | '条' | '场' | '小时' | '份';

interface Base {
  /** Stable code, `module.name`, e.g. `org.grassroots_founded`. */
  code: string;
  /** Chinese name as used in reports, e.g. 新建工会组织数. */
  name: string;
  /** What is counted, in words a cadre can check against the ledger. */
  definition: string;
  unit: IndicatorUnit;
  /** Catalogue section, e.g. 组织建设. */
  section: string;
}

export interface CountIndicator extends Base {
  kind: 'count';
  /** What the records' `amount` is, when the drill-down shows one (e.g. the money of each payment counted). */
  amount?: AmountColumn;
  /** The ledger whose records these are (the records' `id` is the record's id): drill-down rows open them. */
  ledger?: LedgerRef;
  records(ctx: IndicatorContext): SQL;
}

export interface SumIndicator extends Base {
  kind: 'sum';
  /** What is summed: `money` (fen in SQL, the value in yuan) or a plain `number`. */
  amount: AmountColumn;
  ledger?: LedgerRef;
  records(ctx: IndicatorContext): SQL;
}

export interface RateIndicator extends Base {
  kind: 'rate';
  numerator: string;
  denominator: string;
  /** 100 for percentages. */
  factor: number;
}

export type IndicatorDefinition = CountIndicator | SumIndicator | RateIndicator;

export interface IndicatorRecord {
  id: string;
  orgId: number;
  orgName: string;
  title: string;
  occurredOn: string | null;
  amount: number | null;
  /** The ledger record behind the row, when the indicator declares its ledger: where it opens on the web. */
  ref: { ledger: string; id: string; href: string } | null;
}

export interface IndicatorValue {
  code: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
}

/** `path like '<root>%'` for a path column: the subtree predicate every records query uses. */
export function underPath(pathColumn: SQL | string, rootPath: string): SQL {
  const col = typeof pathColumn === 'string' ? sql.raw(pathColumn) : pathColumn;
  return sql`${col} like ${rootPath.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`;
}

type RawRecord = { id: string | number; org_id: number; org_name: string; title: string; occurred_on: string | Date | null; amount: string | number | null };

function toRecord(r: RawRecord, amount: AmountColumn | null, ledger: LedgerRef | null = null): IndicatorRecord {
  const date = r.occurred_on instanceof Date ? r.occurred_on.toISOString().slice(0, 10) : r.occurred_on;
  return {
    id: String(r.id),
    orgId: Number(r.org_id),
    orgName: r.org_name,
    title: r.title,
    occurredOn: date ?? null,
    amount: r.amount == null || !amount ? null : shownAmount(amount.kind, Number(r.amount)),
    ref: ledger ? { ledger: ledger.name, id: String(r.id), href: ledger.href(String(r.id)) } : null,
  };
}

/** The drill-down's search box: a substring of the record's title or its organisation's name. */
function searched(q: string | undefined): SQL {
  const t = q?.trim();
  if (!t) return sql``;
  const like = `%${t.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql`where (r.title ilike ${like} or r.org_name ilike ${like})`;
}

/** The catalogue every module registers into; the only place figures are computed. */
export class IndicatorCatalogue {
  private readonly byCode = new Map<string, IndicatorDefinition>();
  private readonly byName = new Map<string, IndicatorDefinition>();

  constructor(definitions: IndicatorDefinition[]) {
    for (const d of definitions) {
      if (this.byCode.has(d.code)) throw new Error(`indicator ${d.code} registered twice`);
      if (this.byName.has(d.name)) throw new Error(`indicator name ${d.name} used twice`);
      this.byCode.set(d.code, d);
      this.byName.set(d.name, d);
    }
    for (const d of definitions) {
      if (d.kind !== 'rate') continue;
      for (const part of [d.numerator, d.denominator]) {
        const p = this.byCode.get(part);
        if (!p || p.kind === 'rate') throw new Error(`rate ${d.code}: part ${part} must be a registered count or sum`);
      }
    }
  }

  list(): IndicatorDefinition[] {
    return [...this.byCode.values()];
  }

  get(code: string): IndicatorDefinition | undefined {
    return this.byCode.get(code);
  }

  /** By Chinese name (as written in report placeholders) or by code. */
  find(nameOrCode: string): IndicatorDefinition | undefined {
    return this.byName.get(nameOrCode) ?? this.byCode.get(nameOrCode);
  }

  /** The value for a subtree and period. Counts and sums run their records query wrapped in an aggregate. */
  async value(db: DbOrTx, code: string, ctx: IndicatorContext): Promise<IndicatorValue> {
    const d = this.require(code);
    if (d.kind === 'rate') {
      const [num, den] = await Promise.all([this.value(db, d.numerator, ctx), this.value(db, d.denominator, ctx)]);
      const n = num.value ?? 0;
      const m = den.value ?? 0;
      return { code, value: m === 0 ? null : Math.round((n / m) * d.factor * 100) / 100, numerator: n, denominator: m };
    }
    const aggregate = d.kind === 'count' ? sql`count(*)` : sql`coalesce(sum(r.amount), 0)`;
    const [row] = await queryRows<{ value: string | number }>(db, sql`select ${aggregate} as value from (${d.records(ctx)}) r`);
    const raw = Number(row?.value ?? 0);
    return { code, value: d.kind === 'sum' ? shownAmount(d.amount.kind, raw) : raw };
  }

  /**
   * One page of the records behind a figure; for a rate, `part` picks the numerator (default) or denominator.
   * Amounts come as shown (yuan for money, see `amountColumn`); null when the indicator declares none. `q`
   * keeps the records whose title or organisation contains it (the drawer's search box).
   */
  async records(
    db: DbOrTx,
    code: string,
    ctx: IndicatorContext,
    page: { page: number; pageSize: number },
    part: 'numerator' | 'denominator' = 'numerator',
    q?: string,
  ): Promise<{ items: IndicatorRecord[]; total: number }> {
    const d = this.recordsSource(code, part);
    const query = d.records(ctx);
    const where = searched(q);
    const [count] = await queryRows<{ n: string | number }>(db, sql`select count(*) as n from (${query}) r ${where}`);
    const rows = await queryRows<RawRecord>(
      db,
      sql`select * from (${query}) r ${where} order by r.occurred_on desc nulls last, r.org_name, r.id limit ${page.pageSize} offset ${(page.page - 1) * page.pageSize}`,
    );
    const amount = d.amount ?? null;
    return { items: rows.map((r) => toRecord(r, amount, d.ledger ?? null)), total: Number(count?.n ?? 0) };
  }

  /** All records behind a figure (for export), up to `limit`; `q` as for `records`. */
  async allRecords(db: DbOrTx, code: string, ctx: IndicatorContext, limit: number, part: 'numerator' | 'denominator' = 'numerator', q?: string) {
    const d = this.recordsSource(code, part);
    const rows = await queryRows<RawRecord>(
      db,
      sql`select * from (${d.records(ctx)}) r ${searched(q)} order by r.occurred_on desc nulls last, r.org_name, r.id limit ${limit}`,
    );
    return rows.map((r) => toRecord(r, d.amount ?? null, d.ledger ?? null));
  }

  /** What the `amount` of the records behind a figure (or one part of a rate) is; null when they show none. */
  amountColumn(code: string, part: 'numerator' | 'denominator' = 'numerator'): AmountColumn | null {
    return this.recordsSource(code, part).amount ?? null;
  }

  private recordsSource(code: string, part: 'numerator' | 'denominator'): CountIndicator | SumIndicator {
    const d = this.require(code);
    if (d.kind !== 'rate') return d;
    return this.require(part === 'numerator' ? d.numerator : d.denominator) as CountIndicator | SumIndicator;
  }

  private require(code: string): IndicatorDefinition {
    const d = this.byCode.get(code);
    if (!d) throw new Error(`unknown indicator ${code}`);
    return d;
  }
}
