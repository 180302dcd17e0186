import path from 'node:path';
import { loadConfig } from '@platform/config/config';
import { createFieldCipher, cryptoSelfTest, loadFieldKey } from '@platform/crypto';
import { openDatabase } from '@platform/db';
import { buildApp } from './app';
import { seedDemo } from './demo';

// Refuse to start on a crypto library that fails the SM3/SM4 known-answer tests (GB/T 39786).
cryptoSelfTest();
const config = loadConfig();
const database = await openDatabase({
  databaseUrl: config.databaseUrl,
  migrationUrl: config.migrationDatabaseUrl,
  readUrl: config.readDatabaseUrl,
  listenUrl: config.listenDatabaseUrl,
  dataDir: config.databaseUrl ? undefined : path.join(config.dataDir, 'pglite'),
});
const cipher = createFieldCipher(loadFieldKey(process.env, config.dataDir));
if (config.demo) {
  const seeded = await seedDemo(database.db, config, cipher);
  console.log(seeded ? '演示数据已生成。' : '演示数据已存在，跳过生成。');
}
const { app } = await buildApp({ config, database, cipher, warmWorkers: true, retentionEveryMs: 6 * 3600_000 });
await app.listen({ port: config.port, host: config.host });

const where = config.databaseUrl ? `PostgreSQL 服务器${config.readDatabaseUrl ? '（统计与报告读只读副本）' : ''}` : `嵌入式数据库 PGlite（${path.join(config.dataDir, 'pglite')}）`;
console.log(`Gonghui 工会平台已启动：http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}/`);
console.log(`数据库：${where}${config.demo ? '；演示模式（账号密码见 README）' : ''}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void app.close().then(() => database.close()).then(() => process.exit(0));
  });
}
