import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectAccessible, type Pending } from './axe';
import { launchBrowser } from './browser';
import { login, openAs, shot, useJourney } from './journey';

const j = useJourney();


// antd's Tabs put the overflow "more" button (phones) inside role=tablist: an upstream defect (ant-design#49502,
// react-component/tabs#1013, fixed in react-component/tabs#1015); goes when antd takes that release.
const TABS_OVERFLOW: Pending[] = [{ rule: 'aria-required-children', within: '.ant-tabs-nav', reason: 'antd Tabs overflow button inside the tablist (upstream)' }];

/** WCAG 2.1 AA (GB/T 37668-2019) as axe-core measures it: no critical or serious violation on any page of the shell,
 * the ledgers, the form helper, the indicators and the public join page. */
describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
  let page: Page;
  beforeAll(async () => {
    page = await j.browser.newPage();
  });
  afterAll(async () => {
    await page?.close();
  });

  it('login page', async () => {
    await page.goto(`${j.server.url}/login`);
    await page.getByLabel('用户名').waitFor();
    await shot(page, 'login');
    await expectAccessible(page, '登录');
    await login(page, j.server.url, 'admin');
  });

  it('home (工作台)', async () => {
    await page.getByText('您好').waitFor();
    await page.locator('.ant-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'home');
    await expectAccessible(page, '工作台');
  });

  it('members list and the member form', async () => {
    await page.goto(`${j.server.url}/members`);
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'members');
    await expectAccessible(page, '会员管理');
    await page.getByRole('button', { name: '登记会员' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '登记会员' });
    await drawer.getByLabel('姓名').waitFor();
    await shot(page, 'member-form');
    await expectAccessible(page, '登记会员（表单）');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('hardship cases list, one case, and the aid form dialog', async () => {
    await page.goto(`${j.server.url}/hardship`);
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    await shot(page, 'hardship');
    await expectAccessible(page, '困难职工档案');
    await row.click();
    await page.waitForURL(/\/hardship\/cases\/\d+/);
    await page.locator('.ant-descriptions').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'hardship-case');
    await expectAccessible(page, '困难职工档案（一户）');

    await page.goto(`${j.server.url}/hardship?tab=aid`);
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, '帮扶记录');
    await page.getByRole('button', { name: '登记帮扶' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '登记帮扶' }).last();
    await dialog.getByRole('button', { name: /^保\s*存$/ }).waitFor();
    await shot(page, 'aid-form');
    await expectAccessible(page, '登记帮扶（表单）');
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('employers', async () => {
    await page.goto(`${j.server.url}/employers`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'employers');
    await expectAccessible(page, '建会与单位');
    // A second ledger on the kit: the committee terms list and a union's record drawer.
    await page.goto(`${j.server.url}/elections`);
    await page.locator('.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, '换届');
  });

  it('organisations, and a refusal shown on screen', async () => {
    await page.goto(`${j.server.url}/orgs`);
    await page.locator('.ant-tree').getByText('云溪区锦绣街道总工会', { exact: true }).click();
    await page.getByText('范围：云溪区锦绣街道总工会 及其下级').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'orgs');
    await expectAccessible(page, '组织管理');

    await page.getByRole('button', { name: '新建组织' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '新建组织' });
    await drawer.getByLabel('组织名称').fill('云溪恒达物流有限公司工会委员会');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer.getByRole('alert').filter({ hasText: '同一上级组织下已有同名组织' }).waitFor();
    await shot(page, 'refusal');
    await expectAccessible(page, '拒绝（新建组织）');
    await drawer.locator('.ant-drawer-close').click();
  });

  it('indicators and a drill-down drawer', async () => {
    await page.goto(`${j.server.url}/indicators`);
    const figure = page.getByRole('button', { name: '基层工会组织数明细' });
    await figure.waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'indicators');
    await expectAccessible(page, '统计指标');
    await figure.click();
    await page.locator('.ant-drawer .ant-table-row').first().waitFor();
    await shot(page, 'indicators-drill');
    await expectAccessible(page, '统计指标（明细）');
  });

  it('the shell, members, hardship and indicators on a phone (390 px)', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const p = await phone.newPage();
      await openAs(p, j.server.url, 'admin', '/');
      await p.waitForLoadState('networkidle');
      await expectAccessible(p, '工作台（手机）');
      await p.getByRole('button', { name: '打开菜单' }).click();
      await p.getByRole('menuitem', { name: '会员管理' }).waitFor();
      await shot(p, 'menu-phone');
      await expectAccessible(p, '菜单（手机）');
      await p.getByRole('menuitem', { name: '会员管理' }).click();
      await p.locator('.ant-table-row').first().waitFor();
      await shot(p, 'members-phone');
      await expectAccessible(p, '会员管理（手机）');
      await p.goto(`${j.server.url}/hardship`);
      await p.locator('.ant-table-row').first().waitFor();
      await shot(p, 'hardship-phone');
      await expectAccessible(p, '困难职工档案（手机）', { pending: TABS_OVERFLOW });
      await p.goto(`${j.server.url}/indicators`);
      await p.getByRole('button', { name: '基层工会组织数明细' }).waitFor();
      await p.waitForLoadState('networkidle');
      await shot(p, 'indicators-phone');
      await expectAccessible(p, '统计指标（手机）');
    } finally {
      await phone.close();
    }
  });

  it('the public join page on a phone', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const p = await phone.newPage();
      await p.goto(`${j.server.url}/join`);
      await p.getByText('云溪区新就业形态劳动者联合工会').click();
      await p.getByLabel('姓名').waitFor();
      await p.waitForLoadState('networkidle');
      await shot(p, 'join-phone');
      await expectAccessible(p, '申请入会（手机）');
    } finally {
      await phone.close();
    }
  });
});
