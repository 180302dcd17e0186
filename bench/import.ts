/**
 * Import benchmark: a roster file of N rows (the issue's template) imported through the whole engine —
 * upload, streaming parse, validation of every field, SM4 encryption and SM3 blind indexes, staging, and the
 * one applying transaction — beside the baseline of the same file's parse time plus a raw COPY of the same
 * rows (as text, no checks) into a plain table, measured in the same run. Peak resident memory is sampled.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ExcelJS } from '@platform/excel/exceljs';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { readSheetRows } from '@platform/imports';
import { createTestApp, runImport, type TestApp } from '../test/app';
import { ROSTER_HEADER } from '../test/fixtures/people';
import { rosterRow } from './roster';

async function writeRoster(n: number, orgCodes: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('会员花名册');
  ws.addRow(ROSTER_HEADER).commit();
  for (let i = 0; i < n; i++) ws.addRow(rosterRow(i, orgCodes)).commit();
  ws.commit();
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function tsv(n: number, orgCodes: string[]): Readable {
  let i = 0;
  return new Readable({
    read() {
      const lines: string[] = [];
      for (let k = 0; k < 5000 && i < n; k++, i++) lines.push(rosterRow(i, orgCodes).join('\t'));
      if (lines.length) this.push(lines.join('\n') + '\n');
      if (i >= n) this.push(null);
    },
  });
}

const COPY_TABLE = sql.raw(`bench_roster_copy (${ROSTER_HEADER.map((_, i) => `c${i} text`).join(', ')})`);

async function rawCopy(t: TestApp, n: number, orgCodes: string[], pgUrl: string | undefined): Promise<number> {
  await t.database.db.execute(sql`drop table if exists bench_roster_copy`);
  await t.database.db.execute(sql`create table ${COPY_TABLE}`);
  const start = performance.now();
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await pipeline(tsv(n, orgCodes), client.query(copyFrom('copy bench_roster_copy from stdin')));
    await client.end();
  } else {
    const chunks: Buffer[] = [];
    for await (const c of tsv(n, orgCodes)) chunks.push(Buffer.from(c as string));
    const client = (t.database.db as unknown as { $client: { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> } }).$client;
    await client.query("copy bench_roster_copy from '/dev/blob'", [], { blob: new Blob(chunks.map((c) => new Uint8Array(c))) });
  }
  const ms = performance.now() - start;
  const [count] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from bench_roster_copy`);
  if (count!.n !== n) throw new Error(`COPY loaded ${count!.n} of ${n} rows`);
  await t.database.db.execute(sql`drop table bench_roster_copy`);
  return ms;
}

export async function benchImport(label: string, n: number, pgUrl?: string): Promise<{ t: TestApp; orgCodes: string[] }> {
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  // The embedded database on disk, as `npm start` runs it (an in-memory one slows down as its files grow).
  const dir = pgUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-'));
  const opened = await createTestApp({ demoMembers: 0, dataDir: dir && path.join(dir, 'pglite') });
  const t: TestApp = { ...opened, close: async () => { await opened.close(); if (dir) fs.rmSync(dir, { recursive: true, force: true }); } };
  const orgCodes = (await queryRows<{ code: string }>(t.database.db, sql`select code from organisations where kind in ('enterprise', 'joint', 'trade', 'institution') order by id`)).map((r) => r.code);
  const genStart = performance.now();
  const file = await writeRoster(n, orgCodes);
  console.log(`${label.padEnd(10)} import: generated ${n.toLocaleString()} rows, ${(file.length / 1048576).toFixed(1)} MiB in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);

  let parseStart = performance.now();
  let rows = 0;
  for await (const r of readSheetRows(file)) if (r.cells.length) rows++;
  const parseMs = performance.now() - parseStart;
  if (rows !== n + 1) throw new Error(`parsed ${rows} rows`);
  const copyMs = await rawCopy(t, n, orgCodes, pgUrl ? new URL(await currentDbUrl(t), pgUrl).toString() : undefined);

  const admin = await t.as('admin');
  const before = process.memoryUsage();
  let atPeak = before;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > atPeak.rss) atPeak = m;
  }, 100);
  parseStart = performance.now();
  const r = await runImport(t, admin, 'members', file, 'add');
  const importMs = performance.now() - parseStart;
  clearInterval(sampler);
  const peak = atPeak.rss;
  const mib = (b: number) => `${(b / 1048576).toFixed(0)}`;
  console.log(`${label.padEnd(10)} memory MiB: before import RSS ${mib(before.rss)} · at peak RSS ${mib(atPeak.rss)}, JS heap ${mib(atPeak.heapUsed)} of ${mib(atPeak.heapTotal)}, buffers ${mib(atPeak.arrayBuffers)}`);
  if (r.job?.status !== 'done' || r.job.inserted !== n) throw new Error(`import did not finish: ${JSON.stringify(r.job ?? r.body)}`);
  const baseline = parseMs + copyMs;
  console.log(
    `${label.padEnd(10)} import ${n.toLocaleString()} rows: full import ${(importMs / 1000).toFixed(1)} s · baseline parse ${(parseMs / 1000).toFixed(1)} s + raw COPY ${(copyMs / 1000).toFixed(1)} s = ${(baseline / 1000).toFixed(1)} s · ratio ${(importMs / baseline).toFixed(2)}× (target ≤ 3×) · peak RSS ${(peak / 1048576).toFixed(0)} MiB (target < 1024)`,
  );
  return { t, orgCodes };
}

/** The URL path (database name) of the test database the app is using (PostgreSQL runs). */
async function currentDbUrl(t: TestApp): Promise<string> {
  const [row] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
  return `/${row!.db}`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  // `tsx bench/import.ts <rows> [--pg]`: --pg uses BENCH_DATABASE_URL, otherwise PGlite.
  const n = Number(process.argv[2] ?? 100_000);
  const pgUrl = process.argv.includes('--pg') ? process.env.BENCH_DATABASE_URL : undefined;
  if (process.argv.includes('--pg') && !pgUrl) throw new Error('--pg needs BENCH_DATABASE_URL');
  const { t } = await benchImport(pgUrl ? 'PostgreSQL' : 'PGlite', n, pgUrl);
  await t.close();
}
