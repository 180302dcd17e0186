/**
 * The import engine on a file larger than one chunk: chunks are written inside the import's transaction as the
 * file streams, so a wrong row late in the file must roll back what was already written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { readXlsxRows } from '@platform/excel';
import { queryRows } from '@platform/db';
import { createTestApp, runImport, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber, fakeName, ROSTER_HEADER, xlsx } from '@test/fixtures/people';

let t: TestApp;
let union: TestClient;
let hengda: { id: number; code: string };

const row = (over: Partial<Record<(typeof ROSTER_HEADER)[number], string>>) => ROSTER_HEADER.map((h) => over[h] ?? '');

beforeAll(async () => {
  t = await createTestApp({ demoMembers: 0 });
  union = await t.as('union');
  hengda = (await union.get('/api/orgs?q=' + encodeURIComponent('云溪恒达物流有限公司工会委员会'))).body.items[0];
});
afterAll(() => t.close());

describe('a roster of several chunks', () => {
  it('writes nothing when a wrong row comes after chunks already written; fixed, every row lands bound to its own id', async () => {
    // 4,500 rows are three chunks: the first two are written inside the import's transaction before the wrong
    // last row is read, so only the rollback keeps them out.
    const ids = Array.from({ length: 4500 }, (_, i) => fakeIdNumber('19850101', i % 2 === 0));
    const rows = ids.map((id, i) => row({ 姓名: fakeName(i), 居民身份证号码: id, 手机号码: `137${String(i).padStart(8, '0')}`, 所属工会代码: hengda.code, 入会日期: '2024-05-01' }));
    const count = async () => (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from members`))[0]!.n;
    const before = await count();
    const bad = rows.map((r, i) => (i === 4499 ? row({ ...Object.fromEntries(ROSTER_HEADER.map((h, k) => [h, r[k]!])), 入会日期: '2024-13-01' }) : r));
    const refused = await runImport(t, union, 'members', await xlsx([ROSTER_HEADER, ...bad]));
    expect(refused.job).toMatchObject({ status: 'invalid', processedRows: 4500, errorRows: 1 });
    expect(await count()).toBe(before);
    const errors = await readXlsxRows((await union.get(`/api/imports/${refused.job.id}/errors.xlsx`)).raw.rawPayload);
    expect(errors[4500]!.at(-1)).toContain('入会日期格式不对');

    const done = await runImport(t, union, 'members', await xlsx([ROSTER_HEADER, ...rows]));
    expect(done.job).toMatchObject({ status: 'done', inserted: 4500, processedRows: 4500 });
    expect(await count()).toBe(before + 4500);
    // Ciphertexts were made on the cipher's worker thread: each opens only for its own row.
    // Ids are reserved chunk by chunk in row order, so the newest 4,500 members are the file's rows in order.
    const newest = (await queryRows<{ id: number; id_number_enc: string; phone_enc: string; name: string }>(
      t.database.db,
      sql`select id, id_number_enc, phone_enc, name from members order by id desc limit 4500`,
    )).reverse();
    const sample = [0, 2222, 4499].map((i) => ({ i, m: newest[i]! }));
    for (const { i, m } of sample) {
      expect(m.name).toBe(fakeName(i));
      expect(t.deps.cipher.decrypt(m.id_number_enc, { table: 'members', column: 'id_number', rowId: m.id })).toBe(ids[i]);
      expect(t.deps.cipher.decrypt(m.phone_enc, { table: 'members', column: 'phone', rowId: m.id })).toBe(`137${String(i).padStart(8, '0')}`);
    }
    expect(() => t.deps.cipher.decrypt(sample[0]!.m.id_number_enc, { table: 'members', column: 'id_number', rowId: sample[1]!.m.id })).toThrow();
  });

});
