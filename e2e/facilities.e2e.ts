import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { openAs, shot, useJourney } from './journey';

const j = useJourney();
// Away from the demo's stations (around 32.05, 118.78): the journey's station is the nearest to this phone.
const HERE = { latitude: 31.9001, longitude: 118.6001 };


/** 服务阵地: a street declares a rest station, the district accepts it, a worker on a phone finds it nearest. */
describe('worker facilities', () => {
  let stationUrl = '';

  it('a street declares a rest station; the district is refused acceptance while items are missing, then accepts and lists it', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'jinxiu', '/facilities');
    await page.getByRole('heading', { name: '服务阵地' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'facilities-list-desktop');
    await expectAccessible(page, '服务阵地列表');

    await page.getByRole('button', { name: '申报阵地' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '申报服务阵地' });
    await form.getByLabel('所属工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区锦绣街道总工会' }).first().click();
    await form.getByLabel('阵地类型').click();
    await page.locator('.ant-select-item-option', { hasText: '爱心驿站' }).click();
    await form.getByLabel('阵地名称').fill('旅程测试爱心驿站');
    await form.getByLabel('建设标准').click();
    await page.locator('.ant-select-item-option', { hasText: '七个一（第 1 版）' }).click();
    await form.getByLabel('建设方式').click();
    await page.locator('.ant-select-item-option', { hasText: '共建' }).click();
    await form.getByLabel('地址').fill('云溪区锦绣街道旅程路 1 号');
    await form.getByLabel('开放时间').fill('全天开放');
    // Saved without coordinates: refused, naming the fields, with what was typed kept.
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('请填写纬度').waitFor();
    await form.getByLabel('纬度').fill(String(HERE.latitude - 0.0001));
    await form.getByLabel('经度').fill(String(HERE.longitude - 0.0001));
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '验收和复验记录' });
    await drawer.getByText('爱心驿站：旅程测试爱心驿站').waitFor();
    await drawer.getByText('还没有验收记录：等待上级工会验收').waitFor();
    expect(await drawer.getByRole('button', { name: '验收通过' }).count()).toBe(0); // the street keeps it; the district accepts
    stationUrl = new URL(page.url()).pathname + new URL(page.url()).search;
    expect(stationUrl).toMatch(/^\/facilities\?open=\d+$/);
    await page.close();

    const district = await j.browser.newPage();
    await district.setViewportSize({ width: 1366, height: 768 });
    await openAs(district, j.server.url, 'admin', stationUrl);
    const record = district.locator('.ant-drawer', { hasText: '验收和复验记录' });
    await record.getByRole('button', { name: '验收通过' }).click();
    const dialog = district.getByRole('dialog', { name: /验收通过：旅程测试爱心驿站/ });
    for (const item of ['一处室内空间', '一套桌凳', '一台微波炉', '一台饮水机', '一台冷暖设备']) await dialog.getByLabel(`* ${item}`).check();
    await dialog.getByRole('button', { name: '验收通过' }).click();
    await dialog.getByRole('alert').filter({ hasText: '不能验收通过：一台冰箱；一个急救药箱' }).waitFor();
    await shot(district, 'facility-refusal-desktop');
    await expectAccessible(district, '服务阵地（验收）', { scope: dialog });
    await dialog.getByLabel('* 一台冰箱').check();
    await dialog.getByLabel('* 一个急救药箱').check();
    await dialog.getByRole('button', { name: '验收通过' }).click();
    await record.getByRole('cell', { name: '验收', exact: true }).waitFor();
    await record.getByRole('button', { name: '挂牌上图' }).click();
    await district.getByRole('dialog', { name: /挂牌上图/ }).getByRole('button', { name: '挂牌上图' }).click();
    await record.getByText('运行中').first().waitFor();
    await shot(district, 'facility-drawer-desktop');
    await district.close();
  });

  it('a worker on a phone finds the station nearest, with its hours and a map link; without location, the list by name', async () => {
    await j.browser.grantPermissions(['geolocation'], { origin: j.server.url });
    await j.browser.setGeolocation(HERE);
    const phone = await j.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${j.server.url}/nearby`);
    const first = phone.getByRole('list', { name: '站点' }).getByRole('listitem').first();
    await first.getByText('旅程测试爱心驿站').waitFor();
    await first.getByText('15 米').waitFor();
    await first.getByText('开放时间：全天开放 · 云溪区锦绣街道总工会').waitFor();
    expect(await first.getByRole('link', { name: /在地图中打开/ }).getAttribute('href')).toContain('uri.amap.com/marker?position=118.6,31.9');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'nearby-phone');
    await expectAccessible(phone, '附近的爱心驿站和母婴室');

    await j.browser.clearPermissions();
    await phone.reload();
    await phone.getByText('没有得到定位权限，下面按名称列出全部站点').waitFor();
    await phone.getByRole('list', { name: '站点' }).getByRole('listitem').first().waitFor();
    await shot(phone, 'nearby-refused-phone');
    await phone.close();
  });

  it('shows an empty state, and the report’s six service figures are links to their records', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/facilities');
    const search = page.getByRole('searchbox', { name: '阵地、地址或工会名称' });
    await search.fill('没有这样的阵地');
    await search.press('Enter');
    await page.getByText('没有符合条件的服务阵地').waitFor();
    await shot(page, 'facilities-empty-desktop');

    await page.goto(`${j.server.url}/reports`);
    await page.getByText(`云溪区总工会${new Date().getFullYear()}年领导班子述职述廉述学报告`).click();
    const para = page.locator('article p', { hasText: '建立精准服务体系' }).first();
    await para.waitFor();
    for (const missing of ['录入用工信息企业数', '用工信息条数', '招聘会场次', '新建职工书屋数', '新建爱心驿站数', '母婴室和爱心托管班数']) expect(await para.textContent()).not.toContain(`缺：${missing}`);
    const links = para.locator('a');
    const text = (await para.textContent())!;
    const rooms = Number(/新建提升职工书屋(\d+)家/.exec(text)?.[1]);
    expect(rooms).toBeGreaterThan(0);
    await links.filter({ hasText: new RegExp(`^${rooms}$`) }).first().click();
    await page.getByText(/：明细记录/).waitFor();
    await page.getByText(`共 ${rooms} 条`).waitFor();
    await shot(page, 'report-facilities-drill');
    await page.close();
  });

  it('a union records a volunteer activity (a reach below its person-times refused on screen) and names a volunteer with hours', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/activities');
    await page.getByRole('heading', { name: '活动与志愿服务' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'activities-list-desktop');
    await expectAccessible(page, '活动与志愿服务');
    await page.getByRole('button', { name: '登记活动' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '活动举办后登记' });
    await form.getByLabel('主办工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区总工会' }).first().click();
    await form.getByLabel('活动类型').click();
    await page.locator('.ant-select-item-option', { hasText: '志愿服务' }).click();
    await form.getByLabel('活动名称').fill('旅程测试志愿服务进社区');
    await form.getByLabel('参与人次').fill('12');
    await form.getByLabel('辐射人次').fill('5');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.getByText('辐射人次不能少于参与人次').waitFor();
    await shot(page, 'activity-refusal-desktop');
    await form.getByLabel('辐射人次').fill('300');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '参与人员和志愿者' });
    await drawer.getByText('还没有登记姓名：只按人次统计').waitFor();
    await drawer.getByLabel('会员').click();
    await page.keyboard.type('王');
    await page.locator('.ant-select-item-option').first().click();
    await drawer.getByLabel('志愿服务时长（小时）').fill('2.5');
    await drawer.getByRole('button', { name: /登\s*记/ }).click();
    await drawer.getByText('登记 1 人，参与 12 人次，志愿服务 2.5 小时').waitFor();
    // 操作 is fixed on the right of the drawer's table: the remove button is on screen without scrolling the table.
    const table = (await drawer.locator('section[aria-label="参与人员和志愿者"] .ant-table-container').boundingBox())!;
    const remove = (await drawer.getByRole('button', { name: /^移除 / }).boundingBox())!;
    expect(remove.x + remove.width).toBeLessThanOrEqual(Math.min(table.x + table.width, 1366) + 1);
    await shot(page, 'activity-drawer-desktop');
    await page.close();
  });

  it('the district’s meetings: a committee below two thirds cannot decide (said on screen); open decisions are 待办', async () => {
    const page = await j.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await openAs(page, j.server.url, 'admin', '/meetings');
    await page.getByRole('heading', { name: '会议记录' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await shot(page, 'meetings-list-desktop');
    await expectAccessible(page, '会议记录');
    await page.getByRole('button', { name: '登记会议' }).first().click();
    const form = page.locator('.ant-drawer', { hasText: '会议召开后登记' });
    await form.getByLabel('工会').click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '云溪区总工会' }).first().click();
    await form.getByLabel('会议类型').click();
    await page.locator('.ant-select-item-option', { hasText: '常委会' }).click();
    await form.getByLabel('会议名称').fill('旅程测试常委会');
    await form.getByLabel('应到人数').fill('15');
    await form.getByLabel('实到人数').fill('9');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    const drawer = page.locator('.ant-drawer', { hasText: '决定事项（' });
    await drawer.getByText('出席人数未达到应到人数的三分之二，这次会议不能作出决定。').waitFor();
    expect(await drawer.getByRole('button', { name: '登记决定事项' }).count()).toBe(0);
    await shot(page, 'meeting-no-quorum-desktop');
    await page.goto(`${j.server.url}/`);
    const card = page.locator('.due-list');
    await card.getByRole('group', { name: '按业务模块筛选待办' }).getByRole('button', { name: /^会议记录/ }).click();
    await card.locator('.ant-list-item', { hasText: '落实会议决定' }).first().waitFor();
    await shot(page, 'meetings-due-desktop');
    await page.close();
  });
});
