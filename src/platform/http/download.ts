import type { FastifyReply } from 'fastify';

/** Sends a file download with a UTF-8 (Chinese) file name (RFC 6266 `filename*`) and an ASCII fallback. */
export function sendDownload(reply: FastifyReply, contentType: string, fileName: string, body: Buffer): FastifyReply {
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="download${ext}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

/** What an export delivered: the list (by default the file name without its date), and how many rows. */
export interface ExportRecord {
  fileName: string;
  rowCount: number | null;
  list?: string;
}

/**
 * A filter as the audit keeps it: a search may be an ID or phone number (or part of one), so long digit runs are
 * masked as the snapshots are (GB/T 35273 §7.2); ids, dates and choices stay readable.
 */
function maskedFilter(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\d{7,}/g, (d) => `${d.slice(0, 3)}${'*'.repeat(d.length - 5)}${d.slice(-2)}`);
}

/** `会员名册-2026-12-01.xlsx` → `会员名册`. */
function listOf(fileName: string): string {
  return fileName.replace(/\.[a-z0-9]+$/i, '').replace(/-\d{4}-\d{2}-\d{2}$/, '');
}

/**
 * Writes the audit row of a data export (等保 8.1.4.3, GB/T 35273 §7.1): who, which list, with which filters
 * (the route's query and path parameters), how many rows. Awaited before the file is sent, so a download the
 * trail cannot record is not delivered.
 */
export async function recordExport(reply: FastifyReply, record: ExportRecord): Promise<void> {
  const req = reply.request;
  const p = req.principal;
  const list = record.list ?? listOf(record.fileName);
  const given = { ...(req.params as Record<string, unknown>), ...(req.query as Record<string, unknown>) };
  const filters = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, maskedFilter(v)]));
  const shown = Object.entries(filters)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('，');
  const rows = record.rowCount === null ? '' : `，共 ${record.rowCount.toLocaleString('zh-CN')} 行`;
  await reply.server.audit({
    actor: { accountId: p?.accountId ?? null, name: p ? `${p.displayName}（${p.username}）` : '未登录用户', ip: req.ip },
    action: 'data.export',
    entityType: 'export',
    entityId: null,
    orgId: p?.orgId ?? null,
    orgPath: p?.orgPath ?? null,
    summary: `导出「${list}」${rows}${shown ? `；筛选条件：${shown}` : ''}`.slice(0, 500),
    after: { list, fileName: record.fileName, rowCount: record.rowCount, filters, route: req.routeOptions.url ?? null },
  });
}
