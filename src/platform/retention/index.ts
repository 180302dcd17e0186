import type { AppDeps } from '../context';
import type { Tx } from '../db';
import { chinaToday } from '../periods';

/**
 * A storage limit on personal information (PIPL Art. 19: kept no longer than its purpose needs). `purge` deletes
 * what has outlived its purpose on China's `today`, writes one audit row per record or group it deleted (in the
 * same transaction), and returns how many rows it deleted.
 */
export interface RetentionRule {
  /** `module.what`, e.g. `employment.interests`. */
  name: string;
  /** The rule in one Chinese sentence, for the module README and the audit summaries. */
  label: string;
  purge(tx: Tx, today: string): Promise<number>;
}

/** Runs every rule, each in its own transaction, and returns how many rows each deleted. */
export async function runRetention(deps: Pick<AppDeps, 'db' | 'now'>, rules: readonly RetentionRule[]): Promise<Record<string, number>> {
  const today = chinaToday(deps.now());
  const out: Record<string, number> = {};
  for (const rule of rules) out[rule.name] = await deps.db.transaction((tx) => rule.purge(tx, today));
  return out;
}

/** The actor of the audit rows a purge writes. */
export const RETENTION_ACTOR = { accountId: null, name: '系统（保存期限届满自动删除）' } as const;

/**
 * Runs the rules now and then every `everyMs` while the server runs (the timer does not keep the process alive);
 * a failed run is logged and tried again at the next tick. Returns the function that stops it.
 */
export function scheduleRetention(deps: Pick<AppDeps, 'db' | 'now'>, rules: readonly RetentionRule[], everyMs: number, log: (err: unknown) => void): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = runRetention(deps, rules).catch(log);
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
