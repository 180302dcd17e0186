import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { defineErrors, registerUniqueConflicts } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { parseUscc } from '@platform/validation';
import { findOrgInScope } from '@modules/organisations/server';
import type { z } from 'zod';
import { EmploymentPermissions } from '../shared/employment.module';
import type { FairEnterpriseInputSchema, FairInput } from '../shared/fair.ledger';
import * as repo from './fair.repository';

export const FairErrors = defineErrors('JOB_FAIR', {
  NOT_FOUND: { status: 404, message: '招聘会不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '主办工会不存在或不在您的管辖范围内' },
  NOT_HELD: { status: 409, message: '招聘会尚未举办，不能登记参会人次、意向和录用人数' },
  BAD_USCC: { status: 400, message: '统一社会信用代码不正确' },
  ENTERPRISE_TAKEN: { status: 409, message: '这家单位已在本场招聘会的参会名单中' },
  ENTERPRISE_NOT_FOUND: { status: 404, message: '参会单位不存在' },
  HIRES: { status: 400, message: '跟踪录用人数不能多于达成意向人数' },
});
registerUniqueConflicts({ job_fair_enterprises_key: FairErrors.ENTERPRISE_TAKEN });

const write = (ctx: ActionContext) => scopeFor(ctx.principal, EmploymentPermissions.write.name);
const RESULTS = ['visitors', 'intentions', 'hires'] as const;

/** Results (人次, 意向, 录用) only once the fair is held; hires within intentions. */
function checkFair(v: { heldOn: string; visitors?: number | null; intentions?: number | null; hires?: number | null }, today: string) {
  if (v.heldOn > today && RESULTS.some((k) => v[k] != null)) throw FairErrors.NOT_HELD();
  if (v.hires != null && v.intentions != null && v.hires > v.intentions) throw FairErrors.HIRES();
}

async function load(deps: AppDeps, tx: Parameters<typeof repo.findFair>[0], ctx: ActionContext, id: number) {
  const found = await repo.findFair(tx, write(ctx), chinaToday(deps.now()), id);
  if (!found) throw FairErrors.NOT_FOUND();
  return found;
}

export async function createFair(deps: AppDeps, ctx: ActionContext, input: FairInput) {
  checkFair(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw FairErrors.UNION_NOT_FOUND();
    const row = await repo.insertFair(tx, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'job_fair.create', entityType: 'job_fair', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记招聘会“${row.name}”`, after: row });
    return row;
  });
}

export async function updateFair(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<FairInput, 'orgId'>>) {
  return deps.db.transaction(async (tx) => {
    const found = await load(deps, tx, ctx, id);
    checkFair({ ...found.fair, ...input }, chinaToday(deps.now()));
    const row = await repo.updateFair(tx, id, input);
    await writeAudit(tx, { actor: actorOf(ctx), action: 'job_fair.update', entityType: 'job_fair', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改招聘会“${row.name}”`, before: found.fair, after: row });
    return row;
  });
}

export async function addParticipant(deps: AppDeps, ctx: ActionContext, fairId: number, input: z.infer<typeof FairEnterpriseInputSchema>) {
  const uscc = parseUscc(input.employerUscc);
  if ('error' in uscc) throw FairErrors.BAD_USCC(uscc.error);
  return deps.db.transaction(async (tx) => {
    const found = await load(deps, tx, ctx, fairId);
    const row = await repo.insertParticipant(tx, { ...input, employerUscc: uscc.uscc, fairId });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'job_fair.enterprise_add', entityType: 'job_fair', entityId: fairId, orgId: found.fair.orgId, orgPath: found.orgPath, summary: `招聘会“${found.fair.name}”新增参会单位“${row.employerName}”`, after: row });
    return row;
  });
}

export async function removeParticipant(deps: AppDeps, ctx: ActionContext, fairId: number, id: number) {
  return deps.db.transaction(async (tx) => {
    const found = await load(deps, tx, ctx, fairId);
    const row = await repo.deleteParticipant(tx, fairId, id);
    if (!row) throw FairErrors.ENTERPRISE_NOT_FOUND();
    await writeAudit(tx, { actor: actorOf(ctx), action: 'job_fair.enterprise_remove', entityType: 'job_fair', entityId: fairId, orgId: found.fair.orgId, orgPath: found.orgPath, summary: `招聘会“${found.fair.name}”移除参会单位“${row.employerName}”`, before: row });
  });
}
