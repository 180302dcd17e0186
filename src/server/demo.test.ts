import { describe, expect, it } from 'vitest';
import { demoSteps } from '@platform/modules';
import { serverModules } from './modules';

describe('the demo district', () => {
  it('walks the module list: the bulk steps in the seed transaction, then the service steps', () => {
    const steps = demoSteps(serverModules);
    // The members continue the ledgers' random stream after the employers and the committee terms: moving a step
    // that shares a stream changes every later record of the demo.
    expect(steps.filter((s) => s.step.load).map((s) => s.module)).toEqual(['employers', 'unions', 'members', 'standards', 'employment', 'facilities', 'activities', 'meetings', 'contracts', 'legal', 'congresses', 'reports']);
    expect(steps.filter((s) => s.step.run).map((s) => s.module)).toEqual(['hardship', 'mutual-aid', 'health-checks']);
  });
});
