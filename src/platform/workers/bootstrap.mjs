// Entry of a worker thread whose module is TypeScript: registers tsx's loader (as `npm start` runs the
// server), then loads the module. Plain JavaScript so Node can start it without a loader.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
