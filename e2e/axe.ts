import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: what GB/T 37668-2019 asks of a web page. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  rule: string;
  impact: ImpactValue | null;
  help: string;
  nodes: { target: string; text: string; summary: string; within: string[] }[];
}

/** A known violation of one rule inside one part of the page, tolerated for a stated reason until the part is
 * rebuilt. Each names exactly what it covers, so a new violation elsewhere, or of another rule, still fails. */
export interface Pending {
  rule: string;
  /** CSS selector of the part (the violating element is it or lies inside it). */
  within: string;
  reason: string;
}

/** Waits until nothing on the page is moving (antd opens dialogs and drawers with a transition; a half-faded element
 * measures as low contrast). Endless animations such as spinners are not waited for. */
export async function settle(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Runs axe-core in the page against the WCAG 2.0/2.1 A and AA rules; `scope` limits it to a part of the page. */
export async function axe(page: Page, scope?: Locator, parts: string[] = []): Promise<AxeViolation[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The server's Content-Security-Policy (script-src 'self') refuses an inline <script> (page.addScriptTag): the
    // source is evaluated through the DevTools protocol instead, as the console would, in the page's own world.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Runtime.evaluate', { expression: axeSource });
    await cdp.detach();
  }
  const handle = scope ? await scope.elementHandle() : null;
  return page.evaluate(
    async ({ root, tags, parts }) => {
      const w = window as unknown as { axe: { run(ctx: Element | Document, o: object): Promise<AxeResults> } };
      const r = await w.axe.run(root ?? document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        rule: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.map((n) => {
          const target = n.target.join(' ');
          const el = typeof n.target[0] === 'string' ? document.querySelector(n.target[0]) : null;
          // An input has no text of its own: name it by its placeholder or the control around it (antd's Select).
          const around = el?.closest('.ant-select, .ant-picker, .ant-input-affix-wrapper, .ant-form-item');
          const text = (el?.textContent || el?.getAttribute('placeholder') || around?.textContent || n.html)
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 40);
          const within = parts.filter((p) => el?.closest(p));
          return { target, text, summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(), within };
        }),
      }));
    },
    { root: handle, tags: WCAG_AA_TAGS, parts },
  );
}

/** Only what WCAG AA fails outright: critical and serious violations, less the nodes a `pending` entry covers. */
export function blocking(violations: AxeViolation[], pending: Pending[] = []) {
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !pending.some((p) => p.rule === v.rule && n.within.includes(p.within))) }))
    .filter((v) => v.nodes.length > 0);
}

/** One line a violation and one line a node: rule, impact, selector, the element's (Chinese) text and what to fix. */
export function describeViolations(violations: AxeViolation[]) {
  return violations
    .map(
      (v) =>
        `${v.rule} (${v.impact}, ${v.nodes.length}×): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target}  “${n.text}”  — ${n.summary}`).join('\n'),
    )
    .join('\n');
}

/** Fails listing every critical or serious WCAG 2.1 AA violation on the page (or in `scope`), so the message says
 * exactly what to fix. */
export async function expectAccessible(page: Page, where: string, options: { scope?: Locator; pending?: Pending[] } = {}) {
  const pending = options.pending ?? [];
  const all = await axe(page, options.scope, [...new Set(pending.map((p) => p.within))]);
  const found = blocking(all, pending);
  // A11Y_MEASURE=<file>: record the counts (all, and less the pending ones) instead of failing, to compare runs.
  if (process.env.A11Y_MEASURE) {
    const n = (vs: AxeViolation[]) => vs.reduce((s, v) => s + v.nodes.length, 0);
    fs.appendFileSync(process.env.A11Y_MEASURE, `${where}\t${n(blocking(all))}\t${n(found)}\n${describeViolations(found)}\n`);
    return;
  }
  if (found.length) {
    const count = found.reduce((s, v) => s + v.nodes.length, 0);
    throw new Error(`${where}: ${count} critical or serious WCAG 2.1 AA violation(s)\n${describeViolations(found)}`);
  }
}
