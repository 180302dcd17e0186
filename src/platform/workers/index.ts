import { parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * Worker threads for CPU-heavy work that would otherwise stall the server's event loop (parsing a large
 * workbook, encrypting a million fields). A worker is a module beside its caller; TypeScript modules load
 * through tsx, as the server itself does. Requests and answers are matched by id, so one worker serves
 * many concurrent callers in order.
 */
export class WorkerClient<Req, Res> {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private failed: Error | null = null;

  constructor(url: URL, data: unknown) {
    // `--import tsx` is not honoured by worker threads on Node 20; a JavaScript entry registers the loader.
    this.worker = url.pathname.endsWith('.ts')
      ? new Worker(new URL('./bootstrap.mjs', import.meta.url), { workerData: { module: url.href, data } })
      : new Worker(url, { workerData: { data } });
    // An idle worker never keeps the process alive; one with work in flight does (see call).
    this.worker.unref();
    this.worker.on('message', (m: { id: number; result?: Res; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result as Res);
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  call(request: Req, transfer: ArrayBuffer[] = []): Promise<Res> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    this.worker.ref();
    return new Promise<Res>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request }, transfer);
    });
  }

  async close(): Promise<void> {
    this.failed = new Error('worker closed');
    await this.worker.terminate();
  }
}

/** Inside a worker: answers each request with the handler's result (or its error message). */
export function serveRequests<Req, Res>(handler: (request: Req) => Res | Promise<Res>): void {
  if (!parentPort) throw new Error('serveRequests runs only inside a worker thread');
  const port = parentPort;
  port.on('message', async ({ id, request }: { id: number; request: Req }) => {
    try {
      port.postMessage({ id, result: await handler(request) });
    } catch (error) {
      port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** The data the worker was started with. */
export function startData<T>(): T {
  return (workerData as { data: T }).data;
}
