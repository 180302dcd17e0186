/**
 * Schema drift check: regenerates migrations from the `*.table.ts` files. If drizzle-kit would write a
 * new migration, the tables and db/migrations disagree: the new files are removed again and the check
 * fails, asking for `npm run db:generate`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'db/migrations');
const list = () => new Set(fs.readdirSync(dir).concat(fs.readdirSync(path.join(dir, 'meta')).map((f) => `meta/${f}`)));
const before = list();
const journal = fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8');
const output = execFileSync(process.execPath, [path.join(root, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--name', 'drift_check'], {
  cwd: root,
  encoding: 'utf8',
});
const added = [...list()].filter((f) => !before.has(f));
if (added.length) {
  for (const f of added) fs.rmSync(path.join(dir, f));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), journal);
  console.error(`migrations: the tables changed without a migration (${added.join(', ')}). Run: npm run db:generate -- --name <what_changed>`);
  process.exit(1);
}
if (!/No schema changes/.test(output)) console.log(output);
console.log('migrations: tables and db/migrations agree');
