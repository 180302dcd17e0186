import type { FastifyInstance } from 'fastify';
import type { Principal } from '../access';
import type { AppDeps } from '../context';
import { defineRoute, IdParamsSchema } from '../http';
import { AttachmentListSchema, AttachmentParamsSchema, attachmentUploadQuery, type AttachmentSpec } from './attachments';
import { deleteAttachment, listAttachments, sendAttachment, uploadAttachment, type FindAttachmentRecord } from './attachments.service';

/** What a ledger's papers routes need: where they live, what the papers are called, and how a record is found. */
export interface AttachmentRoutes {
  /** The record's URL, e.g. `/api/facilities/:id`; the routes are `<base>/attachments[/:attachmentId]`. */
  base: string;
  spec: AttachmentSpec;
  /** What the papers are called in the route summaries (选举材料, 阵地材料). */
  noun: string;
  tags: string[];
  read: string;
  write: string;
  /** The record in the principal's scope for `permission` (a write may also need the record open), else null. */
  find(principal: Principal, permission: string): FindAttachmentRecord;
}

/**
 * A record's papers: list (and the kinds it still lacks), upload (the body is the file), download and delete, each
 * an explicit route with its permission; every upload, download and deletion is audited by the kit.
 */
export function registerAttachmentRoutes(app: FastifyInstance, deps: AppDeps, r: AttachmentRoutes): void {
  const url = `${r.base}/attachments`;
  const list = (id: number, principal: Principal) => listAttachments(deps, r.spec, id, r.find(principal, r.read));
  defineRoute(app, {
    method: 'GET', url, permission: r.read, summary: `${r.noun}（及尚缺的材料）`, tags: r.tags, params: IdParamsSchema, response: AttachmentListSchema,
    handler: ({ params, principal }) => list(params.id, principal),
  });
  defineRoute(app, {
    method: 'POST', url, permission: r.write, summary: `上传${r.noun}（请求体为文件本身）`, tags: r.tags, params: IdParamsSchema, querystring: attachmentUploadQuery(r.spec), response: AttachmentListSchema,
    async handler({ params, query, principal, ip, req }) {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      await uploadAttachment(deps, { principal, ip }, r.spec, params.id, r.find(principal, r.write), { kind: query.kind, fileName: query.fileName, content });
      return list(params.id, principal);
    },
  });
  defineRoute(app, {
    method: 'GET', url: `${url}/:attachmentId`, permission: r.read, summary: `下载${r.noun}（记入审计）`, tags: r.tags, params: AttachmentParamsSchema, produces: 'application/octet-stream',
    handler: ({ params, principal, ip, reply }) => sendAttachment(deps, { principal, ip }, reply, r.spec, params.id, params.attachmentId, r.find(principal, r.read)),
  });
  defineRoute(app, {
    method: 'DELETE', url: `${url}/:attachmentId`, permission: r.write, summary: `删除${r.noun}`, tags: r.tags, params: AttachmentParamsSchema, response: AttachmentListSchema,
    async handler({ params, principal, ip }) {
      await deleteAttachment(deps, { principal, ip }, r.spec, params.id, params.attachmentId, r.find(principal, r.write));
      return list(params.id, principal);
    },
  });
}
