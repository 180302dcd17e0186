import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, cryptoSelfTest } from './field-cipher';
import { loadFieldKey } from './keys';

const cipher = createFieldCipher(randomBytes(32));
const ctx = { table: 'members', column: 'id_number', rowId: 42 };

describe('field cipher (SM4-CBC + HMAC-SM3)', () => {
  it('passes the SM3/SM4 known-answer self-test', () => {
    expect(() => cryptoSelfTest()).not.toThrow();
  });

  it('round-trips Chinese and ASCII values with a fresh IV each time', () => {
    for (const value of ['11010519491231002X', '13812345678', '家庭人均月收入 820 元，患慢性病', '']) {
      const a = cipher.encrypt(value, ctx);
      const b = cipher.encrypt(value, ctx);
      expect(a).not.toBe(b);
      expect(a.startsWith('v1.')).toBe(true);
      expect(a).not.toContain(value || '\u0000');
      expect(cipher.decrypt(a, ctx)).toBe(value);
    }
  });

  it('writes standard SM4-CBC with PKCS#7 padding for every length (OpenSSL decrypts it), IVs never repeating', () => {
    const ivs = new Set<string>();
    for (let n = 0; n <= 49; n++) {
      const value = '身'.repeat(n % 7) + 'x'.repeat(n);
      const token = cipher.encrypt(value, ctx);
      const raw = Buffer.from(token.slice(3), 'base64url');
      expect((raw.length - 16 - 32) % 16).toBe(0);
      ivs.add(raw.subarray(0, 16).toString('hex'));
      expect(cipher.decrypt(token, ctx)).toBe(value);
    }
    for (let i = 0; i < 600; i++) ivs.add(Buffer.from(cipher.encrypt('1', ctx).slice(3), 'base64url').subarray(0, 16).toString('hex'));
    expect(ivs.size).toBe(650);
  });

  it('detects every single-bit change of the ciphertext', () => {
    const token = cipher.encrypt('11010519491231002X', ctx);
    const raw = Buffer.from(token.slice(3), 'base64url');
    let detected = 0;
    for (let i = 0; i < raw.length * 8; i += 7) {
      const copy = Buffer.from(raw);
      copy[i >> 3]! ^= 1 << (i & 7);
      try {
        cipher.decrypt(`v1.${copy.toString('base64url')}`, ctx);
      } catch {
        detected++;
      }
    }
    expect(detected).toBe(Math.ceil((raw.length * 8) / 7));
  });

  it('refuses a ciphertext moved to another row, column or table', () => {
    const token = cipher.encrypt('13812345678', ctx);
    expect(() => cipher.decrypt(token, { ...ctx, rowId: 43 })).toThrow(/integrity/);
    expect(() => cipher.decrypt(token, { ...ctx, column: 'phone' })).toThrow(/integrity/);
    expect(() => cipher.decrypt(token, { ...ctx, table: 'accounts' })).toThrow(/integrity/);
    expect(() => cipher.decrypt('v2.abc', ctx)).toThrow(/format/);
  });

  it('gives a deterministic blind index per key and purpose, useless under another key', () => {
    const a = cipher.blindIndex('11010519491231002X', 'member.id_number');
    expect(cipher.blindIndex('11010519491231002X', 'member.id_number')).toBe(a);
    expect(cipher.blindIndex('11010519491231002X', 'member.phone')).not.toBe(a);
    expect(createFieldCipher(randomBytes(32)).blindIndex('11010519491231002X', 'member.id_number')).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a short key', () => {
    expect(() => createFieldCipher(randomBytes(16))).toThrow();
  });
});

describe('field key', () => {
  it('creates a private key file on first start and reads the same key afterwards', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-key-'));
    const first = loadFieldKey({}, dir);
    const file = path.join(dir, 'keys', 'field.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadFieldKey({}, dir).equals(first)).toBe(true);
    expect(first).toHaveLength(32);
  });
  it('takes the key from the environment and rejects a malformed one', () => {
    const hex = randomBytes(32).toString('hex');
    expect(loadFieldKey({ GONGHUI_FIELD_KEY: hex }, '/nonexistent').toString('hex')).toBe(hex);
    expect(() => loadFieldKey({ GONGHUI_FIELD_KEY: 'abc' }, '/nonexistent')).toThrow(/64 位/);
    expect(() => loadFieldKey({ GONGHUI_FIELD_KEY_FILE: '/nonexistent/key' }, '/tmp')).toThrow(/不存在/);
  });
});
