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

const root = path.resolve(import.meta.dirname, '..');

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

describe('embedded database under SIGKILL', () => {
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
