import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIdNumber, xlsx } from '@test/fixtures/people';
import { launchBrowser } from './browser';
import { useJourney, openAs } from './journey';

const j = useJourney();
const year = new Date().getFullYear();
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('mutual aid and free health checks', () => {
  it('a union enrols members by Excel (a wrong row refused first), files a claim; the district approves and pays it', async () => {
    const api = await j.server.as('union');
    const hengda = (await api.get('/api/orgs?q=' + encodeURIComponent('云溪恒达物流有限公司工会委员会'))).body.items[0].id as number;
    const ids = [fakeIdNumber('19870707'), fakeIdNumber('19870708')] as const;
    for (const [i, name] of ['互助甲', '互助乙'].entries()) expect((await api.post('/api/members', { name, idNumber: ids[i], orgId: hengda, joinedOn: '2021-01-01' })).status).toBe(200);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-'));
    const header = ['居民身份证号码', '姓名', '份数', '缴费日期'];
    const wrong = path.join(dir, '参保名单.xlsx');
    fs.writeFileSync(wrong, await xlsx([header, [ids[0], '互助甲', '1', today], [ids[1], '互助丙', '1', today]]));
    const fixed = path.join(dir, '参保名单-已改正.xlsx');
    fs.writeFileSync(fixed, await xlsx([header, [ids[0], '互助甲', '1', today], [ids[1], '互助乙', '2', today]]));

    const u = await j.browser.newPage();
    await openAs(u, j.server.url, 'union', '/');
    await u.getByRole('menuitem', { name: '大病互助' }).click();
    await u.getByRole('heading', { name: '职工大病互助' }).waitFor();
    await u.getByRole('button', { name: 'Excel 批量参保' }).click();
    const dialog = u.locator('.ant-modal', { hasText: '批量参保' });
    await dialog.locator('input[type=file]').setInputFiles(wrong);
    await dialog.getByText('有错误').first().waitFor();
    await dialog.getByRole('button', { name: '再导入一个文件' }).click();
    await dialog.locator('input[type=file]').setInputFiles(fixed);
    await dialog.locator('.ant-alert-success').waitFor();
    await dialog.getByRole('button', { name: /^完\s*成$/ }).click();
    await u.getByPlaceholder('姓名').first().fill('互助乙');
    await u.getByPlaceholder('姓名').first().press('Enter');
    const row = u.locator('.ant-table-row', { hasText: '互助乙' });
    await row.waitFor();
    expect(await row.textContent()).toContain('60.00 元');

    // The claim, filed by the union.
    await u.getByRole('tab', { name: '理赔' }).click();
    await u.getByRole('button', { name: '提交理赔申请' }).click();
    const claim = u.locator('.ant-modal', { hasText: '提交理赔申请' });
    await claim.getByLabel('参保会员').fill('互助乙');
    await u.locator('.ant-select-item-option', { hasText: '互助乙' }).first().click();
    await claim.getByLabel('疾病诊断').fill('急性心肌梗死');
    await claim.getByLabel('就诊医院').fill('区人民医院');
    await claim.getByPlaceholder('入院（确诊）').click();
    await claim.getByPlaceholder('入院（确诊）').fill(`${year}-01-05`);
    await claim.getByPlaceholder('入院（确诊）').press('Enter');
    await claim.getByLabel('医疗费用（个人负担部分）').fill('8000');
    await claim.locator('.ant-modal-title').click();
    await claim.getByRole('button', { name: /^提\s*交$/ }).click();
    await u.getByText('已提交，等待区总工会审核').waitFor();
    // Its diagnosis certificate, uploaded encrypted from the claim's 材料 dialog.
    await u.locator('.ant-table-row', { hasText: '互助乙' }).getByRole('button', { name: '材料（0）' }).click();
    const papers = u.locator('.ant-modal', { hasText: '理赔材料：互助乙' });
    await papers.locator('input[type=file]').setInputFiles({ name: '诊断证明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await papers.getByText('诊断证明：诊断证明.pdf').waitFor();
    await papers.locator('.ant-modal-close').click();

    // The district approves within what the two shares leave, then pays.
    const d = await j.browser.newPage();
    await openAs(d, j.server.url, 'admin', '/mutual-aid?tab=claims');
    const pending = d.locator('.ant-table-row', { hasText: '互助乙' });
    await pending.getByRole('button', { name: /^核\s*准$/ }).click();
    const approve = d.locator('.ant-modal', { hasText: '核准理赔' });
    await approve.getByText('本参保人本年度还可给付 6,000.00 元').waitFor();
    await approve.getByRole('button', { name: /^核\s*准$/ }).click();
    await pending.locator('.ant-tag', { hasText: '已核准待支付' }).waitFor();
    await pending.getByRole('button', { name: '登记支付' }).click();
    await d.locator('.ant-popconfirm').getByRole('button', { name: '已支付' }).click();
    await pending.locator('.ant-tag', { hasText: '已支付' }).waitFor();
    expect(await pending.textContent()).toContain('6,000.00 元');
    expect(await pending.textContent()).not.toContain('心肌梗死');
  });

  it('a member signs up on a phone; the union records the check and its results; the member reads them', async () => {
    const admin = await j.server.as('admin');
    const p = await admin.post('/api/health-checks', { year, name: '旅程体检', provider: '区人民医院', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, quotas: [{ group: 'frontline', places: 5 }] });
    expect(p.status).toBe(200);
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const m = await phone.newPage();
      await openAs(m, j.server.url, 'member', '/me/health-checks');
      const offer = m.locator('.ant-card', { hasText: '旅程体检' });
      await offer.getByRole('button', { name: '我要报名' }).click();
      const dialog = m.locator('.ant-modal', { hasText: '报名：旅程体检' });
      await dialog.getByRole('button', { name: /^报\s*名$/ }).click();
      await m.getByText('报名成功，请按预约日期前往体检').waitFor();
      await m.locator('.ant-card', { hasText: '旅程体检' }).locator('.ant-tag', { hasText: '已报名' }).waitFor();
      expect(await m.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

      const u = await j.browser.newPage();
      await openAs(u, j.server.url, 'union', `/health-checks?programme=${p.body.id}`);
      const row = u.locator('.ant-table-row', { hasText: '孙浩' });
      await row.getByRole('button', { name: '登记完成' }).click();
      await row.locator('.ant-tag', { hasText: '已体检' }).waitFor();
      await row.getByRole('button', { name: '登记结果' }).click();
      const results = u.locator('.ant-modal', { hasText: '登记体检结果' });
      await results.getByText('有异常，需复查').click();
      await results.getByLabel('主要结果').fill('血压偏高');
      await results.getByLabel('复查和健康指导').fill('一个月内复查血压');
      await results.getByRole('button', { name: /^保\s*存$/ }).click();
      await row.getByText('已登记').waitFor();
      expect(await row.textContent()).not.toContain('血压');

      await m.reload();
      const mine = m.locator('.ant-card', { hasText: '旅程体检' });
      await mine.getByText('有异常，请按指导复查').waitFor();
      await mine.getByText('一个月内复查血压').waitFor();
    } finally {
      await phone.close();
    }
  });
});
