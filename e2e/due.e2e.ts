import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { useJourney, openAs } from './journey';

const j = useJourney();
/** UI_SHOTS_DIR=<dir>: also save screenshots there, for a person to look at. */
const SHOTS = process.env.UI_SHOTS_DIR;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });

/** Each item of the 待办 list on the page: its text and whether it is marked overdue. */
async function items(page: Page) {
  const rows = page.locator('.due-list .ant-list-item');
  await rows.first().waitFor();
  return rows.evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', overdue: (e.textContent ?? '').includes('已逾期') })));
}

describe('待办 journey', () => {
  it('admin sees one list, overdue first, filters it by module and opens a record', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'admin', '/');
    const card = page.locator('.due-list');
    await card.getByRole('heading', { name: /^待办/ }).waitFor();

    // Most urgent first: every overdue item comes before every other one, and the first is overdue.
    const all = await items(page);
    expect(all[0]!.overdue).toBe(true);
    const firstCalm = all.findIndex((i) => !i.overdue);
    if (firstCalm >= 0) expect(all.slice(firstCalm).some((i) => i.overdue)).toBe(false);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-1366.png` });
    await expectAccessible(page, '待办', { scope: page.locator('.due-list') });

    // The summary row filters: only hardship cases are listed, each opening its case.
    const filter = card.getByRole('group', { name: '按业务模块筛选待办' });
    const hardship = filter.getByRole('button', { name: /^困难帮扶/ });
    await hardship.click();
    await expect.poll(() => hardship.getAttribute('aria-pressed')).toBe('true');
    const hrefs = () => card.locator('.ant-list-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    await expect.poll(async () => (await hrefs()).every((h) => /^\/hardship\/cases\/\d+$/.test(h))).toBe(true);
    expect((await hrefs()).length).toBeGreaterThan(0);
    await expectAccessible(page, '待办', { scope: page.locator('.due-list') });
    if (SHOTS) await card.screenshot({ path: `${SHOTS}/due-filtered-1366.png` });

    // An item opens its record.
    const link = card.locator('.ant-list-item a').first();
    const title = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/\/hardship\/cases\/\d+$/);
    await page.getByText(title.split(' ')[0]!).first().waitFor();
    await page.close();
  });

  it('fits a 390 px phone without sideways scrolling', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openAs(page, j.server.url, 'jinxiu', '/');
    await items(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-390.png`, fullPage: true });
    if (SHOTS) await page.locator('.due-list').screenshot({ path: `${SHOTS}/due-390.png` });
    await page.close();
  });

  it('shows no 待办 list to a member, who has no such work', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'member', '/');
    await page.getByText('当前角色').waitFor();
    const due = await (await j.server.as('member')).get('/api/due');
    expect(due.body.counts).toEqual([]);
    expect(await page.locator('.due-list').count()).toBe(0);
    await page.close();
  });
});
