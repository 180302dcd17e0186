import { scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { lockKey, type DbOrTx } from '@platform/db';
import { chinaToday } from '@platform/periods';
import { allowedChildTiers, ORG_KINDS, tierOf, type OrgKind } from '../shared/org-kinds';
import { OrgPermissions } from '../shared/org.permissions';
import type { CreateOrgInput, UpdateOrgInput } from '../shared/org.schema';
import { OrgErrors } from './org.errors';
import { auditSnapshot } from './org.presenter';
import * as repo from './org.repository';
import type { OrgRow } from './org.table';

const blankToNull = (v: string | null | undefined) => (v === undefined ? undefined : v === '' ? null : v);

function writeScope(ctx: ActionContext): Scope {
  return scopeFor(ctx.principal, OrgPermissions.write.name);
}

async function requireOrg(db: DbOrTx, scope: Scope, id: number, error = OrgErrors.NOT_FOUND): Promise<OrgRow> {
  const row = await repo.findOrgInScope(db, scope, id);
  if (!row) throw error();
  return row.org;
}

function checkNotFuture(date: string | null | undefined, now: Date) {
  if (date && date > chinaToday(now)) throw OrgErrors.FUTURE_DATE();
}

function checkParentKind(parent: OrgRow, kind: OrgKind) {
  if (parent.closedOn) throw OrgErrors.PARENT_CLOSED();
  const allowed = allowedChildTiers(tierOf(parent.kind as OrgKind));
  if (!allowed.includes(tierOf(kind))) {
    throw OrgErrors.INVALID_PARENT_KIND(
      `「${ORG_KINDS[kind].label}」不能设在「${parent.name}」（${ORG_KINDS[parent.kind as OrgKind].label}）之下`,
    );
  }
}

/** Creates an organisation under a parent the actor may write to. */
export async function createOrg(deps: AppDeps, ctx: ActionContext, input: CreateOrgInput): Promise<OrgRow> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    // Names unique among siblings and the next child code: a parent's children are serialised first.
    await lockKey(tx, 'orgs.children', input.parentId);
    const parent = await requireOrg(tx, scope, input.parentId, OrgErrors.PARENT_NOT_FOUND);
    checkParentKind(parent, input.kind);
    checkNotFuture(input.openedOn, deps.now());
    if (await repo.siblingNameTaken(tx, parent.id, input.name)) throw OrgErrors.NAME_TAKEN();
    const code = input.code || (await repo.nextChildCode(tx, parent.code));
    if (await repo.codeTaken(tx, code)) throw OrgErrors.CODE_TAKEN();
    const org = await repo.insertOrg(
      tx,
      {
        parentId: parent.id,
        name: input.name,
        code,
        kind: input.kind,
        divisionCode: blankToNull(input.divisionCode) ?? parent.divisionCode,
        openedOn: input.openedOn ?? null,
        address: blankToNull(input.address) ?? null,
        contactName: blankToNull(input.contactName) ?? null,
        contactPhone: blankToNull(input.contactPhone) ?? null,
        remark: blankToNull(input.remark) ?? null,
        acceptsGigWorkers: input.kind === 'joint' && !!input.acceptsGigWorkers,
      },
      parent.path,
      parent.level,
    );
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'org.create',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: org.path,
      summary: `在「${parent.name}」下新建组织「${org.name}」`,
      after: auditSnapshot(org),
    });
    return org;
  });
}

/** Edits an organisation's own fields; its place in the tree changes only through `moveOrg`. */
export async function updateOrg(deps: AppDeps, ctx: ActionContext, id: number, input: UpdateOrgInput): Promise<OrgRow> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    const before = await requireOrg(tx, scope, id);
    if (before.closedOn) throw OrgErrors.CLOSED();
    if (input.kind && input.kind !== before.kind) {
      if (tierOf(input.kind) !== tierOf(before.kind as OrgKind)) throw OrgErrors.KIND_TIER_CHANGE();
    }
    checkNotFuture(input.openedOn, deps.now());
    if (input.name && input.name !== before.name && before.parentId) {
      await lockKey(tx, 'orgs.children', before.parentId);
      if (await repo.siblingNameTaken(tx, before.parentId, input.name, id)) throw OrgErrors.NAME_TAKEN();
    }
    if (input.code && input.code !== before.code && (await repo.codeTaken(tx, input.code, id))) throw OrgErrors.CODE_TAKEN();
    const after = await repo.updateOrg(tx, id, {
      name: input.name,
      code: input.code || undefined,
      kind: input.kind,
      divisionCode: blankToNull(input.divisionCode),
      openedOn: input.openedOn,
      address: blankToNull(input.address),
      contactName: blankToNull(input.contactName),
      contactPhone: blankToNull(input.contactPhone),
      remark: blankToNull(input.remark),
      acceptsGigWorkers: input.acceptsGigWorkers === undefined ? undefined : (input.kind ?? before.kind) === 'joint' && input.acceptsGigWorkers,
    });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'org.update',
      entityType: 'organisation',
      entityId: id,
      orgId: id,
      orgPath: after.path,
      summary: `修改组织「${after.name}」的信息`,
      before: auditSnapshot(before),
      after: auditSnapshot(after),
    });
    return after;
  });
}

/**
 * Moves a subtree under a new parent. The actor needs write rights over the organisation's current parent
 * and over the new parent, so nobody can pull a union out of, or push it into, a subtree they do not run.
 */
export async function moveOrg(deps: AppDeps, ctx: ActionContext, id: number, newParentId: number): Promise<OrgRow> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    const org = await requireOrg(tx, scope, id);
    if (!org.parentId) throw OrgErrors.MOVE_ROOT();
    const oldParent = await repo.findOrgInScope(tx, scope, org.parentId);
    if (!oldParent) throw OrgErrors.NOT_FOUND('您对该组织当前的上级组织没有管理权限，不能迁移它');
    if (newParentId === org.parentId) throw OrgErrors.SAME_PARENT();
    const newParent = await requireOrg(tx, scope, newParentId, OrgErrors.PARENT_NOT_FOUND);
    if (newParent.path.startsWith(org.path)) throw OrgErrors.MOVE_INTO_SELF();
    if (org.closedOn) throw OrgErrors.CLOSED();
    checkParentKind(newParent, org.kind as OrgKind);
    await lockKey(tx, 'orgs.children', newParent.id);
    if (await repo.siblingNameTaken(tx, newParent.id, org.name, org.id)) throw OrgErrors.NAME_TAKEN();
    const newPath = `${newParent.path}${org.id}/`;
    await repo.moveSubtree(tx, org.id, newParent.id, org.path, newPath, newParent.level + 1 - org.level);
    const after = (await repo.findOrgUnscoped(tx, org.id))!;
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'org.move',
      entityType: 'organisation',
      entityId: org.id,
      orgId: org.id,
      orgPath: after.path,
      summary: `把组织「${org.name}」从「${oldParent.org.name}」迁移到「${newParent.name}」之下`,
      before: { parentId: org.parentId, parentName: oldParent.org.name, path: org.path },
      after: { parentId: newParent.id, parentName: newParent.name, path: after.path },
    });
    return after;
  });
}

/**
 * Closes (撤销) an organisation: kept with its close date and reason; needs rights over its parent, no open
 * children and no membership still in force on the closing date (move or end them first: members module).
 */
export async function closeOrg(
  deps: AppDeps,
  ctx: ActionContext,
  id: number,
  input: { closedOn: string; reason: string },
): Promise<OrgRow> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    const org = await requireOrg(tx, scope, id);
    if (!org.parentId) throw OrgErrors.MOVE_ROOT();
    await requireOrg(tx, scope, org.parentId, () => OrgErrors.NOT_FOUND('您对该组织的上级组织没有管理权限，不能撤销它'));
    if (org.closedOn) throw OrgErrors.ALREADY_CLOSED();
    if (org.openedOn && input.closedOn < org.openedOn) throw OrgErrors.CLOSE_BEFORE_OPEN();
    checkNotFuture(input.closedOn, deps.now());
    const open = await repo.countOpenChildren(tx, id);
    if (open > 0) throw OrgErrors.HAS_OPEN_CHILDREN(`该组织下还有 ${open} 个未撤销的下级组织，请先撤销或迁出`);
    // No member may belong to a closed union: every membership must be moved or ended by the closing date.
    const members = await repo.countMembershipsOpenOn(tx, id, input.closedOn);
    if (members > 0) {
      throw OrgErrors.HAS_OPEN_MEMBERSHIPS(
        `该工会还有 ${members} 名会员的会籍在撤销日期（${input.closedOn}）仍未结束，请先把他们整体转入其他工会，或整体办理退会（日期不晚于撤销日期），再撤销`,
        { openMemberships: members },
      );
    }
    const after = await repo.updateOrg(tx, id, { closedOn: input.closedOn, closeReason: input.reason });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'org.close',
      entityType: 'organisation',
      entityId: id,
      orgId: id,
      orgPath: org.path,
      summary: `撤销组织「${org.name}」，撤销日期 ${input.closedOn}，原因：${input.reason}`,
      before: auditSnapshot(org),
      after: auditSnapshot(after),
    });
    return after;
  });
}

/** Reopens a closed organisation (e.g. closed by mistake); its parent must be open. */
export async function reopenOrg(deps: AppDeps, ctx: ActionContext, id: number): Promise<OrgRow> {
  const scope = writeScope(ctx);
  return deps.db.transaction(async (tx) => {
    const org = await requireOrg(tx, scope, id);
    if (!org.closedOn) throw OrgErrors.NOT_CLOSED();
    if (!org.parentId) throw OrgErrors.MOVE_ROOT();
    const parent = await requireOrg(tx, scope, org.parentId, () =>
      OrgErrors.NOT_FOUND('您对该组织的上级组织没有管理权限，不能恢复它'),
    );
    if (parent.closedOn) throw OrgErrors.PARENT_CLOSED();
    await lockKey(tx, 'orgs.children', parent.id);
    if (await repo.siblingNameTaken(tx, parent.id, org.name, org.id)) throw OrgErrors.NAME_TAKEN();
    const after = await repo.updateOrg(tx, id, { closedOn: null, closeReason: null });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'org.reopen',
      entityType: 'organisation',
      entityId: id,
      orgId: id,
      orgPath: org.path,
      summary: `恢复已撤销的组织「${org.name}」`,
      before: auditSnapshot(org),
      after: auditSnapshot(after),
    });
    return after;
  });
}
