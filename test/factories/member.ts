import { fakeIdNumber, fakeName } from '../fixtures/people';
import { ok, type FactoryKit } from './kit';

export interface BuiltMember {
  memberId: number;
  membershipId: number;
  name: string;
  idNumber: string;
  orgId: number;
  [field: string]: unknown;
}

export interface MemberOptions {
  /** The grassroots union the member joins. */
  org: { id: number };
  /** Default: a made-up name unique in the file (测 and two given characters). */
  name?: string;
  /** YYYYMMDD, for the ID number (default 19900101); `female` picks its sex digit. */
  birth?: string;
  female?: boolean;
  joinedOn?: string;
  /** Any other field of the member form (phone, workerKind, …). */
  fields?: Record<string, unknown>;
}

/** A member of `org` with a well-formed, unique ID number, entered by the district administrator. */
export async function buildMember(kit: FactoryKit, options: MemberOptions): Promise<BuiltMember> {
  const n = kit.next();
  const idNumber = fakeIdNumber(options.birth ?? '19900101', options.female ?? false);
  const name = options.name ?? fakeName(n);
  const body = { name, idNumber, orgId: options.org.id, joinedOn: options.joinedOn ?? '2020-01-01', ...options.fields };
  const created = ok(await kit.admin.post('/api/members', body), `member ${name}`) as Record<string, unknown>;
  return { ...created, name, idNumber, orgId: options.org.id } as BuiltMember;
}
