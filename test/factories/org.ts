import type { OrgKind } from '@modules/organisations/shared/org-kinds';
import { ok, type FactoryKit } from './kit';

/** An organisation as the API returns it (the fields tests use most; the rest is there too). */
export interface BuiltOrg {
  id: number;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  path: string;
  [field: string]: unknown;
}

export interface OrgOptions {
  /** The parent (default: the federation at the root). */
  parent?: { id: number };
  /** Default `enterprise` (a grassroots union); `street` for a street federation. */
  kind?: OrgKind;
  name?: string;
  openedOn?: string | null;
  acceptsGigWorkers?: boolean;
}

/** A new organisation under `parent`, created by the district administrator (audited as any other). */
export async function buildOrg(kit: FactoryKit, options: OrgOptions = {}): Promise<BuiltOrg> {
  const kind = options.kind ?? 'enterprise';
  const n = kit.next();
  const name = options.name ?? (kind === 'street' ? `测试${n}街道总工会` : `测试${n}有限公司工会委员会`);
  const body: Record<string, unknown> = { parentId: options.parent?.id ?? kit.root.id, name, kind };
  if (options.openedOn !== undefined) body.openedOn = options.openedOn;
  if (options.acceptsGigWorkers !== undefined) body.acceptsGigWorkers = options.acceptsGigWorkers;
  return ok(await kit.admin.post('/api/orgs', body), `org ${name}`);
}

/** A street federation with `unions` grassroots unions under it: the smallest subtree a scope test needs. */
export async function buildStreet(kit: FactoryKit, options: { unions?: number; name?: string } = {}): Promise<{ street: BuiltOrg; unions: BuiltOrg[] }> {
  const street = await buildOrg(kit, { kind: 'street', name: options.name });
  const unions: BuiltOrg[] = [];
  for (let i = 0; i < (options.unions ?? 1); i++) unions.push(await buildOrg(kit, { parent: street }));
  return { street, unions };
}
