import { and, desc, eq, lte } from 'drizzle-orm';
import { lockKey, type DbOrTx, type Tx } from '../db';
import { datedSettings } from './settings.table';

/** A dated setting: its key, and the value that applies until a district sets one. */
export interface DatedSetting<T> {
  key: string;
  fallback: T;
}
export const defineDatedSetting = <T>(key: string, fallback: T): DatedSetting<T> => ({ key, fallback });

/** The version in force on `day` (the latest not after it), or the fallback with `effectiveFrom` null. */
export async function settingOn<T>(db: DbOrTx, s: DatedSetting<T>, day: string): Promise<{ value: T; effectiveFrom: string | null }> {
  const [row] = await db.select().from(datedSettings).where(and(eq(datedSettings.key, s.key), lte(datedSettings.effectiveFrom, day))).orderBy(desc(datedSettings.effectiveFrom)).limit(1);
  return row ? { value: row.value as T, effectiveFrom: row.effectiveFrom } : { value: s.fallback, effectiveFrom: null };
}

/** Every version of a setting, newest first. */
export async function settingVersions(db: DbOrTx, s: DatedSetting<unknown>) {
  const rows = await db.select({ effectiveFrom: datedSettings.effectiveFrom, createdAt: datedSettings.createdAt }).from(datedSettings).where(eq(datedSettings.key, s.key)).orderBy(desc(datedSettings.effectiveFrom));
  return rows.map((r) => ({ effectiveFrom: r.effectiveFrom, createdAt: r.createdAt.toISOString() }));
}

/**
 * Adds a version from `effectiveFrom`, or replaces one not yet in force. What was recorded under a version stays
 * judged by it, so a version is never back-dated ('past') nor rewritten once its day has come ('in_force').
 */
export async function saveSettingVersion<T>(tx: Tx, s: DatedSetting<T>, effectiveFrom: string, value: T, today: string): Promise<'saved' | 'past' | 'in_force'> {
  if (effectiveFrom < today) return 'past';
  await lockKey(tx, 'settings.version', s.key);
  const [existing] = await tx.select({ effectiveFrom: datedSettings.effectiveFrom }).from(datedSettings).where(and(eq(datedSettings.key, s.key), eq(datedSettings.effectiveFrom, effectiveFrom)));
  if (existing && existing.effectiveFrom <= today) return 'in_force';
  await tx.insert(datedSettings).values({ key: s.key, effectiveFrom, value }).onConflictDoUpdate({ target: [datedSettings.key, datedSettings.effectiveFrom], set: { value, createdAt: new Date() } });
  return 'saved';
}
