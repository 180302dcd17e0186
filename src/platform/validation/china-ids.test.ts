import { describe, expect, it } from 'vitest';
import { normaliseCode, parseIdNumber, parseUscc, withIdCheckDigit, withUsccCheckDigit } from './china-ids';

const today = '2026-11-20';

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the standard example and derives birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X', today)).toEqual({ idNumber: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' });
  });
  it('normalises spaces, full-width digits and a lower-case x', () => {
    expect(parseIdNumber(' １１０１０５１９４９１２３１００２x ', today)).toMatchObject({ idNumber: '11010519491231002X' });
  });
  it.each([
    ['110105194912310021', '校验位不正确'],
    ['11010519491231002', '应为 18 位'],
    ['1101051949123100A2', '应为 18 位'],
    [withIdCheckDigit('11010519490230002'), '出生日期无效'],
    [withIdCheckDigit('11010530000101001'), '出生日期无效'],
  ])('rejects %s (%s)', (id, reason) => {
    expect((parseIdNumber(id, today) as { error: string }).error).toContain(reason);
  });
  it('reads sex from the 17th digit', () => {
    expect(parseIdNumber(withIdCheckDigit('32010219900101001'), today)).toMatchObject({ sex: 'male', birthDate: '1990-01-01' });
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts the standard example and a generated code', () => {
    expect(parseUscc('91350100M000100Y43')).toEqual({ uscc: '91350100M000100Y43' });
    const made = withUsccCheckDigit('91320102MA1XYP123');
    expect(parseUscc(made.toLowerCase())).toEqual({ uscc: made });
  });
  it.each([
    ['91350100M000100Y44', '校验位不正确'],
    ['91350100M000100Y4', '应为 18 位'],
    ['91350100M00010OY43', '不含 I、O、Z、S、V'],
  ])('rejects %s (%s)', (code, reason) => {
    expect((parseUscc(code) as { error: string }).error).toContain(reason);
  });
  it('normalises full-width characters', () => {
    expect(normaliseCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });
});
