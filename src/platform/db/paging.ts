/** Pagination shared by every list endpoint: 1-based page, bounded page size. */
export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * The total of a list whose page has been read: a page that is not full ends the list, so the total is known
 * without counting (an exact lookup, by ID number or phone, returns one row and skips the count query); a full
 * or empty page asks `count`.
 */
export async function totalOf(rowsOnPage: number, q: PageQuery, count: () => Promise<number>): Promise<number> {
  if (rowsOnPage > 0 && rowsOnPage < q.pageSize) return (q.page - 1) * q.pageSize + rowsOnPage;
  if (rowsOnPage === 0 && q.page === 1) return 0;
  return count();
}
