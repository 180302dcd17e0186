import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '@platform/db';

/**
 * Applies the staged rows of a member import (payloads prepared by member.import.ts) in the caller's single
 * transaction: new members, updated members, new memberships. Staged payloads hold only ciphertexts and masks.
 */
export async function applyMemberImport(tx: Tx, jobId: number, channel: string) {
  const staged = sql`(select payload as p from import_rows where job_id = ${jobId})`;
  await tx.execute(sql`
    insert into members (id, name, sex, birth_date, ethnicity, id_number_enc, id_number_idx, id_number_masked,
                         phone_enc, phone_idx, phone_masked, education, political_status, occupation, gig_kind,
                         migrant_worker, employer_uscc, remark)
    select (p->>'id')::int, p->>'name', p->>'sex', (p->>'birthDate')::date, p->>'ethnicity', p->>'idEnc', p->>'idIdx', p->>'idMasked',
           p->>'phoneEnc', p->>'phoneIdx', p->>'phoneMasked', p->>'education', p->>'politicalStatus', p->>'occupation', p->>'gigKind',
           coalesce((p->>'migrantWorker')::boolean, false), p->>'employerUscc', p->>'remark'
      from ${staged} s where p->>'a' = 'insert'`);
  await tx.execute(sql`
    update members m set
           name = p->>'name',
           ethnicity = coalesce(p->>'ethnicity', m.ethnicity),
           phone_enc = coalesce(p->>'phoneEnc', m.phone_enc),
           phone_idx = coalesce(p->>'phoneIdx', m.phone_idx),
           phone_masked = coalesce(p->>'phoneMasked', m.phone_masked),
           education = coalesce(p->>'education', m.education),
           political_status = coalesce(p->>'politicalStatus', m.political_status),
           occupation = coalesce(p->>'occupation', m.occupation),
           gig_kind = case when p->>'occupation' is null then m.gig_kind else p->>'gigKind' end,
           migrant_worker = coalesce((p->>'migrantWorker')::boolean, m.migrant_worker),
           employer_uscc = coalesce(p->>'employerUscc', m.employer_uscc),
           remark = coalesce(p->>'remark', m.remark),
           updated_at = now()
      from ${staged} s
     where p->>'a' = 'update' and m.id = (p->>'id')::int`);
  await tx.execute(sql`
    insert into memberships (member_id, org_id, joined_on, channel)
    select (p->>'id')::int, (p->'ms'->>'orgId')::int, (p->'ms'->>'joinedOn')::date, ${channel}
      from ${staged} s where p->'ms' is not null and jsonb_typeof(p->'ms') = 'object'`);
  const [counts] = await queryRows<{ inserted: number; updated: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where p->>'a' = 'insert')::int as inserted,
               count(*) filter (where p->>'a' = 'update' or (p->>'a' = 'keep' and jsonb_typeof(p->'ms') = 'object'))::int as updated,
               count(*) filter (where p->>'a' = 'keep' and jsonb_typeof(p->'ms') is distinct from 'object')::int as unchanged
          from ${staged} s`,
  );
  return counts ?? { inserted: 0, updated: 0, unchanged: 0 };
}
