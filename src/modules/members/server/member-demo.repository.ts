import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@platform/db';
import { membershipApplications, type members } from './member.table';

export type DemoMember = typeof members.$inferInsert & { id: number };
export interface DemoMembership {
  memberId: number;
  orgId: number;
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
  channel: string;
}

/** Bulk insert for the demo district (rows already sealed): one statement per 2,000 rows. */
export async function insertDemoMembers(db: DbOrTx, rows: DemoMember[], memberships: DemoMembership[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(rows.slice(i, i + 2000));
    await db.execute(sql`
      insert into members (id, name, sex, birth_date, ethnicity, id_number_enc, id_number_idx, id_number_masked, phone_enc, phone_idx,
                           phone_masked, education, political_status, occupation, worker_kind, gig_kind, migrant_worker, employer_uscc, account_id)
      select (r->>'id')::int, r->>'name', r->>'sex', (r->>'birthDate')::date, r->>'ethnicity', r->>'idNumberEnc', r->>'idNumberIdx',
             r->>'idNumberMasked', r->>'phoneEnc', r->>'phoneIdx', r->>'phoneMasked', r->>'education', r->>'politicalStatus',
             r->>'occupation', coalesce(r->>'workerKind', r->>'gigKind'), r->>'gigKind', (r->>'migrantWorker')::boolean, r->>'employerUscc', (r->>'accountId')::int
        from jsonb_array_elements(${json}::jsonb) r`);
  }
  for (let i = 0; i < memberships.length; i += 4000) {
    const json = JSON.stringify(memberships.slice(i, i + 4000));
    await db.execute(sql`
      insert into memberships (member_id, org_id, joined_on, left_on, leave_reason, channel)
      select (r->>'memberId')::int, (r->>'orgId')::int, (r->>'joinedOn')::date, (r->>'leftOn')::date, r->>'leaveReason', r->>'channel'
        from jsonb_array_elements(${json}::jsonb) r`);
  }
  await db.execute(sql`select setval(pg_get_serial_sequence('members', 'id'), (select coalesce(max(id), 1) from members))`);
}

export async function insertDemoApplication(db: DbOrTx, values: typeof membershipApplications.$inferInsert): Promise<void> {
  await db.insert(membershipApplications).values(values);
  await db.execute(sql`select setval(pg_get_serial_sequence('membership_applications', 'id'), (select max(id) from membership_applications))`);
}
