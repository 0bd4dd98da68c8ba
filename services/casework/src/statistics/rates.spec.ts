import { CaseFactDoc, emptyFact } from './case-fact';
import { FactRow, rowOf } from './case-fact-days';
import { casesBehind, groupRows, rankGroups, ratesOf, ratio } from './rates';

let n = 0;
/** The day-bucket row of a case fact with these fields. */
function fact(fields: Partial<CaseFactDoc>): FactRow {
  n += 1;
  return rowOf({ ...emptyFact(`20261128-${String(n).padStart(6, '0')}`, new Date('2026-11-28T01:00:00Z')), registeredAt: new Date('2026-11-28T01:00:00Z'), ...fields })!;
}

describe('rate arithmetic', () => {
  it('is null when the denominator is 0', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
    const none = ratesOf([]);
    expect(none).toMatchObject({ cases: 0, responseRate: null, resolutionRate: null, satisfactionRate: null, onTimeRate: null, reopenRate: null });
  });

  it('counts each figure over its own denominator', () => {
    const facts = [
      fact({ responded: true, resolved: true, resolvedOnTime: true, callbackReached: true, satisfaction: 'satisfied' }),
      fact({ responded: true, resolved: true, resolvedOnTime: false, callbackReached: true, satisfaction: 'basically-satisfied', escalated: true }),
      fact({ responded: true, resolved: true, resolvedOnTime: true, callbackReached: true, satisfaction: 'unsatisfied', reopenedCount: 1 }),
      fact({ responded: true, callbackReached: false, satisfaction: 'unreached', returnedCount: 2 }),
      fact({}),
      fact({ merged: true, responded: true, resolved: true }),
    ];
    expect(ratesOf(facts)).toEqual({
      cases: 5, responded: 4, responseRate: 0.8, resolved: 3, resolutionRate: 0.6,
      // 满意率: satisfied + basically satisfied over callbacks that reached the citizen (unreached ones are not callbacks)
      callbacks: 3, satisfied: 2, satisfactionRate: 2 / 3,
      onTime: 2, onTimeRate: 2 / 3, escalated: 1, escalationRate: 0.2, returned: 1, returnRate: 0.2, reopened: 1, reopenRate: 0.2,
    });
  });

  it('lists exactly the cases behind a figure, rates by their numerator', () => {
    const facts = [fact({ reopenedCount: 2 }), fact({}), fact({ callbackReached: true, satisfaction: 'unsatisfied' })];
    expect(facts.filter(casesBehind('reopened'))).toEqual([facts[0]]);
    expect(facts.filter(casesBehind('reopenRate'))).toEqual([facts[0]]);
    expect(facts.filter(casesBehind('unsatisfied'))).toEqual([facts[2]]);
    expect(facts.filter(casesBehind('cases'))).toHaveLength(3);
  });

  it('groups by street, and by every summoned department', () => {
    const facts = [fact({ streetId: 's2', departmentIds: ['dept-a', 'dept-b'] }), fact({ streetId: 's1', departmentIds: ['dept-a'] }), fact({ streetId: null })];
    expect([...groupRows(facts, 'street').keys()]).toEqual(['s1', 's2']);
    const byDepartment = groupRows(facts, 'department');
    expect(byDepartment.get('dept-a')).toHaveLength(2);
    expect(byDepartment.get('dept-b')).toHaveLength(1);
  });
});

describe('ranking and the red and black lists', () => {
  const group = (key: string, cases: number, resolved: number, reopened = 0) => ({
    key, name: key, rates: ratesOf(Array.from({ length: cases }, (_, i) => fact({ resolved: i < resolved, reopenedCount: i < reopened ? 1 : 0 }))),
  });

  it('puts the best first, shares ranks on ties, and lists the top and bottom 3 of groups with at least 3 cases', () => {
    const groups = [group('a', 10, 9), group('b', 10, 5), group('c', 4, 4), group('d', 2, 2), group('e', 10, 5), group('f', 5, 1), group('g', 3, 0), group('h', 0, 0)];
    const ranked = rankGroups(groups, 'resolutionRate');
    expect(ranked.map((r) => [r.key, r.rank, r.list])).toEqual([
      ['c', 1, 'red'], ['d', 1, null], ['a', 3, 'red'], ['b', 4, 'red'], ['e', 4, null], ['f', 6, 'black'], ['g', 7, 'black'], ['h', 8, null],
    ]);
    // e ties with b but is not on a list: only 3 red, and a group tying with a red one is never black
    expect(ranked.find((r) => r.key === 'e')!.value).toBe(0.5);
    expect(ranked.find((r) => r.key === 'h')!.value).toBeNull();
  });

  it('ranks lowest first where fewer is better', () => {
    const ranked = rankGroups([group('x', 4, 4, 2), group('y', 4, 4, 0), group('z', 4, 4, 1)], 'reopenRate');
    expect(ranked.map((r) => r.key)).toEqual(['y', 'z', 'x']);
    // with three eligible groups, all are red and none black
    expect(ranked.map((r) => r.list)).toEqual(['red', 'red', 'red']);
  });
});
