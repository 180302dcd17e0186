import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { blanksAsNull } from '@platform/ledger';
import { chinaToday } from '@platform/periods';
import { findOrgInScope } from '@modules/organisations/server';
import { tierOf, type OrgKind } from '@modules/organisations/shared/org-kinds';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import type { TermInput } from '../shared/union.schema';
import { UnionErrors } from './union.errors';
import * as repo from './union.repository';

export async function requireGrassroots(deps: AppDeps, ctx: ActionContext, orgId: number, permission: string) {
  const found = await findOrgInScope(deps.db, scopeFor(ctx.principal, permission), orgId);
  if (!found || found.org.closedOn || tierOf(found.org.kind as OrgKind) !== 'grassroots') throw UnionErrors.NOT_FOUND();
  return found.org;
}

const odd = (n: number, min: number, max: number) => n >= min && n <= max && n % 2 === 1;

/** Records an election (换届); rules from 《工会法》第十五条 and the grassroots election rules (domain-rules §2.4). */
export async function recordTerm(deps: AppDeps, ctx: ActionContext, orgId: number, input: TermInput) {
  if (input.electedOn > chinaToday(deps.now())) throw UnionErrors.FUTURE_DATE();
  if (input.committeeMembers.length && !odd(1 + input.viceChairs.length + input.committeeMembers.length, 3, 11)) throw UnionErrors.COMMITTEE_SIZE();
  if (input.fundsCommittee.length && !odd(input.fundsCommittee.length, 3, 5)) throw UnionErrors.FUNDS_SIZE();
  const org = await requireGrassroots(deps, ctx, orgId, OrgPermissions.write.name);
  return deps.db.transaction(async (tx) => {
    const term = await repo.insertTerm(tx, { ...input, ...blanksAsNull(input, ['approvalDoc', 'remark']), orgId });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'union.term',
      entityType: 'organisation',
      entityId: orgId,
      orgId,
      orgPath: org.path,
      summary: `“${org.name}”换届选举（${input.electedOn}，任期 ${input.termYears} 年，主席 ${input.chairName}）`,
      after: { electedOn: input.electedOn, termYears: input.termYears, chairName: input.chairName },
    });
    return term;
  });
}
