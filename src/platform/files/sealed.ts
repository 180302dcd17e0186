import type { FieldCipher } from '../crypto';
import type { StoredFileRow } from './files.table';

/**
 * Sensitive documents (a hardship case's papers, a claim's diagnosis certificate) are stored encrypted with the
 * field cipher, bound to the owning table and to the digest of the plain bytes: a ciphertext copied to another
 * table's document fails to decrypt. `sealFile` is storeFile's `seal`; `openSealedFile` gives the bytes back.
 */
const context = (table: string, sha256: string) => ({ table, column: 'content', rowId: sha256 });

export function sealFile(cipher: FieldCipher, table: string) {
  return (plain: Buffer, sha256: string) => Buffer.from(cipher.encrypt(plain.toString('base64'), context(table, sha256)), 'utf8');
}

export function openSealedFile(cipher: FieldCipher, table: string, file: StoredFileRow): StoredFileRow {
  return { ...file, content: Buffer.from(cipher.decrypt(file.content.toString('utf8'), context(table, file.sha256)), 'base64') };
}
