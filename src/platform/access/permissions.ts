/** A permission a module declares: a name like `org.write` and the Chinese label shown in role lists. */
export interface PermissionSpec {
  name: string;
  label: string;
}

/** Route permission: a declared permission name, `'authenticated'` (any signed-in account) or `'public'`. */
export type RoutePermission = 'public' | 'authenticated' | (string & {});
