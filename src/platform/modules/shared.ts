import type { PermissionSpec } from '@platform/access/permissions';

/** A permission a module declares and the role codes that hold it by default. */
export interface PermissionGrant {
  permission: PermissionSpec;
  /** Role codes (accounts' `RoleCode`) that are granted this permission. */
  roles: readonly string[];
}

/**
 * The web-safe half of a module's manifest (no node or database imports): what the server, roles and the audit
 * page need to know about a module without importing its code.
 */
export interface SharedModuleManifest {
  /** The module folder name (`members`, `health-checks`). */
  name: string;
  /** Chinese name shown to users (the 待办 filter, the summary row). */
  label: string;
  permissions: readonly PermissionGrant[];
  /** Audit action code → Chinese label; the audit page and its filter read these. */
  auditActions: Readonly<Record<string, string>>;
}

/** Identity helper that checks a shared manifest against the type and keeps its literal types. */
export function defineSharedModule<M extends SharedModuleManifest>(manifest: M): M {
  return manifest;
}

/** Every audit action with its Chinese label, from the platform's own and the modules' (later ones win). */
export function auditActionsOf(platform: Readonly<Record<string, string>>, modules: readonly SharedModuleManifest[]): Record<string, string> {
  return Object.assign({ ...platform }, ...modules.map((m) => m.auditActions)) as Record<string, string>;
}

/**
 * Each role's permission names, from the grants the modules declare, in module order. Refuses a grant to a role
 * that does not exist, or a permission declared twice, so a typo cannot silently grant nothing.
 */
export function rolePermissionsOf<R extends string>(roleCodes: readonly R[], modules: readonly SharedModuleManifest[]): Record<R, string[]> {
  const out = Object.fromEntries(roleCodes.map((r) => [r, [] as string[]])) as Record<R, string[]>;
  const seen = new Set<string>();
  for (const m of modules) {
    for (const g of m.permissions) {
      if (seen.has(g.permission.name)) throw new Error(`permission ${g.permission.name} declared twice (module ${m.name})`);
      seen.add(g.permission.name);
      for (const role of g.roles) {
        if (!(role in out)) throw new Error(`module ${m.name} grants ${g.permission.name} to unknown role ${role}`);
        out[role as R].push(g.permission.name);
      }
    }
  }
  return out;
}
