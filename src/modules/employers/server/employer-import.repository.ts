import { sql } from 'drizzle-orm';
import type { Tx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';

/**
 * Where an employer import stages its rows (employer.import.ts fills them in this column order): new employers
 * straight into the register by COPY inside the applying transaction, changed ones (by USCC) into a temporary
 * table that `updateEmployersFromImport` applies.
 */
const COLUMNS = ['org_id', 'name', 'uscc', 'division_code', 'industry', 'ownership', 'employees', 'women_employees', 'small_micro', 'contact_name', 'contact_phone', 'address', 'remark'];

export const EMPLOYER_TARGET: ImportTarget = { table: 'employers', columns: COLUMNS };

export const EMPLOYER_UPDATE_TARGET: ImportTarget = {
  table: 'import_employer_updates',
  columns: COLUMNS,
  temporary:
    'org_id int, name text, uscc text primary key, division_code text, industry text, ownership text, employees int, women_employees int, ' +
    'small_micro boolean, contact_name text, contact_phone text, address text, remark text',
};

/** Empty cells keep the stored value (coalesce); union, name and employee count are required and replaced. */
export async function updateEmployersFromImport(tx: Tx, staged: string) {
  await tx.execute(sql`
    update employers e set
           org_id = r.org_id, name = r.name,
           division_code = coalesce(r.division_code, e.division_code), industry = coalesce(r.industry, e.industry),
           ownership = coalesce(r.ownership, e.ownership), employees = r.employees,
           women_employees = coalesce(r.women_employees, e.women_employees),
           small_micro = coalesce(r.small_micro, e.small_micro),
           contact_name = coalesce(r.contact_name, e.contact_name), contact_phone = coalesce(r.contact_phone, e.contact_phone),
           address = coalesce(r.address, e.address), remark = coalesce(r.remark, e.remark), updated_at = now()
      from ${sql.identifier(staged)} r
     where e.uscc = r.uscc`);
}
