export { defineSharedModule, auditActionsOf, rolePermissionsOf, type PermissionGrant, type SharedModuleManifest } from './shared';
export { defineServerModule, type DemoSeedContext, type ModuleContext, type ServerModule } from './manifest';
