/**
 * Import benchmark: a roster file of N rows (the issue's template) imported through the whole engine —
 * upload, streaming parse, validation of every field, SM4 encryption and SM3 blind indexes, staging, and the
 * one applying transaction — beside the baseline of the same file's parse time plus a raw COPY of the same
 * rows (as text, no checks) into a plain table, measured in the same run. The import runs in a process of its
 * own, as the server does, whose peak resident memory is sampled.
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
import { spawnSync } from 'node:child_process';
import { openDatabase, queryRows } from '@platform/db';
import { readSheetRows } from '@platform/imports';
import { createTestApp, type TestApp } from '../test/app';
import { ROSTER_HEADER } from '../test/fixtures/people';
import { rosterRow } from './roster';

async function writeRoster(n: number, orgCodes: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => out.on('end', r));
  // BENCH_SHARED_STRINGS=1: text in a shared-strings table, as Excel saves every workbook (the platform's own
  // templates and this roster use inline strings).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: !!process.env.BENCH_SHARED_STRINGS, useStyles: false });
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

/** What the import process reports back (one JSON line on its stdout). */
interface ImportRun {
  importMs: number;
  cpuMs: number;
  rssBefore: number;
  rssPeak: number;
  heapPeak: number;
  job: { status: string; inserted: number; message: string } | null;
}

export async function benchImport(label: string, n: number, pgUrl?: string): Promise<void> {
  if (pgUrl) process.env.TEST_DATABASE_URL = pgUrl;
  else delete process.env.TEST_DATABASE_URL;
  // The embedded database on disk, as `npm start` runs it (an in-memory one slows down as its files grow).
  const dir = pgUrl ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-'));
  const dataDir = dir && path.join(dir, 'pglite');
  const t = await createTestApp({ demoMembers: 0, dataDir });
  try {
    const orgCodes = (await queryRows<{ code: string }>(t.database.db, sql`select code from organisations where kind in ('enterprise', 'joint', 'trade', 'institution') order by id`)).map((r) => r.code);
    const genStart = performance.now();
    const rosterPath = path.join(os.tmpdir(), `gonghui-bench-roster-${process.pid}.xlsx`);
    let file: Buffer | null = await writeRoster(n, orgCodes);
    fs.writeFileSync(rosterPath, file);
    console.log(`${label.padEnd(10)} import: generated ${n.toLocaleString()} rows, ${(file.length / 1048576).toFixed(1)} MiB in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);

    file = null;
    // The baseline parse, too, runs in a fresh process: parsing here, beside the generator's garbage, ran up
    // to twice as slow and would flatter the ratio.
    const parsed = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--parse', rosterPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (parsed.status !== 0) throw new Error(`parse process failed (${parsed.status})`);
    const { parseMs, rows } = JSON.parse(parsed.stdout.trim().split('\n').at(-1)!) as { parseMs: number; rows: number };
    if (rows !== n + 1) throw new Error(`parsed ${rows} rows`);
    const dbUrl = pgUrl ? new URL(await currentDbUrl(t), pgUrl).toString() : undefined;
    const copyMs = await rawCopy(t, n, orgCodes, dbUrl);

    // The import runs in a process of its own, as the server does, so its memory is the server's alone (not
    // this process's generated workbook and baseline). The embedded database is closed here first: one
    // process at a time may open its directory.
    if (!pgUrl) {
      await t.imports.close();
      await t.app.close();
      await t.database.close();
    }
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--run-import', rosterPath, dbUrl ?? dataDir!], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 24,
    });
    fs.rmSync(rosterPath, { force: true });
    const lines = child.stdout.trim().split('\n');
    lines.slice(0, -1).forEach((l) => console.log(l));
    if (child.status !== 0) throw new Error(`import process failed (${child.status})`);
    const r = JSON.parse(lines.at(-1)!) as ImportRun;
    const mib = (b: number) => `${(b / 1048576).toFixed(0)}`;
    console.log(`${label.padEnd(10)} import process: CPU ${(r.cpuMs / 1000).toFixed(1)} s on all threads in ${(r.importMs / 1000).toFixed(1)} s (${os.availableParallelism()} cores) · RSS before import ${mib(r.rssBefore)} MiB, peak ${mib(r.rssPeak)} MiB, JS heap at peak ${mib(r.heapPeak)} MiB`);
    if (r.job?.status !== 'done' || r.job.inserted !== n) throw new Error(`import did not finish: ${JSON.stringify(r.job)}`);
    const baseline = parseMs + copyMs;
    console.log(
      `${label.padEnd(10)} import ${n.toLocaleString()} rows: full import ${(r.importMs / 1000).toFixed(1)} s · baseline parse ${(parseMs / 1000).toFixed(1)} s + raw COPY ${(copyMs / 1000).toFixed(1)} s = ${(baseline / 1000).toFixed(1)} s · ratio ${(r.importMs / baseline).toFixed(2)}× (target ≤ 3×) · peak RSS ${mib(r.rssPeak)} MiB (target < 1024)`,
    );
  } finally {
    if (pgUrl) await t.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The import process: opens the benchmark's database as the server would (workers warm), gives the server a
 * moment to start them as a running server has, uploads the roster as the district administrator and waits
 * for the job. Prints one JSON line (ImportRun).
 */
async function runImportProcess(rosterPath: string, where: string): Promise<void> {
  const database = where.startsWith('postgres') ? await openDatabase({ databaseUrl: where }) : await openDatabase({ dataDir: where });
  // A roster above the default upload limit (200 MiB: about 3,000,000 rows) is let in, as an operator would raise
  // UPLOAD_MAX_MB for a province's import; the limit is the only thing that changes.
  const uploadMaxMb = Math.max(200, Math.ceil(fs.statSync(rosterPath).size / 1048576) + 1);
  const t = await createTestApp({ demo: false, database, warmWorkers: true, config: { uploadMaxMb } });
  const admin = await t.as('admin');
  await new Promise((r) => setTimeout(r, 1500));
  // Sent as a browser sends it: streamed from the file, with its length, so this process holds no copy of its own
  // beside the server's (which reads the body into shared memory once).
  const size = fs.statSync(rosterPath).size;
  const before = process.memoryUsage();
  let peak = before;
  const traced = Date.now();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = m;
    // IMPORT_MEM_TRACE=1: where the memory is, every 5 s (stderr): the main thread's heap, buffers outside it
    // (the upload), and the rest of the resident set (worker threads' heaps, native allocations).
    if (process.env.IMPORT_MEM_TRACE && (Date.now() - traced) % 5000 < 100) {
      const mb = (b: number) => (b / 1048576).toFixed(0);
      console.error(`mem ${((Date.now() - traced) / 1000).toFixed(0)} s: rss ${mb(m.rss)} heap ${mb(m.heapUsed)} external ${mb(m.external)} (array buffers ${mb(m.arrayBuffers)}) rest ${mb(m.rss - m.heapTotal - m.external)}`);
    }
  }, 100);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const sent = await admin.request('POST', `/api/imports/members?mode=add&fileName=${encodeURIComponent('花名册.xlsx')}`, fs.createReadStream(rosterPath), {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-length': String(size),
  });
  if (sent.status !== 200) throw new Error(`upload refused: ${sent.status} ${JSON.stringify(sent.body)}`);
  await t.imports.idle();
  const r = { job: (await admin.get(`/api/imports/${sent.body.id}`)).body };
  const importMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  const m = process.memoryUsage();
  if (m.rss > peak.rss) peak = m;
  const out: ImportRun = { importMs, cpuMs: (cpu.user + cpu.system) / 1000, rssBefore: before.rss, rssPeak: peak.rss, heapPeak: peak.heapUsed, job: r.job ?? null };
  await t.imports.close();
  await t.app.close();
  await database.close();
  console.log(JSON.stringify(out));
}

/** The baseline's parse: the same streaming reader over the same file, on the main thread of a fresh process. */
async function runParseProcess(rosterPath: string): Promise<void> {
  const file = fs.readFileSync(rosterPath);
  const start = performance.now();
  let rows = 0;
  for await (const r of readSheetRows(file)) if (r.cells.length) rows++;
  console.log(JSON.stringify({ parseMs: performance.now() - start, rows }));
}

/** The URL path (database name) of the test database the app is using (PostgreSQL runs). */
async function currentDbUrl(t: TestApp): Promise<string> {
  const [row] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`);
  return `/${row!.db}`;
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  if (process.argv[2] === '--parse') {
    await runParseProcess(process.argv[3]!);
  } else if (process.argv[2] === '--run-import') {
    await runImportProcess(process.argv[3]!, process.argv[4]!);
  } else {
    // `tsx bench/import.ts <rows> [--pg]`: --pg uses BENCH_DATABASE_URL, otherwise PGlite.
    const n = Number(process.argv[2] ?? 100_000);
    const pgUrl = process.argv.includes('--pg') ? process.env.BENCH_DATABASE_URL : undefined;
    if (process.argv.includes('--pg') && !pgUrl) throw new Error('--pg needs BENCH_DATABASE_URL');
    await benchImport(pgUrl ? 'PostgreSQL' : 'PGlite', n, pgUrl);
  }
}
