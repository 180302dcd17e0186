import { describe, expect, it } from 'vitest';
import { demoRandom, demoSteps, type DemoSeed } from './demo';

const run = async () => {};
const load = async () => '';
const mod = (name: string, seedDemo?: DemoSeed) => ({ shared: { name }, seedDemo });

describe('demo steps', () => {
  it('run in list order, a step moved after the modules it waits for', () => {
    const steps = demoSteps([mod('a', run), mod('b'), mod('c', { after: ['d', 'e'], load }), mod('d', { load }), mod('e', { load }), mod('f', run)]);
    expect(steps.map((s) => s.module)).toEqual(['a', 'd', 'e', 'c', 'f']);
    // A bare function is the step's `run` part.
    expect(steps[0]!.step).toEqual({ run });
  });

  it('may wait for a module without a step of its own', () => {
    expect(demoSteps([mod('a', { after: ['b'], load }), mod('b')]).map((s) => s.module)).toEqual(['a']);
  });

  it('refuses an unknown module and steps that wait for each other', () => {
    expect(() => demoSteps([mod('a', { after: ['typo'], load })])).toThrow(/unknown module typo/);
    expect(() => demoSteps([mod('a', { after: ['b'], load }), mod('b', { after: ['a'], load }), mod('c', run)])).toThrow(/a, b wait for each other/);
  });

  it('draw the same stream for the same seed', () => {
    const a = demoRandom(11);
    const b = demoRandom(11);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(demoRandom(12)()).not.toBe(xs[0]);
  });
});
