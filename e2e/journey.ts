import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startServer } from './server';

/** One server on a fresh demo database and one Chromium for a journey file, closed after it. */
export function useJourney() {
  const j = {} as { server: Awaited<ReturnType<typeof startServer>>; browser: BrowserContext };
  beforeAll(async () => {
    j.server = await startServer();
    j.browser = await launchBrowser();
  });
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.close();
  });
  return j;
}

/** Signs in through the login page and waits for the home page. */
export async function login(page: Page, url: string, username: string, password = 'Demo@2026') {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
}
