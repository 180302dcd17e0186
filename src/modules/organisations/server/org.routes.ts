import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFor } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute, IdParamsSchema } from '@platform/http';
import { ORG_KINDS } from '../shared/org-kinds';
import { OrgPermissions } from '../shared/org.permissions';
import {
  CloseOrgSchema,
  CreateOrgSchema,
  MoveOrgSchema,
  OrgExportQuerySchema,
  OrgListQuerySchema,
  OrgPageSchema,
  OrgSchema,
  OrgTreeNodeSchema,
  OrgTreeQuerySchema,
  UpdateOrgSchema,
} from '../shared/org.schema';
import { OrgErrors } from './org.errors';
import { presentOrg, presentTreeNode } from './org.presenter';
import * as repo from './org.repository';
import * as service from './org.service';

const READ = OrgPermissions.read.name;
const WRITE = OrgPermissions.write.name;
const tags = ['组织'];
export const ORG_EXPORT_LIMIT = 100_000;

export function registerOrgRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  /** Reloads an organisation through the reader's scope and presents it. */
  async function present(id: number, principal: Parameters<typeof scopeFor>[0]) {
    const row = await repo.findOrgInScope(db, scopeFor(principal, READ), id);
    if (!row) throw OrgErrors.NOT_FOUND();
    return presentOrg(row, scopeFor(principal, WRITE));
  }

  const underPath = (scope: ReturnType<typeof scopeFor>, underId: number | undefined) => repo.subtreePathInScope(db, scope, underId);

  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs',
    permission: READ,
    summary: '组织列表（分页、搜索）',
    tags,
    querystring: OrgListQuerySchema,
    response: OrgPageSchema,
    async handler({ query, scope, principal }) {
      const s = scope();
      const { rows, total } = await repo.listOrgs(db, s, query, await underPath(s, query.underId));
      const write = scopeFor(principal, WRITE);
      return { items: rows.map((r) => presentOrg(r, write)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/export.xlsx',
    permission: READ,
    summary: '导出组织列表（Excel）',
    tags,
    querystring: OrgExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, principal, reply }) {
      const s = scope();
      const rows = await repo.listOrgsForExport(db, s, query, await underPath(s, query.underId), ORG_EXPORT_LIMIT);
      const write = scopeFor(principal, WRITE);
      const items = rows.map((r) => presentOrg(r, write));
      const buffer = await writeXlsx('组织', [
        { header: '组织名称', width: 36, value: (o) => o.name },
        { header: '组织代码', width: 18, value: (o) => o.code },
        { header: '组织类型', width: 18, value: (o) => o.kindLabel },
        { header: '上级组织', width: 30, value: (o) => o.parentName },
        { header: '层级', width: 8, value: (o) => o.level },
        { header: '行政区划代码', width: 14, value: (o) => o.divisionCode },
        { header: '成立日期', width: 12, value: (o) => o.openedOn },
        { header: '状态', width: 8, value: (o) => (o.status === 'open' ? '正常' : '已撤销') },
        { header: '撤销日期', width: 12, value: (o) => o.closedOn },
        { header: '撤销原因', width: 20, value: (o) => o.closeReason },
        { header: '下级组织数', width: 10, value: (o) => o.childCount },
        { header: '联系人', width: 10, value: (o) => o.contactName },
        { header: '联系电话', width: 14, value: (o) => o.contactPhone },
        { header: '地址', width: 30, value: (o) => o.address },
        { header: '备注', width: 20, value: (o) => o.remark },
      ], items);
      return sendXlsx(reply, `组织列表-${new Date().toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/tree',
    permission: READ,
    summary: '组织树的一层（不传上级组织时返回管辖范围的顶层）',
    tags,
    querystring: OrgTreeQuerySchema,
    response: z.array(OrgTreeNodeSchema),
    async handler({ query, scope }) {
      const s = scope();
      if (query.parentId && !(await repo.findOrgInScope(db, s, query.parentId))) throw OrgErrors.NOT_FOUND();
      const rows = await repo.listChildren(db, s, query.parentId ?? null, query.includeClosed === 'true');
      return rows.map(presentTreeNode);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/kinds',
    permission: 'authenticated',
    summary: '组织类型列表',
    tags,
    response: z.array(z.object({ value: z.string(), label: z.string(), tier: z.string() })),
    async handler() {
      return Object.entries(ORG_KINDS).map(([value, v]) => ({ value, label: v.label, tier: v.tier }));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/orgs/:id',
    permission: READ,
    summary: '组织详情',
    tags,
    params: IdParamsSchema,
    response: OrgSchema,
    async handler({ params, principal }) {
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orgs',
    permission: WRITE,
    summary: '新建组织',
    tags,
    body: CreateOrgSchema,
    response: OrgSchema,
    async handler({ body, principal, ip }) {
      const org = await service.createOrg(deps, { principal, ip }, body);
      return present(org.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/orgs/:id',
    permission: WRITE,
    summary: '修改组织信息',
    tags,
    params: IdParamsSchema,
    body: UpdateOrgSchema,
    response: OrgSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateOrg(deps, { principal, ip }, params.id, body);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orgs/:id/move',
    permission: WRITE,
    summary: '迁移组织（连同其全部下级）',
    tags,
    params: IdParamsSchema,
    body: MoveOrgSchema,
    response: OrgSchema,
    async handler({ params, body, principal, ip }) {
      await service.moveOrg(deps, { principal, ip }, params.id, body.parentId);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orgs/:id/close',
    permission: WRITE,
    summary: '撤销组织（保留历史）',
    tags,
    params: IdParamsSchema,
    body: CloseOrgSchema,
    response: OrgSchema,
    async handler({ params, body, principal, ip }) {
      await service.closeOrg(deps, { principal, ip }, params.id, body);
      return present(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/orgs/:id/reopen',
    permission: WRITE,
    summary: '恢复已撤销的组织',
    tags,
    params: IdParamsSchema,
    response: OrgSchema,
    async handler({ params, principal, ip }) {
      await service.reopenOrg(deps, { principal, ip }, params.id);
      return present(params.id, principal);
    },
  });
}

