import { describe, expect, it } from 'vitest';
import { reachesPrincipal, type Principal } from './access';

const street = (permissions: string[]): Principal => ({
  accountId: 1,
  username: 'jinxiu',
  displayName: '街道',
  orgId: 2,
  orgPath: '/1/2/',
  roles: [],
  permissions: new Set(permissions),
  scopePaths: ['/1/2/'],
  sessionId: 's',
  csrfToken: 'c',
  mustChangePassword: false,
});

describe('reachesPrincipal', () => {
  it('reaches a record of the own union, of a union below it, and of a union above it — never a sibling’s', () => {
    const p = street(['plan.read']);
    expect(reachesPrincipal(p, 'plan.read', '/1/2/')).toBe(true);
    expect(reachesPrincipal(p, 'plan.read', '/1/2/7/')).toBe(true);
    expect(reachesPrincipal(p, 'plan.read', '/1/')).toBe(true);
    expect(reachesPrincipal(p, 'plan.read', '/1/3/')).toBe(false);
    expect(reachesPrincipal(p, 'plan.read', '/1/3/9/')).toBe(false);
  });

  it('needs the permission for records below; the union above still reaches (the caller checks the route permission)', () => {
    const p = street([]);
    expect(reachesPrincipal(p, 'plan.read', '/1/2/7/')).toBe(false);
    expect(reachesPrincipal(p, 'plan.read', '/1/')).toBe(true);
  });
});
