import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { fakeUscc } from '../test/fixtures/people';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();

/** Opens a step's dialog from the contract's drawer and returns it. */
async function stepDialog(page: Page, drawer: Locator, label: string) {
  await drawer.locator('[aria-label="可办理的事项"]').getByRole('button', { name: label }).click();
  const dialog = page.locator('.ant-modal', { hasText: `${label}：` });
  await dialog.waitFor();
  return dialog;
}
async function confirm(dialog: Locator, label: string) {
  await dialog.getByRole('button', { name: label }).last().click();
  await dialog.waitFor({ state: 'hidden' });
}

/** China's date `days` ago, as the server's clocks count. */
const daysAgo = (days: number) => new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

/** Types a date into a form's date field and picks it in the open panel (Enter would submit the form). */
async function setDate(page: Page, dialog: Locator, label: string, day: string) {
  const input = dialog.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(day);
  await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-selected').click();
  await expect.poll(() => input.inputValue()).toBe(day);
}

/** A signed-in page's JSON API, with the session's CSRF token. */
async function api(page: Page, url: string) {
  const me = await (await page.request.get(`${url}/api/auth/me`)).json();
  const headers = { origin: url, 'x-csrf-token': me.csrfToken as string };
  return {
    me,
    get: async (path: string) => (await page.request.get(`${url}${path}`)).json(),
    post: async (path: string, data: unknown) => {
      const r = await page.request.post(`${url}${path}`, { data, headers });
      if (!r.ok()) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
      return r.json();
    },
  };
}

/** 集体合同: a street records a regional wage contract from the offer to filing, its clocks and refusals on screen. */
describe('collective contracts', () => {
  it('a street records an offer covering two enterprises of the register, talks, a vote refused below two thirds, signing, and a filing refused without its papers', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'jinxiu', '/contracts');
    await page.getByRole('heading', { name: '集体合同' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'contracts-list-desktop');
    await expectAccessible(page, '集体合同列表');

    await page.getByRole('button', { name: '登记要约' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '登记集体协商要约' });
    await form.getByLabel('签订合同的工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区锦绣街道总工会' }).first().click();
    await form.getByLabel('合同类型').click();
    await page.locator('.ant-select-item-option', { hasText: '工资专项集体合同' }).click();
    await form.getByLabel('覆盖范围').click();
    await page.locator('.ant-select-item-option', { hasText: '区域性' }).click();
    await form.getByLabel('合同名称').fill('旅程测试锦绣街道区域性工资专项集体合同');
    // Saved without an enterprise: refused, naming the field.
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await shot(page, 'contract-form-refused-desktop');
    await form.getByText('请至少填写一家覆盖企业').waitFor();
    const adder = form.getByLabel('从用人单位名录添加覆盖企业');
    for (const n of [0, 1]) {
      await adder.click();
      await adder.fill('有限');
      const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(n);
      await option.waitFor();
      await option.click();
    }
    await form.getByLabel('第 2 家覆盖职工人数').waitFor();
    await form.getByLabel('上年度职工平均工资').fill('86000');
    await shot(page, 'contract-form-desktop');
    await form.getByRole('button', { name: /保\s*存/ }).click();

    const drawer = page.locator('.ant-drawer', { hasText: '法定时限' });
    await drawer.getByText('答复要约（20 日内）').waitFor();
    await confirm(await stepDialog(page, drawer, '登记要约回复'), '登记要约回复');
    const round = await stepDialog(page, drawer, '登记协商会议');
    await round.getByLabel('协商情况（议题、双方意见）').fill('第一轮：工资增长幅度 5%，最低工资标准 1.6 倍');
    await confirm(round, '登记协商会议');
    await drawer.getByText(/开始协商（答复后 10 个工作日内）/).waitFor();
    await confirm(await stepDialog(page, drawer, '形成草案'), '形成草案');

    const vote = await stepDialog(page, drawer, '登记职代会表决');
    await vote.getByLabel('职工代表总数').fill('45');
    await vote.getByLabel('出席代表').fill('20');
    await vote.getByLabel('赞成票').fill('20');
    await vote.getByRole('button', { name: '登记职代会表决' }).last().click();
    await vote.getByText(/^职代会表决未获通过：出席 20 人，未达到全体代表 45 人的三分之二（至少 30 人）/).waitFor();
    await shot(page, 'contract-vote-refused-desktop');
    await vote.getByLabel('出席代表').fill('40');
    await vote.getByLabel('赞成票').fill('36');
    await confirm(vote, '登记职代会表决');
    await confirm(await stepDialog(page, drawer, '登记签订'), '登记签订');
    await drawer.getByText('报送审查（签订后 10 日内）').waitFor();

    const file = await stepDialog(page, drawer, '登记报送');
    await file.getByRole('button', { name: '登记报送' }).last().click();
    await file.getByText(/合同文本/).last().waitFor();
    expect(await file.isVisible()).toBe(true);
    await shot(page, 'contract-filing-refused-desktop');
    await file.getByRole('button', { name: /取\s*消/ }).click();
    await drawer.getByText('已签订待报送').first().waitFor();
    await shot(page, 'contract-drawer-desktop');
    await page.close();
  });

  it('on a phone: the list, a contract with its clocks, and an empty search', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openAs(page, j.server.url, 'admin', '/contracts?status=due');
    await page.getByRole('heading', { name: '集体合同' }).waitFor();
    await page.locator('.ant-table-row, .ant-list-item').first().waitFor();
    await shot(page, 'contracts-list-phone');
    await page.locator('.ant-table-row').first().getByRole('button').first().click();
    const drawer = page.locator('.ant-drawer', { hasText: '法定时限' });
    await drawer.getByText('办理经过').waitFor();
    await shot(page, 'contract-drawer-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.goto(`${j.server.url}/contracts`);
    const search = page.getByRole('searchbox', { name: '合同、企业或工会名称' });
    await search.fill('没有这样的合同');
    await search.press('Enter');
    await page.getByText('没有符合条件的集体合同').waitFor();
    await shot(page, 'contracts-empty-phone');
    await page.close();
  });

  it('the report counts contracts signed and the filing rate from the ledger, each a link to its records', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/reports');
    await page.getByText(`云溪区总工会${new Date().getFullYear()}年领导班子述职述廉述学报告`).click();
    const para = page.locator('article p', { hasText: '集体协商制度建设' }).first();
    await para.waitFor();
    const text = (await para.textContent())!;
    for (const figure of ['集体合同签订数', '集体合同备案率']) expect(text).not.toContain(`缺：${figure}`);
    const signed = Number(/专项集体合同(\d+)份/.exec(text)?.[1]);
    expect(signed).toBeGreaterThan(0);
    await para.locator('a').filter({ hasText: new RegExp(`^${signed}$`) }).first().click();
    await page.getByText(/：明细记录/).waitFor();
    await page.getByText(`共 ${signed} 条`).waitFor();
    await shot(page, 'report-contracts-drill');
    await page.close();
  });

  it('a union records a wage contract from 要约 to 生效 with its clocks; the district sees the late filing overdue; coverage moves', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'jinxiu', '/contracts');
    await page.getByRole('heading', { name: '集体合同' }).waitFor();
    // A newly unionised enterprise of the street, not yet under any wage contract.
    const jx = await api(page, j.server.url);
    const union = (await jx.get('/api/orgs?tier=grassroots&pageSize=1')).items[0];
    const name = `旅程测试生效精密机械有限公司${Date.now() % 100000}`;
    const employer = await jx.post('/api/employers', { name, uscc: fakeUscc(), orgId: jx.me.account.orgId, employees: 80 });
    await jx.post(`/api/employers/${employer.id}/cover`, { orgId: union.id, since: daysAgo(100) });
    const year = daysAgo(0).slice(0, 4);
    const covered = async () => ((await jx.get(`/api/indicators/values?orgId=${jx.me.account.orgId}&period=${year}`)).values as { code: string; value: number }[]).find((v) => v.code === 'contracts.covered_wage')!.value;
    const before = await covered();

    await page.getByRole('button', { name: '登记要约' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '登记集体协商要约' });
    await form.getByLabel('签订合同的工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: union.name }).first().click();
    await form.getByLabel('合同类型').click();
    await page.locator('.ant-select-item-option', { hasText: '工资专项集体合同' }).click();
    await form.getByLabel('合同名称').fill(`${name}工资专项集体合同`);
    const adder = form.getByLabel('从用人单位名录添加覆盖企业');
    await adder.click();
    await adder.fill(name);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).click();
    await form.getByLabel('上年度职工平均工资').fill('78000');
    await setDate(page, form, '要约日期', daysAgo(60));
    await form.getByRole('button', { name: /保\s*存/ }).click();

    const drawer = page.locator('.ant-drawer', { hasText: '法定时限' });
    await drawer.getByText('答复要约（20 日内）').waitFor();
    const step = async (label: string, on: string, fill?: (d: Locator) => Promise<void>) => {
      const dialog = await stepDialog(page, drawer, label);
      await setDate(page, dialog, '日期', on);
      await fill?.(dialog);
      await confirm(dialog, label);
    };
    await step('登记要约回复', daysAgo(55));
    await step('登记协商会议', daysAgo(50), (d) => d.getByLabel('协商情况（议题、双方意见）').fill('工资增长 6%，最低工资标准 1.5 倍'));
    await step('形成草案', daysAgo(40));
    await step('登记职代会表决', daysAgo(30), async (d) => {
      await d.getByLabel('职工代表总数').fill('35');
      await d.getByLabel('出席代表').fill('33');
      await d.getByLabel('赞成票').fill('31');
    });
    await step('登记签订', daysAgo(20));
    // Signed 20 days ago: filing was due ten days after signing, so the clock is overdue now.
    await drawer.getByText('报送审查（签订后 10 日内）').waitFor();
    await drawer.getByText(/逾期/).first().waitFor();
    await shot(page, 'contract-filing-overdue-desktop');

    // The district sees it overdue in its 待办.
    const opened = new URL(page.url());
    const district = await j.browser.newPage();
    await district.setViewportSize({ width: 1366, height: 768 });
    await openAs(district, j.server.url, 'admin', '/');
    const card = district.locator('.due-list');
    await card.getByRole('heading', { name: /^待办/ }).waitFor();
    await card.getByRole('group', { name: '按业务模块筛选待办' }).getByRole('button', { name: /^集体合同/ }).click();
    const item = card.locator('li', { hasText: `${name}工资专项集体合同：报送审查` });
    // Overdue first, the oldest first: page on until the late filing shows.
    for (let p = 2; p < 22 && !(await item.isVisible()); p++) {
      await card.locator('.ant-pagination-next').click();
      await card.locator('.ant-pagination-item-active', { hasText: String(p) }).waitFor();
      await expect.poll(() => card.locator('[aria-busy]').first().getAttribute('aria-busy')).toBe('false');
    }
    await item.getByText(/已逾期/).waitFor();
    await shot(district, 'contract-overdue-in-district-due');
    await district.close();
    // One browser, one session cookie: the street signs in again after the district.
    await openAs(page, j.server.url, 'jinxiu', `${opened.pathname}${opened.search}`);

    // Papers, then the late filing with its reason, receipt and approval: 生效.
    const papers = drawer.getByRole('region', { name: /报送材料/ });
    const input = papers.locator('input[type=file]');
    for (const file of ['合同文本', '协商情况说明', '职代会决议', '协商代表名单']) {
      await input.setInputFiles({ name: `${file}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1') });
      await papers.getByText(`${file}.pdf`).waitFor();
    }
    const file = await stepDialog(page, drawer, '登记报送');
    await file.getByRole('button', { name: '登记报送' }).last().click();
    await file.getByText(/逾期报送须填写理由/).first().waitFor();
    await shot(page, 'contract-late-filing-refused-desktop');
    await file.getByLabel('逾期报送理由').fill('职代会决议盖章延误');
    await confirm(file, '登记报送');
    await step('登记受理', daysAgo(0));
    await drawer.getByText(/审查（受理后 15 日内）|审查/).first().waitFor();
    await step('登记审查通过', daysAgo(0));
    await drawer.getByText('已生效待公布').first().waitFor();
    await drawer.getByText(/公布（生效后 10 日内）/).waitFor();
    await shot(page, 'contract-effective-desktop');
    expect(await covered()).toBe(before + 1);
    await page.close();

    // The district sets the clocks: days, calendar or working, and the holiday calendar.
    const settings = await j.browser.newPage();
    await settings.setViewportSize({ width: 1366, height: 768 });
    await openAs(settings, j.server.url, 'admin', '/contracts');
    await settings.getByRole('button', { name: '时限设置' }).click();
    const dialog = settings.locator('.ant-modal', { hasText: '设定集体合同时限和工作日历' });
    await dialog.getByLabel('签订后报送审查的天数').waitFor();
    await dialog.getByLabel('法定节假日').fill('2027-10-01 2027-10-01');
    await dialog.getByLabel('调休上班日').fill('2027-10-01');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText(/^2027-10-01 不能既是节假日又是调休上班日$/).waitFor();
    await shot(settings, 'contract-clock-settings-refused-desktop');
    await settings.close();
  });
});
