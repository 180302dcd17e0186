import type { FastifyInstance } from 'fastify';
import { scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { defineRoute, IdParamsSchema } from '@platform/http';
import {
  AttachmentListSchema,
  AttachmentParamsSchema,
  attachmentUploadQuery,
  deleteAttachment,
  listAttachments,
  sendAttachment,
  uploadAttachment,
  type FindAttachmentRecord,
} from '@platform/ledger';
import { findOrgInScope } from '@modules/organisations/server';
import { OrgPermissions } from '@modules/organisations/shared/org.permissions';
import { TERM_PAPERS } from '../shared/term-papers';
import { termUnscoped } from './term-papers.repository';

const READ = OrgPermissions.read.name;
const WRITE = OrgPermissions.write.name;
const tags = ['换届'];

/** The term's union in the caller's scope for `permission` (a write also needs the union open); else 404. */
const termIn =
  (principal: Principal, permission: string): FindAttachmentRecord =>
  async (db: DbOrTx, termId: number) => {
    const term = await termUnscoped(db, termId);
    const found = term && (await findOrgInScope(db, scopeFor(principal, permission), term.orgId));
    if (!term || !found || (permission === WRITE && found.org.closedOn)) return null;
    return { orgId: found.org.id, orgPath: found.org.path, title: `“${found.org.name}”${term.electedOn} 换届` };
  };

/** 选举材料 of a term: list, upload, download, delete, on the ledger kit's attachments (every change audited). */
export function registerTermPaperRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/terms/:id/attachments',
    permission: READ,
    summary: '换届选举材料（及尚缺的材料）',
    tags,
    params: IdParamsSchema,
    response: AttachmentListSchema,
    handler: ({ params, principal }) => listAttachments(deps, TERM_PAPERS, params.id, termIn(principal, READ)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/unions/terms/:id/attachments',
    permission: WRITE,
    summary: '上传换届选举材料（请求体为文件本身）',
    tags,
    params: IdParamsSchema,
    querystring: attachmentUploadQuery(TERM_PAPERS),
    response: AttachmentListSchema,
    async handler({ params, query, principal, ip, req }) {
      const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      await uploadAttachment(deps, { principal, ip }, TERM_PAPERS, params.id, termIn(principal, WRITE), { kind: query.kind, fileName: query.fileName, content });
      return listAttachments(deps, TERM_PAPERS, params.id, termIn(principal, READ));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/unions/terms/:id/attachments/:attachmentId',
    permission: READ,
    summary: '下载换届选举材料（记入审计）',
    tags,
    params: AttachmentParamsSchema,
    produces: 'application/octet-stream',
    handler: ({ params, principal, ip, reply }) => sendAttachment(deps, { principal, ip }, reply, TERM_PAPERS, params.id, params.attachmentId, termIn(principal, READ)),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/unions/terms/:id/attachments/:attachmentId',
    permission: WRITE,
    summary: '删除换届选举材料',
    tags,
    params: AttachmentParamsSchema,
    response: AttachmentListSchema,
    async handler({ params, principal, ip }) {
      await deleteAttachment(deps, { principal, ip }, TERM_PAPERS, params.id, params.attachmentId, termIn(principal, WRITE));
      return listAttachments(deps, TERM_PAPERS, params.id, termIn(principal, READ));
    },
  });
}
