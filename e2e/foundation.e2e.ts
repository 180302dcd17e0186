import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login as signIn, openAs, useJourney } from './journey';

const j = useJourney();

const login = (page: Page, username: string) => signIn(page, j.server.url, username);

async function logout(page: Page) {
  await page.context().clearCookies();
}

describe('foundation journeys', () => {
  it('shows the demo banner and refuses a wrong password with a Chinese message', async () => {
    const page = await j.browser.newPage();
    await page.goto(`${j.server.url}/`);
    await page.waitForURL(/\/login$/);
    await page.getByText('演示模式：本系统数据均为虚构').waitFor();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Wrong#pass1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('用户名或密码错误').waitFor();
    await page.close();
  });

  it('district admin creates a grassroots union under a street union, finds it in the tree, and sees it in the audit log', async () => {
    const page = await j.browser.newPage();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.getByRole('heading', { name: '组织管理' }).waitFor();
    await page.locator('.ant-tree').getByText('云溪区锦绣街道总工会', { exact: true }).click();
    await page.getByText('范围：云溪区锦绣街道总工会 及其下级').waitFor();
    await page.getByRole('button', { name: '新建组织' }).click();
    const drawer = page.locator('.ant-drawer');
    // The chosen parent is named, not shown as its id, though the tree has loaded only the top level.
    await drawer.locator('.ant-select-content, .ant-select-selection-item').getByText('云溪区锦绣街道总工会', { exact: true }).waitFor();
    await drawer.getByLabel('组织名称').fill('云溪晨曦印务有限公司工会委员会');
    await drawer.getByLabel('联系人').fill('林晓');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已新建组织').waitFor();

    // In the list (search) …
    await page.getByPlaceholder('名称或组织代码').fill('晨曦印务');
    await page.getByPlaceholder('名称或组织代码').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '云溪晨曦印务有限公司工会委员会' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('企业工会');
    // … and in the tree under its street union.
    await page.reload();
    await page.locator('.ant-tree').getByText('云溪区锦绣街道总工会', { exact: true }).waitFor();
    await page.locator('.ant-tree-treenode', { hasText: '云溪区锦绣街道总工会' }).locator('.ant-tree-switcher').click();
    await page.locator('.ant-tree').getByText('云溪晨曦印务有限公司工会委员会').waitFor();

    await page.getByRole('menuitem', { name: '操作日志' }).click();
    const audit = page.locator('.ant-table-row', { hasText: '新建组织' }).first();
    await audit.waitFor();
    await expect(audit.textContent()).resolves.toContain('云溪晨曦印务有限公司工会委员会');
    await expect(audit.textContent()).resolves.toContain('周敏（演示）（admin）');
    await page.close();
  });

  it('grassroots administrator sees only their own union, never a sibling', async () => {
    const page = await j.browser.newPage();
    await openAs(page, j.server.url, 'union', '/');
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.getByText('共 1 条').waitFor();
    const rows = page.locator('.ant-table-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('云溪恒达物流有限公司工会委员会');
    await page.getByPlaceholder('名称或组织代码').fill('锦绣街道第一社区联合工会');
    await page.getByPlaceholder('名称或组织代码').press('Enter');
    await page.getByText('没有找到「锦绣街道第一社区联合工会」相关的组织').waitFor();
    // Even the API, asked directly for the sibling, answers 404.
    const admin = await j.server.as('admin');
    const sibling = (await admin.get(`/api/orgs?q=${encodeURIComponent('锦绣街道第一社区联合工会')}`)).body.items[0];
    const res = await page.request.get(`${j.server.url}/api/orgs/${sibling.id}`);
    expect(res.status()).toBe(404);
    expect((await res.json()).message).toBe('组织不存在或不在您的管辖范围内');
    await logout(page);
    await page.close();
  });

  it('works on a 390-px phone: menu drawer, no horizontal overflow', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await openAs(page, j.server.url, 'jinxiu', '/');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '账号管理' }).click();
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await page.getByText('共 3 条').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });
  it('closing a union with members first ends their memberships in the same dialog, then closes it', async () => {
    const page = await j.browser.newPage();
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '组织管理' }).click();
    await page.getByRole('heading', { name: '组织管理' }).waitFor();
    await page.getByPlaceholder('名称或组织代码').fill('恒达物流');
    await page.getByPlaceholder('名称或组织代码').press('Enter');
    const row = page.locator('.ant-table-row', { hasText: '云溪恒达物流有限公司工会委员会' });
    await row.waitFor();
    await row.getByRole('button', { name: /操\s*作/ }).click();
    await page.getByRole('menuitem', { name: '撤销' }).click();
    const dialog = page.locator('.ant-modal', { hasText: '撤销组织：云溪恒达物流有限公司工会委员会' });
    await dialog.getByText(/该工会还有 \d+ 名会员的会籍未结束/).waitFor();
    await dialog.getByText('整体办理退会', { exact: true }).click();
    await dialog.getByLabel('撤销原因').fill('企业注销');
    await dialog.getByRole('button', { name: '整体退会并撤销' }).click();
    await page.getByText(/已为 \d+ 名会员办理退会/).waitFor();
    await page.getByText('已撤销，记录保留在「已撤销」列表中').waitFor();
    await page.close();
  });
});
