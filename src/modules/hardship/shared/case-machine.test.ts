import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, CASE_STEPS, nextStatus, openSteps, refusal, stepActor, type CaseAction, type CaseStatus } from './case-machine';

/** The lifecycle as the issue states it, written out independently of the declaration under test. */
const EXPECTED: Record<CaseAction, [CaseStatus[], CaseStatus | 'same']> = {
  first_review: [['applied'], 'visiting'],
  record_visit: [['visiting'], 'visited'],
  start_notice: [['visited'], 'notice'],
  object: [['notice'], 'same'],
  end_notice: [['notice'], 'pending_filing'],
  file: [['pending_filing'], 'assisted'],
  return: [['visited', 'pending_filing'], 'applied'],
  reject: [['applied', 'visiting', 'visited', 'notice', 'pending_filing'], 'rejected'],
  withdraw: [['applied'], 'withdrawn'],
  review: [['assisted'], 'same'],
  exit: [['assisted'], 'exited'],
  watch_visit: [['exited'], 'same'],
  relapse: [['exited'], 'assisted'],
};

describe('hardship case lifecycle', () => {
  it('allows exactly the declared steps, from every status, and moves to the declared status', () => {
    let allowed = 0;
    for (const status of CASE_STATUSES) {
      for (const action of CASE_ACTIONS) {
        const [from, to] = EXPECTED[action];
        if (from.includes(status)) {
          allowed++;
          expect(refusal(status, action), `${action} from ${status}`).toBeNull();
          expect(nextStatus(status, action)).toBe(to === 'same' ? status : to);
        } else {
          expect(refusal(status, action), `${action} from ${status}`).toMatch(/^档案当前为“.+”，不能/);
          expect(() => nextStatus(status, action)).toThrow(/不能/);
        }
      }
    }
    expect(allowed).toBe(18);
  });

  it('ends in rejected and withdrawn: no step leaves them', () => {
    expect(openSteps('rejected')).toEqual([]);
    expect(openSteps('withdrawn')).toEqual([]);
  });

  it('requires a written opinion for rejections, returns, objections, exits and relapses only', () => {
    const withOpinion = CASE_ACTIONS.filter((a) => CASE_STEPS[a].opinion).sort();
    expect(withOpinion).toEqual(['exit', 'object', 'reject', 'relapse', 'return']);
  });

  it('gives filing, and a return or rejection at the filing step, to the district; withdrawal to the member', () => {
    expect(stepActor('file', 'pending_filing')).toBe('file');
    expect(stepActor('return', 'pending_filing')).toBe('file');
    expect(stepActor('reject', 'pending_filing')).toBe('file');
    expect(stepActor('reject', 'visited')).toBe('write');
    expect(stepActor('withdraw', 'applied')).toBe('self');
    expect(stepActor('review', 'assisted')).toBe('write');
  });

  it('names the current status and the statuses that allow the step in its refusal', () => {
    expect(refusal('applied', 'file')).toBe('档案当前为“待初审”，不能审批建档（只有“待审批建档”的档案可以）');
  });
});
