import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, generatePassword, hashPassword, passwordClasses, verifyPassword } from './password';

const policy = { minLength: 8, minClasses: 3 };

describe('password policy', () => {
  it.each([
    ['short1A!', null],
    ['abc', '密码长度至少 8 位'],
    ['abcdefgh', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['abcdefg1', '密码须包含大写字母、小写字母、数字、符号中的至少 3 类'],
    ['Abcdefg1', null],
    ['abcdefg1!', null],
    ['ABCDEFG1!', null],
  ])('%s → %s', (password, expected) => {
    expect(checkPasswordPolicy(password, policy)).toBe(expected);
  });

  it('refuses a password containing the username', () => {
    expect(checkPasswordPolicy('Zhangsan@2026', policy, 'zhangsan')).toBe('密码不能包含用户名');
  });

  it('counts character classes', () => {
    expect(passwordClasses('aA1!')).toBe(4);
    expect(passwordClasses('中文密码')).toBe(1);
  });

  it('generates passwords that satisfy the strictest policy', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(12);
      expect(checkPasswordPolicy(p, { minLength: 12, minClasses: 4 })).toBeNull();
    }
  });
});

describe('scrypt hashing', () => {
  it('verifies the right password and rejects a wrong one, with a fresh salt each time', async () => {
    const a = await hashPassword('Correct#Horse9', 10);
    const b = await hashPassword('Correct#Horse9', 10);
    expect(a).not.toBe(b);
    expect(a.startsWith('scrypt$10$8$1$')).toBe(true);
    expect(await verifyPassword('Correct#Horse9', a)).toBe(true);
    expect(await verifyPassword('correct#horse9', a)).toBe(false);
    expect(await verifyPassword('Correct#Horse9', 'garbage')).toBe(false);
  });

  it('uses the production cost (2^15, 32 MiB) without error', async () => {
    const h = await hashPassword('Prod#Cost2026', 15);
    expect(await verifyPassword('Prod#Cost2026', h)).toBe(true);
  });
});
