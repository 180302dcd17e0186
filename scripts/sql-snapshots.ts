/**
 * Snapshots of the SQL that crosses module boundaries, committed in docs/sql/ so that a change to it shows in
 * review (as Immich does with its query snapshots): the read functions one module's `server/index.ts` lends to
 * another, and every indicator's records query (the reports module and the dashboard read them all).
 *
 *   tsx scripts/sql-snapshots.ts           fails when the generated SQL differs from docs/sql/*.sql
 *   tsx scripts/sql-snapshots.ts --write   updates the snapshots
 *
 * The SQL is captured from drizzle's query log, running each function with fixed arguments on an empty, migrated
 * in-memory database: the text is the same on both engines (one dialect), and deterministic.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Scope } from '@platform/access';
import { migrationsFolder, type Db } from '@platform/db';
import type { IndicatorDefinition } from '@platform/indicators';
import { parsePeriod } from '@platform/periods';
import { usernameTaken } from '@modules/accounts/server';
import { employerNamesByUscc, employerUsccsByUnion, registeredEmployers, registerPlacesByUscc } from '@modules/employers/server';
import { hardshipFilesByIdIdx } from '@modules/hardship/server';
import { membersWithUnionByIdIdx, memberWithUnionByAccount, memberWithUnionById } from '@modules/members/server';
import { countOrgs, findOrgInScope, findRootOrg, listChildren, subtreePathInScope, unionsOfRows } from '@modules/organisations/server';
import { serverModules } from '../src/server/modules';
import { Tree } from './check-architecture';

const root = path.resolve(import.meta.dirname, '..');
export const SNAPSHOT_DIR = path.join(root, 'docs/sql');

const SCOPE: Scope = { permission: 'org.read', paths: ['/1/'], accountId: 1 };

/** The read functions modules lend each other, each called with fixed arguments: `module.name` → call. */
export const CROSS_MODULE_READS: Record<string, (db: Db) => Promise<unknown>> = {
  'accounts.usernameTaken': (db) => usernameTaken(db, 'someone'),
  'employers.employerNamesByUscc': (db) => employerNamesByUscc(db, ['91320102MA1XXXXX0X']),
  'employers.employerUsccsByUnion': (db) => employerUsccsByUnion(db),
  'employers.registeredEmployers': (db) => registeredEmployers(db, 104),
  'employers.registerPlacesByUscc': (db) => registerPlacesByUscc(db, ['91320102MA1XXXXX0X']),
  'hardship.hardshipFilesByIdIdx': (db) => hardshipFilesByIdIdx(db, SCOPE, ['idx']),
  'members.memberWithUnionById': (db) => memberWithUnionById(db, 1),
  'members.memberWithUnionByAccount': (db) => memberWithUnionByAccount(db, 1),
  'members.membersWithUnionByIdIdx': (db) => membersWithUnionByIdIdx(db, ['idx']),
  'organisations.countOrgs': (db) => countOrgs(db),
  'organisations.findOrgInScope': (db) => findOrgInScope(db, SCOPE, 1),
  'organisations.findRootOrg': (db) => findRootOrg(db),
  'organisations.listChildren': async (db) => [await listChildren(db, SCOPE, 1, false), await listChildren(db, SCOPE, null, true)],
  'organisations.subtreePathInScope': (db) => subtreePathInScope(db, SCOPE, 1),
  'organisations.unionsOfRows': (db) => unionsOfRows(db, SCOPE, [{ values: { orgCode: '320102001' } }], '主办工会'),
};

/** What else one module imports from another's `server/index.ts`, and why it has no snapshot. */
export const NOT_SNAPSHOT: Record<string, string> = {
  'accounts.accounts': 'a shared-kernel table (its columns are the migration’s, reviewed there)',
  'members.members': 'a shared-kernel table (its columns are the migration’s, reviewed there)',
  'members.memberships': 'a shared-kernel table (its columns are the migration’s, reviewed there)',
  'organisations.organisations': 'a shared-kernel table (its columns are the migration’s, reviewed there)',
  'members.MemberWithUnion': 'a type',
  'members.idNumberIndex': 'computes the blind index of an ID number: no SQL',
  'organisations.OrgErrors': 'error factories: no SQL',
  'accounts.insertAccount': 'a write of the accounts module’s own rows, through its service rules (members’ joining)',
  'organisations.createOrg': 'a write of the organisations module’s own rows, through its service rules (employers’ founding)',
  'organisations.insertOrg': 'a write of the organisations module’s own rows (accounts’ first setup)',
  'employers.unionisedEmployers': 'indicator records (SQL, not a read): snapshotted inside the figures built on it (docs/sql/contracts.sql)',
};

/** Every module's figures, from the one server module list: a new module's indicators are snapshotted without a line here. */
const MODULE_INDICATORS: Record<string, readonly IndicatorDefinition[]> = Object.fromEntries(
  serverModules.filter((m) => m.indicators?.length).map((m) => [m.shared.name, m.indicators!]),
);

/** `module.name` for each name a module imports from another module's `server/index.ts` (tests excluded). */
export function crossModuleImports(): string[] {
  const tree = new Tree();
  const dir = path.join(root, 'src/modules');
  const files = (function walk(d: string): string[] {
    return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(d, e.name)] : []));
  })(dir).map((f) => path.relative(root, f).split(path.sep).join('/'));
  const out = new Set<string>();
  for (const f of files) {
    const from = /^src\/modules\/([^/]+)\//.exec(f)![1];
    for (const e of tree.get(f)?.edges ?? []) {
      const to = /^(?:@modules\/|(?:\.\.\/)+)([\w-]+)\/server(?:\/index)?$/.exec(e.spec)?.[1];
      if (to && to !== from) for (const n of e.names) out.add(`${to}.${n}`);
    }
  }
  return [...out].sort();
}

/** Keyword line breaks so that a diff points at the clause that changed. */
function layout(text: string): string {
  return text.replace(/ (from|where|inner join|left join|group by|order by|having|limit|union all|returning) /g, '\n  $1 ');
}

const entry = (title: string, text: string, params: unknown[]) =>
  `-- ${title}\n${layout(text)};\n${params.length ? `-- params: ${JSON.stringify(params)}\n` : ''}`;

/** The snapshot files: name → text. */
export async function renderSnapshots(): Promise<Map<string, string>> {
  const files = new Map<string, string[]>();
  const add = (module: string, text: string) => files.set(module, [...(files.get(module) ?? []), text]);
  const log: { query: string; params: unknown[] }[] = [];
  const client = await PGlite.create();
  try {
    const db = drizzle({ client, casing: 'snake_case', logger: { logQuery: (query, params) => log.push({ query, params }) } });
    await migrate(db, { migrationsFolder });
    for (const [name, run] of Object.entries(CROSS_MODULE_READS).sort(([a], [b]) => a.localeCompare(b))) {
      log.length = 0;
      // On an empty database some functions refuse after their first query (not found): that query is the SQL.
      await run(db as unknown as Db).catch((e: unknown) => {
        if (!(e instanceof Error && 'status' in e)) throw e;
      });
      add(name.split('.')[0]!, log.map((q, i) => entry(`${name}${log.length > 1 ? ` (${i + 1})` : ''}`, q.query, q.params)).join('\n'));
    }
  } finally {
    await client.close();
  }
  const dialect = new PgDialect({ casing: 'snake_case' });
  const ctx = { rootPath: '/1/', period: parsePeriod('2024')! };
  for (const [module, indicators] of Object.entries(MODULE_INDICATORS)) {
    for (const ind of [...indicators].sort((a, b) => a.code.localeCompare(b.code))) {
      if (ind.kind === 'rate') continue;
      const q = dialect.sqlToQuery((ind.records as (c: typeof ctx) => SQL)(ctx));
      add(module, entry(`indicator ${ind.code} (${ind.name}), records of /1/ in 2024`, q.sql.replace(/\s+/g, ' ').trim(), q.params));
    }
  }
  const header = '-- Generated by scripts/sql-snapshots.ts: SQL that crosses a module boundary. Update with --write.\n\n';
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)).map(([m, parts]) => [`${m}.sql`, header + parts.join('\n')]));
}

/** Differences between the generated snapshots and `committed` (file name → text): one line per file. */
export function compareSnapshots(generated: Map<string, string>, committed: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, text] of generated) {
    const old = committed.get(name);
    if (old === undefined) out.push(`${name}: missing`);
    else if (old !== text) {
      const a = old.split('\n');
      const b = text.split('\n');
      const at = b.findIndex((l, i) => l !== a[i]);
      out.push(`${name}: differs at line ${at + 1}: ${JSON.stringify(b[at] ?? '')} (was ${JSON.stringify(a[at] ?? '')})`);
    }
  }
  for (const name of committed.keys()) if (!generated.has(name)) out.push(`${name}: no longer generated`);
  return out;
}

export function readCommitted(): Map<string, string> {
  if (!fs.existsSync(SNAPSHOT_DIR)) return new Map();
  return new Map(fs.readdirSync(SNAPSHOT_DIR).filter((f) => f.endsWith('.sql')).map((f) => [f, fs.readFileSync(path.join(SNAPSHOT_DIR, f), 'utf8')]));
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const generated = await renderSnapshots();
  if (process.argv.includes('--write')) {
    fs.mkdirSync(SNAPSHOT_DIR, { recursive: true });
    for (const f of readCommitted().keys()) if (!generated.has(f)) fs.rmSync(path.join(SNAPSHOT_DIR, f));
    for (const [f, text] of generated) fs.writeFileSync(path.join(SNAPSHOT_DIR, f), text);
    console.log(`sql snapshots: wrote ${generated.size} file(s) to docs/sql/`);
  } else {
    const unlisted = crossModuleImports().filter((n) => !CROSS_MODULE_READS[n] && !NOT_SNAPSHOT[n]);
    const diff = compareSnapshots(generated, readCommitted());
    for (const n of unlisted) console.error(`${n}: imported by another module, neither snapshot nor listed in NOT_SNAPSHOT`);
    for (const d of diff) console.error(d);
    if (unlisted.length || diff.length) {
      console.error('sql snapshots: the SQL that crosses module boundaries changed; review it and run `tsx scripts/sql-snapshots.ts --write`');
      process.exit(1);
    }
    console.log(`sql snapshots: ${generated.size} file(s) current`);
  }
}
