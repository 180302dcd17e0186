import { and, count, eq, isNull, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '@platform/db';
import { memberships } from './member.table';

/** Open memberships of one union: how many, and the latest joining date among them. */
export async function openMembershipsOf(db: DbOrTx, orgId: number) {
  const [row] = await db
    .select({ n: count(), latest: max(memberships.joinedOn) })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.leftOn)));
  return { open: Number(row?.n ?? 0), latestJoinedOn: row?.latest ?? null };
}

/** Ends every open membership of a union on one date with one reason; returns the ended rows. */
export async function closeAllMemberships(db: DbOrTx, orgId: number, leftOn: string, reason: string, remark: string | null) {
  return db
    .update(memberships)
    .set({ leftOn, leaveReason: reason, remark: remark ?? sql`${memberships.remark}` })
    .where(and(eq(memberships.orgId, orgId), isNull(memberships.leftOn)))
    .returning({ id: memberships.id, memberId: memberships.memberId });
}

/** Opens, in `toOrgId`, a membership continuing each of the given (just closed) ones. */
export async function continueMemberships(db: DbOrTx, closed: { id: number; memberId: number }[], toOrgId: number, joinedOn: string, remark: string | null) {
  if (closed.length === 0) return;
  for (let i = 0; i < closed.length; i += 1000) {
    await db.insert(memberships).values(
      closed.slice(i, i + 1000).map((c) => ({ memberId: c.memberId, orgId: toOrgId, joinedOn, channel: 'transfer', fromMembershipId: c.id, remark })),
    );
  }
}
