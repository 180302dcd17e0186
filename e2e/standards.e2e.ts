import { describe, expect, it } from 'vitest';
import { useJourney, openAs } from './journey';

const j = useJourney();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
const HENGDA = '云溪恒达物流有限公司工会委员会';
const SELF = [15, 20, 15, 15, 15, 20];

describe('standardisation journey', () => {
  it('a grassroots union scores itself with evidence and submits; the street reviews it; the union sees its grade', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'union', '/');
    await page.getByText('填报规范化建设自评').waitFor();
    await page.getByRole('menuitem', { name: '规范化建设' }).click();
    const row = page.locator('.ant-table-row', { hasText: HENGDA });
    await row.getByText('未自评').waitFor();
    await row.getByRole('button', { name: '开始自评' }).click();
    await page.waitForURL(/\/standards\/assessments\/\d+$/);
    await page.getByText('尚未上传').first().waitFor();

    const cards = page.locator('.ant-card').filter({ has: page.locator('input[type=file]') });
    expect(await cards.count()).toBe(SELF.length);
    // A wrong file type is refused with a message naming what is accepted.
    await cards.nth(0).locator('input[type=file]').setInputFiles({ name: '选举批复.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await page.getByText('只能上传 PDF、图片').waitFor();
    for (let i = 0; i < SELF.length; i++) {
      const card = cards.nth(i);
      await card.getByRole('spinbutton').fill(String(SELF[i]));
      await card.locator('input[type=file]').setInputFiles({ name: `佐证材料${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await card.getByText(`佐证材料${i + 1}.pdf`, { exact: true }).waitFor();
    }
    await page.getByText('100 分（五星）').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已提交，等待上级工会审核').waitFor();
    await page.getByText('待审核').first().waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);

    // The street administrator sees it waiting on the home page and reviews it.
    await page.context().clearCookies();
    await openAs(page, j.server.url, 'jinxiu', '/');
    await page.locator('.due-list').getByRole('button', { name: /^规范化建设/ }).click();
    await page.getByText('审核规范化建设自评').first().waitFor();
    await page.goto(`${j.server.url}/standards`);
    await page.locator('.ant-radio-button-wrapper', { hasText: '待审核' }).click();
    await page.getByPlaceholder('工会名称').fill(HENGDA);
    await page.getByPlaceholder('工会名称').press('Enter');
    await page.locator('.ant-table-row', { hasText: HENGDA }).getByRole('button', { name: '查看 / 审核' }).click();
    await page.waitForURL(/\/standards\/assessments\/\d+$/);
    await page.getByRole('button', { name: '审核通过' }).waitFor();
    // Evidence opens as a download with its name.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByText('佐证材料1.pdf', { exact: true }).click()]);
    expect(file.suggestedFilename()).toBe('佐证材料1.pdf');
    // Marks the last item down: 90 points → 四星.
    await page.getByLabel('有会员满意的工作绩效 审核得分').fill('10');
    await page.getByText('90 分（四星，暂定）').waitFor();
    await page.getByPlaceholder('审核意见（退回时必填）').fill('会员评家测评样本偏少');
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.locator('.ant-popconfirm').getByText('审核得分 90 分，评定为「四星」').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已审核通过').waitFor();

    // The union sees the grade and the opinion.
    await page.context().clearCookies();
    await openAs(page, j.server.url, 'union', '/standards');
    const done = page.locator('.ant-table-row', { hasText: HENGDA });
    await done.getByText('已审核').waitFor();
    expect(await done.locator('.ant-tag', { hasText: '四星' }).count()).toBe(1);
    await done.getByRole('button', { name: '查看' }).click();
    await page.getByText('审核意见：会员评家测评样本偏少').waitFor();
    await page.close();
  });
});
