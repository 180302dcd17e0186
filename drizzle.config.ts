import { defineConfig } from 'drizzle-kit';

/** Tables are code (`*.table.ts` next to the module that owns them); migrations are generated SQL. */
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/platform/**/*.table.ts', './src/modules/**/*.table.ts'],
  out: './db/migrations',
  casing: 'snake_case',
});
