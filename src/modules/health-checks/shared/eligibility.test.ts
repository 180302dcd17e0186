import { describe, expect, it } from 'vitest';
import { ineligibility } from './eligibility';

const worker = { sex: 'male', gigKind: null, migrantWorker: false };

describe('health-check eligibility', () => {
  it('keeps the 两癌 screening for women', () => {
    expect(ineligibility('women_screening', worker)).toBe('“两癌”筛查名额仅限女职工');
    expect(ineligibility('women_screening', { ...worker, sex: 'female' })).toBeNull();
  });
  it('checks gig groups and migrant workers against the register', () => {
    expect(ineligibility('courier', { ...worker, gigKind: 'food_delivery' })).toBe('会员档案中的职业不是快递员');
    expect(ineligibility('courier', { ...worker, gigKind: 'courier' })).toBeNull();
    expect(ineligibility('migrant', worker)).toBe('会员档案中未登记为农民工');
    expect(ineligibility('migrant', { ...worker, migrantWorker: true })).toBeNull();
  });
  it('takes the union’s word for groups the register does not record', () => {
    expect(ineligibility('sanitation', worker)).toBeNull();
    expect(ineligibility('model_worker', worker)).toBeNull();
  });
});
