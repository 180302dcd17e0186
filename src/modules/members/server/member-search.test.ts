import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '@platform/db';
import { prefixUpperBound } from '@platform/db/search';
import { readXlsxRows } from '@platform/excel';
import { memberListQueries } from './member.repository';
import { createTestApp, type TestApp, type TestClient } from '@test/app';
import { fakeIdNumber } from '@test/fixtures/people';

// The search kinds of the member list (name prefix, ID number, phone), their order and their scope, and the
// substring search of organisations and employers (bigram index, decision record 0020): on the embedded
// database, and on PostgreSQL with TEST_DATABASE_URL.

let t: TestApp;
let admin: TestClient;
let jinxiu: TestClient;
let union: TestClient;
let hengda: { id: number; path: string };
let songlingUnion: { id: number; path: string };

/** Code-point order of the names (`collate "C"`), then member id: the order the README promises. */
const codePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const people: { name: string; idNumber: string; phone: string; where: 'hengda' | 'songling' }[] = [
  { name: '檀乙丙', idNumber: fakeIdNumber('19900101'), phone: '13912340001', where: 'hengda' },
  { name: '檀乙甲', idNumber: fakeIdNumber('19900102'), phone: '13912340002', where: 'hengda' },
  { name: '檀乙丙', idNumber: fakeIdNumber('19900103'), phone: '13912340003', where: 'hengda' },
  { name: '檀乙', idNumber: fakeIdNumber('19900104'), phone: '13912340004', where: 'songling' },
  { name: '檀乙丁', idNumber: fakeIdNumber('19900105'), phone: '13912340004', where: 'songling' },
  { name: '檀丙', idNumber: fakeIdNumber('19900106'), phone: '13912340006', where: 'hengda' },
];
const ids: number[] = [];

beforeAll(async () => {
  t = await createTestApp({ demoMembers: 20 });
  admin = await t.as('admin');
  jinxiu = await t.as('jinxiu');
  union = await t.as('union');
  const org = async (name: string) => (await queryRows<{ id: number; path: string }>(t.database.db, sql`select id, path from organisations where name = ${name}`))[0]!;
  hengda = await org('云溪恒达物流有限公司工会委员会');
  const songling = await org('云溪区松岭街道总工会');
  songlingUnion = (await queryRows<{ id: number; path: string }>(t.database.db, sql`select id, path from organisations where path like ${songling.path + '%'} and kind = 'enterprise' and closed_on is null order by id limit 1`))[0]!;
  for (const p of people) {
    const r = await admin.post('/api/members', { name: p.name, idNumber: p.idNumber, phone: p.phone, orgId: (p.where === 'hengda' ? hengda : songlingUnion).id, joinedOn: '2024-01-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    ids.push(r.body.memberId);
  }
});
afterAll(() => t.close());

const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('member search by name prefix', () => {
  it('lists every match in code-point order of the name, then by member id', async () => {
    const r = await admin.get(`/api/members?q=${encodeURIComponent('檀乙')}`);
    expect(r.status).toBe(200);
    expect(names(r.body.items)).toEqual(['檀乙', '檀乙丁', '檀乙丙', '檀乙丙', '檀乙甲']);
    expect([...names(r.body.items)].sort(codePoint)).toEqual(names(r.body.items));
    const twins = r.body.items.filter((i: { name: string }) => i.name === '檀乙丙').map((i: { memberId: number }) => i.memberId);
    expect(twins).toEqual([...twins].sort((a, b) => a - b));
    expect(r.body.total).toBe(5);
  });

  it('pages through the same order without gaps or repeats, with the total on a full page', async () => {
    const all = names((await admin.get(`/api/members?q=${encodeURIComponent('檀')}&pageSize=50`)).body.items);
    expect(all).toHaveLength(6);
    const p1 = await admin.get(`/api/members?q=${encodeURIComponent('檀')}&pageSize=4&page=1`);
    const p2 = await admin.get(`/api/members?q=${encodeURIComponent('檀')}&pageSize=4&page=2`);
    expect(p1.body.total).toBe(6);
    expect([...names(p1.body.items), ...names(p2.body.items)]).toEqual(all);
  });

  it('keeps to the scope: a street sees its subtree only, a union only itself', async () => {
    expect(names((await jinxiu.get(`/api/members?q=${encodeURIComponent('檀乙')}`)).body.items)).toEqual(['檀乙丙', '檀乙丙', '檀乙甲']);
    expect((await union.get(`/api/members?q=${encodeURIComponent('檀')}`)).body.total).toBe(4);
    const songling = await t.as('songling');
    expect(names((await songling.get(`/api/members?q=${encodeURIComponent('檀')}`)).body.items)).toEqual(['檀乙', '檀乙丁']);
  });

  it('treats % and _ as letters, not patterns', async () => {
    expect((await admin.get(`/api/members?q=${encodeURIComponent('檀%')}`)).body.total).toBe(0);
    expect((await admin.get(`/api/members?q=${encodeURIComponent('檀_丙')}`)).body.total).toBe(0);
  });

  it('lists left members by name too, and not under the active list', async () => {
    const member = people.findIndex((p) => p.name === '檀丙');
    const detail = (await admin.get(`/api/members/${ids[member]}`)).body;
    const leave = await admin.post(`/api/memberships/${detail.memberships[0].id}/leave`, { leftOn: '2024-06-01', reason: 'request' });
    expect(leave.status, JSON.stringify(leave.body)).toBe(200);
    expect(names((await admin.get(`/api/members?q=${encodeURIComponent('檀')}`)).body.items)).not.toContain('檀丙');
    expect(names((await admin.get(`/api/members?q=${encodeURIComponent('檀')}&status=left`)).body.items)).toEqual(['檀丙']);
  });
});

describe('member search by ID number and phone', () => {
  it('finds exactly the member by ID number, in scope only', async () => {
    const p = people[3]!;
    const r = await admin.get(`/api/members?q=${p.idNumber}`);
    expect(names(r.body.items)).toEqual([p.name]);
    expect(r.body.total).toBe(1);
    expect((await jinxiu.get(`/api/members?q=${p.idNumber}`)).body.total).toBe(0);
  });

  it('finds every member with the phone, by name', async () => {
    const r = await admin.get('/api/members?q=13912340004');
    expect(names(r.body.items)).toEqual(['檀乙', '檀乙丁']);
    expect((await union.get('/api/members?q=13912340004')).body.total).toBe(0);
  });
});

describe('the count of a search stops at 200', () => {
  beforeAll(async () => {
    // 205 members named 谯… in 恒达 (written straight to the tables: only the list reads them).
    const [top] = await queryRows<{ id: number }>(t.database.db, sql`select coalesce(max(id), 0)::int as id from members`);
    await t.database.db.execute(sql`insert into members (id, name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked)
      select ${top!.id} + g, '谯' || lpad(g::text, 3, '0'), 'male', '1990-01-01', 'x', 'cap-' || g, '110***********0000' from generate_series(1, 205) g`);
    await t.database.db.execute(sql`insert into memberships (member_id, org_id, joined_on, channel) select ${top!.id} + g, ${hengda.id}, '2024-01-01', 'import' from generate_series(1, 205) g`);
    // And exactly 200 named 谮….
    await t.database.db.execute(sql`insert into members (id, name, sex, birth_date, id_number_enc, id_number_idx, id_number_masked)
      select ${top!.id + 205} + g, '谮' || lpad(g::text, 3, '0'), 'female', '1990-01-01', 'x', 'cap200-' || g, '110***********0000' from generate_series(1, 200) g`);
    await t.database.db.execute(sql`insert into memberships (member_id, org_id, joined_on, channel) select ${top!.id + 205} + g, ${hengda.id}, '2024-01-01', 'import' from generate_series(1, 200) g`);
    await t.database.db.execute(sql`select setval(pg_get_serial_sequence('members', 'id'), ${top!.id + 405})`);
  });

  it('says 200 and more for a search matching more, and pages on up to the page asked for', async () => {
    const first = await admin.get(`/api/members?q=${encodeURIComponent('谯')}`);
    expect(first.body).toMatchObject({ total: 200, totalCapped: true });
    expect(names(first.body.items)).toEqual(Array.from({ length: 20 }, (_, i) => `谯${String(i + 1).padStart(3, '0')}`));
    // The last page within the cap says the same; page 11 is past it, and the count reaching beyond the page
    // (to 220) is exact again.
    expect((await admin.get(`/api/members?q=${encodeURIComponent('谯')}&page=10`)).body).toMatchObject({ total: 200, totalCapped: true });
    const eleventh = await admin.get(`/api/members?q=${encodeURIComponent('谯')}&page=11`);
    expect(eleventh.body).toMatchObject({ total: 205, totalCapped: false });
    expect(names(eleventh.body.items)).toEqual(['谯201', '谯202', '谯203', '谯204', '谯205']);
  });

  it('counts exactly 200 as 200, not as more', async () => {
    expect((await admin.get(`/api/members?q=${encodeURIComponent('谮')}`)).body).toMatchObject({ total: 200, totalCapped: false });
    expect((await admin.get(`/api/members?q=${encodeURIComponent('谮')}&page=10`)).body).toMatchObject({ total: 200, totalCapped: false });
  });

  it('counts exactly when the matches are fewer, and a list without a search is never capped', async () => {
    expect((await admin.get(`/api/members?q=${encodeURIComponent('谯20')}`)).body).toMatchObject({ total: 6, totalCapped: false });
    expect((await admin.get(`/api/members?q=${encodeURIComponent('谯1')}&pageSize=10`)).body).toMatchObject({ total: 100, totalCapped: false });
    const [n] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from memberships where left_on is null`);
    expect((await admin.get('/api/members?pageSize=10')).body).toMatchObject({ total: n!.n, totalCapped: false });
  });

  it('keeps each filter to its own statement: the same search with and without filters, in turn', async () => {
    for (let round = 0; round < 2; round++) {
      expect((await admin.get(`/api/members?q=${encodeURIComponent('谯00')}`)).body.total).toBe(9);
      expect((await admin.get(`/api/members?q=${encodeURIComponent('谯00')}&sex=female`)).body.total).toBe(0);
      expect((await admin.get(`/api/members?q=${encodeURIComponent('谯00')}&status=left`)).body.total).toBe(0);
      expect((await union.get(`/api/members?q=${encodeURIComponent('谯00')}`)).body.total).toBe(9);
      expect((await jinxiu.get(`/api/members?q=${encodeURIComponent('谯00')}`)).body.total).toBe(9);
      expect((await t.as('songling').then((c) => c.get(`/api/members?q=${encodeURIComponent('谯00')}`))).body.total).toBe(0);
    }
  });
});

describe('substring search of organisations and employers', () => {
  /** The reference answer: `ilike` over the same rows, as before the index. */
  async function orgReference(scopePath: string, needle: string) {
    const like = `%${needle.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    return (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from organisations where path like ${scopePath + '%'} and (name ilike ${like} or code ilike ${like})`))[0]!.n;
  }

  it('answers as ilike did for needles of one, two and more characters, in scope', async () => {
    const root = (await queryRows<{ path: string }>(t.database.db, sql`select path from organisations where parent_id is null`))[0]!.path;
    const street = (await admin.get('/api/auth/me')).body.orgPath as string;
    const jinxiuPath = (await jinxiu.get('/api/auth/me')).body.orgPath as string;
    expect(street).toBe(root);
    const code = (await queryRows<{ code: string }>(t.database.db, sql`select code from organisations where kind = 'enterprise' order by id limit 1`))[0]!.code;
    for (const needle of ['物流', '工', '有限公司', '社区联合', code.slice(2, 8), code.slice(-2), '无此单位']) {
      const expected = await orgReference(root, needle);
      const r = await admin.get(`/api/orgs?q=${encodeURIComponent(needle)}&status=all&pageSize=200`);
      expect(r.body.total, needle).toBe(expected);
      for (const o of r.body.items) expect(`${o.name} ${o.code}`.includes(needle), `${needle}: ${o.name}`).toBe(true);
      expect((await jinxiu.get(`/api/orgs?q=${encodeURIComponent(needle)}&status=all&pageSize=200`)).body.total, needle).toBe(await orgReference(jinxiuPath, needle));
    }
    expect((await admin.get(`/api/orgs?q=${encodeURIComponent('物流')}`)).body.total).toBeGreaterThan(0);
  });

  it('matches letters whatever their case', async () => {
    const street = (await queryRows<{ id: number }>(t.database.db, sql`select id from organisations where name = '云溪区锦绣街道总工会'`))[0]!.id;
    const r = await admin.post('/api/orgs', { parentId: street, name: '云溪ABC科技有限公司工会', kind: 'enterprise', openedOn: '2024-01-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(names((await admin.get(`/api/orgs?q=${encodeURIComponent('bc科')}`)).body.items)).toEqual(['云溪ABC科技有限公司工会']);
    expect(names((await admin.get(`/api/orgs?q=${encodeURIComponent('Ab')}`)).body.items)).toContain('云溪ABC科技有限公司工会');
  });

  it('uses the bigram index for a two-character needle', async () => {
    await t.database.db.execute(sql`analyze organisations`);
    await t.database.db.execute(sql`set enable_seqscan = off`);
    try {
      const plan = (await queryRows<{ 'QUERY PLAN': string }>(
        t.database.db,
        sql`explain select id from organisations where (search_bigrams(name) || search_bigrams(code)) @> search_bigrams(${'物流'})`,
      )).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('organisations_search_idx');
    } finally {
      await t.database.db.execute(sql`reset enable_seqscan`);
    }
  });

  it('searches the employer register by a substring of name or USCC', async () => {
    const rows = await queryRows<{ name: string; uscc: string }>(t.database.db, sql`select name, uscc from employers order by id limit 1`);
    expect(rows).toHaveLength(1);
    const { name, uscc } = rows[0]!;
    for (const needle of [name.slice(2, 4), name.slice(1, 5), uscc.slice(3, 9)]) {
      const like = `%${needle}%`;
      const expected = (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from employers where name ilike ${like} or uscc ilike ${like}`))[0]!.n;
      const r = await admin.get(`/api/employers?q=${encodeURIComponent(needle)}&pageSize=100`);
      expect(r.status).toBe(200);
      expect(r.body.total, needle).toBe(expected);
    }
  });
});

describe('a name prefix as a range of the name index', () => {
  it('bounds exactly the names that start with the prefix, at the edges of code points', () => {
    expect(prefixUpperBound('檀乙')).toBe('檀乚'); // U+4E59 → U+4E5A
    expect(prefixUpperBound('a\u{d7ff}')).toBe('a\u{e000}'); // over the surrogates
    expect(prefixUpperBound('a\u{10ffff}')).toBe('b');
    expect(prefixUpperBound('a\u{ffff}')).toBe('a\u{10000}');
    expect(prefixUpperBound('\u{10ffff}') > '\u{10ffff}\u{10ffff}').toBe(true);
  });

  it('finds what like finds, for every prefix of every name in the register', async () => {
    const rows = await queryRows<{ name: string }>(t.database.db, sql`select distinct name from members`);
    const prefixes = [...new Set(rows.flatMap((r) => [...r.name].map((_, i) => [...r.name].slice(0, i + 1).join(''))))].slice(0, 200);
    for (const p of prefixes) {
      const [n] = await queryRows<{ byLike: number; byRange: number }>(
        t.database.db,
        sql`select count(*) filter (where name like ${p.replace(/[\\%_]/g, (c) => '\\' + c) + '%'})::int as "byLike",
                   count(*) filter (where name collate "C" >= ${p} and name collate "C" < ${prefixUpperBound(p)})::int as "byRange"
              from members`,
      );
      expect(n!.byRange, p).toBe(n!.byLike);
    }
  });

  it('finds names beyond the basic plane by their prefix, and no neighbour', async () => {
    for (const [name, n] of [['𠀀甲', '19900201'], ['𠀀乙', '19900202'], ['𠀁甲', '19900203']] as const) {
      const r = await admin.post('/api/members', { name, idNumber: fakeIdNumber(n), phone: `1391234${n.slice(-4)}`, orgId: hengda.id, joinedOn: '2024-01-01' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect(names((await admin.get(`/api/members?q=${encodeURIComponent('𠀀')}`)).body.items)).toEqual(['𠀀乙', '𠀀甲']);
    expect(names((await admin.get(`/api/members?q=${encodeURIComponent('𠀀甲')}`)).body.items)).toEqual(['𠀀甲']);
  });

  it('keeps its join order in the text: both subqueries are fenced (offset 0)', () => {
    const scope = { permission: 'member:read', paths: [hengda.path], accountId: 0 };
    const { sql: text } = memberListQueries(t.database.db, scope, { status: 'active', name: '檀' }, null, { page: 1, pageSize: 20 }).rows.toSQL();
    expect(text.match(/offset 0\)/g)).toHaveLength(2);
    expect(text).toContain('cross join lateral');
  });

  it('exports what it lists, through the same search', async () => {
    const listed = names((await admin.get(`/api/members?q=${encodeURIComponent('檀乙')}`)).body.items);
    const r = await admin.get(`/api/members/export.xlsx?q=${encodeURIComponent('檀乙')}`);
    expect(r.status).toBe(200);
    const rows = await readXlsxRows(r.raw.rawPayload);
    const col = rows[0]!.indexOf('姓名');
    expect(rows.slice(1).map((x) => x[col]).sort()).toEqual([...listed].sort());
    expect(rows[0]).toContain('所属工会');
  });

  it('says how many match on a page past the last match', async () => {
    const r = await admin.get(`/api/members?q=${encodeURIComponent('檀')}&pageSize=4&page=3`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    expect(r.body.total).toBe(5); // 檀丙 left the union above
  });
});
