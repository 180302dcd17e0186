import type { Tx } from '@platform/db';
import { demoDraws, type DemoLoadContext, type DemoOrg } from '@platform/modules';
import { addDays } from '@platform/periods';
import * as repo from './facility.repository';

type Plan = { kind: string; name: string; std: string; story: Story; extra?: Record<string, unknown>; owner?: DemoOrg };
/** What happened to a facility: days before today of each event (declaration first). */
type Story = { state: string; declared: number; accepted?: number; rejected?: number; reviews?: number[]; upgrade?: number; failed?: number; recheck?: number; delisted?: number };

const HOSTS = ['区政务服务中心', '工商银行云溪支行', '顺丰速运云溪营业部', '区环卫所', '苏果超市', '区人民医院', '中石化加油站', '区职工服务中心'];

/**
 * The demo district's worker facilities (the seed's magnitudes): 12 reading rooms new or upgraded this year, 20
 * rest stations new, re-inspected or upgraded this year, 16 nursing rooms and childcare classes standing; and one of
 * each state (declared, refused, accepted awaiting its plaque, under rectification, delisted). Seed 32.
 */
export async function seedDemoFacilities(tx: Tx, ctx: DemoLoadContext): Promise<string> {
  const { pick, int } = demoDraws(ctx.random(32));
  const standards = await repo.listStandards(tx);
  const std = (kind: string, name: string) => standards.find((s) => s.kind === kind && s.name === name)!;
  const dayOfYear = Math.round((Date.parse(ctx.today) - Date.parse(`${ctx.today.slice(0, 4)}-01-01`)) / 86_400_000);
  const thisYear = () => int(Math.min(5, dayOfYear), Math.max(0, dayOfYear - 5));
  const older = () => int(dayOfYear + 60, dayOfYear + 700);
  const plans: Plan[] = [];
  const streets = ctx.orgs.filter((o) => o.kind === 'street');
  let owner: DemoOrg = streets[0]!;
  /** Picks the street that keeps the next facility and gives its short name (锦绣) for the facility's name. */
  const street = () => ((owner = pick(streets)), owner.name.replace(/^云溪区/, '').replace(/街道.*$/, ''));
  const add = (p: Omit<Plan, 'owner'>) => void plans.push({ ...p, owner });
  for (let i = 0; i < 10; i++) add({ kind: 'reading_room', name: `${street()}职工书屋${i + 1}号`, std: '全国工会职工书屋', story: { state: 'operating', declared: 0, accepted: thisYear() }, extra: { level: pick(['district', 'district', 'city']), volumes: int(3000, 8000) } });
  for (let i = 0; i < 2; i++) add({ kind: 'reading_room', name: `${street()}示范职工书屋${i + 1}号`, std: '全国工会职工书屋', story: { state: 'operating', declared: 0, accepted: older(), upgrade: thisYear() }, extra: { level: 'district', volumes: int(5000, 12000) } });
  add({ kind: 'reading_room', name: `${street()}街道职工书屋`, std: '全国工会职工书屋', story: { state: 'operating', declared: 0, accepted: older(), reviews: [thisYear()] }, extra: { level: 'provincial', volumes: 15000 } });
  add({ kind: 'reading_room', name: `${street()}凤鸣社区职工书屋`, std: '全国工会职工书屋', story: { state: 'declared', declared: 10 }, extra: { level: 'none', volumes: 3200 } });
  add({ kind: 'reading_room', name: `${street()}物流园职工书屋`, std: '全国工会职工书屋', story: { state: 'declared', declared: 60, rejected: 30 }, extra: { level: 'none', volumes: 2100 } });
  const station = (name: string, story: Story) => add({ kind: 'rest_station', name, std: pick(['七个一', '六有']), story, extra: { buildMode: pick(['self', 'joint', 'joint']), host: pick(HOSTS), openingHours: pick(['08:00-20:00', '全天开放', '09:00-18:00']), stars: int(3, 5) } });
  for (let i = 0; i < 7; i++) station(`${street()}爱心驿站${i + 1}号`, { state: 'operating', declared: 0, accepted: thisYear() });
  for (let i = 0; i < 10; i++) station(`${street()}户外劳动者驿站${i + 1}号`, { state: 'operating', declared: 0, accepted: older(), reviews: [thisYear()] });
  for (let i = 0; i < 2; i++) station(`${street()}环卫驿站${i + 1}号`, { state: 'operating', declared: 0, accepted: older(), failed: 120, recheck: 60 });
  station(`${street()}快递驿站`, { state: 'rectifying', declared: 0, accepted: older(), failed: 20 });
  station(`${street()}加油站爱心驿站`, { state: 'delisted', declared: 0, accepted: older(), delisted: 90 });
  station(`${street()}银行网点爱心驿站`, { state: 'accepted', declared: 40, accepted: 8 });
  station(`${street()}外卖骑手驿站`, { state: 'declared', declared: 5 });
  for (let i = 0; i < 11; i++) add({ kind: 'nursing_room', name: `${street()}爱心妈妈小屋${i + 1}号`, std: pick(['爱心妈妈小屋（基础型）', '爱心妈妈小屋（舒适型）']), story: { state: 'operating', declared: 0, accepted: i < 4 ? thisYear() : older() }, extra: { area: int(10, 20), stars: int(3, 5), host: pick(HOSTS), openingHours: '工作日 08:30-17:30' } });
  add({ kind: 'nursing_room', name: `${street()}百货母婴室`, std: '爱心妈妈小屋（基础型）', story: { state: 'declared', declared: 12 }, extra: { area: 12, host: '云溪百货商场' } });
  for (let i = 0; i < 5; i++) add({ kind: 'childcare_class', name: `${street()}暑期爱心托管班${i + 1}班`, std: '爱心托管班（假期）', story: { state: 'operating', declared: 0, accepted: i < 3 ? 120 : older() }, extra: { classType: 'holiday', enrolled: int(25, 40) } });
  add({ kind: 'childcare_class', name: `${street()}寒假爱心托管班`, std: '爱心托管班（假期）', story: { state: 'delisted', declared: 0, accepted: older(), delisted: 200 }, extra: { classType: 'holiday', enrolled: 22 } });
  for (let i = 0; i < 3; i++) add({ kind: 'workers_home', name: `${street()}职工之家${i + 1}号`, std: '职工之家', story: { state: 'operating', declared: 0, accepted: older() } });
  add({ kind: 'innovation_studio', name: `${street()}王建国劳模创新工作室`, std: '劳模（工匠）创新工作室', story: { state: 'operating', declared: 0, accepted: older() }, extra: { leader: '王建国' } });

  const district = ctx.orgs[0]!;
  const at = (days: number) => addDays(ctx.today, -days);
  let usage = 0;
  for (const p of plans) {
    const s = std(p.kind, p.std);
    const items = s.items.map((i) => i.code);
    const story = p.story;
    const acceptedDays = story.accepted ?? null;
    const declared = at(story.declared || (acceptedDays ?? 0) + int(15, 45));
    const owner = p.owner!;
    const located = p.kind === 'rest_station' || p.kind === 'nursing_room';
    const classStart = p.kind === 'childcare_class' && acceptedDays !== null ? at(acceptedDays + 40) : null;
    const f = await repo.insertFacility(tx, {
      orgId: owner.id, kind: p.kind, name: p.name, status: story.state, standardId: s.id, declaredOn: declared, itemsPresent: items,
      acceptedOn: acceptedDays !== null ? at(acceptedDays) : null,
      listedOn: acceptedDays !== null && story.state !== 'accepted' ? at(Math.max(0, acceptedDays - 7)) : null,
      mapPublished: acceptedDays !== null && story.state !== 'accepted',
      delistedOn: story.delisted ? at(story.delisted) : null,
      address: located ? `${owner.name.replace(/总工会$/, '')}${pick(['幸福路', '建设路', '人民路', '解放路'])} ${int(1, 300)} 号` : null,
      lat: located ? 32.05 + (int(-400, 400) / 10000) : null, lng: located ? 118.78 + (int(-500, 500) / 10000) : null,
      manager: pick(['李', '王', '张', '刘', '陈']) + pick(['老师', '主任', '站长']),
      startsOn: classStart, endsOn: classStart ? addDays(classStart, 34) : null,
      ...p.extra,
    });
    const inspect = (kind: string, days: number, result = 'pass', extra: Record<string, unknown> = {}) =>
      repo.insertInspection(tx, { facilityId: f.id, kind, inspectedOn: at(days), result, standardId: s.id, itemsPresent: result === 'fail' ? items.slice(1) : items, failedItems: result === 'fail' ? [s.items[0]!.title] : [], opinion: null, rectifyBy: null, byOrgId: district.id, ...extra });
    if (story.rejected) await inspect('acceptance', story.rejected, 'fail', { opinion: '藏书不足 3000 册，补充图书后重新申请验收', rectifyBy: at(story.rejected - 60) });
    if (acceptedDays === null) continue;
    await inspect('acceptance', acceptedDays);
    if (story.state === 'accepted') continue;
    for (const d of story.reviews ?? []) await inspect('review', d);
    if (story.upgrade) await inspect('upgrade', story.upgrade);
    if (story.failed) await inspect('review', story.failed, 'fail', { opinion: '急救药箱药品过期，饮水机损坏，限期整改', rectifyBy: at(story.failed - 30) });
    if (story.recheck) await inspect('recheck', story.recheck);
    if (story.delisted) await inspect('delist', story.delisted, 'done', { opinion: '依托单位搬迁，站点停止运行', itemsPresent: [], failedItems: [] });
    // Usage: monthly person-times for the last year; a class's daily attendance over its 35 days.
    if (p.kind === 'childcare_class' && classStart) {
      for (let d = 0; d < 24; d++) await repo.upsertUsage(tx, f.id, addDays(classStart, d), Math.round((p.extra!.enrolled as number) * (0.75 + int(0, 20) / 100)));
      usage += 24;
    } else if (p.kind !== 'innovation_studio') {
      for (let m = 1; m <= 12; m++) {
        const on = `${addDays(ctx.today, -30 * m).slice(0, 7)}-01`;
        if (on < declared.slice(0, 7) + '-01' || (f.delistedOn && on > f.delistedOn)) continue;
        await repo.upsertUsage(tx, f.id, on, p.kind === 'rest_station' ? int(200, 900) : int(20, 200));
        usage++;
      }
    }
  }
  return `${plans.length} 个服务阵地（书屋、驿站、母婴室、托管班、职工之家、创新工作室），${usage} 条服务人次记录`;
}
