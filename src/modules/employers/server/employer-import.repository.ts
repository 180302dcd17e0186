import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@platform/db';

/** Applies a staged employer import: new employers inserted, changed ones updated (by USCC), in one transaction. */
export async function applyEmployerImport(tx: Tx) {
  const staged = sql`import_apply`;
  await tx.execute(sql`
    insert into employers (org_id, name, uscc, division_code, industry, ownership, employees, women_employees, small_micro,
                           contact_name, contact_phone, address, remark)
    select (p->>'orgId')::int, p->>'name', p->>'uscc', p->>'divisionCode', p->>'industry', p->>'ownership', (p->>'employees')::int,
           (p->>'womenEmployees')::int, coalesce((p->>'smallMicro')::boolean, false), p->>'contactName', p->>'contactPhone', p->>'address', p->>'remark'
      from ${staged} s where p->>'a' = 'insert'`);
  await tx.execute(sql`
    update employers e set
           org_id = (p->>'orgId')::int, name = p->>'name',
           division_code = coalesce(p->>'divisionCode', e.division_code), industry = coalesce(p->>'industry', e.industry),
           ownership = coalesce(p->>'ownership', e.ownership), employees = (p->>'employees')::int,
           women_employees = coalesce((p->>'womenEmployees')::int, e.women_employees),
           small_micro = coalesce((p->>'smallMicro')::boolean, e.small_micro),
           contact_name = coalesce(p->>'contactName', e.contact_name), contact_phone = coalesce(p->>'contactPhone', e.contact_phone),
           address = coalesce(p->>'address', e.address), remark = coalesce(p->>'remark', e.remark), updated_at = now()
      from ${staged} s where p->>'a' = 'update' and e.uscc = p->>'uscc'`);
  const [counts] = await queryRows<{ inserted: number; updated: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where p->>'a' = 'insert')::int as inserted, count(*) filter (where p->>'a' = 'update')::int as updated,
               count(*) filter (where p->>'a' = 'keep')::int as unchanged from ${staged} s`,
  );
  return counts ?? { inserted: 0, updated: 0, unchanged: 0 };
}
