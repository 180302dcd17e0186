import { writeAudit } from '@platform/audit';
import { hashPassword } from '@platform/auth';
import type { Config } from '@platform/config/config';
import type { FieldCipher } from '@platform/crypto';
import { analyzeDatabase, type Db } from '@platform/db';
import { demoRandom, demoSteps, DEMO_GIVEN, DEMO_SURNAMES, type DemoLoadContext } from '@platform/modules';
import { chinaToday } from '@platform/periods';
import { demoDistrictPrincipal } from '@modules/hardship/server';
import { permissionsOf } from '@modules/accounts/shared/roles';
import { rolePermissions, serverModules } from './modules';
import { insertAccount } from '@modules/accounts/server';
import type { RoleCode } from '@modules/accounts/shared/roles';
import { countOrgs, insertOrgsBulk, reserveOrgIds } from '@modules/organisations/server';
import type { OrgKind } from '@modules/organisations/shared/org-kinds';

/** The password of every demo account (README lists the accounts). Demo mode says so on every page. */
export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: RoleCode; org: string }[] = [
  { username: 'admin', displayName: '周敏（演示）', role: 'district_admin', org: '云溪区总工会' },
  { username: 'staff', displayName: '陈立（演示）', role: 'district_staff', org: '云溪区总工会' },
  { username: 'jinxiu', displayName: '王芳（演示）', role: 'intermediate_admin', org: '云溪区锦绣街道总工会' },
  { username: 'songling', displayName: '刘洋（演示）', role: 'intermediate_admin', org: '云溪区松岭街道总工会' },
  { username: 'union', displayName: '赵静（演示）', role: 'grassroots_admin', org: '云溪恒达物流有限公司工会委员会' },
  { username: 'member', displayName: '孙浩（演示）', role: 'member', org: '云溪恒达物流有限公司工会委员会' },
];

const BRANDS = [
  '恒达', '华信', '瑞丰', '金桥', '远航', '天成', '宏远', '博雅', '新元', '鼎盛', '嘉禾', '锦程', '联创', '同舟', '永新',
  '力拓', '盛世', '安泰', '广源', '德润', '思源', '汇通', '明辉', '启航', '晨光', '绿洲', '银河', '东方', '星辰', '和信',
  '润泽', '凯达', '佳宁', '卓越', '海纳', '立信', '万象', '信诚', '耀华', '青松', '百川', '一诺', '聚力', '恒昌', '兴隆',
];
const TRADES = [
  '物流', '科技', '建设工程', '食品', '纺织', '机械制造', '电子', '物业管理', '餐饮管理', '医药', '商贸', '环保科技',
  '汽车服务', '信息技术', '印务', '家具', '新材料', '仓储', '保安服务', '家政服务',
];

interface DemoOrg {
  name: string;
  kind: OrgKind;
  parent: string | null;
  divisionCode: string;
}

function buildTree(): DemoOrg[] {
  const rnd = demoRandom(20231231);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const orgs: DemoOrg[] = [{ name: '云溪区总工会', kind: 'federation', parent: null, divisionCode: '320199' }];
  const streets = ['锦绣', '松岭', '桃源', '湖滨'];
  streets.forEach((s, i) => {
    orgs.push({ name: `云溪区${s}街道总工会`, kind: 'street', parent: '云溪区总工会', divisionCode: `320199${String(i + 1).padStart(3, '0')}` });
  });
  orgs.push({ name: '云溪区教育系统工会', kind: 'industry', parent: '云溪区总工会', divisionCode: '320199' });
  orgs.push({ name: '云溪区直属机关工会', kind: 'office', parent: '云溪区总工会', divisionCode: '320199' });

  const used = new Set<string>(['云溪恒达物流有限公司工会委员会']);
  streets.forEach((s, i) => {
    const parent = `云溪区${s}街道总工会`;
    const division = `320199${String(i + 1).padStart(3, '0')}`;
    if (i === 0) orgs.push({ name: '云溪恒达物流有限公司工会委员会', kind: 'enterprise', parent, divisionCode: division });
    let n = 0;
    while (n < 52) {
      const name = `${pick(['云溪', s, ''])}${pick(BRANDS)}${pick(TRADES)}${pick(['有限公司', '有限公司', '股份有限公司'])}工会委员会`;
      if (used.has(name)) continue;
      used.add(name);
      orgs.push({ name, kind: 'enterprise', parent, divisionCode: division });
      n++;
    }
    for (const j of ['第一', '第二', '第三', '第四', '第五', '第六']) {
      orgs.push({ name: `${s}街道${j}社区联合工会`, kind: 'joint', parent, divisionCode: division });
    }
    orgs.push({ name: `${s}街道商务楼宇联合工会`, kind: 'joint', parent, divisionCode: division });
    orgs.push({ name: `${s}街道快递物流行业工会`, kind: 'trade', parent, divisionCode: division });
    orgs.push({ name: `${s}街道餐饮行业工会`, kind: 'trade', parent, divisionCode: division });
    orgs.push({ name: `${s}街道社区卫生服务中心工会`, kind: 'institution', parent, divisionCode: division });
    orgs.push({ name: `${s}街道办事处机关工会`, kind: 'institution', parent, divisionCode: division });
  });
  const schools = ['第一小学', '第二小学', '第三小学', '第四小学', '实验小学', '第一中学', '第二中学', '第三中学', '外国语学校', '职业技术学校'];
  for (const school of schools) orgs.push({ name: `云溪区${school}工会`, kind: 'institution', parent: '云溪区教育系统工会', divisionCode: '320199' });
  for (const k of ['锦绣', '松岭', '桃源', '湖滨', '阳光', '蓝天', '彩虹', '春芽']) {
    orgs.push({ name: `云溪区${k}幼儿园工会`, kind: 'institution', parent: '云溪区教育系统工会', divisionCode: '320199' });
  }
  const offices = ['财政局', '人力资源和社会保障局', '住房和城乡建设局', '卫生健康委员会', '市场监督管理局', '文化和旅游局', '统计局', '民政局', '司法局', '商务局', '应急管理局', '城市管理局', '交通运输局', '水务局'];
  for (const o of offices) orgs.push({ name: `云溪区${o}机关工会`, kind: 'institution', parent: '云溪区直属机关工会', divisionCode: '320199' });
  // The district's joint union for gig workers: couriers, riders and drivers apply to it online.
  orgs.push({ name: '云溪区新就业形态劳动者联合工会', kind: 'joint', parent: '云溪区总工会', divisionCode: '320199' });
  return orgs;
}

/**
 * Fills an empty database with the fictional demo district 云溪区: the federation, 6 street/industry
 * unions, about 300 grassroots unions and one account per role (the shared kernel, written here), then each
 * module's demo step (`seedDemo` in its manifest, in the order of `demoSteps`): the bulk `load` steps inside the
 * same transaction, the `run` steps after it through the services. All names are made up.
 * Returns false (and changes nothing) when the database already holds organisations.
 */
export async function seedDemo(db: Db, config: Config, cipher: FieldCipher, options: { members?: number } = {}): Promise<boolean> {
  if ((await countOrgs(db)) > 0) return false;
  const steps = demoSteps(serverModules);
  const tree = buildTree();
  const rnd = demoRandom(7);
  const today = chinaToday();
  const thisYear = Number(today.slice(0, 4));
  const passwordHash = await hashPassword(DEMO_PASSWORD, config.passwordHashLogN);
  let district: { account: { id: number; username: string; displayName: string }; root: { id: number; path: string } } | null = null;
  let memberAccountId = 0;
  await db.transaction(async (tx) => {
    const ids = await reserveOrgIds(tx, tree.length);
    const byName = new Map<string, { id: number; path: string; level: number; code: string; children: number }>();
    const rows = tree.map((o, i) => {
      const id = ids[i]!;
      const parent = o.parent ? byName.get(o.parent)! : null;
      const path = `${parent?.path ?? '/'}${id}/`;
      const code = parent ? parent.code + String(++parent.children).padStart(3, '0') : o.divisionCode;
      const level = (parent?.level ?? 0) + 1;
      byName.set(o.name, { id, path, level, code, children: 0 });
      // Founded over the 30 years up to this one (the report on this year counts the new ones), never after today.
      const drawn = thisYear - 29 + Math.floor(rnd() * 30);
      const month = 1 + Math.floor(rnd() * 12);
      const year = `${drawn}-${String(month).padStart(2, '0')}-01` > today ? drawn - 1 : drawn;
      const contact = DEMO_SURNAMES[Math.floor(rnd() * DEMO_SURNAMES.length)]! + DEMO_GIVEN[Math.floor(rnd() * DEMO_GIVEN.length)]!;
      return {
        id,
        parentId: parent?.id ?? null,
        path,
        level,
        name: o.name,
        code,
        kind: o.kind,
        divisionCode: o.divisionCode,
        openedOn: `${year}-${String(month).padStart(2, '0')}-01`,
        contactName: parent ? contact : null,
        acceptsGigWorkers: o.name.includes('新就业形态'),
        address: `云溪区${o.divisionCode === '320199' ? '' : ['锦绣', '松岭', '桃源', '湖滨'][Number(o.divisionCode.slice(-1)) - 1] + '街道'}（演示地址）`,
      };
    });
    await insertOrgsBulk(tx, rows);
    const accounts: Record<string, { id: number; displayName: string; orgId: number }> = {};
    for (const a of DEMO_ACCOUNTS) {
      const org = byName.get(a.org)!;
      const { id } = await insertAccount(tx, { username: a.username, displayName: a.displayName, orgId: org.id, passwordHash }, [a.role]);
      accounts[a.username] = { id, displayName: a.displayName, orgId: org.id };
    }
    const root = byName.get('云溪区总工会')!;
    district = { account: { id: accounts.admin!.id, username: 'admin', displayName: DEMO_ACCOUNTS[0]!.displayName }, root };
    memberAccountId = accounts.member!.id;
    // The modules' bulk steps: the same transaction, so a failed seed leaves the database empty (and is retried).
    const streams = new Map<number, () => number>();
    const ctx: DemoLoadContext = {
      cipher,
      orgs: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parentId: r.parentId, path: r.path, openedOn: r.openedOn, divisionCode: r.divisionCode })),
      accounts,
      today,
      members: options.members ?? 30_000,
      passwordHash,
      random: (seed) => streams.get(seed) ?? streams.set(seed, demoRandom(seed)).get(seed)!,
    };
    const made: string[] = [];
    for (const { step } of steps) if (step.load) made.push(await step.load(tx, ctx));
    await writeAudit(tx, {
      actor: { accountId: null, name: '系统' },
      action: 'demo.seed',
      entityType: 'organisation',
      entityId: root.id,
      orgId: root.id,
      orgPath: root.path,
      summary: `生成演示数据：${[`${rows.length} 个组织`, `${DEMO_ACCOUNTS.length} 个演示账号`, ...made].join('、')}`,
    });
  });
  // The later ledgers go through their services (every case follows the lifecycle, with timeline and audit).
  await analyzeDatabase(db);
  const d = district!;
  // The seeds act as the district administrator, with that role's permissions.
  const seeder = { ...demoDistrictPrincipal(d.account, d.root), permissions: permissionsOf(['district_admin'], rolePermissions).permissions };
  const deps = { db, readDb: db, config, cipher, now: () => new Date() };
  for (const { step } of steps) await step.run?.(deps, { district: seeder, memberAccountId });
  // Planner statistics for the freshly loaded tables (the embedded database has no autovacuum).
  await analyzeDatabase(db);
  return true;
}
