import type { Tx } from '@platform/db';
import type { DemoLoadContext } from '@platform/modules';
import { DEFAULT_TEMPLATE } from '../shared/default-template';
import { insertReport } from './report.repository';

/** The demo district federation's 2024 report, a draft on the default template, started by its administrator. */
export async function seedDemoReport(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  await insertReport(tx, {
    orgId: ctx.orgs.find((o) => o.kind === 'federation')!.id,
    period: '2024',
    title: '云溪区总工会2024年领导班子述职述廉述学报告',
    sections: DEFAULT_TEMPLATE,
    createdBy: ctx.accounts.admin!.id,
  });
  return '1 份述职报告草稿';
}
