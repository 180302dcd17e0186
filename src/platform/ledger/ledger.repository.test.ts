import { asc, count, sql } from 'drizzle-orm';
import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@test/db';
import { scopeCondition, type Scope } from '../access';
import type { Database } from '../db';
import { ledgerPage, ledgerRawPage, ledgerWhere } from './ledger.repository';

const things = pgTable('ledger_kit_things', { id: serial().primaryKey(), name: text().notNull(), path: text().notNull(), year: integer().notNull(), status: text().notNull() });
let database: Database;
const scope: Scope = { permission: 'x.read', paths: ['/1/2/'], accountId: 1 };

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table ledger_kit_things (id serial primary key, name text not null, path text not null, year int not null, status text not null)`);
  const rows = Array.from({ length: 25 }, (_, i) => ({ name: `单位${i + 1}`, path: i < 23 ? '/1/2/' : '/1/3/', year: 2024 + (i % 2), status: i % 3 === 0 ? 'closed' : 'open' }));
  await database.db.insert(things).values(rows);
});
afterAll(() => database.close());

function where(f: { q?: string; year?: number; status?: string; due?: string }, s: Scope = scope) {
  return ledgerWhere({
    scope: scopeCondition(things.path, s),
    q: { text: f.q, columns: [things.name] },
    year: { value: f.year, column: things.year },
    status: { value: f.status, column: things.status, when: { none: sql`false` } },
    due: { value: f.due, when: { old: sql`${things.year} < 2025` } },
  });
}

async function page(f: Parameters<typeof where>[0], p: { page: number; pageSize: number } | null, s?: Scope) {
  let counted = 0;
  const w = where(f, s);
  const r = await ledgerPage(database.db.select().from(things).where(w).orderBy(asc(things.id)).$dynamic(), p, async () => {
    counted++;
    const [n] = await database.db.select({ n: count() }).from(things).where(w);
    return n?.n ?? 0;
  });
  return { names: r.rows.map((x) => x.name), total: r.total, counted };
}

describe('the ledger list query', () => {
  it('is scoped (an empty scope matches nothing) and applies search, year, status and due only when set', async () => {
    expect((await page({}, { page: 1, pageSize: 50 })).total).toBe(23);
    expect((await page({}, { page: 1, pageSize: 50 }, { ...scope, paths: [] })).total).toBe(0);
    expect((await page({ q: '单位2' }, { page: 1, pageSize: 50 })).names).toEqual(['单位2', '单位20', '单位21', '单位22', '单位23']);
    expect((await page({ q: '%' }, { page: 1, pageSize: 50 })).total).toBe(0);
    expect((await page({ year: 2025 }, { page: 1, pageSize: 50 })).total).toBe(11);
    expect((await page({ status: 'closed' }, { page: 1, pageSize: 50 })).total).toBe(8);
    expect((await page({ status: 'all' }, { page: 1, pageSize: 50 })).total).toBe(23);
    expect((await page({ status: 'none' }, { page: 1, pageSize: 50 })).total).toBe(0);
    expect((await page({ due: 'old' }, { page: 1, pageSize: 50 })).total).toBe(12);
  });

  it('counts only when the page cannot tell the total, and never for an export', async () => {
    expect(await page({}, { page: 3, pageSize: 10 })).toMatchObject({ total: 23, counted: 0, names: ['单位21', '单位22', '单位23'] });
    expect(await page({}, { page: 1, pageSize: 10 })).toMatchObject({ total: 23, counted: 1 });
    expect(await page({}, null)).toMatchObject({ total: 23, counted: 0 });
  });

  it('pages a raw records query the same way', async () => {
    const inner = sql`select id, name, status from ledger_kit_things where ${scopeCondition(sql`path`, scope)}`;
    const w = ledgerWhere({ scope: sql`true`, status: { value: 'open', column: sql`e.status` } });
    const r = await ledgerRawPage<{ name: string }>(database.db, { inner, where: w, orderBy: sql`e.id` }, { page: 2, pageSize: 10 });
    expect(r.total).toBe(15);
    expect(r.rows.length).toBe(5);
  });
});
