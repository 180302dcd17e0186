export { defineSharedModule, auditActionsOf, rolePermissionsOf, type PermissionGrant, type SharedModuleManifest } from './shared';
export { defineServerModule, type ModuleContext, type ServerModule } from './manifest';
export {
  demoDraws,
  demoRandom,
  demoSteps,
  DEMO_GIVEN,
  DEMO_GIVEN_PEOPLE,
  DEMO_SURNAMES,
  type DemoLoadContext,
  type DemoOrg,
  type DemoSeed,
  type DemoSeedContext,
  type DemoSeedStep,
} from './demo';
