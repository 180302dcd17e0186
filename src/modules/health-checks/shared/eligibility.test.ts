import { describe, expect, it } from 'vitest';
import { ineligibility } from './eligibility';

const worker = { sex: 'male', workerKind: null, migrantWorker: false };

describe('health-check eligibility', () => {
  it('keeps the 两癌 screening for women', () => {
    expect(ineligibility('women_screening', worker)).toBe('“两癌”筛查名额仅限女职工');
    expect(ineligibility('women_screening', { ...worker, sex: 'female' })).toBeNull();
  });
  it('checks every group the register can tell: worker kinds (with 环卫工人) and migrant workers', () => {
    expect(ineligibility('courier', { ...worker, workerKind: 'food_delivery' })).toBe('会员档案中的从业类别不是快递员');
    expect(ineligibility('courier', { ...worker, workerKind: 'courier' })).toBeNull();
    expect(ineligibility('sanitation', worker)).toBe('会员档案中的从业类别不是环卫工人');
    expect(ineligibility('sanitation', { ...worker, workerKind: 'sanitation' })).toBeNull();
    expect(ineligibility('migrant', worker)).toBe('会员档案中未登记为农民工');
    expect(ineligibility('migrant', { ...worker, migrantWorker: true })).toBeNull();
  });
  it('takes the union’s word for groups the register does not record', () => {
    expect(ineligibility('model_worker', worker)).toBeNull();
    expect(ineligibility('frontline', worker)).toBeNull();
  });
});
