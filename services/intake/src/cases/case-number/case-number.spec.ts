import { caseNumberDay, formatCaseNumber } from './case-number';

describe('case numbers', () => {
  it('use the China date, which is a day ahead of UTC in the evening', () => {
    expect(caseNumberDay(new Date('2026-11-28T15:59:59Z'))).toBe('20261128');
    expect(caseNumberDay(new Date('2026-11-28T16:00:00Z'))).toBe('20261129');
  });

  it('pad the sequence to six digits and refuse one that does not fit', () => {
    expect(formatCaseNumber('20261128', 42)).toBe('20261128-000042');
    expect(() => formatCaseNumber('20261128', 1_000_000)).toThrow(RangeError);
  });
});
