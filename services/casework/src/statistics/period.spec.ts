import { says } from '@civicflow/contracts';
import { emptyFact } from './case-fact';
import { rowOf } from './case-fact-days';
import { parsePeriod, trendOf } from './period';

describe('statistics period', () => {
  it('takes ISO instants as a half-open period and plain dates as whole China days', () => {
    expect(parsePeriod('2026-11-01T00:00:00+08:00', '2026-11-02T00:00:00Z')).toEqual({ ok: true, period: { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-02T00:00:00Z') } });
    expect(parsePeriod('2026-11-01', '2026-11-30')).toEqual({ ok: true, period: { from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') } });
  });

  it('defaults to the last 30 days and names the wrong field', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    expect(parsePeriod(undefined, undefined, now)).toEqual({ ok: true, period: { from: new Date('2026-10-29T00:00:00Z'), to: now } });
    expect(parsePeriod('yesterday', undefined, now)).toMatchObject({ ok: false, field: 'from' });
    expect(parsePeriod(undefined, '2026-02-30')).toMatchObject({ ok: false, field: 'to' });
    expect(parsePeriod('2026-11-02', '2026-11-01')).toMatchObject({ ok: false, field: 'from', reason: says('须早于 to', 'must be before to') });
    expect(parsePeriod('2024-01-01', '2026-01-01')).toMatchObject({ ok: false, field: 'from' });
  });

  it('buckets by China day and by week from Monday, empty buckets included', () => {
    const fact = (registeredAt: string, fields = {}) => rowOf({ ...emptyFact('20261128-000001', new Date(registeredAt)), registeredAt: new Date(registeredAt), ...fields })!;
    const facts = [
      fact('2026-11-02T15:59:00Z', { resolved: true }), // 23:59 China time on the 2nd
      fact('2026-11-02T16:00:00Z', { everBreached: true }), // 00:00 on the 3rd
      fact('2026-11-03T01:00:00Z', { merged: true }),
    ];
    const period = { from: new Date('2026-11-01T16:00:00Z'), to: new Date('2026-11-04T16:00:00Z') }; // China days 2nd, 3rd, 4th
    expect(trendOf(facts, period, 'day')).toEqual([
      { bucket: '2026-11-02', cases: 1, resolved: 1, breached: 0 },
      { bucket: '2026-11-03', cases: 1, resolved: 0, breached: 1 },
      { bucket: '2026-11-04', cases: 0, resolved: 0, breached: 0 },
    ]);
    // 2026-11-02 is a Monday; the 1st (Sunday) belongs to the week of 2026-10-26
    expect(trendOf(facts, { from: new Date('2026-10-31T16:00:00Z'), to: period.to }, 'week')).toEqual([
      { bucket: '2026-10-26', cases: 0, resolved: 0, breached: 0 },
      { bucket: '2026-11-02', cases: 2, resolved: 1, breached: 1 },
    ]);
  });
});
