import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '@platform/http';
import { createTestApp, type TestApp } from '@test/app';
import { expectAccessible } from './axe';
import { launchBrowser } from './browser';
import { openAs, shot } from './journey';

/** A minimal PDF to upload. The server listens on ATTACH_PORT (default: any free port); screenshots go to UI_SHOTS_DIR. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n', 'latin1');

let t: TestApp;
let url: string;
let browser: Awaited<ReturnType<typeof launchBrowser>>;
let orgIds: number[];


beforeAll(async () => {
  if (!fs.existsSync(`${webRoot}/index.html`)) throw new Error('web UI not built: run `npm run build:web` first');
  // The demo district every journey starts from: a copy of the run's template, not a smaller district seeded anew.
  t = await createTestApp({ demo: true });
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => {} });
  await t.app.listen({ port: Number(process.env.ATTACH_PORT ?? 0), host: '127.0.0.1' });
  url = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
  // A union of jinxiu's street with a term on record.
  const jinxiu = await t.as('jinxiu');
  const rows = (await jinxiu.get('/api/unions/elections?status=all&pageSize=200')).body.items as { orgId: number; electedOn: string | null }[];
  orgIds = rows.filter((r) => r.electedOn).map((r) => r.orgId);
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A committee term's 选举材料 in the ledger drawer: empty state, upload, a refusal on screen, delete. */
describe('record attachments (选举材料)', () => {
  for (const [i, size] of [{ width: 1366, height: 768, name: 'desktop' }, { width: 390, height: 844, name: 'phone' }].entries()) {
    it(`uploads, refuses a wrong file on screen, downloads and deletes (${size.name})`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize(size);
      // The page's clock is Playwright's, so the test can let time pass without waiting for it (below).
      await page.clock.install();
      await openAs(page, url, 'jinxiu', `/elections?open=${orgIds[i]}`);
      const drawer = page.locator('.ant-drawer', { hasText: '历届选举' });
      const papers = drawer.getByRole('region', { name: '当前届期的选举材料' });
      await papers.getByText('暂无材料').waitFor();
      await papers.getByText('尚缺：选举结果报告、批复文件').waitFor();
      await papers.getByText('暂无材料').scrollIntoViewIfNeeded();
      await shot(page, `attachments-empty-${size.name}`);
      await expectAccessible(page, '选举材料（空）', { scope: drawer });

      const input = papers.locator('input[type=file]');
      await input.setInputFiles({ name: '选举结果报告.pdf', mimeType: 'application/pdf', buffer: PDF });
      await papers.getByRole('list', { name: '当前届期的选举材料列表' }).getByText('选举结果报告.pdf').waitFor();
      await papers.getByText('尚缺：批复文件').waitFor();
      // The kind offered moves on to the paper still missing.
      await expect.poll(() => papers.getByRole('combobox', { name: '材料类别' }).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]').innerText()).toContain('批复文件');
      await input.setInputFiles({ name: '区总工会批复.pdf', mimeType: 'application/pdf', buffer: PDF });
      await papers.getByText('区总工会批复.pdf').waitFor();
      await papers.getByText(/^尚缺/).waitFor({ state: 'detached' });
      await papers.getByRole('button', { name: '上传材料' }).scrollIntoViewIfNeeded();
      await shot(page, `attachments-list-${size.name}`);

      await input.setInputFiles({ name: '安装程序.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ\x90\x00', 'latin1') });
      const refusal = papers.getByRole('alert').filter({ hasText: '未能上传“安装程序.exe”' });
      await refusal.getByText('只能上传 PDF、图片（JPG、PNG）、Word（.doc/.docx）或 Excel（.xls/.xlsx）文件').waitFor();
      await refusal.scrollIntoViewIfNeeded();
      await shot(page, `attachments-refusal-${size.name}`);
      await expectAccessible(page, '选举材料（拒绝）', { scope: drawer });
      // The refusal stays until closed, not a fading message: ten seconds pass on the page's clock (longer than antd's
      // message, 3 s, or notification, 4.5 s), and it is still there.
      await page.clock.fastForward(10_000);
      await expect(refusal.isVisible()).resolves.toBe(true);

      const download = page.waitForEvent('download');
      await papers.getByRole('button', { name: '下载 选举结果报告.pdf' }).click();
      expect((await download).suggestedFilename()).toBe('选举结果报告.pdf');

      if (size.name === 'phone') {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      for (const name of ['选举结果报告.pdf', '区总工会批复.pdf']) {
        await papers.getByRole('button', { name: `删除 ${name}` }).click();
        await page.locator('.ant-popconfirm', { hasText: '删除这份材料？' }).getByRole('button', { name: /^删\s*除$/ }).click();
        await papers.getByText(name).waitFor({ state: 'detached' });
      }
      await papers.getByText('暂无材料').waitFor();
      await page.close();
    });
  }
});
