/**
 * web — first load of the web shell in headless Chromium with a cold cache (issue #15 §3), on loopback, against
 * the real server on the demo district (the built UI from `npm run build:web`).
 *
 * For each page, five runs, each in a new browser profile (nothing cached):
 *   paint       navigation start → first contentful paint (the browser's `first-contentful-paint` entry);
 *   ready       navigation start → the page's own content on screen (login: the 用户名 field; join: the 姓名
 *               field; dashboard: the first key-figure tile holding a number, data included);
 *   sent        bytes over the wire (document + every resource's transferSize: compressed bodies and headers),
 *               beside the decoded size (what the same files weigh uncompressed).
 * Baseline, same browser and run: a bare page (one line of Chinese text, no script) served from the same process,
 * the floor of "first paint" on this machine.
 *
 * Targets: /login and /join paint < 1 s and < 300 kB sent; the dashboard < 2 s.
 *
 *   npm run build:web && tsx bench/web.ts
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { webRoot } from '@platform/http';
import { launchBrowser } from '../e2e/browser';
import { startServer } from '../e2e/server';

const RUNS = 5;

interface Load {
  paint: number;
  ready: number;
  sent: number;
  decoded: number;
}

async function measure(url: string, check: { selector?: string; text?: string }, prepare?: (ctx: BrowserContext) => Promise<void>, viewport?: { width: number; height: number }): Promise<Load> {
  const ctx = await launchBrowser(viewport);
  try {
    await prepare?.(ctx);
    await ctx.addInitScript({ content: readyScript(check) });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url, { waitUntil: 'commit' });
    await readyWhen(check)(page);
    // Late resources (a chunk still arriving) count too.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 10_000 }).catch(() => {});
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const marks = performance.getEntriesByName('gh-ready');
      return {
        paint: fcp ? fcp.startTime : NaN,
        ready: marks.length ? marks[0]!.startTime : NaN,
        sent: nav.transferSize + resources.reduce((s, r) => s + r.transferSize, 0),
        decoded: nav.decodedBodySize + resources.reduce((s, r) => s + r.decodedBodySize, 0),
      };
    });
  } finally {
    await ctx.close();
  }
}

/**
 * Marks `gh-ready` in the page's own clock the first frame `test` holds (checked on every DOM change and frame), so
 * "ready" is measured like "paint", without the driver's polling delay.
 */
const readyWhen = (check: { selector?: string; text?: string }) => async (page: Page) => {
  await page.waitForFunction(() => performance.getEntriesByName('gh-ready').length > 0, undefined, { timeout: 60_000, polling: 100 });
  void check;
};

function readyScript(check: { selector?: string; text?: string }) {
  return `(() => {
    const check = ${JSON.stringify(check)};
    let done = false;
    const test = () => {
      if (done || !document.body) return;
      const ok = check.selector ? document.querySelector(check.selector) : document.body.innerText.includes(check.text);
      if (ok) { done = true; performance.mark('gh-ready'); }
    };
    new MutationObserver(test).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    const frame = () => { test(); if (!done) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  })();`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kB = (b: number) => `${(b / 1024).toFixed(0)} kB`;

async function main() {
  if (!fs.existsSync(`${webRoot}/index.html`)) throw new Error('web UI not built: run `npm run build:web` first');
  const server = await startServer();
  const bare = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body><h1>工会工作平台</h1></body></html>'));
  await new Promise<void>((ok) => bare.listen(0, '127.0.0.1', ok));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  try {
    const signIn = async (ctx: BrowserContext) => {
      const r = await ctx.request.post(`${server.url}/api/auth/login`, { data: { username: 'admin', password: 'Demo@2026' }, headers: { origin: server.url } });
      if (!r.ok()) throw new Error(`login failed: ${r.status()}`);
    };
    const pages: { name: string; run: () => Promise<Load> }[] = [
      { name: 'bare page (baseline)', run: () => measure(bareUrl, { text: '工会工作平台' }) },
      { name: '/login', run: () => measure(`${server.url}/login`, { selector: 'input[id="username"], input[id$="_username"]' }) },
      { name: '/join (390 px)', run: () => measure(`${server.url}/join`, { selector: 'input[id="name"], input[id$="_name"]' }, undefined, { width: 390, height: 844 }) },
      {
        name: 'dashboard (signed in)',
        run: () => measure(`${server.url}/`, { selector: '.ant-card[aria-label*="："]:not([aria-label$="—"]):not([aria-label$="计算中"])' }, signIn),
      },
    ];
    console.log(`web        cold cache, headless Chromium, loopback · median of ${RUNS} (min–max)`);
    for (const p of pages) {
      const runs: Load[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await p.run());
      const span = (k: keyof Load) => `${median(runs.map((r) => r[k])).toFixed(0)} ms (${Math.min(...runs.map((r) => r[k])).toFixed(0)}–${Math.max(...runs.map((r) => r[k])).toFixed(0)})`;
      console.log(
        `web        ${p.name.padEnd(24)} paint ${span('paint').padEnd(18)} ready ${span('ready').padEnd(20)} sent ${kB(median(runs.map((r) => r.sent)))} (decoded ${kB(median(runs.map((r) => r.decoded)))})`,
      );
    }
  } finally {
    bare.close();
    await server.close();
  }
}

await main();
