import { chinaToday } from '@platform/periods';
import type { CaseStatus } from '@modules/hardship/shared/case-machine';
import { ok, type FactoryKit } from './kit';
import { buildMember } from './member';

export interface BuiltCase {
  id: number;
  status: CaseStatus;
  memberId: number;
  [field: string]: unknown;
}

export interface CaseOptions {
  /** The grassroots union of the case; a member is created there (or give `memberId`). */
  org: { id: number };
  memberId?: number;
  /** The status to walk the case to, step by step through the declared lifecycle. Default `applied`. */
  status?: BuildableStatus;
  /** Monthly per-capita income of a household of 3, in yuan (default 600: below any 低保 threshold, 深度困难). */
  perCapitaYuan?: number;
}

const PDF = Buffer.from('%PDF-1.4\n% 授权委托书 (factory)\n%%EOF\n', 'utf8');

/** Every status but `withdrawn`, which only the applicant's own account can reach. */
export type BuildableStatus = Exclude<CaseStatus, 'withdrawn'>;

/** The steps from `applied` to each status (the lifecycle in src/modules/hardship/shared/case-machine.ts). */
const PATH: Record<BuildableStatus, string[]> = {
  applied: [],
  visiting: ['first_review'],
  visited: ['first_review', 'record_visit'],
  notice: ['first_review', 'record_visit', 'start_notice'],
  pending_filing: ['first_review', 'record_visit', 'start_notice', 'end_notice'],
  assisted: ['first_review', 'record_visit', 'start_notice', 'end_notice', 'file'],
  exited: ['first_review', 'record_visit', 'start_notice', 'end_notice', 'file', 'exit'],
  rejected: ['reject'],
};

/**
 * A hardship case walked to `status` through the API — every step checked by the case machine and audited, with
 * the signed authorisation, the visit and the consent each step needs. A status past the notice (公示) needs its
 * window to have run: the factory moves `t.clock` on past it, which ends every session — clients signed in
 * before must sign in again (the kit's administrator does so itself). The year's 全区 低保 threshold is set when
 * the database has none.
 */
export async function buildCase(kit: FactoryKit, options: CaseOptions): Promise<BuiltCase> {
  const status = options.status ?? 'applied';
  const year = Number(chinaToday(kit.t.clock.now).slice(0, 4));
  const settings = ok(await kit.admin.get('/api/hardship/settings'), 'hardship settings') as { thresholds: { place: string; year: number }[] };
  if (!settings.thresholds.some((th) => th.place === '全区' && th.year === year)) ok(await kit.admin.post('/api/hardship/thresholds', { place: '全区', year, minimumLivingFen: 105_000, source: '测试用低保标准' }), 'threshold');
  const memberId = options.memberId ?? (await buildMember(kit, { org: options.org, birth: '19800101' })).memberId;
  const perCapita = options.perCapitaYuan ?? 600;
  const assessment = {
    householdSize: 3,
    incomes: [{ kind: 'wage', annualFen: perCapita * 100 * 12 * 3 }],
    expenses: [],
    accidentLossFen: 0,
    members: [{ name: '配偶', relation: '配偶', health: 'serious', note: '测试用' }],
  };
  let c = ok(await kit.admin.post('/api/hardship/cases', { memberId, primaryCause: 'illness', assessment }), 'hardship case') as BuiltCase;
  const step = async (body: Record<string, unknown>) => (c = ok(await kit.admin.post(`/api/hardship/cases/${c.id}/steps`, body), `step ${String(body.action)}`));
  for (const action of PATH[status]) {
    if (action === 'record_visit') {
      ok(
        await kit.admin.request('POST', `/api/hardship/cases/${c.id}/files?kind=authorization&fileName=${encodeURIComponent('授权委托书.pdf')}`, PDF, { 'content-type': 'application/octet-stream' }),
        'authorisation upload',
      );
      await step({ action, visit: { visitedOn: chinaToday(kit.t.clock.now), visitors: '测试干事', findings: '家庭困难属实（测试）' } });
    } else if (action === 'start_notice') {
      ok(await kit.admin.post(`/api/hardship/cases/${c.id}/consent`, { covers: ['union', 'category'] }), 'consent');
      await step({ action });
    } else if (action === 'end_notice') {
      const endsOn = String(c.noticeEndsOn);
      const days = Math.round((Date.parse(`${endsOn}T00:00:00+08:00`) - Date.parse(`${chinaToday(kit.t.clock.now)}T00:00:00+08:00`)) / 86_400_000) + 1;
      kit.t.clock.advanceMinutes(days * 24 * 60);
      kit.admin = await kit.t.as(kit.adminUsername, kit.adminPassword);
      await step({ action });
    } else if (action === 'exit') {
      await step({ action, exitReason: 'death', opinion: '测试用退出' });
    } else if (action === 'reject') {
      await step({ action, opinion: '测试用不予建档' });
    } else {
      await step({ action });
    }
  }
  return c;
}
