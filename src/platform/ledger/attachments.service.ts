import type { FastifyReply } from 'fastify';
import { writeAudit } from '../audit';
import { actorOf, type ActionContext, type AppDeps } from '../context';
import type { DbOrTx } from '../db';
import { defineErrors } from '../errors/app-error';
import { deleteFile, loadFile, openSealedFile, sealFile, sendStoredFile, storeFile } from '../files';
import { missingKinds, type AttachmentList, type AttachmentSpec } from './attachments';
import * as repo from './attachments.repository';

export const AttachmentErrors = defineErrors('ATTACHMENT', {
  RECORD_NOT_FOUND: { status: 404, message: '记录不存在或不在您的管辖范围内' },
  NOT_FOUND: { status: 404, message: '材料不存在或您无权查看' },
  TOO_MANY: { status: 409, message: '材料数量已达上限' },
  MISSING: { status: 409, message: '尚缺材料' },
});

/**
 * The record an attachment belongs to, as the owning module finds it in the caller's scope: its union (for
 * the audit row's organisation) and how the audit summary names it. Null (out of scope, or no such record)
 * answers 404; the module may also throw its own error.
 */
export interface AttachmentRecord {
  orgId: number;
  orgPath: string;
  /** e.g. `“恒达物流工会”2024-03-01 换届`. */
  title: string;
}
export type FindAttachmentRecord = (db: DbOrTx, recordId: number) => Promise<AttachmentRecord | null>;

async function recordOf(db: DbOrTx, find: FindAttachmentRecord, recordId: number) {
  const found = await find(db, recordId);
  if (!found) throw AttachmentErrors.RECORD_NOT_FOUND();
  return found;
}

const sealedTable = (spec: AttachmentSpec) => `ledger_attachments:${spec.owner}`;

/** A record's attachments and the kinds it still lacks for any declared step. */
export async function listAttachments(deps: AppDeps, spec: AttachmentSpec, recordId: number, find: FindAttachmentRecord): Promise<AttachmentList> {
  await recordOf(deps.db, find, recordId);
  const rows = await repo.attachmentsOf(deps.db, spec.owner, recordId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: spec.kinds.label(r.kind) ?? r.kind,
      name: r.name,
      mime: r.mime,
      size: r.size,
      uploadedBy: r.uploaderName,
      createdAt: r.createdAt.toISOString(),
    })),
    missing: missingKinds(spec, rows.map((r) => r.kind)).map((kind) => ({ kind, label: spec.kinds.label(kind)! })),
    maxFiles: spec.maxFiles,
    maxMb: deps.config.attachmentMaxMb,
    sealed: spec.sealed,
  };
}

/**
 * Stores one paper of a record (type and size checked by `storeFile`, sealed when the spec says so) with its
 * audit row, in one transaction. The module's route has already checked the permission; `find` applies the scope.
 */
export async function uploadAttachment(
  deps: AppDeps,
  ctx: ActionContext,
  spec: AttachmentSpec,
  recordId: number,
  find: FindAttachmentRecord,
  input: { kind: string; fileName: string; content: Buffer },
): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const record = await recordOf(tx, find, recordId);
    if ((await repo.countAttachments(tx, spec.owner, recordId)) >= spec.maxFiles) throw AttachmentErrors.TOO_MANY(`每条记录最多保存 ${spec.maxFiles} 份材料，请先删除不需要的材料`);
    const stored = await storeFile(tx, {
      orgId: record.orgId,
      orgPath: record.orgPath,
      purpose: spec.owner,
      name: input.fileName,
      content: input.content,
      uploadedBy: ctx.principal.accountId,
      maxBytes: deps.config.attachmentMaxMb * 1024 * 1024,
      seal: spec.sealed ? sealFile(deps.cipher, sealedTable(spec)) : undefined,
    });
    const actor = actorOf(ctx);
    const row = await repo.insertAttachment(tx, { owner: spec.owner, recordId, kind: input.kind, fileId: stored.id, uploadedBy: ctx.principal.accountId, uploaderName: ctx.principal.displayName, createdAt: deps.now() });
    const label = spec.kinds.label(input.kind);
    await writeAudit(tx, {
      actor,
      action: 'attachment.upload',
      entityType: spec.owner,
      entityId: recordId,
      orgId: record.orgId,
      orgPath: record.orgPath,
      summary: `${record.title}：上传${label}“${stored.name}”`,
      after: { attachmentId: row.id, kind: input.kind, name: stored.name, size: stored.size, sha256: stored.sha256 },
    });
    return row.id;
  });
}

async function attachmentIn(tx: DbOrTx, spec: AttachmentSpec, recordId: number, find: FindAttachmentRecord, attachmentId: number) {
  const record = await recordOf(tx, find, recordId);
  const row = await repo.attachmentOf(tx, spec.owner, recordId, attachmentId);
  if (!row) throw AttachmentErrors.NOT_FOUND();
  return { record, row };
}

/** Sends one paper as a download (decrypted when sealed) and writes its audit row. */
export async function sendAttachment(
  deps: AppDeps,
  ctx: ActionContext,
  reply: FastifyReply,
  spec: AttachmentSpec,
  recordId: number,
  attachmentId: number,
  find: FindAttachmentRecord,
): Promise<FastifyReply> {
  const file = await deps.db.transaction(async (tx) => {
    const { record, row } = await attachmentIn(tx, spec, recordId, find, attachmentId);
    const stored = (await loadFile(tx, row.fileId))!;
    const file = spec.sealed ? openSealedFile(deps.cipher, sealedTable(spec), stored) : stored;
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'attachment.download',
      entityType: spec.owner,
      entityId: recordId,
      orgId: record.orgId,
      orgPath: record.orgPath,
      summary: `${record.title}：下载${spec.kinds.label(row.kind)}“${file.name}”`,
      after: { attachmentId: row.id },
    });
    return file;
  });
  return sendStoredFile(reply, file);
}

/** Deletes one paper (its link and its bytes) with its audit row. */
export async function deleteAttachment(deps: AppDeps, ctx: ActionContext, spec: AttachmentSpec, recordId: number, attachmentId: number, find: FindAttachmentRecord): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { record, row } = await attachmentIn(tx, spec, recordId, find, attachmentId);
    const stored = (await loadFile(tx, row.fileId))!;
    await repo.deleteAttachmentRow(tx, row.id);
    await deleteFile(tx, row.fileId);
    await writeAudit(tx, {
      actor: actorOf(ctx),
      action: 'attachment.delete',
      entityType: spec.owner,
      entityId: recordId,
      orgId: record.orgId,
      orgPath: record.orgPath,
      summary: `${record.title}：删除${spec.kinds.label(row.kind)}“${stored.name}”`,
      before: { attachmentId: row.id, kind: row.kind, name: stored.name, size: stored.size, sha256: stored.sha256 },
    });
  });
}

/**
 * The kinds of paper a record still lacks before `step` (every declared step when absent), as code and
 * label: the read a workflow guard makes. Unscoped: the caller has already loaded the record in its scope.
 */
export async function missingAttachments(db: DbOrTx, spec: AttachmentSpec, recordId: number, step?: string) {
  const held = await repo.kindsHeld(db, spec.owner, recordId);
  return missingKinds(spec, held, step).map((kind) => ({ kind, label: spec.kinds.label(kind)! }));
}

/** Throws `ATTACHMENT.MISSING` (409) naming the missing papers, e.g. “尚缺材料：批复文件，不能报送”. */
export async function refuseMissingAttachments(db: DbOrTx, spec: AttachmentSpec, recordId: number, step: string, doing: string): Promise<void> {
  const missing = await missingAttachments(db, spec, recordId, step);
  if (missing.length) throw AttachmentErrors.MISSING(`尚缺材料：${missing.map((m) => m.label).join('、')}，不能${doing}`, { missing: missing.map((m) => m.kind) });
}
