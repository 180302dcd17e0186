/**
 * Coded columns with synonyms: a roster says 本科 where the register stores 大学本科, 党员 for 中共党员, √ for 是.
 * A module declares, per coded field, its standard values and the other spellings people write; `codedField`
 * turns that table into a parser (full-width/half-width, spaces and case do not matter) whose unknown-value
 * error lists the accepted values in Chinese, and into the lines the import template's 填写说明 sheet shows.
 * Pure and dependency-free: a spec's row check loads it on the parse worker.
 */

/** One standard value of a coded field, what is stored for it, and the other ways people write it. */
export interface CodeEntry<T> {
  /** What is stored (a code, or the standard Chinese label itself). */
  value: T;
  /** The standard Chinese label (also accepted as written). */
  label: string;
  /** Other spellings accepted for this value. */
  synonyms?: readonly string[];
}

export interface CodedField<T> {
  /** The field's Chinese name, used in messages (e.g. 学历). */
  field: string;
  entries: readonly CodeEntry<T>[];
  /** The stored value for a text, or null when the text is none of the accepted ones. */
  lookup(text: string): T | null;
  /** A cell's value: null when empty, the value, or an error naming the field and the accepted values. */
  parse(text: string | null | undefined): { value: T | null } | { error: string };
  /** The standard labels, joined with 、 (for notes and messages), or the field's own words for a long list. */
  accepted: string;
  /** Per standard label, the other spellings accepted (for the template's 填写说明 sheet). */
  synonymLines(): { label: string; synonyms: string[] }[];
}

/**
 * A cell's text as coded values are matched: full-width letters, digits and punctuation made half-width
 * (NFKC), every space removed (any width), letters lower-cased.
 */
export function normaliseCodeText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u3000]/g, '').toLowerCase();
}

/**
 * Builds a coded field from its table. Each label and synonym must be unique after normalisation (a table
 * that maps one spelling to two values is a programming error and throws at start-up).
 */
export function codedField<T>(field: string, entries: readonly CodeEntry<T>[], options: { accepted?: string } = {}): CodedField<T> {
  const byText = new Map<string, T>();
  for (const e of entries) {
    for (const t of [e.label, ...(e.synonyms ?? [])]) {
      const key = normaliseCodeText(t);
      const prior = byText.get(key);
      if (prior !== undefined && prior !== e.value) throw new Error(`coded field ${field}: “${t}” maps to two values`);
      byText.set(key, e.value);
    }
  }
  const accepted = options.accepted ?? entries.map((e) => e.label).join('、');
  const hasSynonyms = entries.some((e) => e.synonyms?.length);
  const lookup = (text: string) => byText.get(normaliseCodeText(text)) ?? null;
  return {
    field,
    entries,
    accepted,
    lookup,
    parse(text) {
      const t = text?.trim() ?? '';
      if (!t) return { value: null };
      const value = lookup(t);
      if (value !== null) return { value };
      return { error: `${field}“${t}”无法识别，应填写：${accepted}${hasSynonyms ? '（常见写法见模板“填写说明”）' : ''}` };
    },
    synonymLines: () => entries.map((e) => ({ label: e.label, synonyms: [...(e.synonyms ?? [])] })),
  };
}

/** 是/否 as rosters write it. */
export const YES_NO_ENTRIES: readonly CodeEntry<boolean>[] = [
  { value: true, label: '是', synonyms: ['Y', 'Yes', '√', '✓', '✔', '1', 'true', '对', '有'] },
  { value: false, label: '否', synonyms: ['N', 'No', '×', '✗', '✘', 'x', '0', 'false', '不是', '无'] },
];

/** A 是/否 column (是否农民工, 是否小微企业 …) with the usual spellings. */
export function yesNoField(field: string): CodedField<boolean> {
  return codedField(field, YES_NO_ENTRIES);
}
