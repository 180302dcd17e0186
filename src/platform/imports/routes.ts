import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../context';
import { sendXlsx } from '../excel/xlsx';
import { defineRoute } from '../http/route';
import { IdParamsSchema } from '../http/schemas';
import { buildTemplate, IMPORT_MODE_LABELS, ImportErrors, type ImportMode, type ImportRunner, type ImportSpec } from './engine';
import * as repo from './import.repository';

export const ImportJobSchema = z.object({
  id: z.number(),
  kind: z.string(),
  fileName: z.string(),
  mode: z.string(),
  modeLabel: z.string(),
  status: z.enum(['queued', 'validating', 'writing', 'done', 'invalid', 'failed']),
  statusLabel: z.string(),
  /** 0–100, from the bytes of the file read so far; 100 once finished. */
  percent: z.number(),
  processedRows: z.number(),
  errorRows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Add-only: existing records whose row differs, left as they are (the result file says which and why). */
  skipped: z.number(),
  message: z.string().nullable(),
  /** An error report (invalid) or, for a finished import with skipped rows, a result report to download. */
  hasErrorFile: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

const STATUS_LABELS: Record<ImportJob['status'], string> = {
  queued: '排队中',
  validating: '正在校验并写入',
  writing: '正在提交',
  done: '已完成',
  invalid: '有错误，未导入',
  failed: '失败，未导入',
};

type JobLike = Omit<repo.NewImportJob, 'id'> & { id: number; createdAt: Date; finishedAt: Date | null; errorFile?: Buffer | null };

function presentJob(j: JobLike, hasErrorFile: boolean): ImportJob {
  const status = j.status as ImportJob['status'];
  const finished = ['done', 'invalid', 'failed'].includes(status);
  const readPart = j.totalBytes ? Math.min(1, (j.readBytes ?? 0) / j.totalBytes) : 0;
  const percent = finished ? 100 : status === 'writing' ? 95 : Math.floor(readPart * 90);
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.fileName,
    mode: j.mode,
    modeLabel: IMPORT_MODE_LABELS[j.mode as ImportMode] ?? j.mode,
    status,
    statusLabel: STATUS_LABELS[status],
    percent,
    processedRows: j.processedRows ?? 0,
    errorRows: j.errorRows ?? 0,
    inserted: j.inserted ?? 0,
    updated: j.updated ?? 0,
    unchanged: j.unchanged ?? 0,
    skipped: j.skipped ?? 0,
    message: j.message ?? null,
    hasErrorFile,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}

const UploadQuerySchema = z.object({
  mode: z.enum(['add', 'upsert']).default('add').meta({ title: '导入方式' }),
  fileName: z.string().max(200).default('导入文件.xlsx').meta({ title: '文件名' }),
});

/**
 * Template download and upload routes for one importable ledger; the file is the raw request body. The app calls
 * it for every spec a module's manifest declares (`importSpecs`), so a module does not wire its imports itself.
 */
export function registerImportSpecRoutes(app: FastifyInstance, runner: ImportRunner, spec: ImportSpec): void {
  const options = { tags: spec.tags ?? ['导入'], textColumns: spec.textColumns };
  runner.register(spec);
  defineRoute(app, {
    method: 'GET',
    url: `/api/imports/${spec.kind}/template.xlsx`,
    permission: spec.permission,
    summary: `下载${spec.label}导入模板`,
    tags: options.tags,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ reply }) {
      return sendXlsx(reply, `${spec.label}导入模板.xlsx`, await buildTemplate(spec, options.textColumns), 'no-records');
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: `/api/imports/${spec.kind}`,
    permission: spec.permission,
    summary: `上传${spec.label}（请求体为 .xlsx 或 .csv 文件，装有 LibreOffice 时也可为 .xls），后台校验并导入`,
    tags: options.tags,
    querystring: spec.params ? UploadQuerySchema.extend(spec.params.schema.shape) : UploadQuerySchema,
    response: z.object({ id: z.number() }),
    async handler({ query, principal, ip, req }) {
      const body = req.body;
      const file = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
      const { mode, fileName, ...params } = query as z.infer<typeof UploadQuerySchema> & Record<string, unknown>;
      return { id: await runner.start(spec.kind, file, fileName, mode, principal, ip, params) };
    },
  });
}

/** The importer's own jobs: progress, outcome and error report. */
export function registerImportJobRoutes(app: FastifyInstance, deps: AppDeps, runner: ImportRunner): void {
  const tags = ['导入'];
  async function ownJob(id: number, accountId: number) {
    const job = await repo.findJob(deps.db, id);
    if (!job || job.accountId !== accountId) throw ImportErrors.NOT_FOUND();
    // A running job's progress lives in the runner's memory, not in its row.
    return { ...job, ...runner.progress(id) };
  }
  defineRoute(app, {
    method: 'GET',
    url: '/api/imports',
    permission: 'authenticated',
    summary: '我的导入记录',
    tags,
    querystring: z.object({ kind: z.string().max(40).optional() }),
    response: z.array(ImportJobSchema),
    async handler({ principal, query }) {
      const rows = await repo.listJobs(deps.db, principal.accountId, query.kind, 20);
      return rows.map((r) => presentJob({ ...r, ...runner.progress(r.id), accountId: principal.accountId, fileSha256: '' }, (r.status === 'invalid' && r.errorRows > 0) || (r.status === 'done' && r.skipped > 0)));
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/imports/:id',
    permission: 'authenticated',
    summary: '导入进度与结果',
    tags,
    params: IdParamsSchema,
    response: ImportJobSchema,
    async handler({ params, principal }) {
      const job = await ownJob(params.id, principal.accountId);
      return presentJob(job, !!job.errorFile);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/imports/:id/errors.xlsx',
    permission: 'authenticated',
    summary: '下载错误报告（原文件加“错误说明”列）；已完成的导入有跳过的行时为结果说明（加“处理说明”列）',
    tags,
    params: IdParamsSchema,
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    async handler({ params, principal, reply }) {
      const job = await ownJob(params.id, principal.accountId);
      if (!job.errorFile) throw ImportErrors.NO_ERROR_FILE();
      const base = job.fileName.replace(/\.(xlsx|xls|csv)$/i, '');
      // The uploaded rows come back with their errors: an export of the personal data in them.
      return sendXlsx(reply, `${base}-${job.status === 'done' ? '导入结果' : '错误报告'}.xlsx`, job.errorFile, { rowCount: job.processedRows });
    },
  });
}
