import { z } from 'zod';
import type { Codes } from './codes';

/**
 * A ledger's record attachments (记录材料): the kinds of paper a record keeps (材料类别, a code table), whether the
 * bytes are sealed (SM4, for personal documents), how many a record may hold, and which kinds a step needs
 * ("a filing cannot be marked sent while an item is missing"). Pure: the web reads the kinds and the limits.
 */
/** What the attachments need of their code table (a `defineCodes` table). */
export interface AttachmentKinds {
  readonly values: readonly [string, ...string[]];
  label(code: string | null | undefined): string | null;
  options(): { value: string; label: string }[];
}

export interface AttachmentSpec {
  /** Whose papers these are, e.g. `union-term`; the link rows carry it (one table for every ledger). */
  readonly owner: string;
  readonly kinds: AttachmentKinds;
  /** Encrypted at rest with the field cipher, bound to the owner (hardship papers, claim papers). */
  readonly sealed: boolean;
  readonly maxFiles: number;
  /** Step → the kinds the record must hold before it (`missingAttachments`, `refuseMissingAttachments`). */
  readonly required: Readonly<Record<string, readonly string[]>>;
}

/** Declares a ledger's attachments; `maxFiles` defaults to 20 per record. */
export function defineAttachments<const L extends Record<string, string>>(d: {
  owner: string;
  kinds: Codes<L>;
  sealed?: boolean;
  maxFiles?: number;
  required?: Record<string, readonly (keyof L & string)[]>;
}): AttachmentSpec {
  return { owner: d.owner, kinds: d.kinds, sealed: d.sealed ?? false, maxFiles: d.maxFiles ?? 20, required: d.required ?? {} };
}

/** The kinds a record still lacks for `step` (every declared step when absent), in the code table's order. */
export function missingKinds(spec: AttachmentSpec, held: readonly string[], step?: string): string[] {
  const needed = new Set<string>(step === undefined ? Object.values(spec.required).flat() : (spec.required[step] ?? []));
  return spec.kinds.values.filter((k) => needed.has(k) && !held.includes(k));
}

/** The upload's query string: the kind (a 400 naming 材料类别 when unknown) and the file's own name. */
export function attachmentUploadQuery(spec: AttachmentSpec) {
  return z.object({
    kind: z.enum(spec.kinds.values, { message: '请选择材料类别' }).meta({ title: '材料类别' }),
    fileName: z.string().trim().min(1, '请提供文件名').max(200).meta({ title: '文件名' }),
  });
}

/** A record's attachment as the list shows it (no bytes). */
export const AttachmentSchema = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedBy: z.string(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A record's attachments, the kinds still missing (labels) and the record's limit. */
export const AttachmentListSchema = z.object({
  items: z.array(AttachmentSchema),
  missing: z.array(z.object({ kind: z.string(), label: z.string() })),
  maxFiles: z.number(),
  /** The largest file the server takes (ATTACHMENT_MAX_MB). */
  maxMb: z.number(),
  sealed: z.boolean(),
});
export type AttachmentList = z.infer<typeof AttachmentListSchema>;

/** Route params of one attachment of one record. */
export const AttachmentParamsSchema = z.object({
  id: z.coerce.number().int().positive().meta({ title: '记录' }),
  attachmentId: z.coerce.number().int().positive().meta({ title: '材料' }),
});
