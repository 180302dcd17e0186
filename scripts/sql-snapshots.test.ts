import { describe, expect, it } from 'vitest';
import { compareSnapshots, CROSS_MODULE_READS, crossModuleImports, NOT_SNAPSHOT, readCommitted, renderSnapshots } from './sql-snapshots';

describe('SQL snapshots of what crosses module boundaries', () => {
  it('match the committed docs/sql/*.sql', async () => {
    const generated = await renderSnapshots();
    expect(generated.size).toBeGreaterThan(5);
    expect(compareSnapshots(generated, readCommitted())).toEqual([]);
  }, 120_000);

  it('report a changed, a missing and a stale snapshot', () => {
    const generated = new Map([
      ['a.sql', '-- x\nselect 1\n  from "t";\n'],
      ['b.sql', '-- y\n'],
    ]);
    const committed = new Map([
      ['a.sql', '-- x\nselect 1\n  from "u";\n'],
      ['c.sql', '-- z\n'],
    ]);
    expect(compareSnapshots(generated, committed)).toEqual([
      'a.sql: differs at line 3: "  from \\"t\\";" (was "  from \\"u\\";")',
      'b.sql: missing',
      'c.sql: no longer generated',
    ]);
  });

  it('cover every name one module imports from another, and list only names still imported', () => {
    const imported = crossModuleImports();
    expect(imported.filter((n) => !CROSS_MODULE_READS[n] && !NOT_SNAPSHOT[n])).toEqual([]);
    expect([...Object.keys(CROSS_MODULE_READS), ...Object.keys(NOT_SNAPSHOT)].filter((n) => !imported.includes(n))).toEqual([]);
    for (const reason of Object.values(NOT_SNAPSHOT)) expect(reason.length).toBeGreaterThan(5);
  });
});
