import { scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { blanksAsNull } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { parseUscc } from '@platform/validation';
import { createOrg, findOrgInScope } from '@modules/organisations/server';
import { grassrootsKinds, tierOf, type OrgKind } from '@modules/organisations/shared/org-kinds';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { EmployerPermissions } from '../shared/employer.permissions';
import type { EmployerFields } from '../shared/employer.schema';
import { EmployerErrors } from './employer.errors';
import { auditSnapshot } from './employer.presenter';
import * as repo from './employer.repository';

const writeScope = (ctx: ActionContext): Scope => scopeFor(ctx.principal, EmployerPermissions.write.name);
const blank = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v.trim());
/** The register's optional text fields (stored trimmed, blank as null). */
const TEXT_FIELDS = ['contactName', 'contactPhone', 'address', 'remark'] as const;

export function normaliseUscc(raw: string): string {
  const u = parseUscc(raw);
  if ('error' in u) throw EmployerErrors.INVALID_USCC(u.error);
  return u.uscc;
}

async function requireKeeper(db: DbOrTx, scope: Scope, orgId: number) {
  const keeper = await findOrgInScope(db, scope, orgId);
  if (!keeper || keeper.org.closedOn) throw EmployerErrors.KEEPER_NOT_FOUND();
  if (tierOf(keeper.org.kind as OrgKind) === 'grassroots') throw EmployerErrors.KEEPER_KIND();
  return keeper.org;
}

function checkCounts(employees: number, women: number | null | undefined) {
  if (women != null && women > employees) throw EmployerErrors.WOMEN_EXCEED();
}

export async function createEmployer(deps: AppDeps, ctx: ActionContext, input: EmployerFields) {
  const uscc = normaliseUscc(input.uscc);
  checkCounts(input.employees, input.womenEmployees);
  return deps.db.transaction(async (tx) => {
    const keeper = await requireKeeper(tx, writeScope(ctx), input.orgId);
    if (await repo.findByUscc(tx, uscc)) throw EmployerErrors.USCC_TAKEN();
    const divisionCode = blank(input.divisionCode) ?? keeper.divisionCode;
    const e = await repo.insertEmployer(tx, { ...input, ...blanksAsNull(input, TEXT_FIELDS), orgId: keeper.id, uscc, divisionCode });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.create', entityType: 'employer', entityId: e.id, orgId: keeper.id, orgPath: keeper.path, summary: `登记用人单位“${e.name}”`, after: auditSnapshot(e) });
    return e;
  });
}

export async function updateEmployer(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<EmployerFields>) {
  return deps.db.transaction(async (tx) => {
    const scope = writeScope(ctx);
    const found = await repo.findEmployerInScope(tx, scope, id);
    if (!found || !scope.paths.some((p) => found.orgPath.startsWith(p))) throw EmployerErrors.NOT_FOUND();
    const before = found.employer;
    const uscc = input.uscc ? normaliseUscc(input.uscc) : undefined;
    if (uscc && uscc !== before.uscc && (await repo.findByUscc(tx, uscc))) throw EmployerErrors.USCC_TAKEN();
    const keeper = input.orgId && input.orgId !== before.orgId ? await requireKeeper(tx, scope, input.orgId) : null;
    checkCounts(input.employees ?? before.employees, input.womenEmployees !== undefined ? input.womenEmployees : before.womenEmployees);
    const after = await repo.updateEmployer(tx, id, { ...input, ...blanksAsNull(input, ['divisionCode', ...TEXT_FIELDS]), uscc, orgId: keeper?.id });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.update', entityType: 'employer', entityId: id, orgId: after.orgId, orgPath: keeper?.path ?? found.orgPath, summary: `修改用人单位“${after.name}”`, before: auditSnapshot(before), after: auditSnapshot(after) });
    return after;
  });
}

/** Records that a grassroots union covers the employer (its own union, or a joint union's member unit). */
export async function coverEmployer(deps: AppDeps, ctx: ActionContext, id: number, orgId: number, since: string) {
  if (since > chinaToday(deps.now())) throw EmployerErrors.FUTURE_DATE();
  return deps.db.transaction(async (tx) => {
    const scope = writeScope(ctx);
    const found = await repo.findEmployerInScope(tx, scope, id);
    if (!found) throw EmployerErrors.NOT_FOUND();
    const union = await repo.grassrootsUnionInScope(tx, scopeFor(ctx.principal, OrgPermissions.read.name), orgId, grassrootsKinds());
    if (!union) throw EmployerErrors.UNION_NOT_FOUND();
    await repo.setCoverage(tx, id, union.id, since);
    await repo.updateEmployer(tx, id, { foundingStage: 'founded' });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.cover', entityType: 'employer', entityId: id, orgId: union.id, orgPath: union.path, summary: `“${union.name}”覆盖用人单位“${found.employer.name}”（自 ${since}）` });
  });
}

export async function uncoverEmployer(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findEmployerInScope(tx, writeScope(ctx), id);
    if (!found) throw EmployerErrors.NOT_FOUND();
    await repo.endCoverage(tx, id, chinaToday(deps.now()));
    await repo.updateEmployer(tx, id, { foundingStage: 'none' });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.uncover', entityType: 'employer', entityId: id, orgId: found.employer.orgId, orgPath: found.orgPath, summary: `取消“${found.unionName ?? ''}”对“${found.employer.name}”的覆盖` });
  });
}

/** Starts or advances a founding record (空白 → 走访中 → 筹备中) for an employer without a union. */
export async function setFoundingStage(deps: AppDeps, ctx: ActionContext, id: number, stage: 'none' | 'visiting' | 'preparing', note: string | null | undefined) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findEmployerInScope(tx, writeScope(ctx), id);
    if (!found) throw EmployerErrors.NOT_FOUND();
    if (found.unionId) throw EmployerErrors.ALREADY_COVERED();
    const startedOn = stage === 'none' ? null : (found.employer.foundingStartedOn ?? chinaToday(deps.now()));
    const after = await repo.updateEmployer(tx, id, { foundingStage: stage, foundingStartedOn: startedOn, foundingNote: blank(note) ?? found.employer.foundingNote });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.founding', entityType: 'employer', entityId: id, orgId: found.employer.orgId, orgPath: found.orgPath, summary: `“${after.name}”建会进度：${stage === 'visiting' ? '走访中' : stage === 'preparing' ? '筹备中' : '未启动'}`, after: { stage, note: after.foundingNote } });
    return after;
  });
}

/** Completes founding: the new grassroots union under the employer's street, covering the employer. */
export async function foundUnion(deps: AppDeps, ctx: ActionContext, id: number, input: { unionName: string; kind: 'enterprise' | 'joint'; openedOn: string }) {
  const found = await repo.findEmployerInScope(deps.db, writeScope(ctx), id);
  if (!found) throw EmployerErrors.NOT_FOUND();
  if (found.unionId) throw EmployerErrors.ALREADY_COVERED();
  const org = await createOrg(deps, ctx, { parentId: found.employer.orgId, name: input.unionName, kind: input.kind, openedOn: input.openedOn });
  await deps.db.transaction(async (tx) => {
    await repo.setCoverage(tx, id, org.id, input.openedOn);
    await repo.updateEmployer(tx, id, { foundingStage: 'founded' });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'employer.found', entityType: 'employer', entityId: id, orgId: org.id, orgPath: org.path, summary: `“${found.employer.name}”建会完成：成立“${org.name}”（${input.openedOn}）` });
  });
  return org;
}
