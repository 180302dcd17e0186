export { scopeFor, scopeCondition, pathInScope, escapeLike, type Principal, type Scope } from './access';
export type { PermissionSpec, RoutePermission } from './permissions';
