import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
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
});
