/** A paragraph of report text split into plain text and figure placeholders `{指标名称}`. */
export type Token = { type: 'text'; text: string } | { type: 'figure'; name: string };

const PLACEHOLDER = /\{([^{}\n]{1,40})\}/g;

export function tokenize(paragraph: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of paragraph.matchAll(PLACEHOLDER)) {
    if (m.index! > last) tokens.push({ type: 'text', text: paragraph.slice(last, m.index) });
    tokens.push({ type: 'figure', name: m[1]!.trim() });
    last = m.index! + m[0].length;
  }
  if (last < paragraph.length) tokens.push({ type: 'text', text: paragraph.slice(last) });
  return tokens;
}

/** Every placeholder name used in the sections, in order of first use. */
export function placeholderNames(sections: { heading: string; paragraphs: string[] }[]): string[] {
  const names = new Set<string>();
  for (const s of sections) for (const p of [s.heading, ...s.paragraphs]) for (const t of tokenize(p)) if (t.type === 'figure') names.add(t.name);
  return [...names];
}
