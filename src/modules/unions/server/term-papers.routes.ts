import type { FastifyInstance } from 'fastify';
import { scopeFor, type Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import type { DbOrTx } from '@platform/db';
import { registerAttachmentRoutes, type FindAttachmentRecord } from '@platform/ledger';
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
  registerAttachmentRoutes(app, deps, { base: '/api/unions/terms/:id', spec: TERM_PAPERS, noun: '换届选举材料', tags, read: READ, write: WRITE, find: termIn });
}
