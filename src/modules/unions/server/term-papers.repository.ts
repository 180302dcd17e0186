import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@platform/db';
import { unionTerms } from './union.table';

/** A term by id, unscoped: the caller checks its union against the scope (`termPaperRecord`). */
export async function termUnscoped(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: unionTerms.id, orgId: unionTerms.orgId, electedOn: unionTerms.electedOn }).from(unionTerms).where(eq(unionTerms.id, id));
  return row ?? null;
}
