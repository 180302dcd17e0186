/**
 * What a kill does to the embedded database: a writer is killed with SIGKILL mid-stream, several times; the
 * database must reopen and hold every row whose commit was acknowledged, each with its audit row.
 * (SIGKILL leaves the OS page cache intact, so this does not model power loss: PGlite runs without fsync,
 * which is why production belongs on a PostgreSQL server — see README.)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '@platform/db';
import { createFieldCipher } from '@platform/crypto';
import { loadConfig } from '@platform/config/config';
import { buildApp } from '../src/server/app';
import { TEST_FIELD_KEY } from './app';

const root = path.resolve(import.meta.dirname, '..');
/**
 * These tests open PGlite data directories whatever the engine under test: on the PostgreSQL pass
 * (TEST_DATABASE_URL set, the second half of CI) they would repeat the embedded pass exactly, so they skip it.
 */
const serverPass = Boolean(process.env.TEST_DATABASE_URL);

function runAndKill(dataDir: string, afterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    // One process (tsx as a loader, not the tsx CLI, which forks a child): SIGKILL must reach the writer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/pglite-writer.ts', dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: number[] = [];
    let buffer = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), afterMs);
        else if (/^\d+$/.test(line)) acked.push(Number(line));
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer ended without kill: ${err}`))));
  });
}

describe.skipIf(serverPass)('embedded database under SIGKILL', () => {
  it('reopens after each kill and keeps every acknowledged commit with its audit row', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-crash-')), 'pglite');
    const acked: number[] = [];
    for (const ms of [400, 900, 250]) acked.push(...(await runAndKill(dir, ms)));
    expect(acked.length).toBeGreaterThan(10);
    const database = await openDatabase({ dataDir: dir });
    try {
      const ids = new Set((await queryRows<{ id: number }>(database.db, sql`select id from organisations`)).map((r) => r.id));
      const audited = new Set(
        (await queryRows<{ entity_id: string }>(database.db, sql`select entity_id from audit_events where actor_name = 'crash-test'`)).map((r) => Number(r.entity_id)),
      );
      const lost = acked.filter((id) => !ids.has(id));
      const unaudited = [...ids].filter((id) => audited.size && !audited.has(id) && id !== Math.min(...ids));
      expect(lost).toEqual([]);
      expect(unaudited).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});

/** Runs the import child until it reports `status <killAt>`, then SIGKILLs it. */
function killImportAt(dataDir: string, rows: number, killAt: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/import-runner.ts', dataDir, String(rows)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen: string[] = [];
    let err = '';
    let buffer = '';
    // Never leave the child running if the awaited status never comes.
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', () => clearTimeout(guard));
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        seen.push(line);
        if (line === `status ${killAt}`) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(seen) : reject(new Error(`import child ended without kill: ${seen.join(',')} ${err}`))));
  });
}

describe.skipIf(serverPass)('import under SIGKILL', () => {
  it('leaves no half-imported batch, and the job says so after a restart', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gh-import-crash-')), 'pglite');
    for (const killAt of ['begun', 'writing']) {
      const seen = await killImportAt(dir, 3000, killAt);
      expect(seen).toContain(`status ${killAt}`);
      const database = await openDatabase({ dataDir: dir });
      try {
        const { app } = await buildApp({ config: loadConfig({}, { passwordHashLogN: 10 }), database, cipher: createFieldCipher(TEST_FIELD_KEY) });
        const members = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from members`);
        const jobs = await queryRows<{ status: string; message: string }>(database.db, sql`select status, message from import_jobs order by id desc limit 1`);
        expect(members[0]!.n).toBe(0);
        expect(jobs[0]).toMatchObject({ status: 'failed' });
        expect(jobs[0]!.message).toContain('没有写入任何数据');
        await app.close();
      } finally {
        await database.close();
      }
    }
  }, 180_000);
});
