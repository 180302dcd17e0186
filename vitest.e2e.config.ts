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
    // Two journey files at a time (the machine's two cores): each has its own server, database and Chromium.
    maxWorkers: 2,
  },
});
