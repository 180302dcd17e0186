import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PassThrough } from 'node:stream';
import { ExcelJS } from '../excel/exceljs';
import type { Principal } from '../access';
import { writeAudit } from '../audit';
import { actorOf, type AppDeps } from '../context';
import { analyzeTables, BulkWriter, type DbOrTx, type Tx } from '../db';
import { ChunkLines, createTemporaryTargets, type StageValue, type ImportTarget } from './targets';
import { defineErrors } from '../errors/app-error';
import { safeCellValue } from '../excel/xlsx';
import * as repo from './import.repository';
import { ERROR_COLUMN, normaliseHeader, REPORT_COLUMNS, RESULT_COLUMN, type ImportColumn, type ImportInputRow } from './cells';
import { convertWithLibreOffice, findSoffice } from '../documents';
import { detectUploadFormat, type UploadFormat } from './csv';
import { ImportRowReaders, readSheetRows, sharedUpload, type ImportRows } from './reader';
import { RowKeys } from './row-keys';

export { ERROR_COLUMN, RESULT_COLUMN, type ImportColumn, type ImportInputRow };

export type ImportMode = 'add' | 'upsert';
export const IMPORT_MODE_LABELS: Record<ImportMode, string> = { add: '仅新增（已存在的跳过）', upsert: '新增或更新' };

export interface ImportContext {
  deps: AppDeps;
  principal: Principal;
  ip: string;
  mode: ImportMode;
  jobId: number;
  /** The spec's own upload parameters (e.g. the plan an enrolment list is for), validated by `params.schema`. */
  params: Record<string, unknown>;
}

/**
 * The outcome of preparing one row: its errors; or what it does to the ledger, the lines it stages (each
 * `[target table, values in the target's column order]`) and its uniqueness key in the file. `skipped` is an
 * existing record that add-only mode leaves as it is although the row differs; `note` says so (which fields,
 * and why), and goes to the import's result file. A wrong row may still give its key, so a repeat of it in
 * the file is told with the row's other errors.
 */
export type PreparedRow =
  | { errors: string[]; key?: string; keyLabel?: string }
  | { outcome: 'inserted' | 'updated' | 'unchanged' | 'skipped'; stage: [table: string, values: StageValue[]][]; key?: string; keyLabel?: string; note?: string };

export interface ApplyResult {
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
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
  /** OpenAPI tags of its template and upload routes (the module's own); `['导入']` when absent. */
  tags?: string[];
  /** Columns the blank template formats as text (identity numbers, codes, dates typed as text). */
  textColumns?: string[];
  /**
   * Upload parameters besides the file (query string): their schema, and a check run before the job is queued
   * (throws an AppError, e.g. the plan is closed) so the uploader hears at once.
   */
  params?: { schema: z.ZodObject; accept?(deps: AppDeps, principal: Principal, params: Record<string, unknown>): Promise<void> };
  /**
   * The checks of a row that need no database (formats, check digits, derived values, blind indexes), run on
   * the parse worker so they cost the server's event loop nothing: `module` exports `createRowCheck(input)`
   * (see RowCheckModule), called once per import with `input(ctx)` (structured-cloneable); its result for a
   * row arrives in `prepare` as the row's `checked`.
   */
  check?: { module: URL; input(ctx: ImportContext): unknown };
  /** Where prepared rows go, in COPY order (a table before the tables whose foreign keys point to it). */
  targets: ImportTarget[];
  /**
   * Validates a chunk of rows (all errors per row, not the first); reads the database through the import's
   * transaction, so it sees the earlier chunks of the same file. Values to encrypt are given as SealedValue.
   */
  prepare(db: DbOrTx, rows: ImportInputRow[], ctx: ImportContext): Promise<PreparedRow[]>;
  /**
   * Takes, first thing in the applying transaction, the lock (`lockKey`) the ledger's one-record path takes,
   * so the import's checks and a parallel single write see each other (e.g. one enrolment per plan and member).
   */
  lock?(tx: Tx, ctx: ImportContext): Promise<void>;
  /** Runs after every row is copied, in the same transaction (e.g. updates from a temporary target). */
  finish?(tx: Tx, ctx: ImportContext): Promise<void>;
}

export const ImportErrors = defineErrors('IMPORT', {
  UNKNOWN_KIND: { status: 404, message: '不支持的导入类型' },
  NOT_XLSX: { status: 400, message: '请上传 Excel 文件（.xlsx）或 CSV 文件（.csv）。如为 .xls 或 WPS 格式，请另存为 .xlsx 后再导入' },
  XLS_UNREADABLE: { status: 400, message: '无法读取这个 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入' },
  EMPTY_FILE: { status: 400, message: '上传的文件是空的' },
  NOT_FOUND: { status: 404, message: '导入记录不存在' },
  NO_ERROR_FILE: { status: 404, message: '这次导入没有错误报告' },
});

/** Imports at least this large refresh planner statistics when they finish. */
const ANALYZE_AFTER_ROWS = 1000;
export const INTERRUPTED_MESSAGE = '服务重启，导入已中止；没有写入任何数据，请重新导入';

/**
 * The upload as the engine reads it: an .xlsx (Excel, WPS or LibreOffice) or a .csv (UTF-8 or GB18030) as
 * it is; an .xls converted to .xlsx where LibreOffice (with Calc) is installed, else refused.
 */
async function readableUpload(file: Buffer, format: UploadFormat | null): Promise<Buffer> {
  if (format === 'xlsx' || format === 'csv') return file;
  if (format !== 'xls' || !findSoffice()) throw ImportErrors.NOT_XLSX();
  try {
    return await convertWithLibreOffice(file, 'xls', 'xlsx');
  } catch {
    throw ImportErrors.XLS_UNREADABLE();
  }
}

/** A running job's progress, kept in memory (the embedded database is busy with the import's transaction). */
export interface LiveProgress {
  status: 'validating' | 'writing';
  processedRows: number;
  errorRows: number;
  readBytes: number;
}

/** Thrown inside the import's transaction to roll it back once a row is wrong or the file holds no rows. */
class StopWriting extends Error {}

/**
 * Runs imports in the background of the server process, one at a time (jobs wait in a queue).
 *
 * A job streams the workbook (parsed on a worker thread), validates it in chunks and writes each valid chunk
 * by COPY inside ONE transaction, encrypting the next chunk on the cipher's worker thread while the last one
 * is written. The first wrong row rolls the transaction back; the rest of the file is still validated, so
 * the error report lists every wrong row. A crash or restart mid-import leaves nothing: the transaction never
 * committed. On the embedded database the transaction holds its single connection for the whole import.
 */
export class ImportRunner {
  private readonly specs = new Map<string, ImportSpec>();
  private readonly live = new Map<number, LiveProgress>();
  private queue: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();

  private readonly readers: ImportRowReaders;

  /**
   * With `warm` (the server), the workers an import uses are started now rather than when an upload arrives:
   * a spare parse worker and the cipher's worker (tests leave them cold: each would cost half a second).
   */
  constructor(
    private readonly deps: AppDeps,
    options: { warm?: boolean } = {},
  ) {
    this.readers = new ImportRowReaders(options.warm ?? false);
    if (options.warm) deps.cipher.startWorker();
  }

  /** Stops the spare worker once queued jobs are done (shutdown). */
  async close(): Promise<void> {
    await this.idle();
    await this.readers.close();
  }

  register(spec: ImportSpec): void {
    if (this.specs.has(spec.kind)) throw new Error(`import kind ${spec.kind} registered twice`);
    this.specs.set(spec.kind, spec);
  }

  spec(kind: string): ImportSpec {
    const s = this.specs.get(kind);
    if (!s) throw ImportErrors.UNKNOWN_KIND();
    return s;
  }

  /** The in-memory progress of a job running in this process, if any. */
  progress(jobId: number): LiveProgress | undefined {
    return this.live.get(jobId);
  }

  /** Records the job and queues it; returns at once with the job id. */
  async start(kind: string, file: Buffer, fileName: string, mode: ImportMode, principal: Principal, ip: string, params: Record<string, unknown> = {}): Promise<number> {
    const spec = this.spec(kind);
    if (!file || file.length === 0) throw ImportErrors.EMPTY_FILE();
    const format = detectUploadFormat(file);
    if (!format) throw ImportErrors.NOT_XLSX();
    await spec.params?.accept?.(this.deps, principal, params);
    const sha256 = createHash('sha256').update(file).digest('hex');
    // From here on the job holds the upload only in shared memory, which the reading worker uses as it is.
    file = sharedUpload(await readableUpload(file, format));
    const job = await repo.insertJob(this.deps.db, {
      kind,
      accountId: principal.accountId,
      orgPath: principal.orgPath,
      fileName: fileName.slice(0, 200),
      fileSha256: sha256,
      mode,
      status: 'queued',
      totalBytes: file.length,
      createdAt: this.deps.now(),
    });
    const ctx: ImportContext = { deps: this.deps, principal, ip, mode, jobId: job.id, params };
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
    const { db, cipher } = this.deps;
    const jobId = ctx.jobId;
    const live: LiveProgress = { status: 'validating', processedRows: 0, errorRows: 0, readBytes: 0 };
    this.live.set(jobId, live);
    let rows: ImportRows | null = null;
    try {
      await repo.updateJob(db, jobId, { status: 'validating' });
      // Where the time goes (IMPORT_PROFILE=1 prints it; the benchmark uses it).
      const profile: Record<string, number> = { waitRows: 0, prepare: 0, seal: 0 };
      const errors = new Map<number, string[]>();
      const notes = new Map<number, string[]>();
      const seen = new RowKeys();
      const result: ApplyResult = { inserted: 0, updated: 0, unchanged: 0, skipped: 0 };

      const tStart = performance.now();
      // The cipher's worker boots while the parse worker reads the first rows.
      cipher.startWorker();
      const check = spec.check && { module: spec.check.module.href, input: spec.check.input(ctx) };
      rows = await this.readers.open(file, { columns: spec.columns, ...(check ? { check } : {}) }, (b) => (live.readBytes = b));
      profile.firstRows = performance.now() - tStart;
      if (!rows.head) return await this.finish(jobId, 'invalid', { message: '文件中没有表头和数据行' });
      if (rows.head.missing.length) {
        return await this.finish(jobId, 'invalid', { message: `表头缺少必填列：${rows.head.missing.join('、')}。请使用下载的模板` });
      }
      const chunks = rows.chunks;

      /** Validates one chunk; returns its lines for the ledger, or null once any row of the file is wrong. */
      const validate = async (handle: DbOrTx, chunk: ImportInputRow[]): Promise<ChunkLines | null> => {
        const t = performance.now();
        const prepared = await spec.prepare(handle, chunk, ctx);
        profile.prepare! += performance.now() - t;
        const lines = new ChunkLines(spec.targets);
        prepared.forEach((p, i) => {
          const row = chunk[i]!;
          let repeated: string | null = null;
          if (p.key) {
            const firstRow = seen.firstRow(p.key, row.rowNo);
            if (firstRow !== undefined) repeated = `${p.keyLabel ?? '关键字段'}与第 ${firstRow} 行重复`;
          }
          if ('errors' in p) {
            const all = repeated ? [...p.errors, repeated] : p.errors;
            if (all.length) errors.set(row.rowNo, all);
            return;
          }
          if (repeated) return errors.set(row.rowNo, [repeated]);
          result[p.outcome]++;
          if (p.note) notes.set(row.rowNo, [p.note]);
          for (const [table, values] of p.stage) lines.add(table, values);
        });
        live.processedRows += chunk.length;
        live.errorRows = errors.size;
        return errors.size ? null : lines;
      };

      let writing = true;
      try {
        await db.transaction(async (tx) => {
          await spec.lock?.(tx, ctx);
          await createTemporaryTargets(tx, spec.targets);
          const writer = await BulkWriter.open(tx);
          let previous: ChunkLines | null = null;
          // Not `for await`: leaving that loop early would close the sheet, and the rest is still validated below.
          const nextChunk = async () => {
            const t = performance.now();
            const next = await chunks.next();
            profile.waitRows! += performance.now() - t;
            return next;
          };
          for (let next = await nextChunk(); !next.done; next = await nextChunk()) {
            const lines = await validate(tx, next.value);
            if (!lines) throw new StopWriting();
            // Encrypt this chunk on the cipher's worker while the previous one is written.
            const t = performance.now();
            const sealing = lines.seal(cipher).then(() => (profile.seal! += performance.now() - t));
            await Promise.all([sealing, previous?.copy(writer, profile)]);
            previous = lines;
          }
          if (live.processedRows === 0) throw new StopWriting();
          live.status = 'writing';
          if (previous) await previous.copy(writer, profile);
          await spec.finish?.(tx, ctx);
          await writeAudit(tx, {
            actor: actorOf(ctx),
            action: 'import.apply',
            entityType: 'import_job',
            entityId: jobId,
            orgId: ctx.principal.orgId,
            orgPath: ctx.principal.orgPath,
            summary: `导入${spec.label} ${live.processedRows} 行：${outcomeText(result)}`,
            after: { kind: spec.kind, mode: ctx.mode, rows: live.processedRows, ...result },
          });
        });
      } catch (error) {
        if (!(error instanceof StopWriting)) throw error;
        writing = false;
      }
      profile.transaction = performance.now() - tStart;
      if (!writing) {
        // Rolled back: validate the rest of the file (outside any transaction) so the report lists every error.
        for await (const chunk of chunks) await validate(db, chunk);
      }
      const processed = live.processedRows;
      if (processed === 0) return await this.finish(jobId, 'invalid', { message: '文件中没有数据行' });
      if (errors.size) {
        const errorFile = await buildErrorFile(file, errors);
        return await this.finish(jobId, 'invalid', {
          processedRows: processed,
          errorRows: errors.size,
          readBytes: file.length,
          errorFile,
          message: `共 ${processed} 行，其中 ${errors.size} 行有错误；没有写入任何数据。请下载错误报告，改正后重新导入`,
        });
      }
      if (processed >= ANALYZE_AFTER_ROWS) {
        const t = performance.now();
        await analyzeTables(db, spec.targets.filter((t) => !t.temporary).map((t) => t.table));
        profile.analyze = performance.now() - t;
      }
      if (process.env.IMPORT_PROFILE) console.log(`import ${jobId} ms: ${JSON.stringify(profile, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
      // Rows that went through with something to say (add-only left a differing record as it was): a result file.
      const resultFile = notes.size ? await buildErrorFile(file, notes, RESULT_COLUMN) : null;
      await this.finish(jobId, 'done', {
        ...result,
        processedRows: processed,
        readBytes: file.length,
        errorFile: resultFile,
        message:
          `导入完成：共 ${processed} 行，${outcomeText(result)}` +
          (result.skipped ? `。跳过的 ${result.skipped} 行已在档案中且内容不同，仅新增方式不修改已有记录，原因见结果说明` : ''),
      });
    } catch (error) {
      // A unique or foreign key violated at write time: another change landed during the import.
      const code = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : '';
      const detail = code === '23505' || code === '23503';
      await this.finish(jobId, 'failed', {
        message: detail
          ? '导入期间数据被其他操作修改（出现重复记录或所属组织已变化），没有写入任何数据，请重新导入'
          : `导入失败，没有写入任何数据：${error instanceof Error && /[\u4e00-\u9fa5]/.test(error.message) ? error.message : '文件无法读取或服务器出错'}`,
      }).catch(() => undefined);
      if (process.env.LOG_LEVEL) console.error(error);
    } finally {
      this.live.delete(jobId);
      await rows?.close();
    }
  }

  private async finish(jobId: number, status: 'done' | 'invalid' | 'failed', values: Partial<repo.NewImportJob>) {
    await repo.updateJob(this.deps.db, jobId, { ...values, status, finishedAt: this.deps.now() });
  }
}

/** 新增 a，更新 b，未变 c (，跳过 d). */
function outcomeText(r: ApplyResult): string {
  return `新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}${r.skipped ? `，跳过 ${r.skipped}` : ''}`;
}

/** At start-up: a job cut off by a restart wrote nothing (its transaction never committed); say so. */
export async function recoverInterruptedImports(db: DbOrTx): Promise<void> {
  await repo.failInterruptedJobs(db, INTERRUPTED_MESSAGE);
}

/**
 * The uploaded sheet again, with a 错误说明 column: every row kept, wrong rows explained and highlighted. With
 * `column` RESULT_COLUMN, the result file of a finished import: the rows with a note (e.g. skipped) explained.
 */
export async function buildErrorFile(file: Buffer, errors: Map<number, string[]>, column: string = ERROR_COLUMN): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const isError = column === ERROR_COLUMN;
  const sheet = workbook.addWorksheet(isError ? '错误报告' : '导入结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  let width = 0;
  let first = true;
  for await (const row of readSheetRows(file)) {
    if (first) {
      width = row.cells.length;
      const errorAt = row.cells.findIndex((c) => REPORT_COLUMNS.includes(normaliseHeader(c)));
      if (errorAt >= 0) width = errorAt;
      const r = sheet.addRow([...row.cells.slice(0, width), column]);
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
      cell.font = { color: { argb: isError ? 'FFC8161D' : 'FFAD6800' } };
      r.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: isError ? 'FFFFF1F0' : 'FFFFFBE6' } }));
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
  // The coded columns' accepted spellings: what may be written, and the standard value it is stored as.
  const coded = spec.columns.filter((c) => c.codes?.length);
  if (coded.length) {
    notes.addRow([]);
    notes.addRow(['可识别的写法', '标准值', '也可以填写（不区分全角半角、大小写，忽略空格）']).font = { bold: true };
    for (const c of coded) {
      for (const line of c.codes!) notes.addRow([c.header, line.label, line.synonyms.join('、')]);
    }
  }
  notes.addRow([]);
  notes.addRow(['说明', '', '请在第一个工作表中从第 2 行开始填写；列的顺序可以调整，但列名不要修改。有错误的行会在错误报告的“错误说明”列中列出，整份文件改正后重新导入即可，重复导入不会产生重复数据。']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
