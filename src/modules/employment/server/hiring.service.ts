import { scopeFor } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import { defineErrors } from '@platform/errors/app-error';
import { addDays, chinaToday } from '@platform/periods';
import { maskPhone } from '@platform/privacy';
import { RETENTION_ACTOR, type RetentionRule } from '@platform/retention';
import { parseUscc } from '@platform/validation';
import { findOrgInScope } from '@modules/organisations/server';
import { EmploymentPermissions } from '../shared/employment.module';
import type { HiringInput } from '../shared/hiring.ledger';
import * as repo from './hiring.repository';

export const HiringErrors = defineErrors('HIRING', {
  NOT_FOUND: { status: 404, message: '这条用工信息不存在或不在您的管辖范围内' },
  UNION_NOT_FOUND: { status: 404, message: '录入工会不存在或不在您的管辖范围内' },
  UNION_CLOSED: { status: 409, message: '录入工会已撤销，不能再录入用工信息' },
  BAD_USCC: { status: 400, message: '统一社会信用代码不正确' },
  FUTURE_DATE: { status: 400, message: '录入日期不能晚于今天' },
  PAY_RANGE: { status: 400, message: '月薪下限不能高于上限' },
  VALID_UNTIL: { status: 400, message: '有效期至不能早于录入日期' },
  TOO_LONG: { status: 400, message: '有效期最长一年：有效期至不能晚于录入日期后 366 天' },
  ALREADY_FILLED: { status: 409, message: '这条用工信息已标记为已招满' },
  NOT_OPEN: { status: 404, message: '这个岗位已招满、已过期或不存在' },
  NOT_KEEPER: { status: 403, message: '只有发布这条岗位的工会可以查看求职者的手机号码（求职者只同意提供给这个工会）' },
  INTEREST_NOT_FOUND: { status: 404, message: '这条求职意向不存在' },
});

const write = (ctx: ActionContext) => scopeFor(ctx.principal, EmploymentPermissions.write.name);

/** The rules that span fields, on the values the record will hold (a change is checked merged with the record). */
export function checkHiring(v: Pick<HiringInput, 'employerUscc' | 'recordedOn' | 'validUntil'> & { payMin?: number | null; payMax?: number | null }, today: string): string {
  const uscc = parseUscc(v.employerUscc);
  if ('error' in uscc) throw HiringErrors.BAD_USCC(uscc.error);
  if (v.recordedOn > today) throw HiringErrors.FUTURE_DATE();
  if (v.payMin != null && v.payMax != null && v.payMin > v.payMax) throw HiringErrors.PAY_RANGE();
  if (v.validUntil < v.recordedOn) throw HiringErrors.VALID_UNTIL();
  if (v.validUntil > addDays(v.recordedOn, 366)) throw HiringErrors.TOO_LONG();
  return uscc.uscc;
}

/** Records a post under a union in the writer's scope, with its audit row. */
export async function createPost(deps: AppDeps, ctx: ActionContext, input: HiringInput) {
  const uscc = checkHiring(input, chinaToday(deps.now()));
  return deps.db.transaction(async (tx) => {
    const union = await findOrgInScope(tx, write(ctx), input.orgId);
    if (!union) throw HiringErrors.UNION_NOT_FOUND();
    if (union.org.closedOn) throw HiringErrors.UNION_CLOSED();
    const row = await repo.insertPost(tx, { ...input, employerUscc: uscc });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hiring.create', entityType: 'hiring_post', entityId: row.id, orgId: union.org.id, orgPath: union.org.path, summary: `录入企业用工信息“${row.employerName} · ${row.post}”`, after: row });
    return row;
  });
}

/** Changes a post's fields (the keeping union stays); checked merged with what the record holds. */
export async function updatePost(deps: AppDeps, ctx: ActionContext, id: number, input: Partial<Omit<HiringInput, 'orgId'>>) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findPost(tx, write(ctx), today, id);
    if (!found) throw HiringErrors.NOT_FOUND();
    const uscc = checkHiring({ ...found.post, ...input }, today);
    const row = await repo.updatePost(tx, id, { ...input, employerUscc: uscc });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hiring.update', entityType: 'hiring_post', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `修改企业用工信息“${row.employerName} · ${row.post}”`, before: found.post, after: row });
    return row;
  });
}

/** Marks a post filled today (已招满): it leaves the open posts; the record stays and still counts as entered. */
export async function fillPost(deps: AppDeps, ctx: ActionContext, id: number) {
  const today = chinaToday(deps.now());
  return deps.db.transaction(async (tx) => {
    const found = await repo.findPost(tx, write(ctx), today, id);
    if (!found) throw HiringErrors.NOT_FOUND();
    if (found.post.filledOn) throw HiringErrors.ALREADY_FILLED();
    const row = await repo.updatePost(tx, id, { filledOn: today });
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hiring.fill', entityType: 'hiring_post', entityId: id, orgId: row.orgId, orgPath: found.orgPath, summary: `企业用工信息“${row.employerName} · ${row.post}”已招满`, before: { filledOn: null }, after: { filledOn: today } });
    return row;
  });
}

/** Bound to the row by its unique key (post and the phone's blind index), known before the insert. */
const phoneContext = (postId: number, phoneIdx: string) => ({ table: 'hiring_interests', column: 'phone', rowId: `${postId}:${phoneIdx}` });
/** Interests written before 2026-12-03 were bound to the post only. */
const legacyPhoneContext = (postId: number) => ({ table: 'hiring_interests', column: 'phone', rowId: `post-${postId}` });

/** How long a worker's 我有意向 is kept after its post closes (filled or past its validity): long enough to call back. */
export const INTEREST_KEEP_DAYS = 90;

/** A worker's 我有意向 from the public page (no account): kept once per post and phone, the phone encrypted. */
export async function registerInterest(deps: AppDeps, ip: string, postId: number, v: { name: string; phone: string; message?: string | null }) {
  return deps.db.transaction(async (tx) => {
    const post = await repo.openPost(tx, chinaToday(deps.now()), postId);
    if (!post) throw HiringErrors.NOT_OPEN();
    const phoneIdx = deps.cipher.blindIndex(v.phone, 'hiring_interest.phone');
    const row = await repo.insertInterest(tx, { postId, name: v.name, phoneIdx, phoneMasked: maskPhone(v.phone)!, phoneEnc: deps.cipher.encrypt(v.phone, phoneContext(postId, phoneIdx)), message: v.message ?? null });
    const answer = { postId, orgName: post.orgName, message: `已告诉${post.orgName}，工作人员会用您留的手机号码联系您` };
    // A number that already said so gets the same answer: the page must not tell anyone which numbers applied.
    if (!row) return answer;
    // The audit log is kept for ever: it names the interest by its number, never the worker (deleted with it later).
    await writeAudit(tx, { actor: { accountId: null, name: '求职者（公开页）', ip }, action: 'hiring.interest', entityType: 'hiring_post', entityId: postId, orgId: post.orgId, orgPath: post.orgPath, summary: `公开页登记求职意向：${post.post}（求职意向 #${row.id}）` });
    return answer;
  });
}

/** The full phone of an interest, for the union keeping the post only (the worker consented to that union); audited. */
export async function revealInterestPhone(deps: AppDeps, ctx: ActionContext, postId: number, interestId: number) {
  return deps.db.transaction(async (tx) => {
    const found = await repo.findPost(tx, write(ctx), chinaToday(deps.now()), postId);
    if (!found) throw HiringErrors.NOT_FOUND();
    if (found.post.orgId !== ctx.principal.orgId) throw HiringErrors.NOT_KEEPER();
    const interest = await repo.findInterest(tx, postId, interestId);
    if (!interest) throw HiringErrors.INTEREST_NOT_FOUND();
    await writeAudit(tx, { actor: actorOf(ctx), action: 'hiring.interest_reveal', entityType: 'hiring_post', entityId: postId, orgId: found.post.orgId, orgPath: found.orgPath, summary: `查看求职意向 #${interest.id} 的手机号码（${found.post.post}）` });
    return { phone: openPhone(deps, interest) };
  });
}

function openPhone(deps: AppDeps, interest: { postId: number; phoneIdx: string; phoneEnc: string }) {
  try {
    return deps.cipher.decrypt(interest.phoneEnc, phoneContext(interest.postId, interest.phoneIdx));
  } catch (err) {
    // Only a row written under the old post-wide binding may open with it; anything else stays refused.
    try {
      return deps.cipher.decrypt(interest.phoneEnc, legacyPhoneContext(interest.postId));
    } catch {
      throw err;
    }
  }
}

/**
 * PIPL Art. 19: a worker's name, phone and message left on the public page serve the call back for that post, so
 * they are deleted once the post has been closed for {@link INTEREST_KEEP_DAYS} days; one audit row per post says so.
 */
export const interestRetention: RetentionRule = {
  name: 'employment.interests',
  label: `岗位招满或过期 ${INTEREST_KEEP_DAYS} 天后，删除求职者在公开页留下的姓名、手机号码和留言`,
  async purge(tx, today) {
    const stale = await repo.postsWithStaleInterests(tx, addDays(today, -INTEREST_KEEP_DAYS));
    // Audited from what the delete removed: a run overlapping another (a second process) says only what it did.
    const deleted = await repo.deleteInterestsOf(tx, stale.map((p) => p.id));
    const byPost = new Map<number, number>();
    for (const postId of deleted) byPost.set(postId, (byPost.get(postId) ?? 0) + 1);
    for (const p of stale) {
      const n = byPost.get(p.id);
      if (n) await writeAudit(tx, { actor: RETENTION_ACTOR, action: 'hiring.interest_purge', entityType: 'hiring_post', entityId: p.id, orgId: p.orgId, orgPath: p.orgPath, summary: `岗位“${p.employerName} · ${p.post}”招满或过期已满 ${INTEREST_KEEP_DAYS} 天，依法删除 ${n} 条求职意向（姓名、手机号码、留言）` });
    }
    return deleted.length;
  },
};
