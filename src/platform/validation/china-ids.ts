/**
 * Check digits of Chinese identifiers, for validating imports and forms before anything is stored.
 * - 居民身份证号码, GB 11643-1999: 17 digits + check (ISO 7064 MOD 11-2, 'X' for 10); digits 7–14 are the birth
 *   date, digit 17 odd = male, even = female.
 * - 统一社会信用代码, GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, Z, S, V; check by MOD 31.
 */
const FULL_WIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;

/** Trims, turns full-width digits and letters into ASCII, and upper-cases. */
export function normaliseCode(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface IdNumberInfo {
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** Validates a resident ID number; returns its normalised form, birth date and sex, or a Chinese reason. */
export function parseIdNumber(raw: string, today: string): IdNumberInfo | { error: string } {
  const id = normaliseCode(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return { error: '居民身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X' };
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (ID_CHECK[sum % 11] !== id[17]) return { error: '居民身份证号码校验位不正确，请核对' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const d = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== birth || birth < '1900-01-01' || birth > today) {
    return { error: '居民身份证号码中的出生日期无效' };
  }
  return { idNumber: id, birthDate: birth, sex: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Validates a unified social credit code; returns it normalised, or a Chinese reason. */
export function parseUscc(raw: string): { uscc: string } | { error: string } {
  const code = normaliseCode(raw);
  if (code.length !== 18) return { error: '统一社会信用代码应为 18 位' };
  if ([...code].some((c) => !USCC_CHARS.includes(c))) return { error: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）' };
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(code[i]!), 0);
  const check = (31 - (sum % 31)) % 31;
  if (USCC_CHARS[check] !== code[17]) return { error: '统一社会信用代码校验位不正确，请核对' };
  return { uscc: code };
}

/** Builds a valid code from its first 17 characters (fixtures and demo data: made-up but well-formed). */
export function withIdCheckDigit(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return first17 + ID_CHECK[sum % 11];
}

export function withUsccCheckDigit(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((s, w, i) => s + w * USCC_CHARS.indexOf(first17[i]!), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}
