import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';

/**
 * Prepared statements for the hottest reads (the session behind every request, member search), built once per
 * database handle and shape instead of once per request (decision record 0027).
 *
 * A query family writes its SQL with `sql.placeholder` for every value, names its shape (everything that changes
 * the SQL text: which conditions, how many scope paths) and asks `statement(db, shape, build)`: the first call
 * builds the drizzle prepared query, later ones reuse it, so drizzle neither rebuilds the SQL nor its row mapper.
 *
 * `serverSide: true` also gives the statement a name, so PostgreSQL parses and plans it once per connection and,
 * after five custom plans, reuses a generic plan when it costs no more. Only for statements whose plan does not
 * depend on the values: an equality on a unique or near-unique index (a session id, an ID number's blind index),
 * or a statement whose join order its text fixes and whose range values are `opaque` (a name search, decision
 * record 0028). A plain prefix `like $1` must stay unnamed: a generic plan cannot see the prefix and was measured
 * to drive from the organisations instead (1.4 s, not 0.6 ms). PGlite has no named statements and ignores the name.
 */
const byDb = new WeakMap<object, Map<string, unknown>>();
const MAX_SHAPES_PER_DB = 512;

export function statement<P>(db: object, shape: string, build: (name: string | undefined) => P, serverSide = false): P {
  let shapes = byDb.get(db);
  if (!shapes) byDb.set(db, (shapes = new Map()));
  let prepared = shapes.get(shape) as P | undefined;
  if (prepared === undefined) {
    // Shapes are few (a handful of filters); the bound only guards against a family that keys on values.
    if (shapes.size >= MAX_SHAPES_PER_DB) shapes.clear();
    prepared = build(serverSide ? statementName(shape) : undefined);
    shapes.set(shape, prepared);
  }
  return prepared;
}

/** The server-side name of a shape: one name per SQL text, whatever process or handle prepares it. */
export function statementName(shape: string): string {
  return `g_${createHash('sha256').update(shape).digest('hex').slice(0, 24)}`;
}

/**
 * Values bound to placeholders while a query's conditions are written: `bind(v)` returns a placeholder and records
 * the value under a name made unique by a counter (v0, v1, … in the order of binding, which the shape fixes).
 */
export class Bindings {
  readonly values: Record<string, unknown> = {};
  private n = 0;

  bind(value: unknown): SQL {
    const name = `v${this.n++}`;
    this.values[name] = value;
    return sql.placeholder(name) as unknown as SQL;
  }

  /**
   * A text value the planner does not look at: `(select $n::text)` is an InitPlan, so a custom plan estimates it
   * as a generic plan does, and PostgreSQL settles on the generic plan of a named statement instead of planning
   * every execution for its values (decision record 0028). An index still uses it as a key (`name >= $0`). Only
   * where the statement's text already fixes the plan's shape; elsewhere the planner should see the value.
   */
  opaque(value: string): SQL {
    return sql`(select ${this.bind(value)}::text)`;
  }
}
