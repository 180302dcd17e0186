import type { Principal } from '@platform/access';
import type { AppDeps } from '@platform/context';
import type { FieldCipher } from '@platform/crypto';
import type { Tx } from '@platform/db';

/** An organisation of the demo district, as the kernel step wrote it (tree order: parents first). */
export interface DemoOrg {
  id: number;
  name: string;
  /** The organisations module's `OrgKind`. */
  kind: string;
  parentId: number | null;
  path: string;
  openedOn: string;
  divisionCode: string;
}

/** What a module's load step is given: the district's organisations and accounts, and the demo's random streams. */
export interface DemoLoadContext {
  cipher: FieldCipher;
  /** Every organisation of the district, tree order; `orgs[0]` is the district federation. */
  orgs: readonly DemoOrg[];
  /** The demo accounts by username (`admin`, `jinxiu`, `union`, `member`, …: src/server/demo.ts). */
  accounts: Readonly<Record<string, { id: number; displayName: string; orgId: number }>>;
  /** China's date the demo is seeded on; the records' dates are relative to it. */
  today: string;
  /** How many members to write (30,000 for the demo, a few hundred in tests). */
  members: number;
  /** The demo password's hash (pending online applicants sign in with it). */
  passwordHash: string;
  /**
   * The deterministic random stream for `seed`, one per seed for the whole demo: steps that ask for the same seed
   * share its stream and draw from it in step order (so a step that draws more changes every later step's records;
   * a new module takes a seed of its own).
   */
  random(seed: number): () => number;
}

/** What a module's service step is given: the district administrator acting, and the demo member's account. */
export interface DemoSeedContext {
  district: Principal;
  memberAccountId: number;
}

/**
 * A module's part of the demo district. `load` writes bulk records inside the demo's one transaction, right after
 * the organisations and accounts, and returns its phrase for the `demo.seed` audit summary; `run` comes after that
 * transaction, through the module's services, as the district administrator. Steps run in module-list order,
 * except that a step waits for the modules named in `after` (it reads their records, or draws after them from a
 * shared random stream).
 */
export interface DemoSeedStep {
  after?: readonly string[];
  load?(tx: Tx, ctx: DemoLoadContext): Promise<string>;
  run?(deps: AppDeps, ctx: DemoSeedContext): Promise<void>;
}

/** A manifest's `seedDemo`: a step, or only its `run` part. */
export type DemoSeed = DemoSeedStep | NonNullable<DemoSeedStep['run']>;

/**
 * The modules' demo steps in the order they run: list order, each step moved after the modules it names in `after`
 * (the earliest-listed ready step goes next). Refuses a name that is not in the list and a cycle.
 */
export function demoSteps(modules: readonly { shared: { name: string }; seedDemo?: DemoSeed }[]): { module: string; step: DemoSeedStep }[] {
  const names = new Set(modules.map((m) => m.shared.name));
  const pending = modules.flatMap((m) => (m.seedDemo ? [{ module: m.shared.name, step: typeof m.seedDemo === 'function' ? { run: m.seedDemo } : m.seedDemo }] : []));
  for (const p of pending) {
    for (const a of p.step.after ?? []) if (!names.has(a)) throw new Error(`module ${p.module}'s demo step waits for unknown module ${a}`);
  }
  const done = new Set(modules.filter((m) => !m.seedDemo).map((m) => m.shared.name));
  const out: { module: string; step: DemoSeedStep }[] = [];
  while (pending.length) {
    const i = pending.findIndex((p) => (p.step.after ?? []).every((a) => done.has(a)));
    if (i < 0) throw new Error(`the demo steps of ${pending.map((p) => p.module).join(', ')} wait for each other`);
    const [next] = pending.splice(i, 1);
    out.push(next!);
    done.add(next!.module);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32) so every demo district is the same. */
export function demoRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws over a random stream: an element, an integer in [lo, hi], a date in [from, to). */
export function demoDraws(rnd: () => number) {
  return {
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!,
    int: (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1)),
    dateBetween: (from: string, to: string) => {
      const a = Date.parse(`${from}T00:00:00Z`);
      const b = Date.parse(`${to}T00:00:00Z`);
      return new Date(a + Math.floor(rnd() * Math.max(1, b - a))).toISOString().slice(0, 10);
    },
  };
}

/** Made-up Chinese names for the demo district: surnames and given-name characters. */
export const DEMO_SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
export const DEMO_GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华红玉萍建国文斌宇浩凯琳雪梅晨阳欣怡子涵';
/** The given-name characters of the ledgers' people (chairs, members, applicants): a few more. */
export const DEMO_GIVEN_PEOPLE = `${DEMO_GIVEN}俊峰志鹏思雨佳慧`;
