import { pathInScope, type Scope } from '@platform/access';
import { FOUNDING, GAP_THRESHOLD, INDUSTRY, OWNERSHIP } from '../shared/employer-codes';
import type { Employer } from '../shared/employer.schema';
import type { EmployerListRow } from './employer.repository';
import type { EmployerRow } from './employer.table';

/** The register's record: the row's fields as stored (the response schema keeps only the declared ones) and what is derived. */
export function presentEmployer(r: EmployerListRow, write: Scope): Employer {
  const e = r.employer;
  const covered = r.unionId !== null;
  const stage = covered ? 'founded' : e.foundingStage;
  return {
    ...e,
    orgName: r.orgName,
    industryLabel: INDUSTRY.label(e.industry),
    ownershipLabel: OWNERSHIP.label(e.ownership),
    unionId: r.unionId,
    unionName: r.unionName,
    coveredSince: r.coveredSince,
    isGap: !covered && e.employees >= GAP_THRESHOLD,
    foundingStage: stage,
    foundingStageLabel: FOUNDING.label(stage)!,
    canWrite: pathInScope(write, r.orgPath),
  };
}

export function auditSnapshot(e: EmployerRow) {
  return {
    name: e.name,
    uscc: e.uscc,
    orgId: e.orgId,
    industry: e.industry,
    ownership: e.ownership,
    employees: e.employees,
    womenEmployees: e.womenEmployees,
    smallMicro: e.smallMicro,
    foundingStage: e.foundingStage,
  };
}
