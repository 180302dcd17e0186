import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let running: Promise<Browser> | undefined;

/**
 * A fresh browser context (its own cookies, storage and cache: a new profile, as far as a page can tell) in Debian's
 * Chromium, headless, with no background network traffic. The contexts open at one time share one Chromium process,
 * started by the first and closed with the last, so a phone next to the desktop costs a context, not a browser.
 * The pages ask for reduced motion: antd then opens dialogs and drawers at once instead of after a transition.
 */
export async function launchBrowser(viewport: { width: number; height: number } = { width: 1366, height: 768 }): Promise<BrowserContext> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run scripts/install-system-deps.sh`);
  const launching = (running ??= chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }));
  const browser = await launching;
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  context.on('close', () => {
    if (running !== launching || browser.contexts().length > 0) return;
    running = undefined;
    void browser.close();
  });
  return context;
}
