import { and, count, desc, eq, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import type { DbOrTx } from '@platform/db';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import type { SeekerQuery } from '../shared/seeker.ledger';
import { jobSeekerServices } from './seeker.table';

const base = (db: DbOrTx) =>
  db.select({ service: jobSeekerServices, orgName: organisations.name, orgPath: organisations.path }).from(jobSeekerServices).innerJoin(organisations, eq(organisations.id, jobSeekerServices.orgId));

/** One page of services (page null: the export), newest first. */
export async function listServices(db: DbOrTx, scope: Scope, q: Omit<SeekerQuery, 'page' | 'pageSize'> & Partial<SeekerQuery>, underPath: string | null) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    q: { text: q.q, columns: [jobSeekerServices.personName, organisations.name] },
    year: { value: q.year, column: sql`extract(year from ${jobSeekerServices.servedOn})::int` },
    status: { value: q.status, column: jobSeekerServices.outcome },
    and: [underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(jobSeekerServices).innerJoin(organisations, eq(organisations.id, jobSeekerServices.orgId)).where(where))[0]?.n ?? 0;
  return ledgerPage(base(db).where(where).orderBy(desc(jobSeekerServices.servedOn), desc(jobSeekerServices.id)).$dynamic(), page, counted);
}

export async function findService(db: DbOrTx, scope: Scope, id: number) {
  const [row] = await base(db).where(and(eq(jobSeekerServices.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export async function insertService(db: DbOrTx, values: typeof jobSeekerServices.$inferInsert) {
  return (await db.insert(jobSeekerServices).values(values).returning())[0]!;
}

export async function updateService(db: DbOrTx, id: number, values: Partial<typeof jobSeekerServices.$inferInsert>) {
  return (await db.update(jobSeekerServices).set(values).where(eq(jobSeekerServices.id, id)).returning())[0]!;
}

/** Demo records, in chunks. */
export async function insertServicesBulk(db: DbOrTx, rows: (typeof jobSeekerServices.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await db.insert(jobSeekerServices).values(rows.slice(i, i + 500));
}
