import { describe, expect, it } from 'vitest';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();


/** The employer register, the election reminders and a drill-down, on the ledger kit's list page and drawer. */
describe('ledger kit', () => {
  for (const size of [{ width: 1366, height: 768, name: 'desktop' }, { width: 390, height: 844, name: 'phone' }]) {
    it(`lists, filters, opens a record, and shows an empty state (${size.name})`, async () => {
      const page = await j.browser.newPage();
      await page.setViewportSize(size);
      await openAs(page, j.server.url, 'jinxiu', `/employers`);
      await page.getByRole('heading', { name: '用人单位与建会' }).waitFor();
      // A real table with header cells, filters with names.
      const table = page.locator('.ant-table').last();
      await table.getByRole('columnheader', { name: '单位名称' }).waitFor();
      // The whole register's rows have arrived (not the gaps' still on screen) before a row is read and opened.
      const allLoaded = page.waitForResponse((r) => /\/api\/employers\?/.test(r.url()) && r.url().includes('coverage=all') && r.ok());
      await page.locator('label', { hasText: '全部单位' }).click();
      await allLoaded;
      await page.getByText(/共 \d+ 条/).last().waitFor();
      await shot(page, `employers-list-${size.name}`);
      const first = table.locator('.ant-table-row').first().getByRole('button').first();
      const name = (await first.textContent())!.trim();
      await first.click();
      const drawer = page.locator('.ant-drawer', { hasText: '统一社会信用代码' });
      await drawer.getByText(name).first().waitFor();
      expect(page.url()).toMatch(/[?&]open=\d+/);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
      expect(page.url()).not.toMatch(/open=/);
      const search = page.getByRole('searchbox', { name: '单位名称或信用代码' });
      await search.fill('没有这样的单位');
      await search.press('Enter');
      await page.getByText('没有符合条件的单位').waitFor();
      await shot(page, `employers-empty-${size.name}`);
      if (size.name === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await page.close();
    });

    it(`opens a drill-down row in its ledger and searches the drill-down (${size.name})`, async () => {
      const page = await j.browser.newPage();
      await page.setViewportSize(size);
      await openAs(page, j.server.url, 'jinxiu', `/indicators`);
      const figure = page.getByRole('button', { name: '25人以上用人单位数明细' });
      await figure.click();
      const drawer = page.locator('.ant-drawer', { hasText: '明细记录' });
      const rows = drawer.locator('.ant-table-row');
      await rows.first().waitFor();
      const link = rows.first().getByRole('link');
      const title = (await link.textContent())!.trim();
      const search = drawer.getByRole('searchbox', { name: '搜索记录或组织' });
      await search.fill(title);
      await search.press('Enter');
      await drawer.getByText(/共 \d+ 条/).waitFor();
      await expect(rows.count()).resolves.toBeGreaterThan(0);
      for (const t of await rows.locator('td:nth-child(1)').allTextContents()) expect(t).toContain(title);
      await shot(page, `drilldown-${size.name}`);
      await rows.first().getByRole('link').click();
      await page.getByRole('heading', { name: '用人单位与建会' }).waitFor();
      expect(page.url()).toMatch(/\/employers\?open=\d+/);
      await page.locator('.ant-drawer', { hasText: '统一社会信用代码' }).getByText(title).first().waitFor();
      await shot(page, `drilldown-opened-${size.name}`);
      await page.close();
    });
  }

  it('opens a union from the election reminders: its current term and past ones', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'jinxiu', `/elections`);
    await page.getByRole('heading', { name: '换届提醒' }).waitFor();
    await page.locator('label.ant-radio-button-wrapper', { hasText: /^全部$/ }).click();
    const row = page.locator('.ant-table-row').first();
    await row.waitFor();
    await row.getByRole('button').first().click();
    const drawer = page.locator('.ant-drawer', { hasText: '历届选举' });
    await drawer.getByText(/当前届期|还没有登记换届选举/).first().waitFor();
    await shot(page, 'elections-drawer-desktop');
    await page.close();
  });
});
