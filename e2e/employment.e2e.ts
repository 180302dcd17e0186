import { describe, expect, it } from 'vitest';
import { withUsccCheckDigit } from '@platform/validation';
import { expectAccessible } from './axe';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();


/** 就业服务: a union records a job fair and its enterprises; a worker on a phone finds posts and fairs without an account. */
describe('employment services', () => {
  it('a union registers a fair, adds its enterprises (a repeat refused on screen), and is refused results before the day', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/employment/fairs');
    await page.getByRole('heading', { name: '招聘会' }).waitFor();
    await page.getByText(/共 \d+ 条/).last().waitFor();
    await shot(page, 'fairs-list-desktop');
    await expectAccessible(page, '招聘会列表');

    await page.getByRole('button', { name: '登记招聘会' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '登记招聘会' });
    await form.getByLabel('主办工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区总工会' }).first().click();
    await form.getByLabel('招聘会名称').fill('旅程测试专场招聘会');
    await form.getByLabel('地点或平台').fill('云溪区职工服务中心一楼');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '参会单位（' });
    await drawer.getByText('旅程测试专场招聘会').first().waitFor();
    await drawer.getByText('还没有登记参会单位').waitFor();

    const uscc = withUsccCheckDigit('91320102MA1LC0001');
    for (const [name, posts] of [['旅程测试物流有限公司', '3'], ['旅程测试物流有限公司', '2']] as const) {
      await drawer.getByLabel('单位名称').fill(name);
      await drawer.getByLabel('统一社会信用代码').fill(uscc);
      await drawer.getByLabel('岗位数').fill(posts);
      await drawer.getByLabel('招聘人数').fill('12');
      await drawer.getByRole('button', { name: '添加参会单位' }).click();
      if (posts === '3') await drawer.getByRole('cell', { name: '旅程测试物流有限公司' }).first().waitFor();
    }
    await drawer.getByRole('alert').filter({ hasText: '这家单位已在本场招聘会的参会名单中' }).waitFor();
    await drawer.getByRole('alert').scrollIntoViewIfNeeded();
    await shot(page, 'fair-refusal-desktop');
    await expectAccessible(page, '招聘会（参会单位）', { scope: drawer });

    // Results before the day are refused, on screen, inside the form.
    await drawer.getByRole('button', { name: /^修\s*改$/ }).click();
    const edit = page.locator('.ant-drawer', { hasText: '修改：旅程测试专场招聘会' });
    await edit.getByLabel('达成意向').fill('15');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.getByRole('alert').filter({ hasText: '招聘会尚未举办' }).waitFor();
    await page.close();
  });

  it('shows the hiring ledger with an empty state, and a worker on a phone finds posts and fairs at /jobs', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'jinxiu', '/employment');
    await page.getByRole('heading', { name: '企业用工信息' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'hiring-list-desktop');
    await expectAccessible(page, '企业用工信息');
    const search = page.getByRole('searchbox', { name: '单位、岗位或工会名称' });
    await search.fill('没有这样的岗位');
    await search.press('Enter');
    await page.getByText('没有符合条件的用工信息').waitFor();
    await shot(page, 'hiring-empty-desktop');

    // 就业援助, one tab away: a wrong ID number is refused inside the form, naming the field.
    await page.getByText('就业援助', { exact: true }).click();
    await page.getByRole('heading', { name: '就业援助' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, '就业援助');
    await page.getByRole('button', { name: '登记服务' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '登记就业援助服务' });
    await form.getByLabel('服务工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区锦绣街道总工会' }).first().click();
    await form.getByLabel('姓名').fill('旅程求职者');
    await form.getByLabel('身份证号码').fill('320102199001011230');
    await form.getByLabel('服务对象类别').click();
    await page.locator('.ant-select-item-option', { hasText: '失业人员' }).click();
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByRole('alert').filter({ hasText: '身份证号码' }).waitFor();
    await shot(page, 'seeker-refusal-desktop');
    await page.close();

    const phone = await j.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${j.server.url}/jobs`);
    await phone.getByRole('heading', { name: '工会就业服务：招聘岗位和招聘会' }).waitFor();
    const fairs = phone.getByRole('list', { name: '近期招聘会' });
    await fairs.getByText('旅程测试专场招聘会').waitFor();
    const posts = phone.getByRole('list', { name: '招聘岗位' });
    const first = (await posts.locator('li strong').first().textContent())!;
    await phone.getByRole('searchbox', { name: '搜索岗位、单位或地点' }).fill(first);
    expect(await posts.locator('li strong').allTextContents()).toEqual(expect.arrayContaining([first]));
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await shot(phone, 'jobs-phone');
    await expectAccessible(phone, '公开招聘信息（手机）');
    // 我有意向: refused without consent (said in the dialog), then taken.
    await posts.getByRole('button', { name: /^我有意向/ }).first().click();
    const dialog = phone.getByRole('dialog', { name: /^我有意向/ });
    await dialog.getByLabel('姓名', { exact: true }).fill('旅程求职者');
    await dialog.getByLabel('手机号码', { exact: true }).fill('13912340000');
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await dialog.getByText('请阅读并同意后再提交').waitFor();
    await shot(phone, 'jobs-interest-refusal-phone');
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: /提\s*交/ }).click();
    await phone.getByText(/工作人员会用您留的手机号码联系您/).waitFor();
    await phone.getByRole('searchbox', { name: '搜索岗位、单位或地点' }).fill('没有这样的岗位');
    await phone.getByText('没有符合条件的岗位').waitFor();
    await phone.close();
  });
});
