/** Every module's authorization-matrix rows, in the order the positive controls send them. */
import type { Case } from './kit';
import { organisationsMatrix } from './organisations';
import { accountsMatrix } from './accounts';
import { auditMatrix } from './audit';
import { reportsMatrix } from './reports';
import { importsMatrix } from './imports';
import { employersMatrix } from './employers';
import { unionsMatrix } from './unions';
import { membersMatrix } from './members';
import { standardsMatrix } from './standards';
import { hardshipMatrix } from './hardship';
import { mutualAidMatrix } from './mutual-aid';
import { healthChecksMatrix } from './health-checks';

/** Route key → how to aim it at another subtree (and inside the scope, for the positive controls). */
export const MATRIX: Record<string, Case> = {
  ...organisationsMatrix,
  ...accountsMatrix,
  ...auditMatrix,
  ...reportsMatrix,
  ...importsMatrix,
  ...employersMatrix,
  ...unionsMatrix,
  ...membersMatrix,
  ...standardsMatrix,
  ...hardshipMatrix,
  ...mutualAidMatrix,
  ...healthChecksMatrix,
};
