import { describe, expect, it } from 'vitest';
import { rolePermissionsOf } from '@platform/modules';
import pinnedAuditActions from '../../test/fixtures/audit-actions.json';
import { auditActions, rolePermissions, serverModules } from './modules';

// The permission sets every role held before the grants moved into the module manifests (issue #14). A change
// to a grant must change this list in the same commit, so a grant cannot appear or vanish silently.
const PINNED: Record<string, string[]> = {
    district_admin: ["account.read", "account.write", "audit.read", "employer.read", "employer.write", "hardship.config", "hardship.file", "hardship.read", "hardship.sensitive", "hardship.write", "healthcheck.manage", "healthcheck.read", "healthcheck.results", "healthcheck.write", "member.read", "member.sensitive", "member.write", "mutualaid.manage", "mutualaid.read", "mutualaid.sensitive", "mutualaid.write", "org.read", "org.write", "report.read", "report.write", "self.read", "standard.assess", "standard.manage", "standard.review"],
    district_staff: ["employer.read", "employer.write", "hardship.file", "hardship.read", "hardship.write", "healthcheck.manage", "healthcheck.read", "healthcheck.write", "member.read", "member.write", "mutualaid.manage", "mutualaid.read", "mutualaid.write", "org.read", "org.write", "report.read", "self.read", "standard.review"],
    intermediate_admin: ["account.read", "account.write", "audit.read", "employer.read", "employer.write", "hardship.read", "hardship.sensitive", "hardship.write", "healthcheck.read", "healthcheck.results", "healthcheck.write", "member.read", "member.sensitive", "member.write", "mutualaid.read", "mutualaid.sensitive", "mutualaid.write", "org.read", "org.write", "report.read", "report.write", "self.read", "standard.assess", "standard.review"],
    grassroots_admin: ["account.read", "account.write", "audit.read", "employer.read", "hardship.read", "hardship.sensitive", "hardship.write", "healthcheck.read", "healthcheck.results", "healthcheck.write", "member.read", "member.sensitive", "member.write", "mutualaid.read", "mutualaid.sensitive", "mutualaid.write", "org.read", "org.write", "report.read", "report.write", "self.read", "standard.assess"],
    member: ["hardship.self", "healthcheck.self", "member.self", "mutualaid.self", "self.read"],
};

describe('module list', () => {
  it('grants every role exactly the permissions it held before the manifests', () => {
    const sets = Object.fromEntries(Object.entries(rolePermissions).map(([role, ps]) => [role, [...new Set(ps)].sort()]));
    expect(sets).toEqual(PINNED);
  });

  it('labels exactly the audit actions labelled before the manifests', () => {
    expect(auditActions).toEqual(pinnedAuditActions);
  });

  it('names each module once', () => {
    const names = serverModules.map((m) => m.shared.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('declares import specs and due work under permissions the modules declare', () => {
    const declared = new Set(serverModules.flatMap((m) => m.shared.permissions.map((g) => g.permission.name)));
    const specs = serverModules.flatMap((m) => (m.importSpecs?.() ?? []).map((s) => ({ module: m.shared.name, ...s })));
    expect(specs.map((s) => s.kind).sort()).toEqual(['employers', 'members', 'mutual-aid-enrolments'].sort());
    for (const s of specs) expect(declared, `${s.module} import ${s.kind}`).toContain(s.permission);
    for (const m of serverModules) for (const p of m.due ?? []) expect(declared, `${m.shared.name} due`).toContain(p.permission);
  });

  it('refuses a grant to an unknown role and a permission declared twice', () => {
    const p = { name: 'x.read', label: '查看' };
    expect(() => rolePermissionsOf(['member'], [{ name: 'x', label: 'X', permissions: [{ permission: p, roles: ['nobody'] }], auditActions: {} }])).toThrow(/unknown role nobody/);
    const twice = { name: 'x', label: 'X', permissions: [{ permission: p, roles: [] }, { permission: p, roles: [] }], auditActions: {} };
    expect(() => rolePermissionsOf(['member'], [twice])).toThrow(/declared twice/);
  });
});
