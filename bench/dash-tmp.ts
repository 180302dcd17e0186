import { createTestApp } from '../test/app';
const t = await createTestApp({ demoMembers: 30000 });
const c = await t.as('admin');
const me = await c.get('/api/auth/me');
const org = me.body.account.orgId;
const year = new Date().getFullYear();
const defs = (await c.get('/api/indicators')).body as { code: string }[];
console.log('indicators', defs.length);
const rows: [string, number][] = [];
for (const d of defs) {
  const s = performance.now(); await c.get(`/api/indicators/values?orgId=${org}&period=${year}&codes=${d.code}`); rows.push([d.code, performance.now() - s]);
}
rows.sort((a, b) => b[1] - a[1]); console.log(rows.slice(0, 15).map(([c, ms]) => `${c} ${ms.toFixed(0)}`).join('\n'));
for (const url of [`/api/indicators/values?orgId=${org}&period=${year}`, `/api/indicators/org.grassroots_total/trend?orgId=${org}`, `/api/indicators/member.total/trend?orgId=${org}`, `/api/indicators/org.grassroots_total/breakdown?orgId=${org}&period=${year}`]) {
  const s = performance.now(); const r = await c.get(url); console.log(r.status, (performance.now() - s).toFixed(0), 'ms', url);
}
await t.close();
