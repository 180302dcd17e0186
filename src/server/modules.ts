import { accountsServer } from '@modules/accounts/server';
import { activitiesServer } from '@modules/activities/server';
import { ROLE_CODES } from '@modules/accounts/shared/roles';
import { auditServer } from '@modules/audit/server';
import { employersServer } from '@modules/employers/server';
import { employmentServer } from '@modules/employment/server';
import { facilitiesServer } from '@modules/facilities/server';
import { hardshipServer } from '@modules/hardship/server';
import { healthChecksServer } from '@modules/health-checks/server';
import { meetingsServer } from '@modules/meetings/server';
import { contractsServer } from '@modules/contracts/server';
import { legalServer } from '@modules/legal/server';
import { congressesServer } from '@modules/congresses/server';
import { membersServer } from '@modules/members/server';
import { mutualAidServer } from '@modules/mutual-aid/server';
import { organisationsServer } from '@modules/organisations/server';
import { reportsServer } from '@modules/reports/server';
import { standardsServer } from '@modules/standards/server';
import { unionsServer } from '@modules/unions/server';
import { PLATFORM_AUDIT_ACTIONS } from '@platform/audit';
import { importJobsServer } from '@platform/imports';
import { auditActionsOf, rolePermissionsOf, type ServerModule } from '@platform/modules';

/**
 * Every module the server mounts, in order: routes are registered, figures enter the catalogue, audit labels and
 * permission grants are collected, demo steps run and 待办 are listed in this order. A new module is one line here.
 */
export const serverModules: readonly ServerModule[] = [
  organisationsServer,
  accountsServer,
  auditServer,
  importJobsServer,
  membersServer,
  employersServer,
  unionsServer,
  standardsServer,
  hardshipServer,
  mutualAidServer,
  healthChecksServer,
  employmentServer,
  facilitiesServer,
  activitiesServer,
  meetingsServer,
  contractsServer,
  legalServer,
  congressesServer,
  reportsServer,
];

const shared = serverModules.map((m) => m.shared);

/** Role code → permission names, from the modules' grants (accounts keeps the roles themselves). */
export const rolePermissions = rolePermissionsOf(ROLE_CODES, shared);

/** Every audit action with its Chinese label: the platform's, then each module's. */
export const auditActions = auditActionsOf(PLATFORM_AUDIT_ACTIONS, shared);

/** Every module's storage limits on personal information, run by the server (src/platform/retention). */
export const retentionRules = serverModules.flatMap((m) => m.retention ?? []);
