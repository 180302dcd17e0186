import { withIdCheckDigit } from '@platform/validation';
import { DEMO_GIVEN as GIVEN, DEMO_SURNAMES as SURNAMES } from '@platform/modules';

const JOBS = ['快递员', '外卖配送员', '操作工', '技术员', '销售员', '网约车司机', '行政文员', '货车司机'];

/** Row i of the benchmark roster: unique, valid ID number and phone; deterministic. */
export function rosterRow(i: number, orgCodes: string[]): string[] {
  const day = new Date(Date.UTC(1970, 0, 1) + (i % 10_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const id = withIdCheckDigit(`320102${day}${String(Math.floor(i / 10_000)).padStart(3, '0')}`);
  const name = SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]! + GIVEN[(i * 7) % GIVEN.length]!;
  return [name, '', '汉族', id, `13${String(i).padStart(9, '0')}`, '大学专科', '群众', JOBS[i % JOBS.length]!, i % 5 === 0 ? '是' : '否', '', orgCodes[i % orgCodes.length]!, '2024-03-01', ''];
}
