import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIR_ENV, dropServerTemplates, newRun, RUN_ENV } from './template';

const DUMP_DIR_PREFIX = 'gonghui-templates-';

/** Removes PGlite dump directories that a run killed more than a day ago left behind. */
function removeStaleDumps(): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(DUMP_DIR_PREFIX)) continue;
    const p = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(p).mtimeMs < dayAgo) fs.rmSync(p, { recursive: true, force: true });
    } catch {
      // Removed by another run meanwhile.
    }
  }
}

/**
 * Vitest global setup: names the run so test files share its template databases (test/template.ts), and removes
 * them when the run ends. The forks inherit the two variables; a run inside a run (none today) keeps the outer one.
 */
export function setup(): () => Promise<void> {
  if (process.env[RUN_ENV]) return async () => {};
  const run = newRun();
  removeStaleDumps();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), DUMP_DIR_PREFIX));
  process.env[RUN_ENV] = run;
  process.env[DIR_ENV] = dir;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const url = process.env.TEST_DATABASE_URL;
    // A server that cannot be reached held no templates of this run; the tests themselves have said so.
    if (url) await dropServerTemplates(url, run).catch((e: Error) => console.warn(`test templates not dropped: ${e.message}`));
    delete process.env[RUN_ENV];
    delete process.env[DIR_ENV];
  };
}
