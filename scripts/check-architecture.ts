/**
 * Architecture fences (DESIGN.md §4), checked on every `npm run check` on the syntax tree (TypeScript compiler API),
 * so multi-line imports, `import()`, `require()`, side-effect imports, `export … from` and query chains split over
 * lines are seen as what they are:
 *  1. platform/ and ui/ never import modules/.
 *  2. A module imports another module only through its `server/index.ts`, `web/index.ts` or `shared/` folder
 *     (a `*.table.ts` may import another module's `*.table.ts` for a foreign key, only for a shared-kernel table).
 *  3. Modules expose read functions, not their tables: a table crosses a module boundary (re-exported by
 *     `server/index.ts`, imported by another module or the server) only if it is in SHARED_KERNEL below.
 *  4. SQL (drizzle's `sql` tag, any drizzle-orm import, query builders or `execute` on a db handle) only in
 *     `*.repository.ts`, `*.table.ts`, `*.indicators.ts` (a figure is one query), platform/db, platform/audit,
 *     platform/access, platform/indicators, tests and scripts.
 *  5. The web side never imports server code, and never reaches node-only code: following its runtime imports
 *     (type-only imports are erased), no web file arrives at a node built-in or a package outside WEB_PACKAGES.
 * Prints each violation with file and line; exits 1 when there is any.
 */
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(import.meta.dirname, '..');

/**
 * The shared kernel: the tables every module may reference (foreign keys, scope joins) because every record
 * belongs to an organisation, is written by an account, or is about a person and the union they belong to.
 * Every other table stays inside its module, reached through the module's read functions (`server/index.ts`).
 */
export const SHARED_KERNEL: Record<string, readonly string[]> = {
  organisations: ['organisations'],
  accounts: ['accounts'],
  members: ['members', 'memberships'],
};

/** Files allowed an `import()` with a computed specifier, with the reason (a test checks each still needs it). */
export const COMPUTED_IMPORTS: Record<string, string> = {
  'src/platform/imports/sheet.worker.ts': 'the import worker loads the row check a module names in its ImportSpec (platform never imports modules)',
};

/** Packages the browser bundle may reach. */
export const WEB_PACKAGES = ['react', 'react-dom', 'react-router', 'antd', '@ant-design/icons', '@tanstack/react-query', 'dayjs', 'echarts', 'zod'];

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

interface Edge {
  spec: string;
  line: number;
  /** Erased at compile time (`import type`, or every named binding `type`). */
  typeOnly: boolean;
  /** Imported or re-exported names; `*` for a namespace, `export *` or `import()`; empty for a side-effect import. */
  names: string[];
  /** Re-exports (`export … from`) */
  reexport: boolean;
}

interface Parsed {
  sf: ts.SourceFile;
  edges: Edge[];
  /** Computed `import()` specifiers that no check can follow. */
  computed: number[];
}

const lineOf = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function parse(rel: string, text: string): Parsed {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, rel.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const edges: Edge[] = [];
  const computed: number[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const c = n.importClause;
      const names: string[] = [];
      let allTypes = !!c;
      if (c?.name) {
        names.push('default');
        allTypes = false;
      }
      if (c?.namedBindings && ts.isNamespaceImport(c.namedBindings)) {
        names.push('*');
        allTypes = false;
      }
      if (c?.namedBindings && ts.isNamedImports(c.namedBindings)) {
        for (const s of c.namedBindings.elements) {
          names.push((s.propertyName ?? s.name).text);
          if (!s.isTypeOnly) allTypes = false;
        }
        if (c.namedBindings.elements.length === 0) allTypes = false;
      }
      edges.push({ spec: n.moduleSpecifier.text, line: lineOf(sf, n), typeOnly: !!c && (c.isTypeOnly || allTypes), names, reexport: false });
    } else if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      const names: string[] = [];
      let allTypes = true;
      if (!n.exportClause || ts.isNamespaceExport(n.exportClause)) {
        names.push('*');
        allTypes = false;
      } else {
        for (const s of n.exportClause.elements) {
          names.push((s.propertyName ?? s.name).text);
          if (!s.isTypeOnly) allTypes = false;
        }
      }
      edges.push({ spec: n.moduleSpecifier.text, line: lineOf(sf, n), typeOnly: n.isTypeOnly || allTypes, names, reexport: true });
    } else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference) && ts.isStringLiteral(n.moduleReference.expression)) {
      edges.push({ spec: n.moduleReference.expression.text, line: lineOf(sf, n), typeOnly: n.isTypeOnly, names: ['*'], reexport: false });
    } else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) {
      const arg = n.arguments[0];
      if (arg && ts.isStringLiteralLike(arg)) edges.push({ spec: arg.text, line: lineOf(sf, n), typeOnly: false, names: ['*'], reexport: false });
      else if (n.expression.kind === ts.SyntaxKind.ImportKeyword) computed.push(lineOf(sf, n));
    } else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument) && ts.isStringLiteral(n.argument.literal)) {
      // `typeof import('…')` in a type position: a type-only edge.
      edges.push({ spec: n.argument.literal.text, line: lineOf(sf, n), typeOnly: true, names: ['*'], reexport: false });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { sf, edges, computed };
}

const ALIASES: Record<string, string> = { '@platform/': 'src/platform/', '@modules/': 'src/modules/', '@ui/': 'src/ui/', '@test/': 'test/' };

/** Resolves an import to a path relative to the repository root, without extension (aliases and relative paths). */
function resolveImport(rel: string, spec: string): string | null {
  for (const [a, target] of Object.entries(ALIASES)) if (spec.startsWith(a)) return path.posix.normalize(target + spec.slice(a.length));
  if (spec.startsWith('.')) return path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec)).replace(/\.(m?js|tsx?)$/, '');
  return null;
}

function moduleOf(rel: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(rel + '/');
  return m ? m[1]! : null;
}

const isTestFile = (rel: string) => /\.test\.tsx?$/.test(rel) || /^(test|e2e|bench)\//.test(rel);
const isWebFile = (rel: string) => !isTestFile(rel) && (rel.startsWith('src/web/') || rel.startsWith('src/ui/') || /^src\/modules\/[^/]+\/web\//.test(rel));
const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0]!);
const packageOf = (spec: string) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);

function sqlAllowed(rel: string): boolean {
  return (
    isTestFile(rel) ||
    /\.(repository|table|indicators)\.ts$/.test(rel) ||
    /^src\/platform\/(db|audit|access|indicators)\//.test(rel) ||
    rel.startsWith('scripts/')
  );
}

const QUERY_START = new Set(['select', 'selectDistinct', 'selectDistinctOn', 'insert', 'update', 'delete', '$count']);
const QUERY_NEXT = new Set(['from', 'values', 'set', 'where', 'returning', 'onConflictDoUpdate', 'onConflictDoNothing']);
/** A database handle by name: `db`, `tx`, `deps.db`, `this.db`, `database`, `trx`. */
const DB_HANDLE = /^(db|tx|trx|database)$|(Db|Tx)$/;

function handleName(e: ts.Expression): string | null {
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return null;
}

/** Lines where the file writes SQL. */
function sqlLines(sf: ts.SourceFile): number[] {
  const out = new Set<number>();
  const visit = (n: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(n)) {
      const tag = ts.isPropertyAccessExpression(n.tag) ? n.tag.expression : n.tag;
      if (ts.isIdentifier(tag) && tag.text === 'sql') out.add(lineOf(sf, n));
    } else if (ts.isPropertyAccessExpression(n)) {
      // `db.select()`, `tx\n  .insert(t)`, `x.select().from(t)`: a builder on a db handle, or a builder chain.
      const recv = n.expression;
      if (QUERY_START.has(n.name.text) || n.name.text === 'execute' || n.name.text === 'query') {
        const h = handleName(recv);
        if (h && DB_HANDLE.test(h) && ts.isCallExpression(n.parent) && n.parent.expression === n) out.add(lineOf(sf, n.name));
        if (h && DB_HANDLE.test(h) && n.name.text === 'query' && ts.isPropertyAccessExpression(n.parent)) out.add(lineOf(sf, n.name));
      }
      if (QUERY_NEXT.has(n.name.text) && ts.isCallExpression(recv) && ts.isPropertyAccessExpression(recv.expression) && QUERY_START.has(recv.expression.name.text)) {
        out.add(lineOf(sf, n.name));
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [...out].sort((a, b) => a - b);
}

/** Names of the tables (`pgTable(…)`) a `*.table.ts` file exports. */
function tablesOf(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  for (const s of sf.statements) {
    if (!ts.isVariableStatement(s) || !s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const d of s.declarationList.declarations) {
      const init = d.initializer;
      if (ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && /^pg(Table|View|MaterializedView)$/.test(init.expression.text)) out.push(d.name.text);
    }
  }
  return out;
}

/**
 * A set of files to check: `overrides` (repository-relative path → text) over the files on disk, so a test can
 * feed sample files that resolve against the real tree.
 */
export class Tree {
  private parsed = new Map<string, Parsed | null>();
  private tablesByModule = new Map<string, Map<string, string>>();
  constructor(private readonly overrides: ReadonlyMap<string, string> = new Map()) {}

  read(rel: string): string | null {
    if (this.overrides.has(rel)) return this.overrides.get(rel)!;
    const abs = path.join(root, rel);
    return fs.existsSync(abs) && fs.statSync(abs).isFile() ? fs.readFileSync(abs, 'utf8') : null;
  }

  /** The file an extensionless path names (`x.ts`, `x.tsx`, `x/index.ts`, `x/index.tsx`). */
  file(base: string): string | null {
    for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
      if (/\.tsx?$/.test(c) && (this.overrides.has(c) || (fs.existsSync(path.join(root, c)) && fs.statSync(path.join(root, c)).isFile()))) return c;
    }
    return null;
  }

  get(rel: string): Parsed | null {
    if (!this.parsed.has(rel)) {
      const text = this.read(rel);
      this.parsed.set(rel, text === null ? null : parse(rel, text));
    }
    return this.parsed.get(rel)!;
  }

  /** A module's tables: name → the `*.table.ts` file declaring it. */
  tables(module: string): Map<string, string> {
    let m = this.tablesByModule.get(module);
    if (!m) {
      m = new Map();
      const dir = `src/modules/${module}/server`;
      const onDisk = fs.existsSync(path.join(root, dir)) ? fs.readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`) : [];
      const files = new Set([...onDisk, ...[...this.overrides.keys()].filter((k) => k.startsWith(`${dir}/`))]);
      for (const f of files) if (f.endsWith('.table.ts')) for (const t of tablesOf(this.get(f)!.sf)) m.set(t, f);
      this.tablesByModule.set(module, m);
    }
    return m;
  }

  /** The first runtime import chain from `rel` that reaches node-only code, or null. */
  nodeReach(rel: string, seen = new Map<string, string[] | null>()): string[] | null {
    if (seen.has(rel)) return seen.get(rel)!;
    seen.set(rel, null);
    const p = this.get(rel);
    let found: string[] | null = null;
    for (const e of p?.edges ?? []) {
      if (e.typeOnly) continue;
      const target = resolveImport(rel, e.spec);
      if (target === null) {
        if (isBuiltin(e.spec) || !WEB_PACKAGES.includes(packageOf(e.spec))) found = [`${rel} imports '${e.spec}'`];
      } else {
        const f = this.file(target);
        const sub = f ? this.nodeReach(f, seen) : null;
        if (sub) found = [rel, ...sub];
      }
      if (found) break;
    }
    seen.set(rel, found);
    return found;
  }

  check(rel: string): Violation[] {
    const p = this.get(rel);
    if (!p) return [];
    const out: Violation[] = [];
    const add = (line: number, rule: string) => out.push({ file: rel, line, rule });
    const test = isTestFile(rel);
    const from = moduleOf(rel);
    const web = isWebFile(rel) || rel.startsWith('src/web/') || rel.startsWith('src/ui/') || /\/web\//.test(rel);
    for (const line of p.computed) if (!test && rel.startsWith('src/') && !COMPUTED_IMPORTS[rel]) add(line, 'import() with a computed specifier cannot be checked: name the module');
    for (const e of p.edges) {
      const target = resolveImport(rel, e.spec);
      if (target === null) {
        if (web && !test && !e.typeOnly && (isBuiltin(e.spec) || !WEB_PACKAGES.includes(packageOf(e.spec)))) add(e.line, `web code must not import node-only code (${e.spec})`);
        continue;
      }
      if ((rel.startsWith('src/platform/') || rel.startsWith('src/ui/')) && target.startsWith('src/modules/')) add(e.line, 'platform/ and ui/ must not import modules/');
      const to = moduleOf(target);
      if (to && from !== to && !test) {
        const inside = target.slice(`src/modules/${to}/`.length);
        const viaIndex = inside === 'server' || inside === 'server/index' || inside === 'web' || inside === 'web/index' || inside.startsWith('shared/');
        const tableFile = /^server\/[\w.-]+\.table$/.test(inside);
        const kernel = SHARED_KERNEL[to] ?? [];
        if (tableFile && rel.endsWith('.table.ts')) {
          const outside = e.names.filter((n) => !kernel.includes(n));
          if (outside.length) add(e.line, `a table may reference another module's table only in the shared kernel (${outside.join(', ')} from ${e.spec})`);
        } else if (!viaIndex) {
          add(e.line, `import another module only via its server/index.ts or shared/ (${e.spec})`);
        } else if (inside.startsWith('server')) {
          const tables = this.tables(to);
          const leaked = e.names.filter((n) => tables.has(n) && !kernel.includes(n));
          if (leaked.length) add(e.line, `modules expose read functions, not their tables: ${leaked.join(', ')} of ${to} is not in the shared kernel`);
        }
      }
      // A module's public API re-exports only kernel tables.
      if (from && /^src\/modules\/[^/]+\/server\/index\.ts$/.test(rel) && e.reexport && /\.table$/.test(target) && moduleOf(target) === from) {
        const kernel = SHARED_KERNEL[from] ?? [];
        const file = this.file(target);
        const names = e.names.includes('*') ? (file ? tablesOf(this.get(file)!.sf) : []) : e.names;
        const tables = this.tables(from);
        const leaked = names.filter((n) => tables.has(n) && !kernel.includes(n));
        if (leaked.length) add(e.line, `modules expose read functions, not their tables: ${leaked.join(', ')} is not in the shared kernel`);
      }
      if (web && !test) {
        if (/\/server(\/|$)/.test(target) || target.startsWith('src/server') || target.startsWith('src/platform/db')) {
          add(e.line, `web code must not import server code (${e.spec})`);
        } else if (!e.typeOnly && !isWebFile(target) && !target.startsWith('src/web/')) {
          const f = this.file(target);
          const chain = f ? this.nodeReach(f) : null;
          if (chain) add(e.line, `web code must not reach node-only code (${e.spec}: ${chain.join(' → ')})`);
        }
      }
    }
    if (!sqlAllowed(rel)) {
      for (const e of p.edges) if (/^drizzle-orm(\/|$)/.test(e.spec)) add(e.line, 'SQL only in *.repository.ts (and platform/db): drizzle-orm imported');
      for (const line of sqlLines(p.sf)) add(line, 'SQL only in *.repository.ts (and platform/db)');
    }
    return out.sort((a, b) => a.line - b.line);
  }
}

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Checks one file, given as an absolute path, against the tree on disk (with `text` standing for the file). */
export function checkFile(file: string, text: string, others: Record<string, string> = {}): Violation[] {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return new Tree(new Map([...Object.entries(others), [rel, text]])).check(rel);
}

export function checkTree(): Violation[] {
  const tree = new Tree();
  const files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'scripts'))].map((f) => path.relative(root, f).split(path.sep).join('/'));
  return files.flatMap((f) => tree.check(f));
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const violations = checkTree();
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}`);
  if (violations.length) {
    console.error(`architecture: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('architecture: module fences, shared kernel, SQL placement and the web/node boundary OK');
}
