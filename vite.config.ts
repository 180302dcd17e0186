import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** One config for the web build (root src/web) and for Vitest (unit + integration tests). */
export default defineConfig({
  root: here('./src/web'),
  plugins: [react()],
  resolve: {
    alias: {
      '@platform': here('./src/platform'),
      '@modules': here('./src/modules'),
      '@ui': here('./src/ui'),
      '@test': here('./test'),
    },
  },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  test: {
    root: here('.'),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One fork per core: a fork spends its time in its own PGlite (one thread) or waiting on the server, and the
    // main process idles meanwhile, so Vitest's default (cores − 1) leaves one of CI's two cores unused.
    maxWorkers: availableParallelism(),
    // Each test file copies a template database built once per run (test/template.ts, decision record 0015).
    globalSetup: [here('./test/global-setup.ts')],
    // CI collects counts from JSON reports (GONGHUI_TEST_REPORT_DIR); the console keeps the default reporter.
    reporters: process.env.GONGHUI_TEST_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.GONGHUI_TEST_REPORT_DIR}/vitest-${Date.now()}-${process.pid}.json` }]]
      : ['default'],
  },
});
