import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@platform/db';

/**
 * Applies the staged rows of a member import (payloads prepared by member.import.ts) in the caller's single
 * transaction: new members, updated members, new memberships. Staged payloads hold only ciphertexts and masks.
 */
const MEMBER_COLUMNS = [
  'id', 'name', 'sex', 'birth_date', 'ethnicity', 'id_number_enc', 'id_number_idx', 'id_number_masked', 'phone_enc', 'phone_idx',
  'phone_masked', 'education', 'political_status', 'occupation', 'gig_kind', 'migrant_worker', 'employer_uscc', 'remark',
];

export async function applyMemberImport(tx: Tx, channel: string) {
  const staged = sql`import_apply`;
  const cols = sql.raw(MEMBER_COLUMNS.join(', '));
  const values = sql.raw(MEMBER_COLUMNS.map((c) => (c === 'migrant_worker' ? 'coalesce(r.migrant_worker, false)' : `r.${c}`)).join(', '));
  await tx.execute(sql`
    insert into members (${cols})
    select ${values} from import_apply s, jsonb_populate_record(null::members, s.p->'m') r
     where s.p->>'a' = 'insert'`);
  // Empty cells keep the stored value (coalesce); a changed occupation recomputes the gig-worker group.
  await tx.execute(sql`
    update members m set
           name = r.name,
           ethnicity = coalesce(r.ethnicity, m.ethnicity),
           phone_enc = coalesce(r.phone_enc, m.phone_enc),
           phone_idx = coalesce(r.phone_idx, m.phone_idx),
           phone_masked = coalesce(r.phone_masked, m.phone_masked),
           education = coalesce(r.education, m.education),
           political_status = coalesce(r.political_status, m.political_status),
           occupation = coalesce(r.occupation, m.occupation),
           gig_kind = case when r.occupation is null then m.gig_kind else r.gig_kind end,
           migrant_worker = coalesce(r.migrant_worker, m.migrant_worker),
           employer_uscc = coalesce(r.employer_uscc, m.employer_uscc),
           remark = coalesce(r.remark, m.remark),
           updated_at = now()
      from import_apply s, jsonb_populate_record(null::members, s.p->'m') r
     where s.p->>'a' = 'update' and m.id = r.id`);
  await tx.execute(sql`
    insert into memberships (member_id, org_id, joined_on, channel)
    select (p->>'id')::int, (p->'ms'->>'orgId')::int, (p->'ms'->>'joinedOn')::date, ${channel}
      from ${staged} s where jsonb_typeof(p->'ms') = 'object'`);
  const [counts] = await queryRows<{ inserted: number; updated: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where p->>'a' = 'insert')::int as inserted,
               count(*) filter (where p->>'a' = 'update' or (p->>'a' = 'keep' and jsonb_typeof(p->'ms') = 'object'))::int as updated,
               count(*) filter (where p->>'a' = 'keep' and jsonb_typeof(p->'ms') is distinct from 'object')::int as unchanged
          from ${staged} s`,
  );
  return counts ?? { inserted: 0, updated: 0, unchanged: 0 };
}
