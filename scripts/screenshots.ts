/**
 * Takes screenshots of the main pages at desktop (1366×768) and phone (390×844) widths, for a person to
 * look at. Usage: start the demo (`npm run demo`), then `tsx scripts/screenshots.ts [baseUrl] [outDir]`.
 */
import fs from 'node:fs';
import { launchBrowser } from '../e2e/browser';
import { ROSTER_HEADER, xlsx } from '../test/fixtures/people';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const out = process.argv[3] ?? 'screenshots';
fs.mkdirSync(out, { recursive: true });

for (const [label, viewport] of [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  const ctx = await launchBrowser(viewport);
  const page = await ctx.newPage();
  await page.goto(`${base}/login`);
  await page.getByText('工会工作平台').first().waitFor();
  await page.screenshot({ path: `${out}/${label}-login.png` });
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${label}-home.png` });
  for (const [name, url, wait] of [
    ['orgs', '/orgs', '组织管理'],
    ['members', '/members', '会员管理'],
    ['applications', '/member-applications', '入会申请'],
    ['duplicates', '/members/duplicates', '疑似重复人员'],
    ['employers', '/employers', '用人单位与建会'],
    ['elections', '/elections', '换届提醒'],
    ['standards', '/standards', '规范化建设'],
    ['standards-checklists', '/standards?tab=checklists', '规范化建设'],
    ['standards-honours', '/standards?tab=honours', '规范化建设'],
    ['hardship', '/hardship', '困难职工帮扶'],
    ['hardship-aid', '/hardship?tab=aid', '困难职工帮扶'],
    ['hardship-campaigns', '/hardship?tab=campaigns', '困难职工帮扶'],
    ['hardship-screenings', '/hardship?tab=screenings', '困难职工帮扶'],
    ['hardship-parameters', '/hardship?tab=parameters', '困难职工帮扶'],
    ['mutual-aid', '/mutual-aid', '职工大病互助'],
    ['mutual-aid-claims', '/mutual-aid?tab=claims', '职工大病互助'],
    ['mutual-aid-quotas', '/mutual-aid?tab=quotas', '职工大病互助'],
    ['health-checks', '/health-checks', '一线职工免费体检'],
    ['accounts', '/accounts', '账号管理'],
    ['audit', '/audit', '操作日志'],
  ] as const) {
    await page.goto(base + url);
    await page.getByRole('heading', { name: wait }).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${label}-${name}.png` });
  }
  // A hardship case on file with its finances opened (an audited reveal), timeline and documents.
  await page.goto(`${base}/hardship?status=assisted`);
  await page.locator('.ant-table-row').first().click();
  await page.getByText('办理记录').waitFor();
  await page.getByRole('button', { name: '查看收支明细' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /查\s*看/ }).click();
  await page.getByText('家庭人均月收入').first().waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${label}-hardship-case.png`, fullPage: true });
  await page.getByRole('button', { name: '回头看（复核）' }).click();
  await page.locator('.ant-modal').getByText('家庭共同生活人口').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${label}-hardship-review-dialog.png` });
  await page.keyboard.press('Escape');
  // Standardisation: a submitted assessment as its reviewer sees it, and the standard editor from a template.
  await page.goto(`${base}/standards`);
  await page.getByRole('button', { name: '查看 / 审核' }).first().click();
  await page.getByText('审核得分').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-assessment-review.png`, fullPage: true });
  await page.goto(`${base}/standards?tab=honours`);
  await page.getByPlaceholder('工会或荣誉名称').fill('没有这个荣誉');
  await page.getByPlaceholder('工会或荣誉名称').press('Enter');
  await page.getByText('没有荣誉记录').waitFor();
  await page.screenshot({ path: `${out}/${label}-honours-empty.png` });
  await page.goto(`${base}/standards?tab=checklists`);
  await page.getByRole('button', { name: '新建检查标准' }).click();
  await page.getByRole('dialog').getByRole('combobox').first().click();
  await page.getByTitle('活力基层工会“六好”').click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${label}-checklist-editor.png` });
  await page.keyboard.press('Escape');
  // Member detail, the import dialog and an empty search.
  await page.goto(`${base}/members`);
  await page.locator('.ant-table-row a').first().click();
  await page.locator('.ant-drawer').getByText('会籍记录').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-member-detail.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '批量导入' }).click();
  await page.locator('.ant-modal').getByText('下载导入模板').waitFor();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/${label}-import-dialog.png` });
  // A roster with one wrong row: the dialog's outcome (nothing written, the error report offered).
  const roster = await xlsx([ROSTER_HEADER, ROSTER_HEADER.map((h) => (h === '姓名' ? '错行' : h === '居民身份证号码' ? '110105199001011230' : h === '所属工会代码' ? '000' : ''))]);
  await page.locator('.ant-modal input[type=file]').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: roster });
  await page.locator('.ant-modal').getByText('有错误，未导入').waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/${label}-import-errors.png` });
  await page.keyboard.press('Escape');
  await page.getByPlaceholder('姓名开头、身份证号码或手机号码').fill('无此人');
  await page.getByPlaceholder('姓名开头、身份证号码或手机号码').press('Enter');
  await page.getByText('没有找到匹配的会员').waitFor();
  await page.screenshot({ path: `${out}/${label}-members-empty.png` });
  // The public joining page and a member's own record.
  await page.goto(`${base}/join`);
  await page.getByText('申请加入工会').waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/${label}-join.png`, fullPage: true });
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.getByText('请选择要加入的工会').waitFor();
  await page.screenshot({ path: `${out}/${label}-join-errors.png` });
  await page.goto(`${base}/join?ref=NOSUCHREF1`);
  await page.getByText('没有找到这个申请编号').waitFor();
  await page.screenshot({ path: `${out}/${label}-join-unknown-ref.png` });
  await page.context().clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill('member');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
  await page.goto(`${base}/me/member`);
  await page.getByText('会籍记录').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-my-membership.png` });
  await page.goto(`${base}/me/hardship`);
  await page.getByRole('button', { name: '申请困难帮扶' }).click();
  await page.getByText('家庭共同生活人口').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${label}-my-hardship-apply.png`, fullPage: true });
  await page.goto(`${base}/me/health-checks`);
  await page.getByRole('heading', { name: '免费体检' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-my-health-checks.png`, fullPage: true });
  await page.goto(`${base}/me/mutual-aid`);
  await page.getByRole('heading', { name: '大病互助' }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-my-mutual-aid.png`, fullPage: true });
  // The grassroots chair starts this year's self-assessment.
  await ctx.clearCookies();
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill('union');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${out}/${label}-home-grassroots.png` });
  await page.goto(`${base}/standards`);
  const startOrContinue = page.getByRole('button', { name: /开始自评|继续自评/ }).first();
  await startOrContinue.click();
  await page.getByText('自评得分').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${label}-assessment-self.png`, fullPage: true });
  // Submitting with items unscored: the message names them.
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('个检查项目没有打分').waitFor();
  await page.screenshot({ path: `${out}/${label}-assessment-submit-error.png` });
  await ctx.close();
}
console.log(`screenshots written to ${out}/`);
