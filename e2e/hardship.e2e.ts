import { sql } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { useJourney, openAs } from './journey';

const j = useJourney();
const PDF = { name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% signed\n%%EOF\n') };

/** Picks an option of the antd Select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Moves the focus out of the field being edited, as a click elsewhere would: its value is committed on blur. */
async function leaveField(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Takes a step from the case page: opens its dialog, lets `fill` complete it, confirms, waits for the status. */
async function takeStep(page: Page, label: string, status: string, fill?: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.locator('.ant-modal', { hasText: `确认${label}` });
  await fill?.(dialog);
  // Leave the last field first, so a number input commits its value before the form is read. (Not by clicking the
  // dialog's title: without the opening transition the dialog is up while the last step's message still covers it.)
  await leaveField(page);
  await dialog.getByRole('button', { name: `确认${label}` }).click();
  // The step is done when the dialog has closed (a refused step keeps it open with the reason).
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('.ant-tag', { hasText: status }).first().waitFor();
}

describe('hardship case journey', () => {
  it('a member applies on a phone; the union reviews, visits and runs the notice; the district files; aid is paid in a winter campaign; a review records the exit; the member sees the history and the aid', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      // The member applies on a phone-sized screen.
      const m = await phone.newPage();
      await openAs(m, j.server.url, 'member', '/me/hardship');
      await m.getByRole('button', { name: '申请困难帮扶' }).click();
      const form = m.locator('.ant-card', { hasText: '申请困难帮扶' });
      await choose(m, form, '主要困难原因', '患病');
      await form.getByPlaceholder('年收入').fill('30000');
      await form.getByRole('checkbox', { name: '姓名' }).check();
      await form.getByRole('checkbox', { name: '所在工会' }).check();
      await form.getByRole('button', { name: '提交申请' }).click();
      await m.getByText('申请已提交，请等待工会初审').waitFor();
      await m.locator('.ant-tag', { hasText: '待初审' }).waitFor();
      await m.getByText('深度困难职工家庭').waitFor();
      await m.locator('input[type=file]').setInputFiles({ ...PDF, name: '帮扶申请书.pdf' });
      await m.getByText('已上传：帮扶申请书.pdf').waitFor();
      expect(await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const mine = await (await j.server.as('member')).get('/api/hardship/my');
      const id = mine.body.cases[0].id as number;

      // The grassroots union: first review, the signed authorisation, the home visit, the notice.
      const u = await j.browser.newPage();
      await openAs(u, j.server.url, 'union', '/');
      await u.getByText('初审帮扶申请').first().waitFor();
      await u.goto(`${j.server.url}/hardship/cases/${id}`);
      await u.getByText('会员网上申请').waitFor();
      await takeStep(u, '初审通过', '待入户调查');
      await u.locator('input[type=file]').setInputFiles(PDF);
      await u.locator('.ant-table-row', { hasText: '授权委托书.pdf' }).waitFor();
      await takeStep(u, '记录入户调查', '已入户调查', async (d) => {
        await d.getByLabel('入户人员').fill('赵主席、钱干事');
        await d.getByLabel('调查情况').fill('妻子住院化疗，家中两个孩子上学');
      });
      await u.getByText('调查情况：（已加密隐藏）').waitFor();
      // The notice starts the day it is posted (a past start date is refused, so the window cannot be shortened).
      await takeStep(u, '开始公示', '公示中');
      // The window passes: the real clock cannot wait the 5 days, so the stored window is moved back instead.
      await j.server.database.db.execute(sql`update hardship_cases set notice_starts_on = notice_starts_on - 10, notice_ends_on = notice_ends_on - 10 where id = ${id}`);
      await u.reload();
      await u.getByRole('button', { name: '公示内容' }).click();
      const notice = u.locator('.ant-modal', { hasText: '困难职工建档公示' });
      await notice.getByText('云溪恒达物流有限公司工会委员会').waitFor();
      expect(await notice.textContent()).toMatch(/\*{4,}/);
      await notice.locator('.ant-modal-close').click();
      await takeStep(u, '公示结束，报送建档', '待审批建档');

      // The district files the case.
      const a = await j.browser.newPage();
      await openAs(a, j.server.url, 'admin', '/hardship?status=pending_filing');
      await a.locator('.ant-table-row', { hasText: mine.body.cases[0].caseNo }).click();
      await takeStep(a, '审批建档', '帮扶中');
      // The district reads the finances: an audited reveal.
      await a.getByRole('button', { name: '查看收支明细' }).click();
      await a.locator('.ant-popconfirm').getByRole('button', { name: /查\s*看/ }).click();
      await a.getByText('家庭人均月收入 =（年收入 30,000.00 元').waitFor();
      // Aid is paid in a winter campaign: the list is built from the cases on file, the new case among them.
      await a.goto(`${j.server.url}/hardship?tab=campaigns`);
      await a.getByRole('button', { name: '新建活动' }).click();
      const create = a.locator('.ant-modal', { hasText: '新建活动' });
      await create.getByLabel('活动名称').fill('冬送温暖（测试）');
      await create.getByRole('button', { name: /保\s*存/ }).click();
      const row = a.locator('.ant-table-row', { hasText: '冬送温暖（测试）' });
      await row.getByRole('button', { name: '生成名单' }).click();
      const build = a.locator('.ant-modal', { hasText: '生成发放名单' });
      await build.getByLabel('每人金额').fill('800');
      await leaveField(a);
      await build.getByRole('button', { name: /生\s*成/ }).click();
      await build.getByText(/已加入名单 \d+ 人/).waitFor();
      await build.getByRole('button', { name: /完\s*成/ }).click();
      await a.close();

      // Later, a follow-up review finds the household above the standard; the union records the exit.
      await u.reload();
      await takeStep(u, '回头看（复核）', '帮扶中', async (d) => {
        await d.getByPlaceholder('年收入').fill('90000');
      });
      await u.getByText('不符合困难职工家庭认定条件').first().waitFor();
      await takeStep(u, '退出（解困脱困）', '已退出', async (d) => {
        await choose(u, d, '退出原因', '脱困');
        await d.getByLabel('家庭人均收入连续高于低保标准的月数').fill('6');
        await d.getByLabel('意见').fill('妻子康复出院，本人收入稳定');
      });
      await u.close();

      // The member sees the whole history on the phone.
      await m.reload();
      await m.locator('.ant-tag', { hasText: '已退出' }).waitFor();
      for (const step of ['提交申请', '初审通过', '记录入户调查', '开始公示', '审批建档', '回头看（复核）', '退出（解困脱困）']) await m.locator('.ant-timeline').getByText(step).first().waitFor();
      await m.getByText('意见：妻子康复出院，本人收入稳定').waitFor();
      await m.getByText(/节日慰问 800\.00 元/).waitFor();
      await m.getByText('冬送温暖（测试）').waitFor();
    } finally {
      await phone.close();
    }
  });
});
