import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { readXlsxRows } from '@platform/excel';
import { fakeIdNumber, ROSTER_HEADER, xlsx } from '@test/fixtures/people';
import { launchBrowser } from './browser';
import { login, openAs, shot, useJourney } from './journey';

const j = useJourney();

async function uploadRoster(page: Page, file: string) {
  await page.getByRole('button', { name: '批量导入' }).click();
  const dialog = page.locator('.ant-modal', { hasText: '导入会员花名册' });
  await dialog.locator('input[type=file]').setInputFiles(file);
  return dialog;
}

describe('member register journeys', () => {
  it('template → import with wrong rows → error report → fix → import → members listed with masked ID numbers', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'union', '/');
    await page.getByRole('menuitem', { name: '会员管理' }).click();
    await page.getByRole('heading', { name: '会员管理' }).waitFor();

    // The template, downloaded from the dialog.
    await page.getByRole('button', { name: '批量导入' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '导入会员花名册' });
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载导入模板' }).click()]);
    const template = await readXlsxRows(fs.readFileSync((await download.path())!));
    expect(template[0]).toEqual(ROSTER_HEADER);
    await dialog.locator('.ant-modal-close').click();

    const code = (await (await j.server.as('union')).get('/api/orgs?q=' + encodeURIComponent('云溪恒达物流有限公司工会委员会'))).body.items[0].code as string;
    const good = fakeIdNumber('19880412', true);
    const bad = fakeIdNumber('19910203');
    const badTyped = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-e2e-'));
    const row = (name: string, id: string) => ROSTER_HEADER.map((h) => (h === '姓名' ? name : h === '居民身份证号码' ? id : h === '所属工会代码' ? code : h === '入会日期' ? '2025-05-06' : h === '职业' ? '快递员' : ''));
    const wrongFile = path.join(dir, '花名册.xlsx');
    fs.writeFileSync(wrongFile, await xlsx([ROSTER_HEADER, row('林若溪', good), row('韩一鸣', badTyped)]));
    const d1 = await uploadRoster(page, wrongFile);
    await d1.getByText('有错误，未导入').waitFor();
    const [report] = await Promise.all([page.waitForEvent('download'), d1.getByRole('button', { name: '下载错误报告' }).click()]);
    const errors = await readXlsxRows(fs.readFileSync((await report.path())!));
    expect(errors[0]!.at(-1)).toBe('错误说明');
    expect(errors[2]!.at(-1)).toContain('校验位不正确');
    await d1.getByRole('button', { name: '再导入一个文件' }).click();

    // Fixed file: both rows go in.
    const fixedFile = path.join(dir, '花名册-已改正.xlsx');
    fs.writeFileSync(fixedFile, await xlsx([ROSTER_HEADER, row('林若溪', good), row('韩一鸣', bad)]));
    await d1.locator('input[type=file]').setInputFiles(fixedFile);
    await d1.getByText('导入完成：共 2 行，新增 2').waitFor();
    await d1.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill('林若溪');
    await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
    const r = page.locator('.ant-table-row', { hasText: '林若溪' });
    await r.waitFor();
    const text = (await r.textContent())!;
    expect(text).toContain(`${good.slice(0, 4)}**********${good.slice(-4)}`);
    expect(text).not.toContain(good);
    expect(text).toContain('快递员');
    await page.close();
  });

  it('a search matching more than 200 members says so and asks for more characters, on a desk and on a phone', async () => {
    // 205 members named 谯… in one union, written straight to the tables (the demo district has fewer of any surname).
    const db = j.server.database.db;
    const [top] = await queryRows<{ id: number }>(db, sql`select coalesce(max(id), 0)::int as id from members`);
    const [org] = await queryRows<{ id: number }>(db, sql`select id from organisations where name = '云溪恒达物流有限公司工会委员会'`);
    await db.execute(sql`insert into members (id, name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked)
      select ${top!.id} + g, '谯' || lpad(g::text, 3, '0'), 'male', '1990-01-01', 'x', 'e2e-cap-' || g, '110***********0000' from generate_series(1, 205) g`);
    await db.execute(sql`insert into memberships (member_id, org_id, joined_on, channel) select ${top!.id} + g, ${org!.id}, '2024-01-01', 'import' from generate_series(1, 205) g`);
    await db.execute(sql`select setval(pg_get_serial_sequence('members', 'id'), ${top!.id + 205})`);
    const surname = '谯';
    for (const size of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
      const browser = await launchBrowser(size);
      try {
        const page = await browser.newPage();
        await openAs(page, j.server.url, 'admin', '/members');
        await page.getByRole('heading', { name: '会员管理' }).waitFor();
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill(surname);
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
        await page.getByText('200 条以上，请输入更多字缩小范围').waitFor();
        await page.getByText('200 条以上，请输入更多字缩小范围').scrollIntoViewIfNeeded();
        await shot(page, `members-search-capped-${size.width}`);
        // More characters narrow it to an exact count again.
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill('谯20');
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
        await page.getByText('共 6 条').waitFor();
        // Nothing matches: the empty state says so.
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill('谯999');
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
        await page.getByText('没有找到匹配的会员').waitFor();
        await shot(page, `members-search-empty-${size.width}`);
      } finally {
        await browser.close();
      }
    }
  });

  it('registers a member by hand: a name the rule refuses says why on screen; a name with a rare character (生僻字) is taken and found', async () => {
    const sizes = [
      { width: 1366, height: 768, name: '𠀀雨桐', birth: '19930101' },
      { width: 390, height: 844, name: '𠀁雨桐', birth: '19930102' },
    ];
    for (const size of sizes) {
      const browser = await launchBrowser(size);
      try {
        const page = await browser.newPage();
        await openAs(page, j.server.url, 'union', '/members');
        await page.getByRole('heading', { name: '会员管理' }).waitFor();
        await page.getByRole('button', { name: '登记会员' }).click();
        const form = page.locator('.ant-drawer', { hasText: '登记会员' });
        await form.getByLabel('姓名').fill('韩1鸣');
        await form.getByLabel('居民身份证号码').fill(fakeIdNumber(size.birth));
        await form.getByLabel('所属工会').click();
        await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪恒达物流有限公司工会委员会' }).first().click();
        const joined = form.getByLabel('入会日期', { exact: true });
        await joined.click();
        await joined.fill('2025-03-01');
        await page.locator('.ant-picker-dropdown:visible .ant-picker-cell-selected').click();
        await form.getByRole('button', { name: /登\s*记/ }).click();
        await form.getByText('姓名应为 2–30 个汉字或字母').first().waitFor();
        await shot(page, `members-register-refused-${size.width}`);
        await form.getByLabel('姓名').fill(size.name);
        await form.getByRole('button', { name: /登\s*记/ }).click();
        await page.getByText(`已登记会员“${size.name}”`).waitFor();
        await form.waitFor({ state: 'hidden' });
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill(size.name.slice(0, 2));
        await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
        await page.locator('.ant-table-row', { hasText: size.name }).waitFor();
        await expect.poll(() => page.locator('.ant-table-row').count()).toBe(1);
        await shot(page, `members-register-rare-${size.width}`);
      } finally {
        await browser.close();
      }
    }
  });

  it('a worker joins online on a phone-sized screen; the union approves; the member sees the record', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.newPage();
      await page.goto(`${j.server.url}/join`);
      await page.getByText('申请加入工会').first().waitFor();
      await page.getByText('云溪区新就业形态劳动者联合工会').click();
      await page.getByLabel('姓名').fill('骑手周');
      await page.getByLabel('居民身份证号码').fill(fakeIdNumber('19960606'));
      await page.getByLabel('手机号码').fill('13700006666');
      await page.getByLabel('职业').click();
      await page.locator('.ant-select-item-option', { hasText: '外卖配送员' }).click();
      await page.getByLabel('登录名').fill('rider-zhou');
      await page.getByLabel('密码').fill('Rider#2026');
      await page.getByLabel('我已阅读并同意').check();
      await page.getByRole('button', { name: '提交申请' }).click();
      await page.getByText('申请已提交').waitFor();
      await page.getByText('您的工作单位不会收到通知').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // The district approves (the gig workers' joint union sits directly under the federation).
      const admin = await j.browser.newPage();
      await openAs(admin, j.server.url, 'admin', '/member-applications');
      const row = admin.locator('.ant-table-row', { hasText: '骑手周' });
      await row.getByRole('button', { name: '批准' }).click();
      await admin.locator('.ant-modal-confirm').getByRole('button', { name: /批\s*准/ }).click();
      // The approved application leaves the pending list (the success message fades, so the list is what stays);
      // a refusal stays on screen in a dialog, and its text is the failure.
      const refused = admin.locator('.ant-modal-confirm-error');
      const outcome = async () => ((await refused.count()) ? `批准被拒绝：${await refused.innerText()}` : (await row.count()) ? '仍待审核' : '已离开待审核列表');
      await expect.poll(outcome, { timeout: 30_000 }).toBe('已离开待审核列表');
      await admin.close();

      await page.getByRole('button', { name: '查看审核进度' }).click();
      await page.getByText('入会申请：已通过').waitFor();
      await login(page, j.server.url, 'rider-zhou', 'Rider#2026');
      await page.goto(`${j.server.url}/me/member`);
      await page.getByText('您是“云溪区新就业形态劳动者联合工会”的会员').waitFor();
      await page.getByText('网上申请').waitFor();
    } finally {
      await phone.close();
    }
  });
});
