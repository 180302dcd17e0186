import { scopeFor, type Scope } from '@platform/access';
import { writeAudit } from '@platform/audit';
import { actorOf, type ActionContext, type AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import type { IndicatorCatalogue } from '@platform/indicators';
import { parsePeriod, samePeriodLastYear, type Period } from '@platform/periods';
import { findOrgInScope } from '@modules/organisations/server';
import { DEFAULT_TEMPLATE, type ReportSection } from '../shared/default-template';
import type { IndicatorDefinitionDto } from '../shared/indicator.schema';
import { placeholderNames, tokenize } from '../shared/placeholders';
import { ReportPermissions } from '../shared/report.permissions';
import type { RenderedReport, RenderedToken, ReportDto } from '../shared/report.schema';
import { presentDefinition } from './indicator.routes';
import { ReportErrors } from './report.errors';
import * as repo from './report.repository';
import type { ReportWithNames } from './report.repository';

/** What a finalised report keeps forever: every figure's value and the definitions used. */
export interface ReportSnapshot {
  values: Record<string, { code: string; value: number | null; unit: string; lastYearValue: number | null }>;
  context: Record<string, string>;
  definitions: IndicatorDefinitionDto[];
  lastYearPeriodLabel: string;
}

const writeScope = (ctx: ActionContext): Scope => scopeFor(ctx.principal, ReportPermissions.write.name);

export function presentReport(r: ReportWithNames): ReportDto {
  return {
    id: r.report.id,
    orgId: r.report.orgId,
    orgName: r.orgName,
    period: r.report.period,
    periodLabel: parsePeriod(r.report.period)?.label ?? r.report.period,
    title: r.report.title,
    status: r.report.status as 'draft' | 'final',
    sections: r.report.sections as ReportSection[],
    createdBy: r.createdByName,
    createdAt: r.report.createdAt.toISOString(),
    updatedAt: r.report.updatedAt.toISOString(),
    finalisedAt: r.report.finalisedAt?.toISOString() ?? null,
    finalisedBy: r.finalisedByName,
    basedOnReportId: r.report.basedOnReportId,
  };
}

/** Placeholders that are not indicators but facts of the report itself. */
function contextValues(orgName: string, period: Period): Record<string, string> {
  return { 组织名称: orgName, 单位名称: orgName, 统计期: period.label, 年度: period.label };
}

/** Computes, live from the ledgers, every figure the sections use (for the report's subtree and period). */
export async function computeSnapshot(
  db: DbOrTx,
  catalogue: IndicatorCatalogue,
  orgPath: string,
  orgName: string,
  periodId: string,
  sections: ReportSection[],
): Promise<ReportSnapshot & { missing: string[] }> {
  const period = parsePeriod(periodId)!;
  const lastYear = samePeriodLastYear(period);
  const context = contextValues(orgName, period);
  const values: ReportSnapshot['values'] = {};
  const definitions = new Map<string, IndicatorDefinitionDto>();
  const missing: string[] = [];
  for (const name of placeholderNames(sections)) {
    if (name in context) continue;
    const d = catalogue.find(name);
    if (!d) {
      missing.push(name);
      continue;
    }
    const now = await catalogue.value(db, d.code, { rootPath: orgPath, period });
    const before = await catalogue.value(db, d.code, { rootPath: orgPath, period: lastYear });
    values[name] = { code: d.code, value: now.value, unit: d.unit, lastYearValue: before.value };
    definitions.set(d.code, presentDefinition(d, catalogue));
    if (d.kind === 'rate') {
      for (const part of [d.numerator, d.denominator]) definitions.set(part, presentDefinition(catalogue.get(part)!, catalogue));
    }
  }
  return { values, context, definitions: [...definitions.values()], lastYearPeriodLabel: lastYear.label, missing };
}

const formatNumber = (v: number) => v.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function renderTokens(text: string, snap: ReportSnapshot, missing: Set<string>): RenderedToken[] {
  return tokenize(text).map((t): RenderedToken => {
    if (t.type === 'text') return t;
    if (t.name in snap.context) return { type: 'text', text: snap.context[t.name]! };
    const v = snap.values[t.name];
    if (!v || missing.has(t.name)) {
      return { type: 'figure', name: t.name, code: null, text: null, value: null, unit: null, lastYearValue: null, missing: true };
    }
    return {
      type: 'figure',
      name: t.name,
      code: v.code,
      text: v.value === null ? '—' : formatNumber(v.value),
      value: v.value,
      unit: v.unit,
      lastYearValue: v.lastYearValue,
      missing: false,
    };
  });
}

/** What stops a draft from being finalised, in the words the refusal uses; shown on the 定稿 button beforehand. */
function finaliseBlockers(missing: string[]): string[] {
  return missing.length ? [`以下数字尚无台账可以计算，请删除或改写后再定稿：${missing.join('、')}`] : [];
}

/** A report with every placeholder resolved: live for a draft, from the frozen snapshot once final. */
export async function renderReport(deps: AppDeps, catalogue: IndicatorCatalogue, r: ReportWithNames): Promise<RenderedReport> {
  const sections = r.report.sections as ReportSection[];
  let snap: ReportSnapshot;
  let missing: string[];
  if (r.report.status === 'final' && r.report.snapshot) {
    snap = r.report.snapshot as ReportSnapshot;
    missing = [];
  } else {
    const live = await computeSnapshot(deps.readDb, catalogue, r.orgPath, r.orgName, r.report.period, sections);
    snap = live;
    missing = live.missing;
  }
  const missingSet = new Set(missing);
  const draft = r.report.status !== 'final';
  const zeroFigures = draft
    ? [...new Set(sections.flatMap((s) => [s.heading, ...s.paragraphs]).flatMap((text) => renderTokens(text, snap, missingSet)).flatMap((t) => (t.type === 'figure' && !t.missing && t.value === 0 ? [t.name] : [])))]
    : [];
  return {
    report: presentReport(r),
    finaliseBlockers: draft ? finaliseBlockers(missing) : [],
    zeroFigures,
    lastYearPeriodLabel: snap.lastYearPeriodLabel,
    sections: sections.map((s) => ({
      heading: renderTokens(s.heading, snap, missingSet),
      paragraphs: s.paragraphs.map((p) => renderTokens(p, snap, missingSet)),
    })),
    missing,
    source: r.report.status === 'final' ? 'snapshot' : 'live',
  };
}

async function requireReport(db: DbOrTx, scope: Scope, id: number) {
  const r = await repo.findReportInScope(db, scope, id);
  if (!r) throw ReportErrors.NOT_FOUND();
  return r;
}

/** Starts a draft for the actor's own subtree (or one inside it) from the default template. */
export async function createReport(deps: AppDeps, ctx: ActionContext, input: { orgId: number; period: string; title?: string | undefined }) {
  return deps.db.transaction(async (tx) => {
    const org = await findOrgInScope(tx, writeScope(ctx), input.orgId);
    if (!org) throw ReportErrors.ORG_NOT_FOUND();
    const period = parsePeriod(input.period)!;
    const row = await repo.insertReport(tx, {
      orgId: org.org.id,
      period: period.id,
      title: input.title ?? `${org.org.name}${period.label}领导班子述职述廉述学报告`,
      sections: DEFAULT_TEMPLATE,
      createdBy: ctx.principal.accountId,
    });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'report.create',
      entityType: 'report',
      entityId: row.id,
      orgId: org.org.id,
      orgPath: org.org.path,
      summary: `新建述职报告「${row.title}」`,
    });
    return row.id;
  });
}

export async function updateReport(
  deps: AppDeps,
  ctx: ActionContext,
  id: number,
  input: { title?: string | undefined; sections?: ReportSection[] | undefined },
) {
  await deps.db.transaction(async (tx) => {
    const r = await requireReport(tx, writeScope(ctx), id);
    if (r.report.status === 'final') throw ReportErrors.FINAL();
    const updated = await repo.updateDraft(tx, id, { title: input.title, sections: input.sections });
    if (!updated) throw ReportErrors.FINAL();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'report.update',
      entityType: 'report',
      entityId: id,
      orgId: r.report.orgId,
      orgPath: r.orgPath,
      summary: `修改述职报告「${updated.title}」`,
      before: { title: r.report.title },
      after: { title: updated.title },
    });
  });
}

/**
 * Freezes a report: text, every value and the definitions used go into the snapshot; afterwards neither
 * the service nor the database (trigger) lets it change. Refused while a placeholder has no indicator.
 */
export async function finaliseReport(deps: AppDeps, ctx: ActionContext, catalogue: IndicatorCatalogue, id: number) {
  await deps.db.transaction(async (tx) => {
    const r = await requireReport(tx, writeScope(ctx), id);
    if (r.report.status === 'final') throw ReportErrors.FINAL();
    const snap = await computeSnapshot(tx, catalogue, r.orgPath, r.orgName, r.report.period, r.report.sections as ReportSection[]);
    const blockers = finaliseBlockers(snap.missing);
    if (blockers.length) throw ReportErrors.MISSING_FIGURES(blockers.join('；'));
    const { missing: _m, ...snapshot } = snap;
    const done = await repo.updateDraft(tx, id, { status: 'final', snapshot, finalisedAt: deps.now(), finalisedBy: ctx.principal.accountId });
    if (!done) throw ReportErrors.FINAL();
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'report.finalise',
      entityType: 'report',
      entityId: id,
      orgId: r.report.orgId,
      orgPath: r.orgPath,
      summary: `定稿述职报告「${r.report.title}」（${Object.keys(snapshot.values).length} 个数字已固化）`,
      after: { values: Object.fromEntries(Object.entries(snapshot.values).map(([k, v]) => [k, v.value])) },
    });
  });
}

/** A new draft from any report (typically a finalised one), with its text. */
export async function copyReport(deps: AppDeps, ctx: ActionContext, id: number) {
  return deps.db.transaction(async (tx) => {
    const r = await requireReport(tx, writeScope(ctx), id);
    const row = await repo.insertReport(tx, {
      orgId: r.report.orgId,
      period: r.report.period,
      title: r.report.title,
      sections: r.report.sections,
      basedOnReportId: r.report.id,
      createdBy: ctx.principal.accountId,
    });
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'report.copy',
      entityType: 'report',
      entityId: row.id,
      orgId: r.report.orgId,
      orgPath: r.orgPath,
      summary: `以报告 #${r.report.id} 为基础新建草稿「${row.title}」`,
    });
    return row.id;
  });
}
