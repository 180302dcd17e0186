import fs from 'node:fs';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to every text asset of the web build, once at build time,
 * so the server sends them (`@fastify/static` `preCompressed`) without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'gonghui-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle(error?: Error) {
      if (error || !fs.existsSync(outDir)) return; // a failed build wrote nothing to compress
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
      }
    },
  };
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}


/** One config for the web build (root src/web) and for Vitest (unit + integration tests). */
export default defineConfig({
  root: here('./src/web'),
  plugins: [react(), precompress()],
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
    // A fork keeps its modules from one test file to the next instead of importing the server afresh for each
    // (measured 191 → 140 s for the whole suite on PGlite, 2026-12-01). Test files hold no module-level state
    // of their own that another could see: each builds its app and database in its hooks.
    isolate: false,
    setupFiles: [here('./test/per-file-setup.ts')],
    globalSetup: [here('./test/global-setup.ts')],
    // CI collects counts from JSON reports (GONGHUI_TEST_REPORT_DIR); the console keeps the default reporter.
    reporters: process.env.GONGHUI_TEST_REPORT_DIR
      ? ['default', ['json', { outputFile: `${process.env.GONGHUI_TEST_REPORT_DIR}/vitest-${Date.now()}-${process.pid}.json` }]]
      : ['default'],
  },
});
