import { describe, expect, it } from 'vitest';
import { useJourney, openAs } from './journey';

const j = useJourney();

describe('indicator catalogue', () => {
  it('a street administrator opens a figure and sees exactly the records counted', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'jinxiu', '/');
    await page.getByRole('menuitem', { name: '统计指标' }).click();
    const figure = page.getByRole('button', { name: '基层工会组织数明细' });
    await figure.waitFor();
    await page.getByText('云溪区锦绣街道总工会 · ').waitFor();
    const shown = Number((await figure.textContent())!.replace(/[^\d]/g, ''));
    expect(shown).toBeGreaterThan(50);
    await figure.click();
    await page.getByText(`共 ${shown} 条`).waitFor();
    const drawer = page.locator('.ant-drawer');
    await expect(drawer.locator('.ant-table-row').count()).resolves.toBe(20);
    // Every record lies in the administrator's street; none from a sibling street.
    const orgs = await drawer.locator('.ant-table-row td:nth-child(1)').allTextContents();
    expect(orgs.some((o) => o.includes('松岭'))).toBe(false);
    await page.close();
  });
});
