import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkTree } from './check-architecture';

const root = path.resolve(import.meta.dirname, '..');
const at = (rel: string) => path.join(root, rel);

describe('architecture check', () => {
  it('passes on the current tree', () => {
    expect(checkTree()).toEqual([]);
  });
  it('catches platform importing a module', () => {
    const v = checkFile(at('src/platform/http/x.ts'), "import { a } from '@modules/organisations/server';");
    expect(v.map((x) => x.rule)).toEqual(['platform/ and ui/ must not import modules/']);
  });
  it('catches a module reaching into another module’s internals, but allows index and shared', () => {
    expect(checkFile(at('src/modules/accounts/server/a.service.ts'), "import { x } from '@modules/organisations/server/org.repository';")).toHaveLength(1);
    expect(checkFile(at('src/modules/accounts/server/a.service.ts'), "import { x } from '../../organisations/server/org.service';")).toHaveLength(1);
    expect(checkFile(at('src/modules/accounts/server/a.service.ts'), "import { x } from '@modules/organisations/server';")).toEqual([]);
    expect(checkFile(at('src/modules/accounts/web/A.tsx'), "import { x } from '@modules/organisations/shared/org.schema';")).toEqual([]);
  });
  it('catches SQL outside repositories and web code importing server code', () => {
    expect(checkFile(at('src/modules/accounts/server/a.service.ts'), 'const q = sql`select 1`;')).toHaveLength(1);
    expect(checkFile(at('src/modules/accounts/server/a.repository.ts'), 'const q = sql`select 1`;')).toEqual([]);
    expect(checkFile(at('src/modules/accounts/web/A.tsx'), "import { x } from '../server/account.service';")).toHaveLength(1);
  });
});
