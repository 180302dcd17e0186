import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { defineErrors } from '@platform/errors/app-error';
import { chinaToday } from '@platform/periods';
import { maskIdNumber } from '@platform/privacy';
import { parseIdNumber } from '@platform/validation';
import type { z } from 'zod';
import { idNumberIndex } from '@modules/members/server';
import { findOrgInScope } from '@modules/organisations/server';
import { EmploymentPermissions } from '../shared/employment.module';
import type { SeekerInput, SeekerPatchSchema } from '../shared/seeker.ledger';
import * as repo from './seeker.repository';

export const SeekerErrors = defineErrors('JOB_SEEKER', {
  NOT_FOUND: { status: 404, message: '这条就业援助记录不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '服务工会不存在或不在您的管辖范围内' },
  BAD_ID: { status: 400, message: '身份证号码不正确' },
  FUTURE_DATE: { status: 400, message: '服务日期不能晚于今天' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, EmploymentPermissions.write.name);

/** Records a service; the ID number is kept only as its blind index and its mask. */
export async function createService(deps: AppDeps, ctx: ActionContext, input: SeekerInput) {
  const today = chinaToday(deps.now());
  if (input.servedOn > today) throw SeekerErrors.FUTURE_DATE();
  const parsed = parseIdNumber(input.idNumber, today);
  const idx = idNumberIndex(deps.cipher, input.idNumber, today);
  if ('error' in parsed || 'error' in idx) throw SeekerErrors.BAD_ID('error' in parsed ? parsed.error : undefined);
  const { idNumber: _, ...rest } = input;
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw SeekerErrors.UNION_NOT_FOUND();
    const row = await repo.insertService(tx, { ...rest, idNumberIdx: idx.idx, idNumberMasked: maskIdNumber(parsed.idNumber)! });
    const { idNumberIdx: __, ...shown } = row;
    await writeAudit(tx, { actor: actorOf(ctx), action: 'seeker_service.create', entityType: 'job_seeker_service', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `登记就业援助服务：${row.personName}`, after: shown });
    return row;
  });
}

/** Changes the service, its date or its outcome (跟踪服务中 → 已就业). */
export async function updateService(deps: AppDeps, ctx: ActionContext, id: number, input: z.infer<typeof SeekerPatchSchema>) {
  if (input.servedOn && input.servedOn > chinaToday(deps.now())) throw SeekerErrors.FUTURE_DATE();
  return deps.db.transaction(async (tx) => {
    const found = await repo.findService(tx, write(ctx), id);
    if (!found) throw SeekerErrors.NOT_FOUND();
    const row = await repo.updateService(tx, id, input);
    const { idNumberIdx: _, ...before } = found.service;
    const { idNumberIdx: __, ...after } = row;
    await writeAudit(tx, { actor: actorOf(ctx), action: 'seeker_service.update', entityType: 'job_seeker_service', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改就业援助服务：${row.personName}`, before, after });
    return row;
  });
}
