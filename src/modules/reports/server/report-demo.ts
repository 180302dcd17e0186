import type { Tx } from '@platform/db';
import type { DemoLoadContext } from '@platform/modules';
import { DEFAULT_TEMPLATE } from '../shared/default-template';
import { insertReport } from './report.repository';

/** The demo district federation's report on the year it is seeded in (a December report reviews the year so far), a draft on the default template. */
export async function seedDemoReport(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const year = ctx.today.slice(0, 4);
  await insertReport(tx, {
    orgId: ctx.orgs.find((o) => o.kind === 'federation')!.id,
    period: year,
    title: `云溪区总工会${year}年领导班子述职述廉述学报告`,
    sections: DEFAULT_TEMPLATE,
    createdBy: ctx.accounts.admin!.id,
  });
  return '1 份述职报告草稿';
}
