import { lastMonth, policyFormField } from './reports';

describe('scoring policy and monthly report helpers', () => {
  it('names last month across the year boundary', () => {
    expect(lastMonth('2026-12-07')).toBe('2026-11');
    expect(lastMonth('2027-01-01')).toBe('2026-12');
    expect(lastMonth('2026-03-31')).toBe('2026-02');
  });

  it('puts each server objection beside a form field', () => {
    expect(policyFormField('weights')).toEqual(['weights', 'satisfaction']);
    expect(policyFormField('weights.response')).toEqual(['weights', 'response']);
    expect(policyFormField('effectiveFrom')).toEqual(['effectiveFrom']);
    expect(policyFormField('lists')).toEqual(['lists', 'size']);
  });
});
