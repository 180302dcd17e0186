import { addDays } from '@platform/periods';
import { demoDraws, type DemoLoadContext } from '@platform/modules';
import type { Tx } from '@platform/db';
import { withUsccCheckDigit } from '@platform/validation';
import { grassrootsKinds } from '@modules/organisations/shared/org-kinds';
import { insertCoveragesBulk, insertEmployersBulk } from './employer.repository';

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BRANDS = ['鑫源', '福达', '宏图', '惠民', '佳美', '兴旺', '顺发', '祥和', '利民', '康泰', '新锐', '众合', '华辰', '久安', '朗润'];
const TRADES = ['便利店', '餐饮店', '装饰工程有限公司', '物业服务有限公司', '电子商务有限公司', '汽车维修有限公司', '超市', '美容美发店', '印刷有限公司', '家政服务有限公司'];
const GRASSROOTS: readonly string[] = grassrootsKinds();

/**
 * The demo district's employers: each enterprise union covers its own, joint unions several small ones, and each
 * street keeps 8–13 employers without a union (the gaps, some being visited or preparing one). Draws first from the
 * ledgers' stream (seed 11), which the committee terms and the members continue.
 */
export async function seedDemoEmployers(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const rnd = ctx.random(11);
  const { pick, int } = demoDraws(rnd);
  const usccs = new Set<string>();
  const newUscc = (division: string) => {
    for (;;) {
      let s = '91' + division.slice(0, 6);
      for (let i = 0; i < 9; i++) s += USCC_CHARS[int(0, 30)]!;
      const u = withUsccCheckDigit(s);
      if (!usccs.has(u)) {
        usccs.add(u);
        return u;
      }
    }
  };
  const orgs = ctx.orgs;
  const streets = orgs.filter((x) => x.kind === 'street');
  const grassroots = orgs.filter((x) => GRASSROOTS.includes(x.kind));
  const employerRows: Parameters<typeof insertEmployersBulk>[1] = [];
  const coveredBy: { index: number; orgId: number; since: string }[] = [];

  for (const u of grassroots) {
    const keeper = streets.find((s) => s.id === u.parentId) ?? orgs.find((x) => x.kind === 'federation')!;
    const covered: { name: string; employees: number }[] = [];
    if (u.kind === 'enterprise') covered.push({ name: u.name.replace(/工会委员会$/, ''), employees: int(30, 480) });
    if (u.kind === 'joint') for (let i = 0; i < int(3, 6); i++) covered.push({ name: `云溪区${pick(BRANDS)}${pick(TRADES)}（${u.name.slice(0, 4)}${i + 1}）`, employees: int(5, 24) });
    for (const c of covered) {
      const uscc = newUscc(u.divisionCode);
      coveredBy.push({ index: employerRows.length, orgId: u.id, since: u.openedOn });
      employerRows.push({
        orgId: keeper.id,
        name: c.name,
        uscc,
        divisionCode: u.divisionCode,
        industry: pick(['C', 'F', 'G', 'H', 'I', 'L', 'M', 'O', 'E']),
        ownership: pick(['170', '170', '170', '159', '169', '300', '200']),
        employees: c.employees,
        womenEmployees: Math.floor(c.employees * (0.2 + rnd() * 0.5)),
        smallMicro: c.employees < 100,
        foundingStage: 'founded',
      });
    }
  }
  let gaps = 0;
  for (const s of streets) {
    for (let i = 0; i < int(8, 13); i++) {
      const employees = i < 3 ? int(8, 24) : int(25, 260);
      const stage = employees >= 25 ? pick(['none', 'none', 'none', 'visiting', 'preparing']) : 'none';
      employerRows.push({
        orgId: s.id,
        name: `云溪区${s.name.slice(3, 5)}${pick(BRANDS)}${pick(TRADES)}`,
        uscc: newUscc(s.divisionCode),
        divisionCode: s.divisionCode,
        industry: pick(['C', 'F', 'G', 'H', 'I', 'L', 'O']),
        ownership: '170',
        employees,
        womenEmployees: Math.floor(employees * 0.4),
        smallMicro: employees < 100,
        foundingStage: stage,
        foundingStartedOn: stage === 'none' ? null : addDays(ctx.today, -int(10, 120)),
        foundingNote: stage === 'visiting' ? '已走访，企业负责人同意筹建' : stage === 'preparing' ? '已成立筹备组，拟于下月召开会员大会' : null,
      });
      if (employees >= 25) gaps++;
    }
  }
  const inserted = await insertEmployersBulk(tx, employerRows);
  await insertCoveragesBulk(tx, coveredBy.map((c) => ({ employerId: inserted[c.index]!.id, orgId: c.orgId, since: c.since })));
  return `${inserted.length} 家用人单位（${gaps} 个建会空白点）`;
}
