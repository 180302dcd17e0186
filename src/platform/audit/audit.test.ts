import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '@test/app';
import { auditEvents } from './audit.table';
import { writeAudit } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const { db } = t.database;
    await expect(db.update(auditEvents).set({ summary: '篡改' })).rejects.toThrow();
    await expect(db.delete(auditEvents)).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await db.select().from(auditEvents);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.summary !== '篡改')).toBe(true);
  });

  it('is written in the same transaction as the change: a failing change leaves no audit row, and vice versa', async () => {
    const { db } = t.database;
    const before = (await db.select().from(auditEvents)).length;
    await expect(
      db.transaction(async (tx) => {
        await writeAudit(tx, { actor: { accountId: null, name: 'test' }, action: 'org.update', entityType: 'organisation', summary: '应回滚' });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect((await db.select().from(auditEvents)).length).toBe(before);
  });

  it('records who, when, from where, what, before and after, filterable by person, kind and date', async () => {
    const admin = await t.as('admin');
    const org = (await admin.get('/api/orgs?q=320199001001')).body.items[0];
    await admin.patch(`/api/orgs/${org.id}`, { contactPhone: '13912345678' });
    const r = await admin.get(`/api/audit?action=org.update&actor=admin&from=${new Date().toISOString().slice(0, 10)}`);
    const e = r.body.items[0];
    expect(e).toMatchObject({ actionLabel: '修改组织', actorIp: '127.0.0.1', orgName: org.name });
    expect(e.actorName).toContain('admin');
    expect(e.after.contactPhone).toBe('139****5678');
    expect(JSON.stringify(r.body)).not.toContain('13912345678');
    const none = await admin.get('/api/audit?action=org.update&from=2001-01-01&to=2001-12-31');
    expect(none.body.total).toBe(0);
    const bad = await admin.get('/api/audit?from=2001-13-45');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('开始日期');
  });

  it('shows each administrator only the audit of their subtree', async () => {
    const jinxiu = await t.as('jinxiu');
    const r = await jinxiu.get('/api/audit?pageSize=200');
    expect(r.body.total).toBeGreaterThan(0);
    expect(r.body.items.every((e: { actorName: string; summary: string }) => !e.summary.includes('生成演示数据'))).toBe(true);
    const songling = await (await t.as('songling')).get('/api/audit?action=org.update');
    expect(songling.body.total).toBe(0);
  });
});
