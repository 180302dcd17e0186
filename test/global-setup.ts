import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIR_ENV, dropServerTemplates, newRun, RUN_ENV } from './template';

/**
 * Vitest global setup: names the run so test files share its template databases (test/template.ts), and removes
 * them when the run ends. The forks inherit the two variables; a run inside a run (none today) keeps the outer one.
 */
export function setup(): () => Promise<void> {
  if (process.env[RUN_ENV]) return async () => {};
  const run = newRun();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-templates-'));
  process.env[RUN_ENV] = run;
  process.env[DIR_ENV] = dir;
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    const url = process.env.TEST_DATABASE_URL;
    if (url) await dropServerTemplates(url, run);
    delete process.env[RUN_ENV];
    delete process.env[DIR_ENV];
  };
}
