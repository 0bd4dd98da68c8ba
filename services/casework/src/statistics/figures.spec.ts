import { DEFAULT_SCORING_POLICY, policyForPeriod, type ScoringPolicyVersion } from '@civicflow/domain';
import { rowsIn } from './case-fact-days';
import { A, B, december, rows, S, secondHalf, U, V2, W } from './figures.fixtures';
import { groupRows, GroupBy, rankGroups, ratesOf } from './rates';

/**
 * The figures of a fixed month of cases through every path, against a table computed by hand (the arithmetic is
 * written out next to each number), under the default policy and under a second version that takes effect on
 * 2026-12-16.
 */
function byUnit(groupBy: GroupBy, policy: ScoringPolicyVersion, period = december) {
  return new Map([...groupRows(rowsIn(rows, period, null), groupBy)].map(([key, list]) => [key, ratesOf(list, policy)]));
}

describe('the figures of a month under the default policy (10/50/40, 基本满意 0.9)', () => {
  const v1 = DEFAULT_SCORING_POLICY;

  it('the city: every case once, by its own outcome', () => {
    expect(ratesOf(rowsIn(rows, december, null), v1)).toEqual({
      cases: 8,
      responded: 7, responseRate: 7 / 8, // all but c7 (c2: the street's resolution is its response)
      respondedOnTime: 6, respondedOnTimeRate: 6 / 8, // c2's response came after the acceptance breach
      resolved: 7, resolutionRate: 7 / 8,
      callbacks: 6, satisfied: 6, basicallySatisfied: 3, satisfactionRate: (3 + 0.9 * 3) / 6, // c3 unreached is no valid callback
      composite: 0.1 * (7 / 8) + 0.5 * (7 / 8) + 0.4 * (5.7 / 6),
      onTime: 5, onTimeRate: 5 / 7, // c5 and c6: a department's report-in window ran out before the resolution
      escalated: 4, escalationRate: 4 / 8, returned: 1, returnRate: 1 / 8, reopened: 1, reopenRate: 1 / 8,
    });
  });

  it('each community by what it did: A is not credited for c2 (it let the window lapse) nor c3 (it returned it)', () => {
    const communities = byUnit('community', v1);
    expect(communities.get(A)).toMatchObject({
      cases: 7, responded: 4, respondedOnTime: 4, resolved: 1, callbacks: 1, satisfied: 1, satisfactionRate: 1, escalated: 4, returned: 1, reopened: 0,
      composite: 0.1 * (4 / 7) + 0.5 * (1 / 7) + 0.4 * 1,
    });
    expect(communities.get(B)).toMatchObject({
      cases: 2, responded: 2, resolved: 2, callbacks: 1, satisfied: 1, basicallySatisfied: 1, satisfactionRate: 0.9, reopened: 1, returned: 0,
      composite: 0.1 + 0.5 + 0.4 * 0.9,
    });
  });

  it('the street and its district count what their communities and the street did; the street is credited with responding to c2', () => {
    const expected = {
      cases: 8, responded: 7, respondedOnTime: 7, resolved: 7, callbacks: 6, satisfied: 6, basicallySatisfied: 3, satisfactionRate: (3 + 0.9 * 3) / 6, onTime: 7,
      composite: 0.1 * (7 / 8) + 0.5 * (7 / 8) + 0.4 * 0.95,
    };
    expect(byUnit('street', v1).get(S)).toMatchObject(expected);
    expect(byUnit('district', v1).get('bf-d01')).toMatchObject(expected);
  });

  it('departments: 报到率, 答复及时率, 解决率 and the satisfaction of what they answered; a released department keeps its miss, a withdrawn one is excused', () => {
    const departments = byUnit('department', v1);
    expect(departments.get(W)).toMatchObject({
      cases: 2, responded: 2, respondedOnTime: 1, respondedOnTimeRate: 0.5, resolved: 2, resolutionRate: 1, onTime: 1, onTimeRate: 0.5,
      callbacks: 2, satisfied: 2, basicallySatisfied: 1, satisfactionRate: 1.9 / 2, composite: 0.1 + 0.5 + 0.4 * 0.95,
    });
    // c5 counts (silent past its window, released); c8 does not (withdrawn before it was due)
    expect(departments.get(U)).toMatchObject({ cases: 1, responded: 0, respondedOnTimeRate: 0, resolutionRate: 0, callbacks: 0, satisfactionRate: null, composite: null });
  });

  it('ranks by the composite with the policy’s lists: B has too few cases for a list', () => {
    const communities = [...byUnit('community', v1)].map(([key, rates]) => ({ key, name: key, rates }));
    expect(rankGroups(communities, 'composite', v1.lists).map((g) => [g.key, g.rank, g.list])).toEqual([[B, 1, null], [A, 2, 'red']]);
  });
});

describe('the same month under a second version (20/40/40, 基本满意 1, only in-window responses and on-time resolutions, unreached callbacks count)', () => {
  it('is the version a period starting on or after 2026-12-16 is scored under; December as a whole stays under version 1', () => {
    expect(policyForPeriod(december, [DEFAULT_SCORING_POLICY, V2])).toEqual({ policy: DEFAULT_SCORING_POLICY, takingEffectWithin: [V2] });
    expect(policyForPeriod(secondHalf, [DEFAULT_SCORING_POLICY, V2])).toEqual({ policy: V2, takingEffectWithin: [] });
  });

  it('rescores every unit by its rules', () => {
    expect(ratesOf(rowsIn(rows, december, null), V2)).toMatchObject({
      responded: 6, resolved: 5, callbacks: 7, satisfied: 6, satisfactionRate: 6 / 7, composite: 0.2 * (6 / 8) + 0.4 * (5 / 8) + 0.4 * (6 / 7),
    });
    const communities = byUnit('community', V2);
    expect(communities.get(A)).toMatchObject({ responded: 4, resolved: 1, callbacks: 1, composite: 0.2 * (4 / 7) + 0.4 * (1 / 7) + 0.4 * 1 });
    expect(communities.get(B)).toMatchObject({ responded: 2, resolved: 2, callbacks: 2, satisfactionRate: 0.5, composite: 0.2 + 0.4 + 0.4 * 0.5 });
    expect(byUnit('street', V2).get(S)).toMatchObject({ responded: 7, resolved: 7, callbacks: 7, satisfactionRate: 6 / 7, composite: 0.2 * (7 / 8) + 0.4 * (7 / 8) + 0.4 * (6 / 7) });
    expect(byUnit('department', V2).get(W)).toMatchObject({ responded: 1, resolved: 1, callbacks: 2, satisfactionRate: 1, composite: 0.2 * 0.5 + 0.4 * 0.5 + 0.4 * 1 });
    // one on each list of one
    const ranked = rankGroups([...communities].map(([key, rates]) => ({ key, name: key, rates })), 'composite', V2.lists);
    expect(ranked.map((g) => [g.key, g.list])).toEqual([[B, 'red'], [A, 'black']]);
  });

  it('scores the second half of the month (c6–c8) under it', () => {
    expect(byUnit('street', V2, secondHalf).get(S)).toMatchObject({
      cases: 3, responded: 2, resolved: 2, callbacks: 2, satisfied: 2, satisfactionRate: 1, composite: 0.2 * (2 / 3) + 0.4 * (2 / 3) + 0.4 * 1,
    });
  });
});
