import type { ThemeConfig } from 'antd';

/** The tag colours the pages use by name (`<Tag color="green">`); antd writes their text in shade 7 of the palette. */
export const TAG_PRESETS = ['blue', 'cyan', 'geekblue', 'gold', 'green', 'lime', 'magenta', 'orange', 'purple', 'red', 'volcano', 'yellow'] as const;

const TAG_TEXT = { green: '#237804', gold: '#874d00', orange: '#ad4e00', cyan: '#006d75', lime: '#3f6600', volcano: '#ad2102', yellow: '#876800' };

/** antd keeps each palette shade under two names (`green7` and the legacy `green-7`) that become one CSS variable
 * (--ant-green-7); the legacy name is written last, so both are set. */
const tagText = Object.fromEntries(Object.entries(TAG_TEXT).flatMap(([c, v]) => [[`${c}7`, v], [`${c}-7`, v]]));

/**
 * The one theme of the web UI, applied by the shell (src/web/main.tsx).
 *
 * antd's defaults put several texts below the 4.5:1 contrast WCAG 2.1 AA asks for (GB/T 37668-2019 follows it):
 * secondary text (#8c8c8c, 3.4:1), placeholders and empty-table text (#bfbfbf, 1.8:1), links (#1677ff, 4.1:1), error
 * red (#ff4d4f, 3.3:1) and the text of the green, gold, orange, cyan, lime, volcano and yellow tags (2.7–3.4:1). Each is
 * darkened just enough, here and only here; theme.test.ts measures every pair against its background.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#c8161d',
    borderRadius: 4,
    // Links, "processing" tags, the info icon and the default progress bar: antd's blue 7 instead of 6.
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    // Error text, danger buttons and "error" tags: red 7 instead of 6.
    colorError: '#cf1322',
    // Descriptions, help text under fields, statistic titles, Typography "secondary" (antd's tertiary text).
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Placeholders, empty-table text and disabled text (disabled controls are exempt in WCAG but share the token).
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    // Tag text in shade 8 (gold: 9) where shade 7 is too light on the tag's own background (shade 1).
    ...tagText,
  },
};
