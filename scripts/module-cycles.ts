// Module-level import graph of src/ (TypeScript's own import scanner: multi-line, import(), export from, side-effect).
// Counts module-level cycles (elementary cycles between src/modules/<m> folders) and file-level SCCs.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
const root = process.argv[2] ?? process.cwd();
function walk(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => { const p = path.join(d, e.name); return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : []; });
}
const files = walk(path.join(root, 'src'));
const set = new Set(files);
function resolve(from: string, spec: string): string | null {
  const al: Record<string, string> = { '@platform/': 'src/platform/', '@modules/': 'src/modules/', '@ui/': 'src/ui/', '@web/': 'src/web/', '@server/': 'src/server/' };
  let base: string | null = null;
  for (const [a, t] of Object.entries(al)) if (spec.startsWith(a)) base = path.join(root, t + spec.slice(a.length));
  if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  if (!base) return null;
  for (const c of [base, base + '.ts', base + '.tsx', path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (set.has(c)) return c;
  return null;
}
const edges = new Map<string, Set<string>>();
for (const f of files) {
  const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, true);
  const out = new Set<string>();
  for (const i of info.importedFiles) { const r = resolve(f, i.fileName); if (r) out.add(r); }
  edges.set(f, out);
}
// Type-only imports are erased at runtime but still couple modules; count both.
const mod = (f: string) => /src\/modules\/([^/]+)\//.exec(f)?.[1] ?? null;
const mEdges = new Map<string, Set<string>>();
for (const [f, outs] of edges) { const a = mod(f); if (!a) continue; for (const o of outs) { const b = mod(o); if (b && b !== a) { if (!mEdges.has(a)) mEdges.set(a, new Set()); mEdges.get(a)!.add(b); } } }
// elementary cycles (Johnson-lite via DFS with ordering)
const nodes = [...new Set([...mEdges.keys(), ...[...mEdges.values()].flatMap((s) => [...s])])].sort();
const cycles: string[][] = [];
for (let s = 0; s < nodes.length; s++) {
  const start = nodes[s]!;
  const stack: string[] = [start];
  const dfs = (n: string) => { for (const m of mEdges.get(n) ?? []) { if (nodes.indexOf(m) < s) continue; if (m === start) cycles.push([...stack]); else if (!stack.includes(m)) { stack.push(m); dfs(m); stack.pop(); } } };
  dfs(start);
}
console.log('module edges:', [...mEdges].map(([a, b]) => `${a}->${[...b].join(',')}`).join('\n  '));
console.log('module-level elementary cycles:', cycles.length);
for (const c of cycles.slice(0, 40)) console.log('  ', [...c, c[0]].join(' → '));
// file-level SCCs with >1 file
let idx = 0; const index = new Map<string, number>(), low = new Map<string, number>(), on = new Set<string>(), st: string[] = []; const sccs: string[][] = [];
const strong = (v: string) => { index.set(v, idx); low.set(v, idx++); st.push(v); on.add(v); for (const w of edges.get(v) ?? []) { if (!index.has(w)) { strong(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!)); } if (low.get(v) === index.get(v)) { const c: string[] = []; let w; do { w = st.pop()!; on.delete(w); c.push(w); } while (w !== v); if (c.length > 1) sccs.push(c); } };
for (const f of files) if (!index.has(f)) strong(f);
console.log('file-level cycles (SCCs >1 file):', sccs.length);
for (const c of sccs) console.log('   ', c.map((f) => path.relative(root, f)).join(' | '));
