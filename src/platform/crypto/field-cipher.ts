import { WorkerClient } from '../workers';
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field-level encryption for sensitive personal information (PIPL; GB/T 39786 §8.4 e/g), with Node's
 * built-in 国密 algorithms: SM4-CBC for confidentiality, HMAC-SM3 over (version, IV, ciphertext, context)
 * for integrity — encrypt-then-MAC, since SM4-GCM is absent from Node 20's OpenSSL 3.0. The context binds a
 * ciphertext to its table, column and row, so a value copied to another row or column fails to decrypt.
 * A keyed SM3 "blind index" allows exact lookup (e.g. by ID number) without storing the plaintext.
 * Three keys are derived from one master key with HKDF-SM3, one per purpose.
 *
 * Token format: `v1.` + base64url(IV[16] ‖ ciphertext ‖ tag[32]).
 */
export interface FieldContext {
  table: string;
  column: string;
  rowId: string | number;
}

export interface FieldCipher {
  encrypt(plaintext: string, ctx: FieldContext): string;
  /** Throws when the token was altered or belongs to another table, column or row. */
  decrypt(token: string, ctx: FieldContext): string;
  /**
   * Encrypts many values at once; large batches run on a worker thread, so a big import neither stalls the
   * event loop nor waits for it (the caller can write the previous batch meanwhile).
   */
  encryptMany(items: [plaintext: string, ctx: FieldContext][]): Promise<string[]>;
  /** Starts encryptMany's worker thread ahead of a large batch (e.g. when an import begins), so it is ready. */
  startWorker(): void;
  /** Deterministic keyed digest of an already normalised value, per purpose (e.g. `member.id_number`). */
  blindIndex(normalised: string, purpose: string): string;
  /**
   * The key of blindIndex alone (derived; it can neither decrypt nor forge a ciphertext), for a worker thread
   * of this process that computes blind indexes with createBlindIndex — e.g. an import's row check.
   */
  readonly blindIndexKey: Uint8Array;
}

/** blindIndex of a FieldCipher, from its blindIndexKey (on a worker thread). */
export function createBlindIndex(blindIndexKey: Uint8Array): (normalised: string, purpose: string) => string {
  const key = Buffer.from(blindIndexKey);
  return (normalised, purpose) => createHmac('sm3', key).update(purpose).update('\0').update(normalised).digest('hex');
}

const VERSION = 'v1';
const IV_BYTES = 16;
const TAG_BYTES = 32;

function derive(master: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sm3', master, Buffer.from('gonghui-field-cipher'), Buffer.from(label), 16));
}

const contextBytes = (ctx: FieldContext) => Buffer.from(`${ctx.table}.${ctx.column}:${ctx.rowId}`, 'utf8');

export class FieldCipherError extends Error {}

export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length < 32) throw new FieldCipherError('field encryption key must be at least 32 bytes');
  const encKey = derive(masterKey, 'enc');
  const macKey = Buffer.concat([derive(masterKey, 'mac'), derive(masterKey, 'mac2')]);
  const idxKey = Buffer.concat([derive(masterKey, 'idx'), derive(masterKey, 'idx2')]);
  const blindIndex = createBlindIndex(idxKey);

  const tagOf = (iv: Buffer, ct: Buffer, ctx: FieldContext) =>
    createHmac('sm3', macKey).update(VERSION).update(iv).update(ct).update(contextBytes(ctx)).digest();

  let worker: WorkerClient<[string, FieldContext][], string[]> | null = null;
  const sm4cbc = cbcEncryptor(encKey);

  const cipher: FieldCipher = {
    encrypt(plaintext, ctx) {
      const iv = randomIv();
      const ct = sm4cbc(Buffer.from(plaintext, 'utf8'), iv);
      return `${VERSION}.${Buffer.concat([iv, ct, tagOf(iv, ct, ctx)]).toString('base64url')}`;
    },
    decrypt(token, ctx) {
      const [version, body] = token.split('.');
      if (version !== VERSION || !body) throw new FieldCipherError('unknown ciphertext format');
      const raw = Buffer.from(body, 'base64url');
      if (raw.length < IV_BYTES + 16 + TAG_BYTES) throw new FieldCipherError('ciphertext too short');
      const iv = raw.subarray(0, IV_BYTES);
      const ct = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      if (!timingSafeEqual(tag, tagOf(iv, ct, ctx))) throw new FieldCipherError('integrity check failed');
      const decipher = createDecipheriv('sm4-cbc', encKey, iv);
      return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
    },
    blindIndex,
    blindIndexKey: new Uint8Array(idxKey),
    async encryptMany(items) {
      if (items.length < WORKER_BATCH) return items.map(([plaintext, ctx]) => cipher.encrypt(plaintext, ctx));
      cipher.startWorker();
      return worker!.call(items);
    },
    startWorker() {
      worker ??= new WorkerClient(new URL('./cipher.worker.ts', import.meta.url), { key: new Uint8Array(masterKey) });
    },
  };
  return cipher;
}

/** IVs drawn from the system's CSPRNG 256 at a time (one call instead of one per value). */
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function randomIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * 256);
    ivAt = 0;
  }
  const iv = Buffer.from(ivPool.subarray(ivAt, ivAt + IV_BYTES));
  ivAt += IV_BYTES;
  return iv;
}

/**
 * SM4-CBC with PKCS#7 padding, chaining over one reusable SM4 block cipher: the same bytes as
 * `createCipheriv('sm4-cbc')` (the tests compare them) at half the cost for short values such as ID numbers,
 * where setting up a cipher object per value costs more than the encryption.
 */
function cbcEncryptor(key: Buffer): (plaintext: Buffer, iv: Buffer) => Buffer {
  const block = createCipheriv('sm4-ecb', key, null);
  block.setAutoPadding(false);
  return (plaintext, iv) => {
    const pad = 16 - (plaintext.length % 16);
    const out = Buffer.alloc(plaintext.length + pad, pad);
    plaintext.copy(out);
    let previous: Buffer = iv;
    for (let at = 0; at < out.length; at += 16) {
      const b = out.subarray(at, at + 16);
      for (let j = 0; j < 16; j++) b[j]! ^= previous[j]!;
      block.update(b).copy(out, at);
      previous = b;
    }
    return out;
  };
}

/** Below this many values a batch is encrypted in place (a message round trip costs more). */
const WORKER_BATCH = 256;

/**
 * Known-answer self-test of SM3 and SM4 (GB/T 32905 and GB/T 32907 vectors), run at start so a broken or
 * substituted crypto library stops the platform instead of silently writing bad ciphertexts.
 */
export function cryptoSelfTest(): void {
  const sm3 = createHash('sm3').update('abc').digest('hex');
  if (sm3 !== '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0') throw new FieldCipherError('SM3 self-test failed');
  const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
  const ecb = createCipheriv('sm4-ecb', key, null);
  ecb.setAutoPadding(false);
  const out = Buffer.concat([ecb.update(key), ecb.final()]).toString('hex');
  if (out !== '681edf34d206965e86b3e94f536e4246') throw new FieldCipherError('SM4 self-test failed');
}
