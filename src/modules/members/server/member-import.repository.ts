import { sql } from 'drizzle-orm';
import type { ImportTarget } from '@platform/imports';
import type { Tx } from '@platform/db';

/**
 * Where a member import stages its rows (member.import.ts fills them in these column orders): new members and
 * their memberships go straight into the ledger tables by COPY inside the applying transaction; changed
 * members go to a temporary table that `updateMembersFromImport` applies. Only ciphertexts and masks.
 */
const SHARED = ['ethnicity', 'phone_enc', 'phone_idx', 'phone_masked', 'education', 'political_status', 'occupation', 'worker_kind', 'gig_kind', 'migrant_worker', 'employer_uscc', 'remark'];

export const MEMBER_TARGET: ImportTarget = {
  table: 'members',
  columns: ['id', 'name', 'sex', 'birth_date', 'id_number_enc', 'id_number_idx', 'id_number_masked', ...SHARED],
};

export const UPDATE_TARGET: ImportTarget = {
  table: 'import_member_updates',
  columns: ['id', 'name', ...SHARED],
  temporary:
    'id int primary key, name text, ethnicity text, phone_enc text, phone_idx text, phone_masked text, education text, political_status text, ' +
    'occupation text, worker_kind text, gig_kind text, migrant_worker boolean, employer_uscc text, remark text',
};

export const MEMBERSHIP_TARGET: ImportTarget = { table: 'memberships', columns: ['member_id', 'org_id', 'joined_on', 'channel'] };

/** Empty cells keep the stored value (coalesce); a changed occupation recomputes the gig-worker group. */
export async function updateMembersFromImport(tx: Tx, staged: string) {
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
           worker_kind = case when r.occupation is null then m.worker_kind else coalesce(r.worker_kind, m.worker_kind) end,
           gig_kind = case when r.occupation is null or r.worker_kind is null then m.gig_kind else r.gig_kind end,
           migrant_worker = coalesce(r.migrant_worker, m.migrant_worker),
           employer_uscc = coalesce(r.employer_uscc, m.employer_uscc),
           remark = coalesce(r.remark, m.remark),
           updated_at = now()
      from ${sql.identifier(staged)} r
     where m.id = r.id`);
}
