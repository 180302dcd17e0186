import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowser } from './browser';
import { login, useJourney } from './journey';

const j = useJourney();

/** Every script and its transfer, as the page's resource timing saw it. */
async function scripts(page: Page) {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.name.endsWith('.js')).map((r) => ({ name: r.name.split('/').pop()!, sent: r.transferSize })),
  );
}

describe('web shell delivery', () => {
  it('sends hashed assets precompressed and cached as immutable, and the page itself revalidated', async () => {
    const page = await j.browser.newPage();
    const assets: { url: string; encoding?: string; cache?: string }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/assets/')) assets.push({ url: r.url(), encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'] });
    });
    const doc = await page.goto(`${j.server.url}/login`);
    expect(doc!.headers()['cache-control']).toBe('no-cache');
    await page.getByLabel('用户名').waitFor();
    await page.waitForLoadState('networkidle');
    expect(assets.length).toBeGreaterThan(3);
    for (const a of assets) expect(a.cache, a.url).toBe('public, max-age=31536000, immutable');
    // Chromium accepts brotli: every asset the build compressed (all but the tiniest) arrives as brotli.
    expect(assets.filter((a) => a.encoding === 'br').length).toBeGreaterThanOrEqual(assets.length - 2);
    await page.close();
  });

  it('loads neither the admin pages nor ECharts on /login and /join, and under 300 kB each', async () => {
    for (const path of ['/login', '/join']) {
      // A new context each time (its own cache): nothing cached, so every byte the page needs is counted.
      const cold = await launchBrowser();
      const page = await cold.newPage();
      await page.goto(`${j.server.url}${path}`);
      await page.getByLabel(path === '/login' ? '用户名' : '姓名').waitFor();
      await page.waitForLoadState('networkidle');
      const loaded = await scripts(page);
      const names = loaded.map((s) => s.name).join(' ');
      expect(names, path).not.toMatch(/Dashboard|Shell|AppLayout|HomePage|MembersPage/);
      const sent = loaded.reduce((s, r) => s + r.sent, 0);
      expect(sent, `${path}: ${names}`).toBeLessThan(300 * 1024);
      await cold.close();
    }
  });

  it('loads the shell after sign-in and the dashboard with it', async () => {
    const page = await j.browser.newPage();
    await login(page, j.server.url, 'admin');
    await page.getByText('趋势与分布').first().waitFor();
    const names = (await scripts(page)).map((s) => s.name).join(' ');
    expect(names).toMatch(/Shell/);
    expect(names).toMatch(/Dashboard/);
    await page.close();
  });
});
