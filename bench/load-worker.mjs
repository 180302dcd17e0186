// Load generator for the lookup benchmark, in its own process (so it does not share the server's event loop
// or CPU time slice): N keep-alive connections issue GETs back to back for a fixed time; reports req/s and
// latency percentiles over the successful responses. Started by bench/lookup.ts through child_process.fork.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

process.on('message', async ({ port, paths, headers, seconds, concurrency }) => {
  // One set of headers for every connection, or one per connection (e.g. a session each).
  const headersOf = (i) => (Array.isArray(headers) ? headers[i % headers.length] : headers);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const one = (path, headers) =>
    new Promise((resolve) => {
      const start = performance.now();
      const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          else latencies.push(performance.now() - start);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      while (performance.now() < end) await one(paths[next++ % paths.length], headersOf(i));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? NaN;
  process.send({ rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, requests: latencies.length });
});
