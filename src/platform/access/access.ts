import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

/**
 * The signed-in person as every route sees it. Permissions are the union of the account's roles; they
 * hold over `scopePaths` (the materialised paths of the subtrees the account administers). A member's
 * scope is only their own record, so `scopePaths` is empty for a member-only account.
 */
export interface Principal {
  accountId: number;
  username: string;
  displayName: string;
  orgId: number;
  orgPath: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  scopePaths: string[];
  sessionId: string;
  csrfToken: string;
  /** After an administrator's reset: only the password-change route is open until it is changed. */
  mustChangePassword: boolean;
}

/**
 * A read/write scope: the subtrees in which one permission holds for one principal. Repositories take a
 * Scope and filter by it; there is no way to build a query without one, and an empty scope matches nothing.
 */
export interface Scope {
  readonly permission: string;
  readonly paths: readonly string[];
  readonly accountId: number;
}

export function scopeFor(principal: Principal, permission: string): Scope {
  const granted = principal.permissions.has(permission);
  return { permission, paths: granted ? principal.scopePaths : [], accountId: principal.accountId };
}

/** True when an org path lies inside the scope. */
export function pathInScope(scope: Scope, orgPath: string): boolean {
  return scope.paths.some((p) => orgPath.startsWith(p));
}

/**
 * True when a record kept by the union at `orgPath` reaches the principal: that union is inside their scope for
 * `permission`, or it is their own union or one above it (a district-wide plan, programme or screening that every
 * union below takes part in).
 */
export function reachesPrincipal(principal: Principal, permission: string, orgPath: string): boolean {
  return pathInScope(scopeFor(principal, permission), orgPath) || principal.orgPath.startsWith(orgPath);
}

/**
 * The single SQL predicate for scoping: the row's materialised path starts with one of the scope's paths.
 * Fails closed: an empty scope yields `false`. `bind` turns each pattern into a placeholder for a prepared
 * statement (`Bindings.bind`); the SQL text then depends only on the number of paths.
 */
export function scopeCondition(pathColumn: AnyColumn | SQL, scope: Scope, bind: (value: string) => SQL | string = (v) => v): SQL {
  if (scope.paths.length === 0) return sql`false`;
  const parts = scope.paths.map((p) => sql`${pathColumn} like ${bind(escapeLike(p) + '%')}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}
