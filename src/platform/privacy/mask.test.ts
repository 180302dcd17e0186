import { describe, expect, it } from 'vitest';
import { maskFields, maskIdNumber, maskName, maskPhone } from './mask';

describe('masking', () => {
  it('masks ID numbers to first 4 and last 4', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
    expect(maskIdNumber(null)).toBeNull();
  });
  it('masks phones to first 3 and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('025-84561234')).toBe('025*****1234');
    expect(maskPhone('')).toBe('');
  });
  it('masks named fields of a record copy only', () => {
    const rec = { name: '张三', phone: '13812345678' };
    expect(maskFields(rec, { phone: maskPhone })).toEqual({ name: '张三', phone: '138****5678' });
    expect(rec.phone).toBe('13812345678');
  });

  it('masks a name to its surname (and last character from three on)', () => {
    expect(['李', '张三', '王小明', '欧阳建锋'].map(maskName)).toEqual(['*', '张*', '王*明', '欧阳*锋']);
  });
});
