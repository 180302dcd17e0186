import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import type { DbOrTx } from '../db';
import { defineErrors } from '../errors/app-error';
import { sendDownload } from '../http/download';
import * as repo from './files.repository';
import type { StoredFileRow } from './files.table';

export const FileErrors = defineErrors('FILE', {
  EMPTY: { status: 400, message: '文件为空，请重新选择' },
  TOO_LARGE: { status: 413, message: '文件过大' },
  TYPE: { status: 415, message: '只能上传 PDF、图片（JPG、PNG）、Word（.doc/.docx）或 Excel（.xls/.xlsx）文件' },
  NOT_FOUND: { status: 404, message: '文件不存在或您无权查看' },
});

interface Kind {
  mime: string;
  exts: string[];
  /** True when the bytes really are this kind (magic bytes, and for Office Open XML the part that names it). */
  test(b: Buffer): boolean;
}

const starts = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// An Office Open XML package names its main part in the first entries' file names.
const ooxml = (b: Buffer, part: string) => starts(b, ZIP) && b.subarray(0, Math.min(b.length, 64 * 1024)).includes(part, 0, 'latin1');

const KINDS: Kind[] = [
  // The header must open the file: readers that scan the first kilobyte would accept HTML or script with a PDF tail.
  { mime: 'application/pdf', exts: ['pdf'], test: (b) => starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { mime: 'image/jpeg', exts: ['jpg', 'jpeg'], test: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/png', exts: ['png'], test: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', exts: ['docx'], test: (b) => ooxml(b, 'word/') },
  { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', exts: ['xlsx'], test: (b) => ooxml(b, 'xl/') },
  { mime: 'application/msword', exts: ['doc'], test: (b) => starts(b, OLE) },
  { mime: 'application/vnd.ms-excel', exts: ['xls'], test: (b) => starts(b, OLE) },
];

/** A display name safe to store and send back: no path, no control characters, at most 100 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').trim();
  if (!cleaned || cleaned.startsWith('.')) return `附件${cleaned}`;
  if (cleaned.length <= 100) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 100 - ext.length) + ext;
}

/** The file's kind from its name AND its bytes; both must agree (a renamed .exe is refused). */
export function detectKind(name: string, content: Buffer): Kind | null {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const kind = KINDS.find((k) => k.exts.includes(ext));
  return kind && kind.test(content) ? kind : null;
}

export type StoredFile = repo.StoredFile;

/** Checks and stores one uploaded file; throws a FILE error naming what is wrong. */
export async function storeFile(
  db: DbOrTx,
  input: {
    orgId: number;
    orgPath: string;
    purpose: string;
    name: string;
    content: Buffer;
    uploadedBy: number;
    maxBytes: number;
    /**
     * Encrypts the bytes before they are stored (sensitive documents: a module's cipher, bound to the digest of
     * the plain bytes). Size, type check and `sha256` are of the plain bytes; the module decrypts on reading.
     */
    seal?: (plain: Buffer, sha256: string) => Buffer;
  },
): Promise<StoredFile> {
  if (input.content.length === 0) throw FileErrors.EMPTY();
  if (input.content.length > input.maxBytes) throw FileErrors.TOO_LARGE(`文件过大：不能超过 ${Math.floor(input.maxBytes / 1024 / 1024)} MB`);
  const name = cleanFileName(input.name);
  const kind = detectKind(name, input.content);
  if (!kind) throw FileErrors.TYPE();
  const sha256 = createHash('sha256').update(input.content).digest('hex');
  return repo.insertFile(db, {
    orgId: input.orgId,
    orgPath: input.orgPath,
    purpose: input.purpose,
    name,
    mime: kind.mime,
    size: input.content.length,
    sha256,
    content: input.seal ? input.seal(input.content, sha256) : input.content,
    uploadedBy: input.uploadedBy,
  });
}

export const loadFile = repo.loadFile;
export const deleteFile = repo.deleteFile;

/** Sends a stored file as a download (never rendered inline: the browser cannot be tricked into running it). */
export function sendStoredFile(reply: FastifyReply, file: StoredFileRow): FastifyReply {
  return sendDownload(reply, file.mime, file.name, file.content);
}
