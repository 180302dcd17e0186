import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordPolicy } from '../config/config';

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const KEY_LENGTH = 32;

/**
 * Hashes a password with scrypt (memory-hard; 2^logN × 128 × r bytes of memory). Format:
 * `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`, so the cost can be raised later without a migration.
 */
export async function hashPassword(password: string, logN: number): Promise<string> {
  const salt = randomBytes(16);
  const r = 8;
  const p = 1;
  const key = await scryptAsync(password, salt, KEY_LENGTH, { N: 2 ** logN, r, p, maxmem: 256 * 1024 * 1024 });
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !logN || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: 2 ** Number(logN),
    r: Number(r),
    p: Number(p),
    maxmem: 256 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Character classes counted by the password policy (等保 8.1.4.1 a: complexity). */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** Returns the Chinese reason a password breaks the policy, or null when it is acceptable. */
export function checkPasswordPolicy(password: string, policy: PasswordPolicy, username?: string): string | null {
  if (password.length < policy.minLength) return `密码长度至少 ${policy.minLength} 位`;
  if (password.length > 128) return '密码长度不能超过 128 位';
  if (passwordClasses(password) < policy.minClasses) {
    return `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`;
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

/** A random password that satisfies any policy up to 4 classes; used for resets shown once to an administrator. */
export function generatePassword(length = 12): string {
  const sets = ['abcdefghjkmnpqrstuvwxyz', 'ABCDEFGHJKMNPQRSTUVWXYZ', '23456789', '@#%&*?!'];
  const all = sets.join('');
  const pick = (s: string) => s[randomInt(s.length)]!;
  const chars = [...sets.map(pick), ...Array.from({ length: length - sets.length }, () => pick(all))];
  // Fisher–Yates, so the guaranteed characters are not always in front.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
