/** Median, fastest and slowest of `rounds` runs of `fn`, in milliseconds (each run awaited before the next). */
export async function timeRuns(fn: () => Promise<unknown>, rounds = 10): Promise<{ median: number; min: number; max: number }> {
  const runs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const s = performance.now();
    await fn();
    runs.push(performance.now() - s);
  }
  runs.sort((a, b) => a - b);
  return { median: runs[Math.floor(rounds / 2)]!, min: runs[0]!, max: runs[rounds - 1]! };
}
