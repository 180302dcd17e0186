import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { settle } from './axe';
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

/**
 * Signs in through the login page and waits for the home page. Journeys about signing in use this; the others
 * sign in with `openAs`, which is about a second cheaper a time (no login page, no home page).
 */
export async function login(page: Page, url: string, username: string, password = 'Demo@2026') {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('您好').waitFor();
}

/**
 * Signs in through the API (the page's cookies, as the login form would set them) and opens `path`: for journeys
 * whose subject is not the login form (e2e/foundation.e2e.ts and e2e/shell.e2e.ts walk the form itself).
 */
export async function openAs(page: Page, url: string, username: string, path: string, password = 'Demo@2026') {
  const r = await page.request.post(`${url}/api/auth/login`, { data: { username, password }, headers: { origin: url } });
  if (!r.ok()) throw new Error(`sign-in as ${username} refused: ${r.status()} ${await r.text()}`);
  await page.goto(`${url}${path}`);
}

/** UI_SHOTS_DIR=<dir>: saves a screenshot of the settled page there, for a person to look at; else does nothing. */
export async function shot(page: Page, name: string) {
  const dir = process.env.UI_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await settle(page);
  await page.screenshot({ path: `${dir}/${name}.png` });
}
