import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();

/** 法律帮助: a worker asks for help on a phone (a refusal on screen first), the district accepts it, the worker sees it accepted. */
describe('legal services', () => {
  it('a worker asks for legal help on the phone; the request is refused until the facts are written; the union accepts it', async () => {
    const phone = await j.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await openAs(phone, j.server.url, 'member', '/me/legal');
    await phone.getByRole('heading', { name: '法律帮助' }).waitFor();
    await phone.locator('.ant-card').first().waitFor();
    await phone.getByRole('button', { name: '申请法律帮助' }).first().click();
    const dialog = phone.locator('.ant-modal', { hasText: '申请法律帮助' });
    await dialog.getByLabel('用人单位').fill('旅程测试物流有限公司');
    await dialog.getByLabel('联系电话').fill('13800003333');
    await dialog.getByLabel('情况说明').fill('拖欠工资');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText(/至少 10 个字/).first().waitFor();
    await shot(phone, 'legal-request-refused-phone');
    await dialog.getByLabel('情况说明').fill('公司拖欠我和另外三名同事两个月工资，共约两万元。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = phone.locator('.ant-card', { hasText: '旅程测试物流有限公司' });
    await card.getByText('待受理').waitFor();
    await shot(phone, 'legal-my-requests-phone');
    await expectAccessible(phone, '法律帮助（手机）');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);

    const desk = await j.browser.newPage();
    await desk.setViewportSize({ width: 1366, height: 768 });
    await openAs(desk, j.server.url, 'admin', '/legal/cases');
    await desk.getByRole('heading', { name: '普法和法律服务' }).waitFor();
    await desk.locator('.ant-table-row', { hasText: '旅程测试物流有限公司' }).getByRole('button').first().click();
    const drawer = desk.locator('.ant-drawer', { hasText: '旅程测试物流有限公司' });
    await drawer.getByText('待受理').first().waitFor();
    await shot(desk, 'legal-case-waiting-desktop');
    await drawer.locator('[aria-label="可办理的事项"]').getByRole('button', { name: /^受\s*理$/ }).click();
    const accept = desk.locator('.ant-modal', { hasText: '受理：' });
    await accept.getByLabel('承办人').fill('李律师');
    await accept.getByLabel('告知职工').fill('已安排律师，明天上午联系您。');
    await shot(desk, 'legal-accept-desktop');
    await accept.getByRole('button', { name: /^受\s*理$/ }).last().click();
    await accept.waitFor({ state: 'hidden' });
    await drawer.getByText('办理中').first().waitFor();
    await shot(desk, 'legal-case-drawer-desktop');
    await expectAccessible(desk, '法律服务案件');

    // One browser, one session cookie: the worker signs in again after the cadre.
    await openAs(phone, j.server.url, 'member', '/me/legal');
    await phone.getByRole('heading', { name: '法律帮助' }).waitFor();
    await phone.locator('.ant-card').first().waitFor();
    await shot(phone, 'legal-after-accept-phone');
    await phone.locator('.ant-card', { hasText: '旅程测试物流有限公司' }).getByText('已安排律师，明天上午联系您。').waitFor();
    await shot(phone, 'legal-accepted-phone');
    await phone.close();
    await desk.close();
  });

  it('shows an empty event list with its action, and the events register with the report figures’ source', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/legal');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'legal-events-desktop');
    await page.getByPlaceholder('活动或工会名称').fill('不存在的活动名称');
    await page.keyboard.press('Enter');
    await page.getByText('没有符合条件的普法活动').waitFor();
    await shot(page, 'legal-events-empty-desktop');
    await page.close();
  });
});
