import type { ModuleRoute } from '@ui/module-routes';
import { accountRoutes } from '@modules/accounts/web';
import { auditRoutes } from '@modules/audit/web';
import { orgRoutes } from '@modules/organisations/web';
import { reportRoutes } from '@modules/reports/web';
import { employerRoutes } from '@modules/employers/web';
import { memberRoutes } from '@modules/members/web';
import { unionRoutes } from '@modules/unions/web';
import { standardRoutes } from '@modules/standards/web';
import { hardshipRoutes } from '@modules/hardship/web';
import { mutualAidRoutes } from '@modules/mutual-aid/web';
import { healthCheckRoutes } from '@modules/health-checks/web';

/** Every module's pages; the menu is built from the ones the user has permission for. */
export const moduleRoutes: ModuleRoute[] = [
  ...orgRoutes,
  ...memberRoutes,
  ...employerRoutes,
  ...unionRoutes,
  ...standardRoutes,
  ...hardshipRoutes,
  ...mutualAidRoutes,
  ...healthCheckRoutes,
  ...accountRoutes,
  ...reportRoutes,
  ...auditRoutes,
];
