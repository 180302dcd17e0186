import { pathInScope, type Scope } from '@platform/access';
import { maskPhone } from '@platform/privacy';
import { ORG_KINDS, type OrgKind } from '../shared/org-kinds';
import type { OrgDto, OrgTreeNode } from '../shared/org.schema';
import type { OrgListRow } from './org.repository';
import type { OrgRow } from './org.table';

/** Row → DTO. The contact phone is shown in full only to those who may edit the organisation. */
export function presentOrg(row: OrgListRow, writeScope: Scope): OrgDto {
  const { org } = row;
  const kind = org.kind as OrgKind;
  const full = pathInScope(writeScope, org.path);
  return {
    id: org.id,
    parentId: org.parentId,
    parentName: row.parentName,
    name: org.name,
    code: org.code,
    kind,
    kindLabel: ORG_KINDS[kind].label,
    tier: ORG_KINDS[kind].tier,
    level: org.level,
    divisionCode: org.divisionCode,
    openedOn: org.openedOn,
    closedOn: org.closedOn,
    closeReason: org.closeReason,
    status: org.closedOn ? 'closed' : 'open',
    address: org.address,
    contactName: org.contactName,
    contactPhone: full ? org.contactPhone : maskPhone(org.contactPhone),
    remark: org.remark,
    acceptsGigWorkers: org.acceptsGigWorkers,
    childCount: row.childCount,
    updatedAt: org.updatedAt.toISOString(),
  };
}

export function presentTreeNode(row: OrgListRow): OrgTreeNode {
  return {
    id: row.org.id,
    parentId: row.org.parentId,
    name: row.org.name,
    kind: row.org.kind as OrgKind,
    status: row.org.closedOn ? 'closed' : 'open',
    childCount: row.childCount,
  };
}

/** The audit snapshot of an organisation, with the contact phone masked. */
export function auditSnapshot(org: OrgRow) {
  return {
    name: org.name,
    code: org.code,
    kind: org.kind,
    parentId: org.parentId,
    path: org.path,
    divisionCode: org.divisionCode,
    openedOn: org.openedOn,
    closedOn: org.closedOn,
    closeReason: org.closeReason,
    address: org.address,
    contactName: org.contactName,
    contactPhone: maskPhone(org.contactPhone),
    remark: org.remark,
  };
}
