import { fakeUscc } from '../fixtures/people';
import { ok, type FactoryKit } from './kit';

export interface BuiltEmployer {
  id: number;
  name: string;
  uscc: string;
  [field: string]: unknown;
}

/** An employer registered under a street federation (`org`), with a well-formed unique credit code. */
export async function buildEmployer(kit: FactoryKit, options: { org: { id: number }; name?: string; employees?: number; fields?: Record<string, unknown> }): Promise<BuiltEmployer> {
  const name = options.name ?? `测试${kit.next()}科技有限公司`;
  const body = { name, uscc: fakeUscc(), orgId: options.org.id, employees: options.employees ?? 30, ...options.fields };
  return ok(await kit.admin.post('/api/employers', body), `employer ${name}`);
}
