import type { Tx } from '@platform/db';
import { demoPdf, storeFile } from '@platform/files';
import type { DemoLoadContext } from '@platform/modules';
import { addDays } from '@platform/periods';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { gradeOf } from '../shared/standard.schema';
import { STANDARD_TEMPLATES } from '../shared/standard-templates';
import { insertAssessment, insertChecklist, insertEvidence, insertHonours, insertItems, insertScores } from './standard.repository';

interface Union {
  id: number;
  name: string;
  path: string;
  parentId: number | null;
}

const LEVELS = ['district', 'district', 'district', 'city', 'city', 'province', 'national'] as const;
const BODIES = { district: '云溪区总工会', city: '市总工会', province: '省总工会', national: '中华全国总工会' } as const;

/**
 * The demo district's standardisation, from its organisations and accounts: the street accounts review their
 * streets' unions (the district administrator the others), the grassroots account submits, and its union keeps
 * this year open. Draws from a stream of its own (seed 13).
 */
export async function seedDemoStandardisation(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const grassroots = new Set<string>(grassrootsKinds());
  const reviewerOf = (username: string) => ({ accountId: ctx.accounts[username]!.id, name: `${ctx.accounts[username]!.displayName}（${username}）` });
  const made = await seedDemoStandards(
    tx,
    ctx.orgs.find((r) => r.kind === 'federation')!,
    ctx.orgs.filter((r) => grassroots.has(r.kind)).map((r) => ({ id: r.id, name: r.name, path: r.path, parentId: r.parentId })),
    ctx.random(13),
    {
      year: Number(ctx.today.slice(0, 4)),
      today: ctx.today,
      reviewers: new Map([
        [ctx.accounts.jinxiu!.orgId, reviewerOf('jinxiu')],
        [ctx.accounts.songling!.orgId, reviewerOf('songling')],
      ]),
      fallbackReviewer: reviewerOf('admin'),
      submitter: ctx.accounts.union!.id,
      keepOpen: ctx.accounts.union!.orgId,
    },
  );
  return `${made.assessments} 份规范化建设自评、${made.honours} 项荣誉`;
}

/**
 * Standardisation: the 六有 and 六好 standards (published), last year's 六有 assessments reviewed for most
 * unions, this year's in every state (not started, draft, submitted, returned, reviewed), and honours.
 * `keepOpen` stays 未自评 this year (the demo grassroots account starts it itself).
 */
async function seedDemoStandards(
  tx: Tx,
  root: { id: number; path: string },
  unions: Union[],
  rnd: () => number,
  o: { year: number; today: string; reviewers: Map<number, { accountId: number; name: string }>; fallbackReviewer: { accountId: number; name: string }; submitter: number; keepOpen: number },
) {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const checklists: { id: number; series: string; items: { id: number; title: string; maxScore: number; evidenceHint: string | null }[]; bands: { label: string; minScore: number }[] }[] = [];
  for (const t of STANDARD_TEMPLATES) {
    const c = await insertChecklist(tx, { series: t.series, name: t.input.name, version: 1, description: t.input.description, effectiveFrom: t.input.effectiveFrom, status: 'published', gradeBands: t.input.gradeBands, publishedAt: new Date(`${t.input.effectiveFrom}T09:00:00+08:00`) });
    const items = await insertItems(tx, c.id, t.input.items.map((it) => ({ title: it.title, description: it.description, maxScore: it.maxScore, evidenceHint: it.evidenceHint })));
    checklists.push({ id: c.id, series: t.series, items, bands: t.input.gradeBands });
  }
  const liuyou = checklists[0]!;

  // One shared evidence file per item (the demo does not need thousands of copies of the same bytes).
  const evidenceFile = new Map<number, number>();
  for (const item of liuyou.items) {
    const content = demoPdf(item.title.replace(/[^\x20-\x7e]/g, '') || `item ${item.id}`);
    const f = await storeFile(tx, { orgId: root.id, orgPath: root.path, purpose: 'standard.evidence', name: `${item.evidenceHint?.split('、')[0] ?? item.title}.pdf`, content, uploadedBy: o.submitter, maxBytes: content.length });
    evidenceFile.set(item.id, f.id);
  }

  let assessments = 0;
  const addAssessment = async (u: Union, year: number, status: 'draft' | 'submitted' | 'returned' | 'reviewed') => {
    const quality = rnd();
    const scores = liuyou.items.map((it) => {
      const self = Math.max(0, Math.min(it.maxScore, Math.round(it.maxScore * (0.55 + 0.45 * quality) + int(-2, 1))));
      return { itemId: it.id, self, review: Math.max(0, self - int(0, 2)) };
    });
    const scored = status === 'draft' ? scores.slice(0, int(0, scores.length - 1)) : scores;
    const selfTotal = scored.reduce((n, s) => n + s.self, 0);
    const reviewTotal = scores.reduce((n, s) => n + s.review, 0);
    const reviewer = o.reviewers.get(u.parentId ?? 0) ?? o.fallbackReviewer;
    const daysAgo = int(3, 40);
    const submittedOn = year < o.year ? `${year}-11-${String(int(10, 28)).padStart(2, '0')}` : addDays(o.today, -daysAgo);
    const reviewedOn = year < o.year ? `${year}-12-${String(int(5, 28)).padStart(2, '0')}` : addDays(o.today, -int(0, daysAgo - 1));
    const grade = gradeOf(liuyou.bands, reviewTotal);
    const assessmentId = await insertAssessment(tx, {
        orgId: u.id,
        year,
        series: liuyou.series,
        checklistId: liuyou.id,
        status,
        selfTotal,
        reviewTotal: status === 'reviewed' ? reviewTotal : null,
        grade: status === 'reviewed' ? grade.label : null,
        passed: status === 'reviewed' ? grade.passed : null,
        reviewOpinion: status === 'returned' ? '“有自主管理的工会经费”缺少年度经费审查报告，请补充后重新提交。' : status === 'reviewed' ? '材料齐全，同意评定。' : null,
        submittedAt: status === 'draft' ? null : new Date(`${submittedOn}T10:00:00+08:00`),
        submittedBy: status === 'draft' ? null : o.submitter,
        reviewedAt: status === 'reviewed' || status === 'returned' ? new Date(`${reviewedOn}T15:00:00+08:00`) : null,
        reviewedBy: status === 'reviewed' || status === 'returned' ? reviewer.accountId : null,
        reviewerName: status === 'reviewed' || status === 'returned' ? reviewer.name : null,
    });
    await insertScores(tx, scored.map((s) => ({ assessmentId, itemId: s.itemId, selfScore: s.self, reviewScore: status === 'reviewed' ? s.review : null })));
    await insertEvidence(tx, scored.filter((s) => s.self > 0).map((s) => ({ assessmentId, itemId: s.itemId, fileId: evidenceFile.get(s.itemId)! })));
    assessments++;
  };

  for (const u of unions) {
    if (rnd() < 0.9) await addAssessment(u, o.year - 1, 'reviewed');
    if (u.id === o.keepOpen) continue;
    const r = rnd();
    if (r < 0.3) await addAssessment(u, o.year, 'reviewed');
    else if (r < 0.5) await addAssessment(u, o.year, 'submitted');
    else if (r < 0.58) await addAssessment(u, o.year, 'returned');
    else if (r < 0.8) await addAssessment(u, o.year, 'draft');
  }

  // Honours: model workers' homes and small homes over the last years, two revoked at a later review (复查).
  const honours = [];
  for (let i = 0; i < 40; i++) {
    const u = unions[int(0, unions.length - 1)]!;
    const level = LEVELS[int(0, LEVELS.length - 1)]!;
    const year = o.year - int(0, 7);
    const title = level === 'district' ? (rnd() < 0.5 ? '先进职工之家' : '职工小家') : rnd() < 0.7 ? '模范职工之家' : '模范职工小家';
    honours.push({
      orgId: u.id,
      title,
      level,
      year,
      awardingBody: BODIES[level],
      docNo: `${BODIES[level].replace('中华全国', '全').replace('总工会', '工')}〔${year}〕${int(3, 60)}号`,
      revokedOn: i < 2 ? `${Math.min(o.year, year + 3)}-06-30` : null,
      revokeReason: i < 2 ? '动态复查未通过：会员评家满意度低于 90%' : null,
    });
  }
  await insertHonours(tx, honours);
  return { checklists: checklists.length, assessments, honours: honours.length };
}
