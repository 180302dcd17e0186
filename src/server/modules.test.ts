/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { rolePermissionsOf } from '@platform/modules';
import { auditActions, retentionRules, rolePermissions, serverModules } from './modules';

/**
 * Each module pins, in its own folder (`<module>.pins.json`, next to its shared manifest), the permissions it
 * grants each role and its audit labels; the platform pins its own labels (platform/audit/platform.pins.json). A
 * change to a grant or a label must change the module's pin in the same commit, so neither appears or vanishes
 * silently; a new module adds its own pin and no line here.
 */
interface Pin {
  module: string;
  grants: Record<string, string[]>;
  auditActions: Record<string, string>;
}
const PINS = Object.entries(import.meta.glob<Pin>('../**/*.pins.json', { eager: true, import: 'default' }));
const pinOf = (module: string) => PINS.find(([, p]) => p.module === module);

describe('module list', () => {
  it('finds one pin per module (and the platform’s), each next to its module', () => {
    const names = PINS.map(([, p]) => p.module).sort();
    expect(names).toEqual([...serverModules.map((m) => m.shared.name), 'platform'].sort());
    for (const m of serverModules) expect(pinOf(m.shared.name)![0], m.shared.name).toMatch(new RegExp(`/${m.shared.name}/`));
  });

  for (const m of serverModules) {
    it(`grants and labels exactly what ${m.shared.name} pins`, () => {
      const grants: Record<string, string[]> = {};
      for (const g of m.shared.permissions) for (const role of g.roles) (grants[role] ??= []).push(g.permission.name);
      for (const ps of Object.values(grants)) ps.sort();
      const pin = pinOf(m.shared.name)![1];
      expect(grants).toEqual(pin.grants);
      expect(m.shared.auditActions).toEqual(pin.auditActions);
    });
  }

  it('gives every role the union of the modules’ pins, and the audit page every pinned label', () => {
    const union: Record<string, string[]> = Object.fromEntries(Object.keys(rolePermissions).map((r) => [r, []]));
    for (const [, p] of PINS) for (const [role, ps] of Object.entries(p.grants)) union[role]!.push(...ps);
    const sets = Object.fromEntries(Object.entries(rolePermissions).map(([role, ps]) => [role, [...new Set(ps)].sort()]));
    expect(sets).toEqual(Object.fromEntries(Object.entries(union).map(([r, ps]) => [r, [...new Set(ps)].sort()])));
    expect(auditActions).toEqual(Object.assign({}, ...PINS.map(([, p]) => p.auditActions)));
  });

  it('names each module once', () => {
    const names = serverModules.map((m) => m.shared.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('declares import specs and due work under permissions the modules declare', () => {
    const declared = new Set(serverModules.flatMap((m) => m.shared.permissions.map((g) => g.permission.name)));
    const specs = serverModules.flatMap((m) => (m.importSpecs?.() ?? []).map((s) => ({ module: m.shared.name, ...s })));
    // Each kind names one import: the app registers its routes under /api/imports/<kind>.
    expect(specs.length).toBeGreaterThan(0);
    expect(new Set(specs.map((s) => s.kind)).size).toBe(specs.length);
    for (const s of specs) expect(declared, `${s.module} import ${s.kind}`).toContain(s.permission);
    for (const m of serverModules) for (const p of m.due ?? []) expect(declared, `${m.shared.name} due`).toContain(p.permission);
  });

  it('collects every module’s retention rules, each named once with a Chinese sentence', () => {
    expect(retentionRules.map((r) => r.name)).toContain('employment.interests');
    expect(new Set(retentionRules.map((r) => r.name)).size).toBe(retentionRules.length);
    for (const r of retentionRules) expect(r.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses a grant to an unknown role and a permission declared twice', () => {
    const p = { name: 'x.read', label: '查看' };
    expect(() => rolePermissionsOf(['member'], [{ name: 'x', label: 'X', permissions: [{ permission: p, roles: ['nobody'] }], auditActions: {} }])).toThrow(/unknown role nobody/);
    const twice = { name: 'x', label: 'X', permissions: [{ permission: p, roles: [] }, { permission: p, roles: [] }], auditActions: {} };
    expect(() => rolePermissionsOf(['member'], [twice])).toThrow(/declared twice/);
  });
});
