import { defineConfig } from 'vitest/config';
import base from './vite.config';

/** Browser journeys: the built web UI served by the real server, driven in Debian's Chromium. */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Two journey files at a time on the two cores: each waits on its browser and server as much as it computes
    // (measured: 169 s instead of 230–267 s for the whole set). Every journey has its own server and database.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
