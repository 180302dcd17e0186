import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '@platform/context';
import { sendXlsx, writeXlsx } from '@platform/excel';
import { defineRoute } from '@platform/http';
import { findOrgInScope, OrgErrors } from '@modules/organisations/server';
import { AuditPermissions } from '../shared/audit.permissions';
import {
  AuditExportQuerySchema,
  AuditPageSchema,
  AuditQuerySchema,
  type AuditEventDto,
} from '../shared/audit.schema';
import { listAuditEvents, listAuditEventsForExport, type AuditRow } from './audit.repository';

const READ = AuditPermissions.read.name;
const tags = ['操作日志'];
export const AUDIT_EXPORT_LIMIT = 100_000;

/** Snapshots were masked when written; they are shown as stored. */
function present({ event, orgName }: AuditRow, labels: Readonly<Record<string, string>>): AuditEventDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorName: event.actorName,
    actorIp: event.actorIp,
    orgId: event.orgId,
    orgName,
    action: event.action,
    actionLabel: labels[event.action] ?? event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    summary: event.summary,
    before: event.before,
    after: event.after,
    outcome: event.outcome,
  };
}

const beijingTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The audit page's routes; `actions` labels every audit action (the platform's and every module's). */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps, actions: Readonly<Record<string, string>>): void {
  const { db } = deps;

  async function underPath(scope: Parameters<typeof findOrgInScope>[1], orgId: number | undefined) {
    if (!orgId) return null;
    const org = await findOrgInScope(db, scope, orgId);
    if (!org) throw OrgErrors.NOT_FOUND();
    return org.org.path;
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/audit',
    permission: READ,
    summary: '操作日志（按人、组织、类型、日期筛选）',
    tags,
    querystring: AuditQuerySchema,
    response: AuditPageSchema,
    async handler({ query, scope }) {
      const s = scope();
      const { rows, total } = await listAuditEvents(db, s, query, await underPath(s, query.orgId));
      return { items: rows.map((r) => present(r, actions)), total, page: query.page, pageSize: query.pageSize };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/audit/actions',
    permission: READ,
    summary: '操作类型列表',
    tags,
    response: z.array(z.object({ value: z.string(), label: z.string() })),
    async handler() {
      return Object.entries(actions).map(([value, label]) => ({ value, label }));
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/audit/export.xlsx',
    permission: READ,
    summary: '导出操作日志（Excel）',
    tags,
    querystring: AuditExportQuerySchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ query, scope, reply }) {
      const s = scope();
      const rows = (await listAuditEventsForExport(db, s, query, await underPath(s, query.orgId), AUDIT_EXPORT_LIMIT)).map((r) => present(r, actions));
      const json = (v: unknown) => (v == null ? '' : JSON.stringify(v));
      const buffer = await writeXlsx(
        '操作日志',
        [
          { header: '时间', width: 20, value: (e) => beijingTime.format(new Date(e.occurredAt)) },
          { header: '操作人', width: 22, value: (e) => e.actorName },
          { header: 'IP 地址', width: 16, value: (e) => e.actorIp },
          { header: '组织', width: 30, value: (e) => e.orgName },
          { header: '操作类型', width: 14, value: (e) => e.actionLabel },
          { header: '结果', width: 8, value: (e) => (e.outcome === 'success' ? '成功' : '失败') },
          { header: '说明', width: 50, value: (e) => e.summary },
          { header: '修改前', width: 40, value: (e) => json(e.before) },
          { header: '修改后', width: 40, value: (e) => json(e.after) },
        ],
        rows,
      );
      return sendXlsx(reply, `操作日志-${new Date().toISOString().slice(0, 10)}.xlsx`, buffer);
    },
  });
}
