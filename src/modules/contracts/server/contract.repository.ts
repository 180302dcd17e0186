import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { escapeLike, scopeCondition, type Scope } from '@platform/access';
import { queryRows, type DbOrTx } from '@platform/db';
import type { ImportTarget } from '@platform/imports';
import type { WorkCalendar } from '@platform/periods';
import { defineDatedSetting, settingOn, WORK_CALENDAR } from '@platform/settings';
import { ledgerPage, ledgerWhere } from '@platform/ledger';
import { organisations } from '@modules/organisations/server';
import { CONTRACT_CLOCK_RULES, contractClocks, attentionOn, type ContractClockRules } from '../shared/contract-clocks';
import { CONTRACT_STAGES, type ContractQuery } from '../shared/contract.ledger';
import { collectiveContractEmployers, collectiveContractEvents, collectiveContracts } from './contract.table';

const c = collectiveContracts;
const e = collectiveContractEmployers;
const base = (db: DbOrTx) =>
  db
    .select({
      contract: c,
      orgName: organisations.name,
      orgPath: organisations.path,
      enterprises: sql<number>`(select count(*)::int from collective_contract_employers x where x.contract_id = ${c.id})`,
      workersCovered: sql<number>`(select coalesce(sum(x.workers), 0)::int from collective_contract_employers x where x.contract_id = ${c.id})`,
    })
    .from(c)
    .innerJoin(organisations, eq(organisations.id, c.orgId));
export type ContractRow = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** An import's COPY: a contract with its id reserved ahead, and the enterprise it covers. */
export const CONTRACT_TARGET: ImportTarget = {
  table: 'collective_contracts',
  columns: ['id', 'org_id', 'kind', 'scope', 'title', 'session', 'status', 'offer_on', 'offer_by', 'signed_on', 'starts_on', 'ends_on', 'filing_due_on', 'filed_on', 'late_reason', 'received_on', 'review_due_on', 'effective_on', 'published_on', 'next_due_on'],
};
export const CONTRACT_EMPLOYER_TARGET: ImportTarget = { table: 'collective_contract_employers', columns: ['contract_id', 'uscc', 'name', 'workers'] };

/** The district's clock rules, by the day they apply from (the regulations' days until set). */
export const CLOCK_RULES = defineDatedSetting<ContractClockRules>('contracts.clocks', CONTRACT_CLOCK_RULES);
export interface ClockSetup {
  rules: ContractClockRules;
  cal: WorkCalendar;
  rulesFrom: string | null;
}
/** The clock rules and the working-day calendar in force on `day`. */
export async function clockSetup(db: DbOrTx, day: string): Promise<ClockSetup> {
  const [rules, cal] = await Promise.all([settingOn(db, CLOCK_RULES, day), settingOn(db, WORK_CALENDAR, day)]);
  return { rules: rules.value, cal: cal.value, rulesFrom: rules.effectiveFrom };
}

/**
 * What the law settles by the calendar, stored before every read and step so the stored state is the legal one
 * (decision 0024): a contract under review takes effect by itself the day after the review period ends without an
 * objection (劳动合同法 art. 54), and one in force past its last day is 已期满 until renewed or terminated. Each
 * is one statement (the state change and its event together); settled rows no longer match, so a second caller
 * at the same time settles nothing twice.
 */
export async function settleContracts(db: DbOrTx, today: string) {
  const settled = await queryRows<{ id: number }>(
    db,
    sql`
    with settled as (
      update collective_contracts set status = 'effective', effective_on = review_due_on + 1
       where status = 'reviewing' and review_due_on + 1 <= ${today}::date
       returning id, effective_on, review_due_on, received_on),
    noted as (
      insert into collective_contract_events (contract_id, step, "on", note)
      select id, 'approve', effective_on, '审查期满 ' || (review_due_on - received_on) || ' 日未提出异议，依法自动生效' from settled)
    select id from settled`,
  );
  // Its publication clock starts now: the 待办 day under today's rules.
  if (settled.length) {
    const setup = await clockSetup(db, today);
    for (const { id } of settled) {
      const [k] = await db.select().from(c).where(eq(c.id, id));
      const next = contractClocks(k!, today, setup.rules, setup.cal).filter((x) => !x.doneOn).map(attentionOn).sort()[0] ?? null;
      await db.update(c).set({ nextDueOn: next }).where(eq(c.id, id));
    }
  }
  await db.execute(sql`
    with ended as (
      update collective_contracts set status = 'expired'
       where status in ('effective', 'published') and ends_on < ${today}::date
       returning id, ends_on)
    insert into collective_contract_events (contract_id, step, "on", note)
    select id, 'expire', ends_on + 1, '合同期满，尚未续签' from ended`);
}

/** The contract's title, its union's name or the name or USCC of an enterprise it covers contains the text. */
function textMatch(text: string) {
  const like = `%${escapeLike(text)}%`;
  return or(ilike(c.title, like), ilike(organisations.name, like), sql`exists (select 1 from collective_contract_employers x where x.contract_id = ${c.id} and (x.name ilike ${like} or x.uscc ilike ${like}))`);
}

/** One page of the ledger (page null: the export); `due`: a clock overdue or due within a week. */
export async function listContracts(db: DbOrTx, scope: Scope, q: Omit<ContractQuery, 'page' | 'pageSize'> & Partial<ContractQuery>, underPath: string | null, today: string) {
  const where = ledgerWhere({
    scope: scopeCondition(organisations.path, scope),
    year: { value: q.year, column: sql`extract(year from coalesce(${c.signedOn}, ${c.offerOn}))::int` },
    status: {
      value: q.status,
      column: c.status,
      when: { due: sql`${c.nextDueOn} <= ${today}`, ...Object.fromEntries(Object.entries(CONTRACT_STAGES).map(([k, v]) => [k, inArray(c.status, [...v.states])])) },
    },
    and: [
      q.q?.trim() ? textMatch(q.q.trim()) : undefined,
      underPath ? sql`${organisations.path} like ${escapeLike(underPath) + '%'}` : undefined,
      q.kind && q.kind !== 'all' ? eq(c.kind, q.kind) : undefined,
    ],
  });
  const page = q.page && q.pageSize ? { page: q.page, pageSize: q.pageSize } : null;
  const counted = async () => (await db.select({ n: count() }).from(c).innerJoin(organisations, eq(organisations.id, c.orgId)).where(where))[0]?.n ?? 0;
  const order = q.status === 'due' ? [asc(c.nextDueOn), asc(c.id)] : [desc(sql`coalesce(${c.signedOn}, ${c.offerOn})`), desc(c.id)];
  return ledgerPage(base(db).where(where).orderBy(...order).$dynamic(), page, counted);
}

export async function findContract(db: DbOrTx, scope: Scope, id: number, lock = false) {
  if (lock) await db.execute(sql`select id from collective_contracts where id = ${id} for update`);
  const [row] = await base(db).where(and(eq(c.id, id), scopeCondition(organisations.path, scope)));
  return row ?? null;
}

export const insertContract = async (db: DbOrTx, values: typeof c.$inferInsert) => (await db.insert(c).values(values).returning())[0]!;
export const updateContract = async (db: DbOrTx, id: number, values: Partial<typeof c.$inferInsert>) => (await db.update(c).set(values).where(eq(c.id, id)).returning())[0]!;
export const employersOf = (db: DbOrTx, contractId: number) => db.select({ uscc: e.uscc, name: e.name, workers: e.workers }).from(e).where(eq(e.contractId, contractId)).orderBy(asc(e.id));
export async function replaceEmployers(db: DbOrTx, contractId: number, rows: { uscc: string; name: string; workers: number }[]) {
  await db.delete(e).where(eq(e.contractId, contractId));
  if (rows.length) await db.insert(e).values(rows.map((r) => ({ ...r, contractId })));
}
export const eventsOf = (db: DbOrTx, contractId: number) =>
  db.select({ id: collectiveContractEvents.id, step: collectiveContractEvents.step, on: collectiveContractEvents.on, note: collectiveContractEvents.note }).from(collectiveContractEvents).where(eq(collectiveContractEvents.contractId, contractId)).orderBy(asc(collectiveContractEvents.on), asc(collectiveContractEvents.id));
export const insertEvent = async (db: DbOrTx, values: typeof collectiveContractEvents.$inferInsert) => {
  await db.insert(collectiveContractEvents).values(values);
};

/** Contracts in scope with a clock overdue or due within a week, earliest first (the 待办 list). */
export async function dueContracts(db: DbOrTx, scope: Scope, today: string, limit: number) {
  return base(db)
    .where(and(sql`${c.nextDueOn} <= ${today}`, scopeCondition(organisations.path, scope)))
    .orderBy(asc(c.nextDueOn), asc(c.id))
    .limit(limit);
}

