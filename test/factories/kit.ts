import type { TestApp, TestClient } from '../app';
import { DEMO_PASSWORD } from '../../src/server/demo';

/**
 * What every factory works with: the app, a district administrator's client (the one who may create anything
 * anywhere) and the federation at the root. Factories create records through the HTTP API — the real routes,
 * services, rules and audit rows — so a record a factory made is one a user could have made, and the factories
 * follow the modules when their services change shape.
 */
export interface FactoryKit {
  t: TestApp;
  /** Signed in as `adminUsername`; a factory that moves the clock past the session signs in again. */
  admin: TestClient;
  adminUsername: string;
  adminPassword: string;
  root: { id: number; name: string };
  /** A number unique within the test file, for names and usernames. */
  next(): number;
}

/** The password of every account a factory creates (it meets the default policy). */
export const FACTORY_PASSWORD = 'Factory#2026';

let serial = 0;

/** Throws with the route's answer unless it is 200, so a factory never returns a record that was refused. */
export function ok<T = any>(r: { status: number; body: T }, what: string): T {
  if (r.status !== 200) throw new Error(`factory: ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * The factory kit for `t`: on the demo district it signs in as its administrator; on an empty database it first
 * sets the platform up (a federation 测试区总工会 and its administrator `factory_admin`), as a new install does.
 */
export async function factoryKit(t: TestApp): Promise<FactoryKit> {
  const status = ok((await t.client().get('/api/setup/status')), 'setup status') as { needsSetup: boolean };
  let adminUsername = 'admin';
  let adminPassword = DEMO_PASSWORD;
  if (status.needsSetup) {
    ok(
      await t.client().post('/api/setup', { federationName: '测试区总工会', divisionCode: '320102', adminUsername: 'factory_admin', adminDisplayName: '测试管理员', adminPassword: FACTORY_PASSWORD }),
      'setup',
    );
    [adminUsername, adminPassword] = ['factory_admin', FACTORY_PASSWORD];
  }
  const admin = await t.as(adminUsername, adminPassword);
  const root = (ok(await admin.get('/api/orgs/tree'), 'org tree') as { id: number; name: string }[])[0]!;
  return { t, admin, adminUsername, adminPassword, root: { id: root.id, name: root.name }, next: () => ++serial };
}
