import { accountsWeb } from '@modules/accounts/web';
import { activitiesWeb } from '@modules/activities/web';
import { auditWeb } from '@modules/audit/web';
import { employersWeb } from '@modules/employers/web';
import { employmentWeb } from '@modules/employment/web';
import { facilitiesWeb } from '@modules/facilities/web';
import { hardshipWeb } from '@modules/hardship/web';
import { healthChecksWeb } from '@modules/health-checks/web';
import { meetingsWeb } from '@modules/meetings/web';
import { contractsWeb } from '@modules/contracts/web';
import { legalWeb } from '@modules/legal/web';
import { congressesWeb } from '@modules/congresses/web';
import { membersWeb } from '@modules/members/web';
import { mutualAidWeb } from '@modules/mutual-aid/web';
import { organisationsWeb } from '@modules/organisations/web';
import { reportsWeb } from '@modules/reports/web';
import { standardsWeb } from '@modules/standards/web';
import { unionsWeb } from '@modules/unions/web';
import type { WebModule } from '@ui/web-module';

/** Every module the web shell mounts: pages and menu entries, home-page tiles and sections. A new module is one line. */
export const webModules: readonly WebModule[] = [
  organisationsWeb,
  membersWeb,
  employersWeb,
  unionsWeb,
  standardsWeb,
  hardshipWeb,
  mutualAidWeb,
  healthChecksWeb,
  employmentWeb,
  facilitiesWeb,
  activitiesWeb,
  meetingsWeb,
  contractsWeb,
  legalWeb,
  congressesWeb,
  accountsWeb,
  reportsWeb,
  auditWeb,
];
