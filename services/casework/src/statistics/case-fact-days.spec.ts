import { CaseFactDoc, emptyFact } from './case-fact';
import { dayKeyOf, dayKeysOf, FactRow, has, mergeRows, OUTCOME, rowOf, rowsIn } from './case-fact-days';

const path = ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'bf-d01-s01-c01-g01'];
function fact(caseNumber: string, fields: Partial<CaseFactDoc> = {}): CaseFactDoc {
  return {
    ...emptyFact(caseNumber, new Date('2026-11-28T01:00:00Z')), registeredAt: new Date('2026-11-28T01:00:00Z'), revision: 1,
    streetId: path[2], communityId: path[3], gridId: path[4], orgPath: path, categoryCode: '0208', ...fields,
  };
}
const row = (caseNumber: string, fields: Partial<CaseFactDoc> = {}) => rowOf(fact(caseNumber, fields))!;

describe('day-bucket rows', () => {
  it('keep where the case is, its category, departments, org path and revision', () => {
    expect(row('20261128-000001', { departmentIds: ['dept-water'], revision: 4 })).toEqual({
      caseNumber: '20261128-000001', registeredAt: Date.parse('2026-11-28T01:00:00Z'), revision: 4, streetId: path[2], communityId: path[3],
      gridId: path[4], categoryCode: '0208', departmentIds: ['dept-water'], orgPath: path, outcome: 0, units: [],
    });
  });

  it('pack each outcome as a flag the figures count', () => {
    const flags = (fields: Partial<CaseFactDoc>) => Object.keys(OUTCOME).filter((k) => has(row('n', fields), k as keyof typeof OUTCOME));
    expect(flags({ responded: true, resolved: true, resolvedOnTime: true, callbackReached: true, satisfaction: 'basically-satisfied' }))
      .toEqual(['responded', 'resolved', 'onTime', 'callback', 'satisfied', 'basicallySatisfied']);
    // late: resolved, not on time; a reopened case is no longer resolved, and resolvedOnTime alone is no on-time resolution
    expect(flags({ resolved: true, resolvedOnTime: false, everBreached: true })).toEqual(['resolved', 'everBreached']);
    expect(flags({ resolved: false, resolvedOnTime: true, reopenedCount: 1, returnedCount: 2, escalated: true })).toEqual(['escalated', 'returned', 'reopened']);
    expect(flags({ callbackReached: true, satisfaction: 'unsatisfied' })).toEqual(['callback', 'unsatisfied']);
    expect(flags({ callbackReached: false, satisfaction: 'unreached' })).toEqual(['unreached']);
    expect(flags({ merged: true })).toEqual(['merged']);
  });

  it('have no day before the registration is known', () => {
    expect(rowOf(fact('n', { registeredAt: null }))).toBeNull();
  });

  it('file a case under its China day, and a period under every China day it touches', () => {
    expect(dayKeyOf(Date.parse('2026-11-27T15:59:59Z'))).toBe('2026-11-27'); // 23:59:59 in Beijing
    expect(dayKeyOf(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(dayKeysOf({ from: new Date('2026-11-27T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') })).toEqual(['2026-11-28', '2026-11-29', '2026-11-30']);
    // instants inside days: both partial days are read (rowsIn cuts them)
    expect(dayKeysOf({ from: new Date('2026-11-28T06:00:00Z'), to: new Date('2026-11-29T01:00:00Z') })).toEqual(['2026-11-28', '2026-11-29']);
  });
});

describe('merging rows into a day', () => {
  const a1 = row('a', { revision: 1 });
  const a2 = row('a', { revision: 2, resolved: true });
  const b1 = row('b', { revision: 1 });

  it('adds new cases and replaces a case only with a newer revision', () => {
    expect(mergeRows([], [a1])).toEqual([a1]);
    expect(mergeRows([a1], [b1])).toEqual([a1, b1]);
    expect(mergeRows([a1, b1], [a2])).toEqual([a2, b1]);
  });

  it('is idempotent and ignores stale rows (a backfill racing the projector)', () => {
    expect(mergeRows([a2, b1], [a2])).toBeNull();
    expect(mergeRows([a2, b1], [a1])).toBeNull();
    expect(mergeRows([a2], [a1, b1])).toEqual([a2, b1]);
  });
});

describe('the rows of a period a user may see', () => {
  const at = (iso: string, caseNumber: string, fields: Partial<CaseFactDoc> = {}): FactRow => row(caseNumber, { registeredAt: new Date(iso), ...fields });
  const rows = [
    at('2026-11-28T00:00:00Z', 'early'),
    at('2026-11-28T06:00:00Z', 'in'),
    at('2026-11-28T07:00:00Z', 'other-street', { orgPath: ['bf', 'bf-d01', 'bf-d01-s02'], streetId: 'bf-d01-s02' }),
    at('2026-11-28T08:00:00Z', 'merged', { merged: true }),
    at('2026-11-28T10:00:00Z', 'at-end'),
  ];
  const period = { from: new Date('2026-11-28T01:00:00Z'), to: new Date('2026-11-28T10:00:00Z') };

  it('cuts to [from, to), leaves merged duplicates out, and filters by the org path unless city-wide', () => {
    expect(rowsIn(rows, period, null).map((r) => r.caseNumber)).toEqual(['in', 'other-street']);
    expect(rowsIn(rows, period, 'bf-d01-s01').map((r) => r.caseNumber)).toEqual(['in']);
    expect(rowsIn(rows, period, 'bf-d01-s01-c01-g01').map((r) => r.caseNumber)).toEqual(['in']);
    expect(rowsIn(rows, period, 'bf-d02')).toEqual([]);
  });
});
