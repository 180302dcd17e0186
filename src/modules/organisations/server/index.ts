/** Public API of the organisations module for other modules and the server. */
export { organisations, type OrgRow } from './org.table';
export {
  findOrgInScope,
  listChildren,
  findOrgUnscoped,
  findRootOrg,
  countOrgs,
  insertOrg,
  insertOrgsBulk,
  reserveOrgIds,
  subtreePathInScope,
} from './org.repository';
export { OrgErrors } from './org.errors';
export { unionsOfRows } from './org.imports';
export { orgIndicators } from './org.indicators';
export { createOrg } from './org.service';
export { organisationsServer } from './org.module';
