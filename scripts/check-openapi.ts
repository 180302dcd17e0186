/**
 * The OpenAPI document is generated from the same Zod schemas that validate requests; docs/openapi.json
 * is its checked-in copy, so API changes show up in review. `--write` refreshes the copy; without it the
 * check fails when the copy is stale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@platform/config/config';
import { createFieldCipher } from '@platform/crypto';
import { openDatabase } from '@platform/db';
import { buildApp } from '../src/server/app';

const file = path.resolve(import.meta.dirname, '../docs/openapi.json');
const database = await openDatabase({});
const { app } = await buildApp({ config: loadConfig({}, { version: '1' }), database, cipher: createFieldCipher(Buffer.alloc(32, 1)) });
const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
await app.close();
await database.close();
if (process.argv.includes('--write')) {
  fs.writeFileSync(file, doc);
  console.log(`openapi: wrote ${path.relative(process.cwd(), file)}`);
} else if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== doc) {
  console.error('openapi: docs/openapi.json is out of date. Run: npm run openapi:write');
  process.exit(1);
} else {
  console.log('openapi: docs/openapi.json is current');
}
