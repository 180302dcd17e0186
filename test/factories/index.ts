/**
 * Factories for each ledger's records (decision record 0015): a test makes the records it talks about instead of
 * finding them in the demo district by name, so it says what it needs and does not break when the demo changes.
 *
 *   const f = await factories(t);
 *   const { street, unions: [union] } = await f.street({ unions: 1 });
 *   const member = await f.member({ org: union });
 *   const filed = await f.case({ org: union, status: 'assisted' });
 *
 * Works on the demo district (as its administrator) and on an empty database (setting the platform up first).
 */
import type { TestApp } from '../app';
import { buildAccount } from './account';
import { buildEmployer } from './employer';
import { buildCase } from './hardship-case';
import { factoryKit, type FactoryKit } from './kit';
import { buildMember } from './member';
import { buildOrg, buildStreet } from './org';

export { FACTORY_PASSWORD, type FactoryKit } from './kit';
export type { BuiltOrg, OrgOptions } from './org';
export type { BuiltAccount } from './account';
export type { BuiltMember, MemberOptions } from './member';
export type { BuiltEmployer } from './employer';
export type { BuiltCase, BuildableStatus, CaseOptions } from './hardship-case';
export { buildOrg, buildStreet, buildAccount, buildMember, buildEmployer, buildCase };

type Rest<F> = F extends (kit: FactoryKit, ...rest: infer R) => infer Out ? (...rest: R) => Out : never;

export interface Factories {
  kit: FactoryKit;
  org: Rest<typeof buildOrg>;
  street: Rest<typeof buildStreet>;
  account: Rest<typeof buildAccount>;
  member: Rest<typeof buildMember>;
  employer: Rest<typeof buildEmployer>;
  case: Rest<typeof buildCase>;
}

/** Every factory bound to one app. */
export async function factories(t: TestApp): Promise<Factories> {
  const kit = await factoryKit(t);
  return {
    kit,
    org: (o) => buildOrg(kit, o),
    street: (o) => buildStreet(kit, o),
    account: (o) => buildAccount(kit, o),
    member: (o) => buildMember(kit, o),
    employer: (o) => buildEmployer(kit, o),
    case: (o) => buildCase(kit, o),
  };
}
