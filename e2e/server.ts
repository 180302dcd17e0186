import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { webRoot } from '@platform/http';
import { createTestApp, type TestApp } from '@test/app';

/** The real platform on a fresh demo database, listening on a free loopback port. */
export async function startServer(): Promise<TestApp & { url: string }> {
  if (!fs.existsSync(`${webRoot}/index.html`)) throw new Error('web UI not built: run `npm run build:web` first');
  const t = await createTestApp({ demo: true });
  // The browser clock is real, so the server clock must be too.
  t.clock.now = new Date();
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => {} });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, url: `http://127.0.0.1:${port}` };
}
