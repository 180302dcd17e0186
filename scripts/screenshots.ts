/**
 * Takes screenshots of the main pages at desktop (1366×768) and phone (390×844) widths, for a person to
 * look at. Usage: start the demo (`npm run demo`), then `tsx scripts/screenshots.ts [baseUrl] [outDir]`.
 */
import fs from 'node:fs';
import { launchBrowser } from '../e2e/browser';

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
    ['accounts', '/accounts', '账号管理'],
    ['audit', '/audit', '操作日志'],
  ] as const) {
    await page.goto(base + url);
    await page.getByRole('heading', { name: wait }).waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/${label}-${name}.png` });
  }
  await ctx.close();
}
console.log(`screenshots written to ${out}/`);
