import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree, COMPUTED_IMPORTS, SHARED_KERNEL, Tree } from './check-architecture';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);
const rules = (rel: string, text: string, others: Record<string, string> = {}) => checkFile(at(rel), text, others).map((v) => `${v.line}: ${v.rule}`);

const SERVICE = 'src/modules/accounts/server/a.service.ts';
const WEB = 'src/modules/accounts/web/A.tsx';

describe('architecture check', () => {
  it('passes on the current tree', () => {
    expect(checkTree()).toEqual([]);
  });

  it('catches platform importing a module', () => {
    const v = checkFile(at('src/platform/http/x.ts'), "import { a } from '@modules/organisations/server';");
    expect(v.map((x) => x.rule)).toEqual(['platform/ and ui/ must not import modules/']);
  });

  describe('module fences, in every form of import', () => {
    const inside = 'import another module only via its server/index.ts or shared/';
    it.each([
      ['a one-line import', "import { x } from '@modules/organisations/server/org.repository';", 1],
      ['a relative path', "import { x } from '../../organisations/server/org.service';", 1],
      ['a multi-line import', "import {\n  findOrg,\n  type OrgRow,\n} from '@modules/organisations/server/org.repository';\n", 1],
      ['a dynamic import()', "export async function f() {\n  const m = await import('@modules/organisations/server/org.repository');\n  return m;\n}", 2],
      ['a side-effect import', "import '@modules/organisations/server/org.service';", 1],
      ['export * from', "export * from '@modules/organisations/server/org.repository';", 1],
      ['export { … } from over lines', "export {\n  findOrgInScope,\n} from '@modules/organisations/server/org.repository';", 1],
      ['require()', "const m = require('@modules/organisations/server/org.repository');", 1],
      ['import x = require()', "import m = require('@modules/organisations/server/org.repository');", 1],
    ])('catches %s', (_, text, line) => {
      expect(rules(SERVICE, text)).toEqual([`${line}: ${inside} (${text.includes('../../') ? '../../organisations/server/org.service' : text.match(/'(@modules\/[^']+)'/)![1]})`]);
    });
    it('allows the public API and shared/', () => {
      expect(rules(SERVICE, "import { findOrgInScope } from '@modules/organisations/server';")).toEqual([]);
      expect(rules(WEB, "import { x } from '@modules/organisations/shared/org.schema';")).toEqual([]);
    });
    it('refuses an import() whose module it cannot name, unless exempted with a reason', () => {
      expect(rules(SERVICE, 'export const load = (m: string) => import(m);')).toEqual(['1: import() with a computed specifier cannot be checked: name the module']);
      for (const [file, reason] of Object.entries(COMPUTED_IMPORTS)) {
        expect(reason.length).toBeGreaterThan(10);
        expect(fs.readFileSync(at(file), 'utf8')).toMatch(/import\((?!')/);
      }
    });
  });

  describe('modules expose read functions or the shared kernel, not their tables', () => {
    it('lets a table reference a kernel table, not another module’s own table', () => {
      const file = 'src/modules/hardship/server/x.table.ts';
      expect(rules(file, "import { organisations } from '@modules/organisations/server/org.table';")).toEqual([]);
      expect(rules(file, "import {\n  employers,\n} from '@modules/employers/server/employer.table';")).toEqual([
        "1: a table may reference another module's table only in the shared kernel (employers from @modules/employers/server/employer.table)",
      ]);
    });
    it('catches an index re-exporting its table and another module importing it', () => {
      const index = 'src/modules/employers/server/index.ts';
      const leaking = "export { registerEmployerRoutes } from './employer.routes';\nexport {\n  employers,\n} from './employer.table';\n";
      expect(rules(index, leaking)).toEqual(['2: modules expose read functions, not their tables: employers is not in the shared kernel']);
      expect(rules(index, "export * from './employer.table';")).toEqual(['1: modules expose read functions, not their tables: employers, unionCoverages is not in the shared kernel']);
      expect(rules(SERVICE, "import { employers } from '@modules/employers/server';", { [index]: leaking })).toEqual([
        '1: modules expose read functions, not their tables: employers of employers is not in the shared kernel',
      ]);
      expect(rules(SERVICE, "import { members, memberships } from '@modules/members/server';")).toEqual([]);
    });
    it('names only tables that exist in the kernel', () => {
      const tree = new Tree();
      for (const [module, tables] of Object.entries(SHARED_KERNEL)) for (const t of tables) expect(tree.tables(module).has(t), `${module}.${t}`).toBe(true);
    });
  });

  describe('SQL only in repositories', () => {
    it.each([
      ['the sql tag', 'const q = sql`select 1`;', [1]],
      ['a drizzle-orm import', "import { eq } from 'drizzle-orm';", [1]],
      ['a type import from drizzle-orm over lines', "import {\n  type SQL,\n} from 'drizzle-orm';", [1]],
      ['a query chain split over lines', 'export async function f(db: Db) {\n  return db\n    .select()\n    .from(t)\n    .where(x);\n}', [3, 4]],
      ['an insert on a transaction', 'await tx\n  .insert(t)\n  .values(v);', [2, 3]],
      ['execute on a transaction', 'await tx.execute(query);', [1]],
      ['tx.execute(sql`…`) over lines', 'await tx.execute(\n  sql`update t set x = 1`,\n);', [1, 2]],
      ['a builder on deps.db', 'const rows = await deps.db.select({ n: count() }).from(t);', [1]],
      ['the relational query API', 'const r = await db.query.members.findMany();', [1]],
    ])('catches %s outside a repository', (_, text, lines) => {
      const found = checkFile(at(SERVICE), text);
      expect(found.every((v) => v.rule.startsWith('SQL only in *.repository.ts'))).toBe(true);
      expect([...new Set(found.map((v) => v.line))]).toEqual(lines);
    });
    it('allows it in a repository, a table and platform/db', () => {
      const chain = "import { sql } from 'drizzle-orm';\nexport const f = (db: Db) =>\n  db\n    .select()\n    .from(t)\n    .where(sql`x = 1`);";
      expect(rules('src/modules/accounts/server/a.repository.ts', chain)).toEqual([]);
      expect(rules('src/platform/db/x.ts', chain)).toEqual([]);
    });
    it('does not take a transaction for a query', () => {
      expect(rules(SERVICE, 'await deps.db.transaction(async (tx) => insertAccount(tx, input));')).toEqual([]);
    });
  });

  describe('the web side', () => {
    it('never imports server code, even for a type', () => {
      expect(rules(WEB, "import { x } from '../server/account.service';")).toEqual(['1: web code must not import server code (../server/account.service)']);
      expect(rules(WEB, "import {\n  type AccountRow,\n} from '@modules/accounts/server';")).toEqual(['1: web code must not import server code (@modules/accounts/server)']);
      expect(rules(WEB, "const m = await import('@platform/db');")).toEqual(['1: web code must not import server code (@platform/db)']);
    });
    it('never reaches node-only code, directly or through platform or shared code', () => {
      expect(rules(WEB, "import fs from 'node:fs';")).toEqual(['1: web code must not import node-only code (node:fs)']);
      expect(rules(WEB, "import 'pg';")).toEqual(['1: web code must not import node-only code (pg)']);
      expect(rules(WEB, "import { createFieldCipher } from '@platform/crypto';")[0]).toMatch(/^1: web code must not reach node-only code \(@platform\/crypto: src\/platform\/crypto\/index\.ts → .* imports 'node:/);
      const shared = 'src/modules/accounts/shared/sealed.ts';
      expect(rules(WEB, "import { seal } from '../shared/sealed';", { [shared]: "import {\n  createFieldCipher,\n} from '@platform/crypto';\nexport const seal = createFieldCipher;" })[0]).toMatch(
        /^1: web code must not reach node-only code \(\.\.\/shared\/sealed: src\/modules\/accounts\/shared\/sealed\.ts → src\/platform\/crypto/,
      );
    });
    it('may use type-only imports of node code, shared code and browser packages', () => {
      const clean = [
        "import { Button } from 'antd';",
        "import { useState } from 'react';",
        "import { ROLES } from '@modules/accounts/shared/roles';",
        "import type { Readable } from 'node:stream';",
        "import { type FastifyInstance } from 'fastify';",
        "import { api } from '@ui/api';",
      ].join('\n');
      expect(rules(WEB, clean)).toEqual([]);
    });
  });
});
