import { describe, expect, it } from 'vitest';
import { availableSteps, checkStep, deadlineOf, defineMachine, nextState, stateRefusal, type WorkflowPrincipal } from './machine';
import type { StepHandlers } from './run';

/** A small claim workflow, written for the test: a union submits, the district above it decides. */
const CLAIM = defineMachine({
  noun: '申请',
  states: {
    draft: { label: '草稿' },
    submitted: { label: '待审核', deadline: { days: 5, working: true, action: '审核申请' } },
    approved: { label: '已核准', deadline: { days: { setting: 'payDays' }, action: '支付' } },
    rejected: { label: '未核准' },
  },
  steps: {
    submit: { label: '提交', from: ['draft'], to: 'submitted', who: { permission: 'claim.write' }, guard: (r: { amountFen: number }) => (r.amountFen > 0 ? null : '请先填写申请金额') },
    approve: { label: '核准', from: ['submitted'], to: 'approved', who: { permission: 'claim.decide', side: 'above' } },
    return: { label: '退回', from: ['submitted'], to: 'draft', who: { permission: 'claim.decide', side: 'above' }, opinion: true },
    withdraw: { label: '撤回', from: ['draft', 'submitted'], to: 'rejected', who: 'self' },
  },
});

const principal = (orgPath: string, permissions: string[]): WorkflowPrincipal => ({ orgPath, permissions: new Set(permissions), scopePaths: [orgPath] });
const district = principal('/1/', ['claim.write', 'claim.decide']);
const union = principal('/1/7/', ['claim.write', 'claim.decide']);
const record = (status: 'draft' | 'submitted' | 'approved' | 'rejected', amountFen = 100) => ({ status, orgPath: '/1/7/', amountFen });

describe('workflow machine', () => {
  it('refuses a step from a state it does not start from, naming the current state and the allowed ones', () => {
    expect(stateRefusal(CLAIM, 'approved', 'return')).toBe('申请当前为“已核准”，不能退回（只有“待审核”的申请可以）');
    expect(checkStep(CLAIM, record('approved'), district, 'return', { opinion: '材料不全' })).toEqual({ kind: 'state', message: '申请当前为“已核准”，不能退回（只有“待审核”的申请可以）' });
    expect(() => nextState(CLAIM, 'approved', 'approve')).toThrow(/当前为“已核准”/);
    expect(nextState(CLAIM, 'submitted', 'approve')).toBe('approved');
  });

  it('gives the guard’s refusal in Chinese, and shows the step disabled with it', () => {
    expect(checkStep(CLAIM, record('draft', 0), union, 'submit')).toEqual({ kind: 'guard', message: '请先填写申请金额' });
    expect(availableSteps(CLAIM, record('draft', 0), union)).toEqual([{ code: 'submit', label: '提交', needsOpinion: false, blockedReason: '请先填写申请金额' }]);
    expect(checkStep(CLAIM, record('draft'), union, 'submit')).toEqual({ from: 'draft', to: 'submitted', opinion: null });
  });

  it('requires the opinion a step declares (blank is missing), and carries it trimmed', () => {
    expect(checkStep(CLAIM, record('submitted'), district, 'return', { opinion: '  ' })).toEqual({ kind: 'opinion', message: '退回须填写书面意见' });
    expect(checkStep(CLAIM, record('submitted'), district, 'return', { opinion: ' 缺发票 ' })).toEqual({ from: 'submitted', to: 'draft', opinion: '缺发票' });
  });

  it('lets only the side of the tree a step names take it: the union above decides, the union itself does not', () => {
    expect(availableSteps(CLAIM, record('submitted'), district).map((s) => s.code)).toEqual(['approve', 'return']);
    expect(availableSteps(CLAIM, record('submitted'), union)).toEqual([]);
    expect(checkStep(CLAIM, record('submitted'), union, 'approve')).toMatchObject({ kind: 'actor' });
    const noPermission = principal('/1/', ['claim.write']);
    expect(checkStep(CLAIM, record('submitted'), noPermission, 'approve')).toMatchObject({ kind: 'actor' });
    const elsewhere = principal('/2/', ['claim.decide']);
    expect(checkStep(CLAIM, record('submitted'), elsewhere, 'approve')).toMatchObject({ kind: 'actor' });
  });

  it('keeps the subject’s own steps for the subject', () => {
    expect(availableSteps(CLAIM, record('draft'), union, true).map((s) => s.code)).toEqual(['withdraw']);
    expect(checkStep(CLAIM, record('draft'), union, 'withdraw')).toMatchObject({ kind: 'self', message: '撤回只能由本人办理' });
    expect(checkStep(CLAIM, record('draft'), union, 'submit', { asSelf: true })).toMatchObject({ kind: 'self' });
    expect(checkStep(CLAIM, record('draft'), union, 'withdraw', { asSelf: true })).toEqual({ from: 'draft', to: 'rejected', opinion: null });
  });

  it('opens a step named for several actors to each of them', () => {
    const SIGNUP = defineMachine({
      noun: '报名',
      states: { open: { label: '已报名' }, cancelled: { label: '已取消' } },
      steps: { cancel: { label: '取消', from: ['open'], to: 'cancelled', who: [{ permission: 'signup.write' }, 'self'] } },
    });
    const r = { status: 'open' as const, orgPath: '/1/7/' };
    expect(availableSteps(SIGNUP, r, principal('/1/7/', ['signup.write'])).map((s) => s.code)).toEqual(['cancel']);
    expect(availableSteps(SIGNUP, r, principal('/1/7/', []), true).map((s) => s.code)).toEqual(['cancel']);
    expect(checkStep(SIGNUP, r, principal('/1/7/', []), 'cancel')).toMatchObject({ kind: 'actor' });
  });

  it('runs the caller’s input check after the opinion and before the guard', () => {
    const refuse = () => {
      throw new Error('input');
    };
    expect(() => checkStep(CLAIM, record('draft', 0), union, 'submit', { validate: refuse })).toThrow('input');
    expect(checkStep(CLAIM, record('approved'), union, 'submit', { validate: refuse })).toMatchObject({ kind: 'state' });
  });

  it('computes a state’s deadline in calendar or working days, from a setting when named', () => {
    // 2026-01-02 is a Friday: five working days later is Friday 2026-01-09.
    expect(deadlineOf(CLAIM, 'submitted', '2026-01-02')).toEqual({ date: '2026-01-09', action: '审核申请' });
    expect(deadlineOf(CLAIM, 'approved', '2026-01-30', { payDays: 3 })).toEqual({ date: '2026-02-02', action: '支付' });
    expect(deadlineOf(CLAIM, 'draft', '2026-01-02')).toBeNull();
    expect(() => deadlineOf(CLAIM, 'approved', '2026-01-30')).toThrow(/payDays/);
  });

  it('makes handlers exhaustive at compile time', () => {
    const ok = async () => ({ audit: { summary: '测试' } });
    const handlers = { submit: ok, approve: ok, return: ok, withdraw: ok } satisfies StepHandlers<typeof CLAIM, unknown>;
    // @ts-expect-error a handler for `withdraw` is missing
    const missing: StepHandlers<typeof CLAIM, unknown> = { submit: ok, approve: ok, return: ok };
    // @ts-expect-error `pay` is not a step of the machine
    const unknown = { submit: ok, approve: ok, return: ok, withdraw: ok, pay: ok } satisfies StepHandlers<typeof CLAIM, unknown>;
    expect(Object.keys(handlers)).toHaveLength(4);
    expect([missing, unknown]).toHaveLength(2);
  });

  it('refuses at compile time a step naming an undeclared state', () => {
    defineMachine({
      noun: '记录',
      states: { open: { label: '办理中' } },
      // @ts-expect-error `closed` is not a declared state
      steps: { close: { label: '办结', from: ['open'], to: 'closed', who: 'self' } },
    });
  });
});
