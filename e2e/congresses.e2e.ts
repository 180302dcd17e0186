import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();

/** 职代会: a session is refused while the roster breaks a ratio (named on screen) or lacks a quorum; a delegate rates a reply on the phone. */
describe('workers’ congresses', () => {
  it('the district sees which congresses break the make-up rules; a session is refused on screen, then recorded', async () => {
    const desk = await j.browser.newPage();
    await desk.setViewportSize({ width: 1366, height: 768 });
    await openAs(desk, j.server.url, 'admin', '/congresses');
    await desk.getByRole('heading', { name: '职代会和民主管理' }).waitFor();
    await desk.locator('.ant-table-row').first().waitFor();
    await shot(desk, 'congresses-desktop');
    await expectAccessible(desk, '职代会');

    // A failing congress: the drawer names the check; recording a session is refused with it.
    await desk.getByText('代表构成不符合规定', { exact: true }).click();
    const failing = desk.locator('.ant-table-row').first();
    await failing.getByText(/不符合/).waitFor();
    await failing.getByRole('button').first().click();
    const drawer = desk.locator('.ant-drawer', { hasText: '代表构成检查' });
    await drawer.getByText('一线职工比例').first().waitFor();
    await shot(desk, 'congress-failing-drawer-desktop');
    await drawer.getByRole('button', { name: '登记会议' }).click();
    const form = desk.locator('.ant-drawer', { hasText: '登记职代会会议' });
    await form.getByLabel('出席人数').fill('30');
    await form.getByLabel('会议议程').fill('审议行政工作报告');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText(/职工代表构成不符合规定，会议不能作为依法召开登记：一线职工比例/).first().waitFor();
    await shot(desk, 'congress-session-refused-desktop');
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('Escape');

    // A lawful congress: too few present is refused with the figures; with a quorum the session and its vote are kept.
    await desk.getByText('全部', { exact: true }).click();
    await desk.getByPlaceholder('单位工会名称').fill('云溪恒达物流');
    await desk.keyboard.press('Enter');
    const row = desk.locator('.ant-table-row', { hasText: '云溪恒达物流' });
    await row.getByText('符合规定').waitFor();
    await row.getByRole('button').first().click();
    const lawful = desk.locator('.ant-drawer', { hasText: '代表构成检查' });
    await lawful.getByText('符合规定：可以登记依法召开的会议').waitFor();
    const total = Number((await lawful.getByText(/^代表名册（在任 \d+ 人/).textContent())!.match(/在任 (\d+) 人/)![1]);
    await lawful.getByRole('button', { name: '登记会议' }).click();
    const session = desk.locator('.ant-drawer', { hasText: '登记职代会会议' });
    await session.getByLabel('本届第几次会议').fill('9');
    await session.getByLabel('出席人数').fill(String(Math.floor(total / 2)));
    await session.getByLabel('会议议程').fill('审议集体合同草案');
    await session.getByRole('button', { name: '添加表决事项' }).click();
    await session.getByLabel('第 1 项表决事项').fill('集体合同草案');
    await session.getByLabel('赞成票').fill(String(Math.floor(total / 2)));
    await session.getByRole('button', { name: /保\s*存/ }).click();
    await session.getByText(/未达到全体代表 \d+ 人的三分之二/).first().waitFor();
    await shot(desk, 'congress-quorum-refused-desktop');
    await session.getByLabel('出席人数').fill(String(total));
    await session.getByLabel('赞成票').fill(String(total));
    await session.getByRole('button', { name: /保\s*存/ }).click();
    await session.waitFor({ state: 'hidden' });
    await lawful.getByText(/第\d+届第9次全体会议/).waitFor();
    await lawful.getByText(/集体合同草案：赞成 \d+，反对 0，弃权 0 — 通过/).waitFor();
    await shot(desk, 'congress-session-recorded-desktop');
    await expectAccessible(desk, '职代会详情');
    await desk.keyboard.press('Escape');
    await desk.getByRole('button', { name: '代表构成标准' }).click();
    const rules = desk.locator('.ant-modal', { hasText: '设定职工代表构成标准' });
    await rules.getByLabel('一线职工代表不低于').waitFor();
    await shot(desk, 'congress-rules-desktop');
    await desk.close();
  });

  it('a delegate on the phone reads the disclosures, rates a reply and submits a proposal (refused until written out)', async () => {
    const phone = await j.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await openAs(phone, j.server.url, 'member', '/me/congress');
    await phone.getByRole('heading', { name: '厂务公开和提案' }).waitFor();
    await phone.getByText(/职工代表）$/).waitFor();
    const replied = phone.locator('.ant-card', { hasText: '已答复' }).first();
    await replied.getByLabel('评价答复').click();
    await phone.getByTitle('满意', { exact: true }).click();
    await replied.getByRole('button', { name: '提交评价' }).click();
    await phone.getByText('已评价').first().waitFor();
    await phone.getByRole('button', { name: '提交提案' }).first().click();
    const dialog = phone.locator('.ant-modal', { hasText: '提交提案' });
    await dialog.getByLabel('案由').fill('关于延长食堂供餐时间的建议');
    await dialog.getByLabel('情况和建议').fill('太短');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText(/至少 10 个字/).first().waitFor();
    await shot(phone, 'congress-proposal-refused-phone');
    await dialog.getByLabel('情况和建议').fill('夜班职工下班时食堂已停止供餐，建议延长到晚上九点。');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await phone.locator('.ant-card', { hasText: '关于延长食堂供餐时间的建议' }).getByText('待立案').waitFor();
    await phone.getByText(/· 厂务公开$/).scrollIntoViewIfNeeded();
    await shot(phone, 'congress-my-page-phone');
    await expectAccessible(phone, '厂务公开和提案（手机）');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await phone.close();
  });

  it('shows an empty disclosure list with its action', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/congresses/disclosures');
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'disclosures-desktop');
    await page.getByPlaceholder('公开事项或工会名称').fill('不存在的公开事项');
    await page.keyboard.press('Enter');
    await page.getByText('没有符合条件的厂务公开事项').waitFor();
    await shot(page, 'disclosures-empty-desktop');
    // The congress list on a phone: no sideways page, the make-up check still readable.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${j.server.url}/congresses`);
    await page.locator('.ant-table-row, .ant-list-item').first().waitFor();
    await shot(page, 'congresses-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.close();
  });
});
