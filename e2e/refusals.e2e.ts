import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fakeIdNumber } from '@test/fixtures/people';
import { launchBrowser } from './browser';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Collects uncaught page errors (a rejected promise nobody handled counts too). */
function watchErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  return errors;
}


// The login route allows 20 sign-ins a minute from one address: the API clients are signed in once per role.
const clients = new Map<string, ReturnType<typeof j.server.as>>();
function api(username: string) {
  if (!clients.has(username)) clients.set(username, j.server.as(username));
  return clients.get(username)!;
}

async function newMember(name: string, birth: string) {
  const union = await api('union');
  const hengda = (await union.get('/api/orgs?q=' + encodeURIComponent('云溪恒达物流有限公司工会委员会'))).body.items[0].id as number;
  const r = await union.post('/api/members', { name, idNumber: fakeIdNumber(birth), orgId: hengda, joinedOn: '2021-01-01' });
  expect(r.status).toBe(200);
  return r.body.memberId as number;
}

describe('refusals the user can see', () => {
  it('a dialog shows the server refusal in an alert inside it, and blank required fields throw nothing', async () => {
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'admin', '/');

    // Members (FormModal): leaving on a date before joining is refused by the server; the dialog says so.
    const memberId = await newMember('拒绝甲', '19880303');
    await page.goto(`${j.server.url}/members`);
    await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill('拒绝甲');
    await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
    await page.locator('.ant-table-row', { hasText: '拒绝甲' }).getByText('拒绝甲').click();
    await page.locator('.ant-drawer').getByRole('button', { name: /^退\s*会$/ }).click();
    const leave = page.locator('.ant-modal', { hasText: '办理退会' });
    // A click while the dialog is still opening can be lost: press until the form answers (an empty form only
    // validates, so a second press changes nothing).
    await expect
      .poll(async () => {
        await leave.getByRole('button', { name: '确认退会' }).click();
        return leave.getByText('请选择退会原因').isVisible();
      })
      .toBe(true);
    await leave.getByLabel('退会原因').click();
    await page.locator('.ant-select-item-option', { hasText: '本人申请退会' }).click();
    await leave.getByLabel('退会日期').click();
    await leave.getByLabel('退会日期').fill('2020-06-01');
    await leave.getByLabel('退会日期').press('Enter');
    await leave.locator('.ant-modal-title').click();
    await leave.getByRole('button', { name: '确认退会' }).click();
    await leave.getByRole('alert').filter({ hasText: '日期不能早于入会日期' }).waitFor();
    await shot(page, 'refusal-desktop');
    await leave.getByRole('button', { name: /^取\s*消$/ }).click();
    await page.locator('.ant-drawer-close').click();

    // Aid (useAskReason): cancelling without a reason is refused inside the confirmation, which stays open.
    const union = await api('union');
    const aid = await union.post('/api/aid', { memberId, kind: 'living', form: 'cash', amountFen: 20000, givenOn: today, fundSource: 'union' });
    expect(aid.status).toBe(200);
    await page.goto(`${j.server.url}/hardship?tab=aid`);
    await page.getByPlaceholder('姓名').first().fill('拒绝甲');
    await page.getByPlaceholder('姓名').first().press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '拒绝甲' });
    await row.getByRole('button', { name: /^撤\s*销$/ }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: /^撤\s*销$/ }).click();
    await confirm.getByRole('alert').waitFor();
    expect(await confirm.getByRole('alert').textContent()).toMatch(/原因/);
    await confirm.getByRole('button', { name: /^取\s*消$/ }).click();

    // Aid (FormModal): the required fields left blank show under their fields; nothing is thrown.
    await page.getByRole('button', { name: '登记帮扶' }).click();
    const add = page.locator('.ant-modal', { hasText: '登记帮扶' }).last();
    await add.getByRole('button', { name: /^保\s*存$/ }).click();
    await add.getByText('请选择受助会员').waitFor();
    await add.getByRole('button', { name: /^取\s*消$/ }).click();
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('organisations: a union named like one of its siblings is refused inside the drawer', async () => {
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'admin', '/orgs');
    await page.locator('.ant-tree').getByText('云溪区锦绣街道总工会', { exact: true }).click();
    await page.getByText('范围：云溪区锦绣街道总工会 及其下级').waitFor();
    await page.getByRole('button', { name: '新建组织' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '新建组织' });
    await drawer.getByLabel('组织名称').fill('云溪恒达物流有限公司工会委员会');
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer.getByRole('alert').filter({ hasText: '同一上级组织下已有同名组织' }).waitFor();
    // It stays until the user acts: the drawer is still open with what was typed.
    expect(await drawer.getByLabel('组织名称').inputValue()).toBe('云溪恒达物流有限公司工会委员会');
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('accounts: a username already taken is refused inside the drawer', async () => {
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'admin', '/accounts');
    await page.getByRole('button', { name: '新建账号' }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '新建账号' });
    await drawer.getByLabel('用户名').fill('union');
    await drawer.getByLabel('所属组织').click();
    await page.locator('.ant-select-tree').getByText('云溪区总工会', { exact: true }).click();
    await drawer.getByLabel('姓名').fill('重名测试');
    await drawer.getByLabel('区总工会工作人员').check();
    await drawer.getByRole('button', { name: /^保\s*存$/ }).click();
    await drawer.getByRole('alert').filter({ hasText: '用户名已被使用' }).waitFor();
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('standards: submitting a self-assessment with items unscored is refused on the page', async () => {
    const union = await api('union');
    const hengda = (await union.get('/api/orgs?q=' + encodeURIComponent('云溪恒达物流有限公司工会委员会'))).body.items[0].id as number;
    const a = await union.post('/api/standards/assessments', { orgId: hengda, year: new Date().getFullYear(), series: 'liuyou' });
    expect(a.status).toBe(200);
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'union', `/standards/assessments/${a.body.id}`);
    await page.getByRole('button', { name: '提交审核' }).click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByRole('alert').filter({ hasText: '没有打分' }).waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(1);
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('hardship screenings: a member whose result is already recorded is refused inside the dialog', async () => {
    const memberId = await newMember('拒绝丙', '19880505');
    const admin = await api('admin');
    const s = await admin.post('/api/screenings', { name: '拒绝排查', deadline: today, population: 'all' });
    expect(s.status).toBe(200);
    const union = await api('union');
    expect((await union.post(`/api/screenings/${s.body.id}/checks`, { memberId, outcome: 'no_hardship' })).status).toBe(200);
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'union', '/hardship?tab=screenings');
    await page.locator('.ant-table-row', { hasText: '拒绝排查' }).getByRole('button', { name: '登记结果' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '登记排查结果：拒绝排查' });
    await dialog.getByLabel('会员').fill('拒绝丙');
    await page.locator('.ant-select-item-option', { hasText: '拒绝丙' }).first().click();
    await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
    await dialog.getByRole('alert').filter({ hasText: '该会员在这次排查中已登记过结果' }).waitFor();
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('mutual aid: enrolling a member twice is refused inside the dialog; a claim file refused stays in a dialog', async () => {
    const memberId = await newMember('拒绝丁', '19880606');
    const union = await api('union');
    const plan = (await union.get('/api/mutual-aid/plans')).body.items[0];
    const enrolment = await union.post(`/api/mutual-aid/plans/${plan.id}/enrolments`, { memberId, shares: 1, paidOn: today });
    expect(enrolment.status).toBe(200);
    const claim = await union.post('/api/mutual-aid/claims', { enrolmentId: enrolment.body.id, diagnosis: '急性阑尾炎', hospital: '区人民医院', admittedOn: today, claimedFen: 300000 });
    expect(claim.status).toBe(200);
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'union', `/mutual-aid?plan=${plan.id}&tab=enrolments`);
    await page.getByRole('button', { name: '办理参保' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '办理参保' });
    await dialog.getByLabel('会员').fill('拒绝丁');
    await page.locator('.ant-select-item-option', { hasText: '拒绝丁' }).first().click();
    await dialog.getByRole('button', { name: /^参\s*保$/ }).click();
    await dialog.getByRole('alert').filter({ hasText: '拒绝丁已参加' }).waitFor();
    await dialog.getByRole('button', { name: /^取\s*消$/ }).click();

    // A claim's material of a type not accepted: the refusal stays in a dialog until read.
    await page.getByRole('tab', { name: '理赔' }).click();
    await page.locator('.ant-table-row', { hasText: '拒绝丁' }).getByRole('button', { name: '材料（0）' }).click();
    const papers = page.locator('.ant-modal', { hasText: '理赔材料：拒绝丁' });
    await papers.locator('input[type=file]').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    const refused = page.locator('.ant-modal-confirm', { hasText: '未能上传「诊断证明.pdf」' });
    await refused.getByText('只能上传 PDF、图片').waitFor();
    await refused.getByRole('button', { name: '知道了' }).click();
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('health checks: signing a worker up twice is refused inside the dialog', async () => {
    const memberId = await newMember('拒绝戊', '19880707');
    const admin = await api('admin');
    const year = new Date().getFullYear();
    const p = await admin.post('/api/health-checks', { year, name: '拒绝体检', provider: '区人民医院', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quotas: [{ group: 'frontline', places: 5 }] });
    expect(p.status).toBe(200);
    const union = await api('union');
    expect((await union.post(`/api/health-checks/${p.body.id}/signups`, { memberId, group: 'frontline', slotOn: today })).status).toBe(200);
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'union', `/health-checks?programme=${p.body.id}`);
    await page.getByRole('button', { name: '为职工报名' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '为职工报名：拒绝体检' });
    await dialog.getByLabel('职工', { exact: true }).fill('拒绝戊');
    await page.locator('.ant-select-item-option', { hasText: '拒绝戊' }).first().click();
    await dialog.getByRole('button', { name: /^报\s*名$/ }).click();
    await dialog.getByRole('alert').filter({ hasText: '拒绝戊已报名' }).waitFor();
    expect(errors.map((e) => e.message)).toEqual([]);
    await page.close();
  });

  it('hardship case: a blocked step says why, consent and upload refusals stay on screen; 定稿 says what blocks it', async () => {
    const memberId = await newMember('拒绝乙', '19880404');
    const union = await api('union');
    const household = { householdSize: 3, incomes: [{ kind: 'wage', annualFen: 900 * 100 * 12 * 3 }], expenses: [], accidentLossFen: 0, members: [] };
    const c = await union.post('/api/hardship/cases', { memberId, primaryCause: 'illness', assessment: household });
    expect(c.status).toBe(200);
    expect((await union.post(`/api/hardship/cases/${c.body.id}/steps`, { action: 'first_review' })).status).toBe(200);
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'union', `/hardship/cases/${c.body.id}`);
    const visit = page.getByRole('button', { name: '记录入户调查' });
    await visit.waitFor();
    expect(await visit.isDisabled()).toBe(true);
    await visit.hover({ force: true });
    await page.locator('.ant-tooltip', { hasText: '授权委托书' }).waitFor();
    // The consent dialog keeps its refusal inside it; an upload refused stays in a dialog until read.
    await page.getByRole('button', { name: '登记公示同意' }).click();
    const consent = page.locator('.ant-modal', { hasText: '登记申请人同意公示的内容' });
    await consent.getByRole('button', { name: /^保\s*存$/ }).click();
    await consent.getByRole('alert').filter({ hasText: '请至少选择一项同意公示的内容' }).waitFor();
    await consent.getByRole('button', { name: /^取\s*消$/ }).click();
    await page.locator('input[type=file]').setInputFiles({ name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    const refused = page.locator('.ant-modal-confirm', { hasText: '未能上传「授权委托书.pdf」' });
    await refused.getByText('只能上传 PDF、图片').waitFor();
    await refused.getByRole('button', { name: '知道了' }).click();

    const admin = await api('admin');
    const report = await admin.post('/api/reports', { orgId: (await admin.get('/api/auth/me')).body.account.orgId, period: String(new Date().getFullYear()) });
    expect(report.status).toBe(200);
    const a = await j.browser.newPage();
    await openAs(a, j.server.url, 'admin', `/reports/${report.body.report.id}`);
    const finalise = a.getByRole('button', { name: '定稿' });
    await finalise.waitFor();
    if (report.body.finaliseBlockers.length) {
      expect(await finalise.isDisabled()).toBe(true);
      await a.getByText('暂不能定稿').first().waitFor();
    }
    if (report.body.zeroFigures.length) await a.getByText('计算为 0').first().waitFor();
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('shows 无权限, 登录已超时 and a way back from a page that does not exist', async () => {
    const page = await j.browser.newPage();
    const errors = watchErrors(page);
    await openAs(page, j.server.url, 'member', '/accounts');
    await page.getByText('无权限', { exact: true }).waitFor();
    await shot(page, 'no-permission-desktop');
    await page.goto(`${j.server.url}/no-such-page`);
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('button', { name: '返回工作台' }).click();
    await page.getByText('您好').waitFor();

    const admin = await j.browser.newPage();
    await openAs(admin, j.server.url, 'admin', '/hardship/cases/99999999');
    await admin.getByText('不在您的管辖范围内').waitFor();
    await admin.getByRole('button', { name: '返回工作台' }).waitFor();

    // A session that ended on the server: the next page load says so on the login page.
    await page.context().addCookies([{ name: 'gh_session', value: 'ended-session-token', url: j.server.url }]);
    await page.goto(`${j.server.url}/members`);
    await page.getByText('登录已超时，请重新登录').waitFor();
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('the join form on a phone checks every field before sending and shows every problem at once', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.newPage();
      const errors = watchErrors(page);
      let sent = 0;
      page.on('request', (r) => void (r.method() === 'POST' && r.url().endsWith('/api/join') && sent++));
      await page.goto(`${j.server.url}/join`);
      await page.getByLabel('姓名').fill('骑手');
      await page.getByLabel('居民身份证号码').fill('110101199001011230');
      await page.getByLabel('手机号码').fill('12345');
      await page.getByLabel('登录名').fill('ab');
      await page.getByLabel('密码').fill('short');
      await page.getByRole('button', { name: '提交申请' }).click();
      for (const text of ['请选择要加入的工会', '居民身份证号码校验位不正确', '手机号码应为 11 位', '登录名为 3–32 位', '密码长度至少 8 位', '请阅读并同意个人信息处理说明']) {
        await page.getByText(text).first().waitFor();
      }
      expect(sent).toBe(0);
      await shot(page, 'join-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(errors.map((e) => e.message)).toEqual([]);
      // 无权限 on a phone too.
      await openAs(page, j.server.url, 'member', '/accounts');
      await page.getByText('无权限', { exact: true }).waitFor();
      await shot(page, 'no-permission-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });
});
