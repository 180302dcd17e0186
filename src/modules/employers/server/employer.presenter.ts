import { pathInScope, type Scope } from '@platform/access';
import { FOUNDING, GAP_THRESHOLD, INDUSTRY, OWNERSHIP } from '../shared/employer-codes';
import type { Employer } from '../shared/employer.schema';
import type { EmployerListRow } from './employer.repository';
import type { EmployerRow } from './employer.table';

export function presentEmployer(r: EmployerListRow, write: Scope): Employer {
  const e = r.employer;
  const covered = r.unionId !== null;
  return {
    id: e.id,
    name: e.name,
    uscc: e.uscc,
    orgId: e.orgId,
    orgName: r.orgName,
    divisionCode: e.divisionCode,
    industry: e.industry,
    industryLabel: INDUSTRY.label(e.industry),
    ownership: e.ownership,
    ownershipLabel: OWNERSHIP.label(e.ownership),
    employees: e.employees,
    womenEmployees: e.womenEmployees,
    smallMicro: e.smallMicro,
    contactName: e.contactName,
    contactPhone: e.contactPhone,
    address: e.address,
    remark: e.remark,
    unionId: r.unionId,
    unionName: r.unionName,
    coveredSince: r.coveredSince,
    isGap: !covered && e.employees >= GAP_THRESHOLD,
    foundingStage: covered ? 'founded' : e.foundingStage,
    foundingStageLabel: FOUNDING.label(covered ? 'founded' : e.foundingStage)!,
    foundingStartedOn: e.foundingStartedOn,
    foundingNote: e.foundingNote,
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
