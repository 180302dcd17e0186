/**
 * Display masking (GB/T 35273 §7.2: done on the server, the browser never receives the full value).
 * Patterns: ID number first 4 + last 4 (`3201**********1234`), phone first 3 + last 4 (`138****5678`).
 */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const digits = value.replace(/\s+/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** Returns a copy of `record` with the named fields masked; for audit snapshots. */
export function maskFields<T extends Record<string, unknown>>(
  record: T,
  fields: Partial<Record<keyof T, (v: string | null | undefined) => string | null>>,
): T {
  const out: Record<string, unknown> = { ...record };
  for (const [key, mask] of Object.entries(fields)) {
    if (mask && typeof out[key] === 'string') out[key] = (mask as (v: string) => string | null)(out[key] as string);
  }
  return out as T;
}

/** A person's name for a list: the surname and, from three characters on, the last one (`张*`, `张*明`, `欧阳**锋`). */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  const head = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - 1) + chars.at(-1);
}
