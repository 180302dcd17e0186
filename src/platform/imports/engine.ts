import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { ExcelJS } from '../excel/exceljs';
import type { Principal } from '../access';
import { writeAudit } from '../audit';
import { actorOf, type AppDeps } from '../context';
import { analyzeDatabase, type DbOrTx, type Tx } from '../db';
import { defineErrors } from '../errors/app-error';
import { safeCellValue } from '../excel/xlsx';
import * as repo from './import.repository';
import { normaliseHeader, readSheetRows } from './reader';

/** A column of an import template: its key in code, its Chinese header, and what the template says about it. */
export interface ImportColumn {
  key: string;
  header: string;
  required?: boolean;
  /** Other headers accepted for this column (older templates, common variants). */
  aliases?: string[];
  /** Shown in the template's notes sheet. */
  note?: string;
  /** An example value written in the template's notes sheet. */
  example?: string;
  /** Column width in the template. */
  width?: number;
}

export type ImportMode = 'add' | 'upsert';
export const IMPORT_MODE_LABELS: Record<ImportMode, string> = { add: '仅新增（已存在的跳过）', upsert: '新增或更新' };

export interface ImportContext {
  deps: AppDeps;
  principal: Principal;
  ip: string;
  mode: ImportMode;
  jobId: number;
}

export interface ImportInputRow {
  rowNo: number;
  values: Record<string, string>;
}

/** The outcome of preparing one row: its errors, or the payload to stage and its uniqueness key in the file. */
export type PreparedRow = { errors: string[] } | { payload: unknown; key?: string; keyLabel?: string };

export interface ApplyResult {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * What a ledger supplies to be importable. The engine owns parsing, header matching, progress, the error
 * file, staging and the single applying transaction; the spec owns the meaning of a row.
 */
export interface ImportSpec {
  kind: string;
  /** Chinese name of the sheet, e.g. 会员花名册. */
  label: string;
  /** The permission the importer needs (checked by the route and recorded on the job). */
  permission: string;
  columns: ImportColumn[];
  /** Validates a chunk of rows (all errors per row, not the first); may read the database. */
  prepare(db: DbOrTx, rows: ImportInputRow[], ctx: ImportContext): Promise<PreparedRow[]>;
  /**
   * Applies every staged row of the job inside the given transaction. The rows are in the temporary table
   * `import_apply (row_no int, p jsonb)`, parsed once for this transaction and dropped at its commit.
   */
  apply(tx: Tx, ctx: ImportContext): Promise<ApplyResult>;
}

export const ImportErrors = defineErrors('IMPORT', {
  UNKNOWN_KIND: { status: 404, message: '不支持的导入类型' },
  NOT_XLSX: { status: 400, message: '请上传 Excel 文件（.xlsx）。如为 .xls 或 WPS 格式，请另存为 .xlsx 后再导入' },
  EMPTY_FILE: { status: 400, message: '上传的文件是空的' },
  NOT_FOUND: { status: 404, message: '导入记录不存在' },
  NO_ERROR_FILE: { status: 404, message: '这次导入没有错误报告' },
});

/** Imports at least this large refresh planner statistics when they finish. */
const ANALYZE_AFTER_ROWS = 1000;
const CHUNK = 5000;
export const ERROR_COLUMN = '错误说明';
export const INTERRUPTED_MESSAGE = '服务重启，导入已中止；没有写入任何数据，请重新导入';

type HeaderMap = { index: Map<string, number>; missing: ImportColumn[]; unknown: string[] };

function mapHeaders(spec: ImportSpec, header: string[]): HeaderMap {
  const positions = new Map<string, number>();
  header.forEach((h, i) => {
    const n = normaliseHeader(h);
    if (n && n !== ERROR_COLUMN && !positions.has(n)) positions.set(n, i);
  });
  const index = new Map<string, number>();
  const used = new Set<number>();
  for (const c of spec.columns) {
    for (const name of [c.header, ...(c.aliases ?? [])]) {
      const i = positions.get(normaliseHeader(name));
      if (i !== undefined) {
        index.set(c.key, i);
        used.add(i);
        break;
      }
    }
  }
  const missing = spec.columns.filter((c) => c.required && !index.has(c.key));
  const unknown = header.filter((h, i) => h && !used.has(i) && normaliseHeader(h) !== ERROR_COLUMN);
  return { index, missing, unknown };
}

function isXlsx(file: Buffer): boolean {
  return file.length > 4 && file[0] === 0x50 && file[1] === 0x4b;
}

/**
 * Runs imports in the background of the server process. One job at a time per process keeps the embedded
 * database responsive; jobs wait in a queue.
 */
export class ImportRunner {
  private readonly specs = new Map<string, ImportSpec>();
  private queue: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly deps: AppDeps) {}

  register(spec: ImportSpec): void {
    if (this.specs.has(spec.kind)) throw new Error(`import kind ${spec.kind} registered twice`);
    this.specs.set(spec.kind, spec);
  }

  spec(kind: string): ImportSpec {
    const s = this.specs.get(kind);
    if (!s) throw ImportErrors.UNKNOWN_KIND();
    return s;
  }

  /** Records the job and queues it; returns at once with the job id. */
  async start(kind: string, file: Buffer, fileName: string, mode: ImportMode, principal: Principal, ip: string): Promise<number> {
    const spec = this.spec(kind);
    if (!file || file.length === 0) throw ImportErrors.EMPTY_FILE();
    if (!isXlsx(file)) throw ImportErrors.NOT_XLSX();
    const job = await repo.insertJob(this.deps.db, {
      kind,
      accountId: principal.accountId,
      orgPath: principal.orgPath,
      fileName: fileName.slice(0, 200),
      fileSha256: createHash('sha256').update(file).digest('hex'),
      mode,
      status: 'queued',
      totalBytes: file.length,
      createdAt: this.deps.now(),
    });
    const ctx: ImportContext = { deps: this.deps, principal, ip, mode, jobId: job.id };
    const run = this.queue.then(() => this.run(spec, file, ctx));
    this.queue = run.catch(() => undefined);
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return job.id;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private async run(spec: ImportSpec, file: Buffer, ctx: ImportContext): Promise<void> {
    const db = this.deps.db;
    const jobId = ctx.jobId;
    try {
      await repo.updateJob(db, jobId, { status: 'validating' });
      // Where the time goes (IMPORT_PROFILE=1 prints it; the benchmark uses it).
      const PROFILE = { prepare: 0, stage: 0, apply: 0 };
      const errors = new Map<number, string[]>();
      const seen = new Map<string, number>();
      let header: HeaderMap | null = null;
      let chunk: ImportInputRow[] = [];
      let processed = 0;
      let readBytes = 0;
      let lastReport = Date.now();

      const flush = async () => {
        if (chunk.length === 0) return;
        const t0 = performance.now();
        const prepared = await spec.prepare(db, chunk, ctx);
        PROFILE.prepare += performance.now() - t0;
        const staged: { rowNo: number; payload: unknown }[] = [];
        prepared.forEach((p, i) => {
          const row = chunk[i]!;
          if ('errors' in p) {
            if (p.errors.length) errors.set(row.rowNo, p.errors);
            return;
          }
          if (p.key) {
            const first = seen.get(p.key);
            if (first !== undefined) {
              errors.set(row.rowNo, [`${p.keyLabel ?? '关键字段'}与第 ${first} 行重复`]);
              return;
            }
            seen.set(p.key, row.rowNo);
          }
          staged.push({ rowNo: row.rowNo, payload: p.payload });
        });
        // Once any row is wrong nothing will be written, so stop staging (but keep validating every row).
        const t1 = performance.now();
        if (errors.size === 0) await repo.stageRows(db, jobId, staged);
        PROFILE.stage += performance.now() - t1;
        processed += chunk.length;
        chunk = [];
        if (Date.now() - lastReport > 300) {
          lastReport = Date.now();
          await repo.updateJob(db, jobId, { processedRows: processed, errorRows: errors.size, readBytes });
        }
      };

      for await (const row of readSheetRows(file, (b) => (readBytes = b))) {
        if (!header) {
          header = mapHeaders(spec, row.cells);
          if (header.missing.length) {
            await this.finish(jobId, 'invalid', {
              message: `表头缺少必填列：${header.missing.map((c) => c.header).join('、')}。请使用下载的模板`,
            });
            return;
          }
          continue;
        }
        if (row.cells.every((c) => c === '')) continue;
        const values: Record<string, string> = {};
        for (const c of spec.columns) {
          const i = header.index.get(c.key);
          values[c.key] = i === undefined ? '' : (row.cells[i] ?? '');
        }
        chunk.push({ rowNo: row.rowNo, values });
        if (chunk.length >= CHUNK) await flush();
      }
      await flush();
      if (!header) {
        await this.finish(jobId, 'invalid', { message: '文件中没有表头和数据行' });
        return;
      }
      if (processed === 0) {
        await this.finish(jobId, 'invalid', { message: '文件中没有数据行' });
        return;
      }
      if (errors.size) {
        await repo.clearStagedRows(db, jobId);
        const errorFile = await buildErrorFile(file, errors);
        await this.finish(jobId, 'invalid', {
          processedRows: processed,
          errorRows: errors.size,
          readBytes: file.length,
          errorFile,
          message: `共 ${processed} 行，其中 ${errors.size} 行有错误；没有写入任何数据。请下载错误报告，改正后重新导入`,
        });
        return;
      }
      await repo.updateJob(db, jobId, { status: 'writing', processedRows: processed, readBytes: file.length });
      const t2 = performance.now();
      const result = await db.transaction(async (tx) => {
        await repo.loadStagedForApply(tx, jobId);
        const r = await spec.apply(tx, ctx);
        await writeAudit(tx, {
          actor: actorOf(ctx),
          action: 'import.apply',
          entityType: 'import_job',
          entityId: jobId,
          orgId: ctx.principal.orgId,
          orgPath: ctx.principal.orgPath,
          summary: `导入${spec.label} ${processed} 行：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}`,
          after: { kind: spec.kind, mode: ctx.mode, rows: processed, ...r },
        });
        return r;
      });
      PROFILE.apply += performance.now() - t2;
      if (process.env.IMPORT_PROFILE) console.log(`import ${jobId} ms: ${JSON.stringify(PROFILE, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
      await repo.clearStagedRows(db, jobId);
      if (processed >= ANALYZE_AFTER_ROWS) await analyzeDatabase(db);
      await this.finish(jobId, 'done', {
        ...result,
        processedRows: processed,
        message: `导入完成：共 ${processed} 行，新增 ${result.inserted}，更新 ${result.updated}，未变 ${result.unchanged}`,
      });
    } catch (error) {
      await repo.clearStagedRows(db, jobId).catch(() => undefined);
      const detail = error instanceof Error && 'code' in error && String((error as { code: unknown }).code) === '23505';
      await this.finish(jobId, 'failed', {
        message: detail
          ? '导入期间数据被其他操作修改（出现重复记录），没有写入任何数据，请重新导入'
          : `导入失败，没有写入任何数据：${error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '文件无法读取或服务器出错'}`,
      }).catch(() => undefined);
      if (process.env.LOG_LEVEL) console.error(error);
    }
  }

  private async finish(jobId: number, status: 'done' | 'invalid' | 'failed', values: Partial<repo.NewImportJob>) {
    await repo.updateJob(this.deps.db, jobId, { ...values, status, finishedAt: this.deps.now() });
  }
}

/** The uploaded sheet again, with a 错误说明 column: every row kept, wrong rows explained and highlighted. */
export async function buildErrorFile(file: Buffer, errors: Map<number, string[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  let width = 0;
  let first = true;
  for await (const row of readSheetRows(file)) {
    if (first) {
      width = row.cells.length;
      const errorAt = row.cells.findIndex((c) => normaliseHeader(c) === ERROR_COLUMN);
      if (errorAt >= 0) width = errorAt;
      const r = sheet.addRow([...row.cells.slice(0, width), ERROR_COLUMN]);
      r.font = { bold: true };
      r.commit();
      first = false;
      continue;
    }
    const cells = row.cells.slice(0, width);
    while (cells.length < width) cells.push('');
    const message = errors.get(row.rowNo);
    const r = sheet.addRow([...cells.map(safeCellValue), message ? message.join('；') : null]);
    if (message) {
      const cell = r.getCell(width + 1);
      cell.font = { color: { argb: 'FFC8161D' } };
      r.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF1F0' } }));
    }
    r.commit();
  }
  sheet.columns.forEach((c, i) => (c.width = i === width ? 48 : 16));
  sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

/** The downloadable template: headers in order, text format for code columns, and a notes sheet. */
export async function buildTemplate(spec: ImportSpec, textColumns: string[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.label, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFF0F0F0' } };
    if (textColumns.includes(c.key)) sheet.getColumn(i + 1).numFmt = '@';
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 60 },
    { header: '示例', width: 24 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of spec.columns) notes.addRow([c.header, c.required ? '必填' : '选填', c.note ?? '', c.example ?? '']);
  notes.addRow([]);
  notes.addRow(['说明', '', '请在第一个工作表中从第 2 行开始填写；列的顺序可以调整，但列名不要修改。有错误的行会在错误报告的“错误说明”列中列出，整份文件改正后重新导入即可，重复导入不会产生重复数据。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
