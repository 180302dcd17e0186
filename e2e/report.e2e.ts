import JSZip from 'jszip';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useJourney, openAs } from './journey';

const j = useJourney();

describe('annual report', () => {
  it('opens the demo district report, a figure opens exactly its records, and the Word file carries the same figures', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'admin', '/');
    await page.getByRole('menuitem', { name: '述职报告' }).click();
    await page.getByText(`云溪区总工会${new Date().getFullYear()}年领导班子述职述廉述学报告`).click();
    await page.getByText('草稿：数字按台账实时计算').waitFor();
    await page.getByText('缺：职工技能培训人次').first().waitFor();

    // The figure after 「新建工会组织」 is a link; its value equals the number of records it opens.
    const paragraph = page.locator('article p', { hasText: '新建工会组织' }).first();
    const link = paragraph.locator('a').first();
    const founded = Number(await link.textContent());
    expect(founded).toBeGreaterThan(0);
    await link.click();
    await page.getByText('新建工会组织数：明细记录').waitFor();
    await page.getByText(`共 ${founded} 条`).waitFor();
    await page.locator('.ant-drawer-close').click();

    // Links in that paragraph: 新建工会组织数, 新发展会员数, 新就业形态, 基层工会组织数, 联合工会数.
    const total = Number(await page.locator('article p', { hasText: '辖区共有基层工会组织' }).locator('a').nth(3).textContent());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Word/ }).click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(`新建工会组织${founded}家`);
    expect(xml).toContain(`辖区共有基层工会组织${total.toLocaleString('zh-CN')}家`);
    expect(xml).toContain('〔缺：职工技能培训人次〕');
    await page.close();
  });
});
