import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '@platform/context';
import { defineRoute } from '@platform/http';
import { MemberPermissions } from '../shared/member.permissions';
import { BulkMembershipResultSchema, EndAllSchema, OpenMembershipsQuerySchema, OpenMembershipsSchema, TransferAllSchema } from '../shared/membership-bulk.schema';
import * as service from './membership-bulk.service';

const tags = ['会员'];

/** Routes for moving or ending all open memberships of a union (the step before closing it). */
export function registerMembershipBulkRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/memberships/open',
    permission: MemberPermissions.read.name,
    summary: '某个基层工会尚未结束的会籍数（撤销工会前须先转出或办理退会）',
    tags,
    querystring: OpenMembershipsQuerySchema,
    response: OpenMembershipsSchema,
    async handler({ query, principal, ip }) {
      return service.openMemberships(deps, { principal, ip }, query.orgId);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/memberships/transfer-all',
    permission: MemberPermissions.write.name,
    summary: '把一个基层工会的全部在会会员整体转入另一个基层工会',
    tags,
    body: TransferAllSchema,
    response: BulkMembershipResultSchema,
    async handler({ body, principal, ip }) {
      return service.transferAllMemberships(deps, { principal, ip }, body);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/memberships/end-all',
    permission: MemberPermissions.write.name,
    summary: '为一个基层工会的全部在会会员整体办理退会（须选择原因）',
    tags,
    body: EndAllSchema,
    response: BulkMembershipResultSchema,
    async handler({ body, principal, ip }) {
      return service.endAllMemberships(deps, { principal, ip }, body);
    },
  });
}
