import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { scopeFor } from '@platform/access';
import type { AppDeps } from '@platform/context';
import { docxToPdf, findSoffice } from '@platform/documents';
import { defineRoute, IdParamsSchema, sendDownload } from '@platform/http';
import type { IndicatorCatalogue } from '@platform/indicators';
import { ReportPermissions } from '../shared/report.permissions';
import { CreateReportSchema, RenderedReportSchema, ReportListQuerySchema, ReportPageSchema, UpdateReportSchema } from '../shared/report.schema';
import { buildReportDocx } from './report.docx';
import { ReportErrors } from './report.errors';
import * as repo from './report.repository';
import * as service from './report.service';

const READ = ReportPermissions.read.name;
const WRITE = ReportPermissions.write.name;
const tags = ['述职报告'];

export function registerReportRoutes(app: FastifyInstance, deps: AppDeps, catalogue: IndicatorCatalogue): void {
  const { db } = deps;

  async function rendered(id: number, principal: Parameters<typeof scopeFor>[0]) {
    const r = await repo.findReportInScope(db, scopeFor(principal, READ), id);
    if (!r) throw ReportErrors.NOT_FOUND();
    return service.renderReport(deps, catalogue, r);
  }

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports',
    permission: READ,
    summary: '述职报告列表',
    tags,
    querystring: ReportListQuerySchema,
    response: ReportPageSchema,
    async handler({ query, scope }) {
      const { rows, total } = await repo.listReports(db, scope(), query);
      return {
        items: rows.map((r) => {
          const { sections: _s, ...rest } = service.presentReport(r);
          return rest;
        }),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/reports',
    permission: WRITE,
    summary: '按默认模板新建述职报告草稿',
    tags,
    body: CreateReportSchema,
    response: RenderedReportSchema,
    async handler({ body, principal, ip }) {
      const id = await service.createReport(deps, { principal, ip }, body);
      return rendered(id, principal);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/capabilities',
    permission: READ,
    summary: '导出能力（是否可导出 PDF）',
    tags,
    response: z.object({ pdf: z.boolean() }),
    async handler() {
      return { pdf: findSoffice() !== null };
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/:id',
    permission: READ,
    summary: '报告预览：草稿的数字实时计算，定稿的数字来自快照',
    tags,
    params: IdParamsSchema,
    response: RenderedReportSchema,
    async handler({ params, principal }) {
      return rendered(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'PATCH',
    url: '/api/reports/:id',
    permission: WRITE,
    summary: '修改草稿的标题或正文',
    tags,
    params: IdParamsSchema,
    body: UpdateReportSchema,
    response: RenderedReportSchema,
    async handler({ params, body, principal, ip }) {
      await service.updateReport(deps, { principal, ip }, params.id, body);
      return rendered(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/reports/:id/finalise',
    permission: WRITE,
    summary: '定稿：固化正文、数字和指标口径，此后不再改变',
    tags,
    params: IdParamsSchema,
    response: RenderedReportSchema,
    async handler({ params, principal, ip }) {
      await service.finaliseReport(deps, { principal, ip }, catalogue, params.id);
      return rendered(params.id, principal);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/reports/:id/copy',
    permission: WRITE,
    summary: '以该报告为基础新建草稿',
    tags,
    params: IdParamsSchema,
    response: RenderedReportSchema,
    async handler({ params, principal, ip }) {
      const id = await service.copyReport(deps, { principal, ip }, params.id);
      return rendered(id, principal);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/:id/export.docx',
    permission: READ,
    summary: '导出 Word（公文格式）',
    tags,
    params: IdParamsSchema,
    produces: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    async handler({ params, principal, reply }) {
      const r = await rendered(params.id, principal);
      const buffer = await buildReportDocx(r);
      return sendDownload(reply, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', `${r.report.title}.docx`, buffer);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/reports/:id/export.pdf',
    permission: READ,
    summary: '导出 PDF（服务器安装了 LibreOffice 时可用）',
    tags,
    params: IdParamsSchema,
    produces: 'application/pdf',
    async handler({ params, principal, reply }) {
      const r = await rendered(params.id, principal);
      if (!findSoffice()) throw ReportErrors.PDF_UNAVAILABLE();
      const pdf = await docxToPdf(await buildReportDocx(r));
      return sendDownload(reply, 'application/pdf', `${r.report.title}.pdf`, pdf);
    },
  });
}
