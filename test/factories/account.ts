import type { RoleCode } from '@modules/accounts/shared/roles';
import type { TestClient } from '../app';
import { FACTORY_PASSWORD, ok, type FactoryKit } from './kit';

export interface BuiltAccount {
  id: number;
  username: string;
  password: string;
  orgId: number;
  /** Signs in as this account (a fresh client each time). */
  login(): Promise<TestClient>;
}

/**
 * An account at `org` with `role`, created by the district administrator with a known password. The password
 * is set by an administrator, so the first sign-in must change it, as for any new account: `login()` does that
 * (to the same password's successor, remembered here) when the API asks.
 */
export async function buildAccount(kit: FactoryKit, options: { org: { id: number }; role: RoleCode; username?: string; displayName?: string }): Promise<BuiltAccount> {
  const username = options.username ?? `user${kit.next()}`;
  const created = ok(
    await kit.admin.post('/api/accounts', { username, displayName: options.displayName ?? `测试用户${username}`, orgId: options.org.id, roles: [options.role], password: FACTORY_PASSWORD }),
    `account ${username}`,
  ) as { account: { id: number } };
  const account: BuiltAccount = {
    id: created.account.id,
    username,
    password: FACTORY_PASSWORD,
    orgId: options.org.id,
    async login() {
      const c = await kit.t.as(username, account.password);
      const me = ok(await c.get('/api/auth/me'), 'me') as { account: { mustChangePassword: boolean } };
      if (me.account.mustChangePassword) {
        const next = `${account.password}x`;
        ok(await c.post('/api/auth/password', { currentPassword: account.password, newPassword: next }), 'password change');
        account.password = next;
        return kit.t.as(username, next);
      }
      return c;
    },
  };
  return account;
}
