/**
 * Architecture fences (DESIGN.md §4), checked on every `npm run check`:
 *  1. platform/ and ui/ never import modules/.
 *  2. A module imports another module only through its `server/index.ts`, `web/index.ts` or `shared/` folder
 *     (a `*.table.ts` may import another module's `*.table.ts` for a foreign key).
 *  3. SQL (drizzle's `sql` tag, query builders on a db handle) only in `*.repository.ts`, `*.table.ts`,
 *     `*.indicators.ts` (a figure is one query), platform/db, platform/audit, platform/indicators, tests and scripts.
 *  4. The web side never imports server code.
 * Prints each violation with file and line; exits 1 when there is any.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
}

const importRe = /^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/;

/** Resolves an import to a path relative to the repository root (aliases and relative paths). */
function resolveImport(file: string, spec: string): string | null {
  const aliases: Record<string, string> = { '@platform/': 'src/platform/', '@modules/': 'src/modules/', '@ui/': 'src/ui/', '@test/': 'test/' };
  for (const [a, target] of Object.entries(aliases)) if (spec.startsWith(a)) return target + spec.slice(a.length);
  if (spec.startsWith('.')) return path.relative(root, path.resolve(path.dirname(file), spec));
  return null;
}

function moduleOf(rel: string): string | null {
  const m = /^src\/modules\/([^/]+)\//.exec(rel + '/');
  return m ? m[1]! : null;
}

export function checkFile(file: string, text: string): Violation[] {
  const rel = path.relative(root, file);
  const out: Violation[] = [];
  const lines = text.split('\n');
  const isTest = /\.test\.tsx?$/.test(rel) || rel.startsWith('test/') || rel.startsWith('e2e/') || rel.startsWith('bench/');
  lines.forEach((line, i) => {
    const m = importRe.exec(line);
    if (m) {
      const target = resolveImport(file, m[1]!);
      if (target) {
        if ((rel.startsWith('src/platform/') || rel.startsWith('src/ui/')) && target.startsWith('src/modules/')) {
          out.push({ file: rel, line: i + 1, rule: 'platform/ and ui/ must not import modules/' });
        }
        const from = moduleOf(rel);
        const to = moduleOf(target);
        if (to && from !== to && !isTest) {
          const inside = target.slice(`src/modules/${to}/`.length);
          const allowed =
            inside === 'server' ||
            inside === 'server/index' ||
            inside === 'web' ||
            inside === 'web/index' ||
            inside.startsWith('shared/') ||
            (rel.endsWith('.table.ts') && /^server\/[\w.-]+\.table$/.test(inside));
          if (!allowed) out.push({ file: rel, line: i + 1, rule: `import another module only via its server/index.ts or shared/ (${m[1]})` });
        }
        if (/\/web\//.test(rel) || rel.startsWith('src/web/') || rel.startsWith('src/ui/')) {
          if (/\/server(\/|$)/.test(target) || target.startsWith('src/server') || target.startsWith('src/platform/db')) {
            out.push({ file: rel, line: i + 1, rule: `web code must not import server code (${m[1]})` });
          }
        }
      }
    }
  });
  const sqlAllowed =
    isTest ||
    /\.(repository|table|indicators)\.ts$/.test(rel) ||
    rel.startsWith('src/platform/db/') ||
    rel.startsWith('src/platform/audit/') ||
    rel.startsWith('src/platform/access/') ||
    rel.startsWith('src/platform/indicators/') ||
    rel.startsWith('scripts/');
  if (!sqlAllowed) {
    lines.forEach((line, i) => {
      if (/\bsql`/.test(line) || /from ['"]drizzle-orm(\/pg-core)?['"]/.test(line) || /\.(select|insert|update|delete)\(\s*[a-zA-Z]*\s*\)\s*\.(from|values|set|where)\b/.test(line)) {
        out.push({ file: rel, line: i + 1, rule: 'SQL only in *.repository.ts (and platform/db)' });
      }
    });
  }
  return out;
}

export function checkTree(): Violation[] {
  const files = [...walk(path.join(root, 'src')), ...walk(path.join(root, 'scripts'))];
  return files.flatMap((f) => checkFile(f, fs.readFileSync(f, 'utf8')));
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const violations = checkTree();
  for (const v of violations) console.error(`${v.file}:${v.line}  ${v.rule}`);
  if (violations.length) {
    console.error(`architecture: ${violations.length} violation(s)`);
    process.exit(1);
  }
  console.log('architecture: module fences and SQL placement OK');
}
