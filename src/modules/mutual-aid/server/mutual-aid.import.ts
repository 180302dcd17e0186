import { z } from 'zod';
import { reachesPrincipal, pathInScope, scopeFor } from '@platform/access';
import { lockKey } from '@platform/db';
import { parseImportDate, type ImportSpec, type ImportTarget, type PreparedRow } from '@platform/imports';
import { chinaToday } from '@platform/periods';
import { idNumberIndex, membersWithUnionByIdIdx } from '@modules/members/server';
import { MutualAidPermissions } from '../shared/mutual-aid.permissions';
import { MutualAidErrors } from './mutual-aid.errors';
import * as repo from './mutual-aid.repository';
import { enrolmentRefusal } from './mutual-aid.service';

export const ENROLMENT_IMPORT_COLUMNS = [
  { key: 'idNumber', header: '居民身份证号码', required: true, aliases: ['身份证号码', '身份证号'], note: '18 位；须是本单位在会会员', example: '320102199001011234', width: 22 },
  { key: 'name', header: '姓名', required: true, note: '与会员档案一致', example: '张三', width: 10 },
  { key: 'shares', header: '份数', note: '整数，不填为 1 份，不超过计划每人最多份数', example: '1', width: 8 },
  { key: 'paidOn', header: '缴费日期', required: true, note: '如 2026-03-15', example: '2026-03-15', width: 14 },
];

/** New enrolments go straight into the ledger by COPY inside the import's one transaction. */
export const ENROLMENT_TARGET: ImportTarget = { table: 'mutual_aid_enrolments', columns: ['plan_id', 'member_id', 'org_id', 'shares', 'premium_fen', 'paid_on', 'status', 'source'] };

const ParamsSchema = z.object({ planId: z.coerce.number({ message: '请选择互助计划' }).int().positive().meta({ title: '互助计划' }) });

async function openPlanFor(db: Parameters<typeof repo.planById>[0], principal: Parameters<typeof scopeFor>[0], planId: number, today: string) {
  const plan = await repo.planById(db, planId);
  if (!plan || !reachesPrincipal(principal, MutualAidPermissions.read.name, plan.orgPath)) throw MutualAidErrors.PLAN_NOT_FOUND();
  const refusal = enrolmentRefusal(plan.p, today);
  if (refusal) throw MutualAidErrors.PLAN_CLOSED(refusal);
  return plan;
}

/**
 * 批量参保: a union's list of members for one plan (the `planId` upload parameter), through the platform's import
 * engine — every row checked (ID check digit, a member of a union in the importer's scope under the plan's
 * union, the name matching the register, shares within the plan's limit, not enrolled yet, not twice in the
 * file); nothing is written unless every row is right.
 */
export function enrolmentImportSpec(): ImportSpec {
  return {
    kind: 'mutual-aid-enrolments',
    label: '大病互助参保名单',
    permission: MutualAidPermissions.write.name,
    columns: ENROLMENT_IMPORT_COLUMNS,
    tags: ['大病互助'],
    textColumns: ['idNumber', 'paidOn'],
    params: {
      schema: ParamsSchema,
      async accept(deps, principal, params) {
        await openPlanFor(deps.db, principal, ParamsSchema.parse(params).planId, chinaToday(deps.now()));
      },
    },
    targets: [ENROLMENT_TARGET],
    // The plan's enrolments are serialised with manual enrolment (`enrol`): "not enrolled yet" is read after it.
    lock: (tx, ctx) => lockKey(tx, 'mutualaid.plan-enrolments', ParamsSchema.parse(ctx.params).planId),
    async prepare(db, rows, ctx): Promise<PreparedRow[]> {
      const today = chinaToday(ctx.deps.now());
      const plan = await openPlanFor(db, ctx.principal, ParamsSchema.parse(ctx.params).planId, today);
      const writable = scopeFor(ctx.principal, MutualAidPermissions.write.name);
      const parsed = rows.map(({ values: v }) => {
        const errors: string[] = [];
        const id = idNumberIndex(ctx.deps.cipher, v.idNumber ?? '', today);
        if ('error' in id) errors.push(id.error);
        const name = (v.name ?? '').replace(/\s+/g, '');
        if (!name) errors.push('姓名不能为空');
        const sharesText = (v.shares ?? '').trim();
        const shares = sharesText === '' ? 1 : /^\d+$/.test(sharesText) ? Number(sharesText) : NaN;
        if (!Number.isInteger(shares) || shares < 1) errors.push('份数应为正整数');
        else if (shares > plan.p.maxShares) errors.push(`份数超过本计划每人最多 ${plan.p.maxShares} 份`);
        const paidOn = parseImportDate(v.paidOn ?? '');
        if (!paidOn) errors.push('缴费日期格式不正确，应为如 2026-03-15 的日期');
        else if (paidOn > today) errors.push('缴费日期不能晚于今天');
        return { errors, idx: 'idx' in id ? id.idx : null, name, shares, paidOn };
      });
      const found = new Map((await membersWithUnionByIdIdx(db, parsed.flatMap((p) => (p.idx ? [p.idx] : [])))).map((m) => [m.idNumberIdx, m]));
      const enrolled = new Set((await repo.enrolledAmong(db, plan.p.id, [...found.values()].map((m) => m.id))).map((e) => e.memberId));
      return parsed.map((p): PreparedRow => {
        const m = p.idx ? found.get(p.idx) : undefined;
        if (p.idx && !m) p.errors.push('没有这个身份证号码的在会会员');
        else if (m && !(pathInScope(writable, m.orgPath) && m.orgPath.startsWith(plan.orgPath))) p.errors.push('该会员不在您的管辖范围内');
        else if (m && m.name !== p.name) p.errors.push(`姓名与会员档案不一致（档案为“${m.name}”）`);
        else if (m && enrolled.has(m.id)) p.errors.push('该会员已参加（或曾参加后退保）本计划，请在参保名单中办理');
        if (p.errors.length || !m) return { errors: p.errors };
        return {
          outcome: 'inserted',
          key: String(m.id),
          keyLabel: '会员',
          stage: [[ENROLMENT_TARGET.table, [plan.p.id, m.id, m.orgId, p.shares, p.shares * plan.p.premiumFen, p.paidOn!, 'enrolled', 'import']]],
        };
      });
    },
  };
}
