import type { Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { unionsByCode } from './org.repository';

/**
 * The unions an import's rows name by code (the `orgCode` column), looked up once for the file: `of(code, errors)`
 * gives a row's union when it is open and in the importer's scope, else null with the reason pushed, naming the
 * column as the template does (e.g. 主办工会).
 */
export async function unionsOfRows(db: DbOrTx, scope: Scope, rows: readonly { values: Record<string, string> }[], label: string) {
  const codes = [...new Set(rows.map((r) => (r.values.orgCode ?? '').trim()).filter(Boolean))];
  const unions = new Map((await unionsByCode(db, scope, codes)).map((u) => [u.code, u]));
  return {
    /** The open unions in scope that the file names. */
    ids: [...unions.values()].filter((u) => u.inScope).map((u) => u.id),
    of(code: string | undefined, errors: string[]) {
      const u = unions.get((code ?? '').trim());
      if (!u) errors.push(`${label}代码“${code ?? ''}”不是在册工会的代码`);
      else if (!u.inScope) errors.push(`${label}不在您的管辖范围内`);
      return u?.inScope ? u : null;
    },
  };
}
