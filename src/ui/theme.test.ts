import { theme as antdTheme } from 'antd';
import { describe, expect, it } from 'vitest';
import { TAG_PRESETS, theme } from './theme';

/** An rgb(a) or #hex colour as [r, g, b, a]. */
function parse(c: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]{6})$/i.exec(c);
  if (hex) return [0, 2, 4].map((i) => parseInt(hex[1]!.slice(i, i + 2), 16)).concat(1) as [number, number, number, number];
  const rgb = /^rgba?\(([^)]+)\)$/.exec(c);
  if (!rgb) throw new Error(`not a colour: ${c}`);
  const [r, g, b, a = 1] = rgb[1]!.split(',').map(Number);
  return [r!, g!, b!, a];
}

/** The colour seen when `fg` (possibly translucent) is laid over the opaque `bg`. */
function over(fg: string, bg: string) {
  const [r, g, b, a] = parse(fg);
  const [br, bgr, bb] = parse(bg);
  return [r * a + br * (1 - a), g * a + bgr * (1 - a), b * a + bb * (1 - a)];
}

function luminance([r, g, b]: number[]) {
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG 2.1 contrast ratio of a text colour on a background. */
export function contrast(fg: string, bg: string) {
  const [l1, l2] = [luminance(over(fg, bg)), luminance(over(bg, '#ffffff'))].sort((a, b) => b - a);
  return (l1! + 0.05) / (l2! + 0.05);
}

const token = antdTheme.getDesignToken(theme) as unknown as Record<string, string>;
const AA = 4.5;

describe('theme contrast (WCAG 2.1 AA, 4.5:1 for body text)', () => {
  it('measures what antd ships as failing (the check can fail)', () => {
    const stock = antdTheme.getDesignToken() as unknown as Record<string, string>;
    expect(contrast(stock.colorTextDescription!, stock.colorBgContainer!)).toBeLessThan(AA);
    expect(contrast(stock.green7!, stock.green1!)).toBeLessThan(AA);
    expect(contrast(stock.colorLink!, stock.colorBgContainer!)).toBeLessThan(AA);
  });

  const texts = ['colorText', 'colorTextSecondary', 'colorTextTertiary', 'colorTextDescription', 'colorTextLabel', 'colorTextPlaceholder', 'colorLink', 'colorError', 'colorInfo'];
  // Cards, drawers and dialogs (white) and the page behind them (grey).
  for (const bg of ['colorBgContainer', 'colorBgLayout']) {
    it.each(texts)(`%s on ${bg}`, (fg) => {
      expect(contrast(token[fg]!, token[bg]!)).toBeGreaterThanOrEqual(AA);
    });
  }

  it('empty-table text (antd draws it in the disabled colour) on white', () => {
    expect(contrast(token.colorTextDisabled!, token.colorBgContainer!)).toBeGreaterThanOrEqual(AA);
  });

  it.each(TAG_PRESETS)('%s tag text on its background', (c) => {
    expect(contrast(token[`${c}7`]!, token[`${c}1`]!)).toBeGreaterThanOrEqual(AA);
    // Both names of the shade become the one CSS variable the browser uses.
    expect(token[`${c}-7`]).toBe(token[`${c}7`]);
  });

  it.each(['Info', 'Error'])('status tag %s on its background', (s) => {
    expect(contrast(token[`color${s}`]!, token[`color${s}Bg`]!)).toBeGreaterThanOrEqual(AA);
  });

  it('white text on the primary and danger buttons', () => {
    expect(contrast('#ffffff', token.colorPrimary!)).toBeGreaterThanOrEqual(AA);
    expect(contrast('#ffffff', token.colorError!)).toBeGreaterThanOrEqual(AA);
  });
});
