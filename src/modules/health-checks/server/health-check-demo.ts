import type { Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { addDays, chinaToday } from '@platform/periods';
import * as repo from './health-check.repository';
import * as service from './health-check.service';

/**
 * The demo district's free health checks: this year's programme for front-line and gig workers and a 两癌
 * screening for women, with sign-ups (most checked, some with results, one abnormal with follow-up) through
 * the service, so every record has its audit row.
 */
export async function seedDemoHealthChecks(base: Omit<AppDeps, 'now'>, actors: { district: Principal }) {
  const today = chinaToday();
  const year = Number(today.slice(0, 4));
  const deps: AppDeps = { ...base, now: () => new Date() };
  const ctx = { principal: actors.district, ip: '127.0.0.1' };
  const start = `${year}-04-01`;
  const end = `${year}-12-31`;
  const general = await service.createProgramme(deps, ctx, {
    year,
    name: `${year}年一线职工和新就业形态劳动者免费体检`,
    provider: '云溪区人民医院体检中心',
    package: '一般检查、血常规、肝功能、肾功能、血脂、血糖、心电图、胸部 DR、腹部 B 超',
    startsOn: start,
    endsOn: end,
    budgetFen: 25_000_000,
    quotas: [
      { group: 'courier', places: 120 },
      { group: 'food_delivery', places: 120 },
      { group: 'sanitation', places: 150 },
      { group: 'migrant', places: 100 },
    ],
  });
  const women = await service.createProgramme(deps, ctx, { year, name: `${year}年女职工“两癌”筛查`, provider: '云溪区妇幼保健院', package: '宫颈癌筛查（TCT + HPV）、乳腺彩超', startsOn: start, endsOn: end, budgetFen: 6_000_000, quotas: [{ group: 'women_screening', places: 80 }] });
  let n = 0;
  const run = async (programmeId: number, people: { id: number; group: string }[]) => {
    for (const [i, w] of people.entries()) {
      const slot = addDays(start, (i * 3) % 200);
      const id = await service.signUp(deps, ctx, programmeId, { memberId: w.id, group: w.group as never, slotOn: slot });
      n++;
      if (slot > today || i % 5 === 4) continue; // booked for later, or not come yet
      await service.markDone(deps, ctx, id, slot);
      if (i % 3 === 0) await service.recordResults(deps, ctx, id, i % 9 === 0 ? { abnormal: true, findings: '血压偏高（150/95 mmHg），血脂偏高', followUp: '建议一个月内心内科复查，低盐低脂饮食', reportDeliveredOn: addDays(slot, 10) } : { abnormal: false, findings: '各项指标未见明显异常', reportDeliveredOn: addDays(slot, 10) });
    }
  };
  const gig = await repo.demoWorkers(deps.db, actors.district.orgPath, 'gig', 40);
  await run(general, gig.map((w) => ({ id: w.id, group: w.gig_kind! })));
  const taken = new Set(gig.map((w) => w.id));
  const migrants = (await repo.demoWorkers(deps.db, actors.district.orgPath, 'migrant', 60)).filter((w) => !taken.has(w.id)).slice(0, 25);
  await run(general, migrants.map((w) => ({ id: w.id, group: 'migrant' })));
  await run(women, (await repo.demoWorkers(deps.db, actors.district.orgPath, 'women', 30)).map((w) => ({ id: w.id, group: 'women_screening' })));
  return n;
}
