import type { AttachmentSpec } from './attachments';
import type { LedgerColumn } from './columns';

/**
 * A ledger as the rest of the system refers to it: its name, its Chinese label, where its record opens on the
 * web (`href`: the list page with the detail drawer open) and its columns. Pure (shared by server and web);
 * an indicator whose records are this ledger's records declares `ledger` so a drill-down row opens the record.
 */
export interface LedgerRef {
  name: string;
  label: string;
  href(id: string | number): string;
}

export interface Ledger<T> extends LedgerRef {
  columns: LedgerColumn<T>[];
  /** The papers its records keep (`defineAttachments`); the detail drawer shows them. */
  attachments?: AttachmentSpec;
}

/** The query parameter that opens a record's detail drawer on a ledger's list page. */
export const OPEN_PARAM = 'open';

/**
 * Declares a ledger whose list page is `path`: its records open at `path?open=<id>`, or at the page's own
 * parameter (`param`) where the page already names its record otherwise (e.g. `?programme=<id>`).
 */
export function defineLedger<T>(d: { name: string; label: string; path: string; columns: LedgerColumn<T>[]; param?: string; attachments?: AttachmentSpec }): Ledger<T> {
  const param = d.param ?? OPEN_PARAM;
  return { name: d.name, label: d.label, columns: d.columns, attachments: d.attachments, href: (id) => `${d.path}?${param}=${encodeURIComponent(String(id))}` };
}
