/**
 * A record's optional text fields as the ledger stores them: trimmed, a blank one as null. A field the input
 * leaves out stays out, so the same call serves a create (the column's default) and a patch (left unchanged).
 */
export function blanksAsNull<T extends object, K extends keyof T & string>(input: T, keys: readonly K[]): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const k of keys) {
    const v = input[k];
    if (v === undefined) continue;
    out[k] = typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  }
  return out;
}
