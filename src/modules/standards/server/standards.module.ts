import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { defineServerModule } from '@platform/modules';
import { standardsModule } from '../shared/standards.module';
import { StandardPermissions } from '../shared/standard.permissions';
import { seedDemoStandardisation } from './standard-demo';
import { standardIndicators } from './standard.indicators';
import { assessmentsAwaitingReview, defaultSeries, ownAssessmentDue, returnedAssessments } from './standard.repository';
import { registerStandardRoutes } from './standard.routes';

const LIMIT = 500;

/** The standards module as the server mounts it; 待办: this year's own self-assessment, those to review, returned ones. */
export const standardsServer = defineServerModule({
  shared: standardsModule,
  indicators: standardIndicators,
  register: (app, deps) => registerStandardRoutes(app, deps),
  seedDemo: { load: seedDemoStandardisation },
  due: [
    {
      // A grassroots union assesses itself: its own assessment this year, until it is submitted.
      permission: StandardPermissions.assess.name,
      async list({ db, principal, today }) {
        const year = Number(today.slice(0, 4));
        const d = await defaultSeries(db);
        const own = d ? await ownAssessmentDue(db, principal.orgId, grassrootsKinds(), year, d.series) : null;
        if (!own) return [];
        return [
          {
            module: 'standards', kind: 'self', title: `${own.org_name}${year}年度自评`, orgName: own.org_name, deadline: null, overdue: false,
            action: own.status === 'draft' ? '完成并提交规范化建设自评' : '填报规范化建设自评', href: own.id ? `/standards/assessments/${own.id}` : '/standards',
          },
        ];
      },
    },
    {
      permission: StandardPermissions.review.name,
      async list({ db, scope, principal, today }) {
        const year = Number(today.slice(0, 4));
        const d = await defaultSeries(db);
        if (!d) return [];
        const rows = await assessmentsAwaitingReview(db, scope(), principal.orgId, year, d.series, LIMIT);
        return rows.map((r) => ({
          module: 'standards', kind: 'review', title: `${r.org_name}${year}年度自评`, orgName: r.org_name, deadline: null,
          overdue: false, action: '审核规范化建设自评', href: `/standards/assessments/${r.id}`,
        }));
      },
    },
    {
      permission: OrgPermissions.read.name,
      async list({ db, scope, today }) {
        const year = Number(today.slice(0, 4));
        const d = await defaultSeries(db);
        if (!d) return [];
        const rows = await returnedAssessments(db, scope(), year, d.series, LIMIT);
        return rows.map((r) => ({
          module: 'standards', kind: 'returned', title: `${r.org_name}${year}年度自评（已退回）`, orgName: r.org_name, deadline: null,
          overdue: false, action: '修改后重新提交自评', href: `/standards/assessments/${r.id}`,
        }));
      },
    },
  ],
});
