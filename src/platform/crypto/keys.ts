import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The field-encryption master key lives outside the database: `GONGHUI_FIELD_KEY` (64 hex characters), or the
 * file named by `GONGHUI_FIELD_KEY_FILE`, or — on first start — a new random key written to
 * `<DATA_DIR>/keys/field.key` (mode 0600). Losing the key loses every encrypted field: back it up apart from
 * the database backups. Production should keep it in a certified key store (GB/T 39786 §8.4 j).
 */
export function loadFieldKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.GONGHUI_FIELD_KEY) {
    if (!/^[0-9a-fA-F]{64}$/.test(env.GONGHUI_FIELD_KEY)) throw new Error('GONGHUI_FIELD_KEY 必须是 64 位十六进制字符（32 字节）');
    return Buffer.from(env.GONGHUI_FIELD_KEY, 'hex');
  }
  const file = env.GONGHUI_FIELD_KEY_FILE || path.join(dataDir, 'keys', 'field.key');
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`密钥文件 ${file} 格式不对：应为 64 位十六进制字符`);
    return Buffer.from(hex, 'hex');
  }
  if (env.GONGHUI_FIELD_KEY_FILE) throw new Error(`密钥文件 ${file} 不存在`);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  return key;
}
