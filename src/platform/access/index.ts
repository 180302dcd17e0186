export { scopeFor, scopeCondition, pathInScope, reachesPrincipal, escapeLike, type Principal, type Scope } from './access';
export type { PermissionSpec, RoutePermission } from './permissions';
export { principalsChanged, onPrincipalsChanged } from './principal-changes';
