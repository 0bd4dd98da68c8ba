import { type CaseEventEnvelope, parseCaseEvent } from '@civicflow/contracts';
import { DEFAULT_SCORING_POLICY, policyForPeriod, type ScoringPolicyVersion } from '@civicflow/domain';
import { applyFactEvent, CaseFactDoc } from './case-fact';
import { FactRow, rowOf, rowsIn } from './case-fact-days';
import { monthPeriod } from './period';
import { groupRows, GroupBy, rankGroups, ratesOf } from './rates';

/**
 * The figures of a fixed month of cases through every path, against a table computed by hand (the arithmetic is
 * written out next to each number), under the default policy and under a second version that takes effect on
 * 2026-12-16.
 */
const A = 'bf-d01-s01-c01';
const B = 'bf-d01-s01-c02';
const S = 'bf-d01-s01';
const W = 'dept-water';
const U = 'dept-urban-management';
const path = ['bf', 'bf-d01', S, A, `${A}-g01`];

function caseOf(n: number, day: number) {
  const caseNumber = `202612${String(day).padStart(2, '0')}-${String(n).padStart(6, '0')}`;
  const at = (minute: number) => new Date(Date.UTC(2026, 11, day, 2, minute)).toISOString();
  const sla = (window: string) => ({ window, startedAt: at(0), status: 'on-track', paused: false, deadline: at(59), warningAt: null });
  const event = (type: string, sequence: number | undefined, data: Record<string, unknown>): CaseEventEnvelope => parseCaseEvent({
    id: `${caseNumber}:${sequence ?? 'registered'}:${type}`, type, version: 1, time: at(sequence ?? 0), key: caseNumber, source: 'workflows', correlationId: 'c',
    actor: { userId: 'system', role: 'system' }, data: { caseNumber, ...(sequence === undefined ? {} : { sequence, occurredAt: at(sequence) }), ...data },
  });
  const at0 = { stage: 'in-handling', sla: null };
  const summons = (departmentId: string) => ({ departmentId, summonsId: `${caseNumber}:summons:${departmentId}:1` });
  return {
    registered: event('case.registered', undefined, { channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', categoryCode: '0208', orgPath: path, registeredAt: at(0) }),
    dispatched: (seq: number, unit: string) => event('case.dispatched', seq, {
      stage: 'dispatched', level: 'community', unitId: unit, sla: { ...sla('acceptance'), deadline: at(30) }, route: { streetId: S, communityId: unit }, assigneeUnitId: unit, redispatch: unit !== A,
    }),
    accepted: (seq: number, unit: string) => event('case.accepted', seq, { ...at0, level: 'community', unitId: unit }),
    returned: (seq: number, unit: string) => event('case.returned', seq, { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: unit, reason: '不属本社区' }),
    breached: (seq: number, window: string, level: string, unit: string, departmentId?: string) => event('case.sla-breached', seq, {
      ...at0, level, unitId: unit, window, deadline: at(seq), action: level === 'community' ? 'escalated' : 'supervision', ...(departmentId ? summons(departmentId) : {}),
    }),
    escalated: (seq: number, trigger: 'early' | 'breach') => event('case.escalated', seq, { ...at0, level: 'street', unitId: S, trigger, from: 'community', to: 'street' }),
    summoned: (seq: number, ...departments: string[]) => event('case.departments-summoned', seq, { ...at0, level: 'department', unitId: S, summonses: departments.map((d) => ({ ...summons(d), sla: null })) }),
    reportedIn: (seq: number, department: string) => event('case.department-reported-in', seq, { ...at0, level: 'department', unitId: S, ...summons(department), departmentSla: null }),
    answered: (seq: number, department: string) => event('case.department-answered', seq, { ...at0, level: 'department', unitId: S, ...summons(department), plan: 'p', result: 'r' }),
    ended: (seq: number, department: string, ending: 'released' | 'withdrawn', breached: boolean) => event('case.summons-ended', seq, {
      ...at0, level: 'department', unitId: S, ...summons(department), ending, reason: ending === 'released' ? '督办后解除' : '无需该部门', breached, statusBefore: 'summoned',
    }),
    resolved: (seq: number, level: string, unit: string) => event('case.resolved', seq, { resolvedAt: at(seq), level, unitId: unit, summary: 's', callbackDueAt: at(59), stage: 'resolved', sla: null }),
    callback: (seq: number, level: string, unit: string, reached: boolean, satisfaction?: string) => event('case.callback-recorded', seq, {
      stage: 'called-back', level, unitId: unit, sla: null, reached, ...(satisfaction ? { satisfaction } : {}), attempt: 1,
    }),
    reopened: (seq: number, unit: string) => event('case.reopened', seq, { ...at0, level: 'community', unitId: unit, reopenCount: 1 }),
  };
}

function rowAfter(events: CaseEventEnvelope[]): FactRow {
  const fact = events.reduce<CaseFactDoc | null>((f, e) => applyFactEvent(f, e) ?? f, null)!;
  return rowOf(fact)!;
}

const c1 = caseOf(1, 2); // A accepts in time and resolves; 满意
const c2 = caseOf(2, 3); // A lets the acceptance window lapse; the street takes over and resolves; 基本满意
const c3 = caseOf(3, 4); // A returns it (退单); re-dispatched to B, which accepts and resolves; the citizen is unreachable
const c4 = caseOf(4, 5); // B resolves, 不满意, reopened (重办), resolved again, 基本满意
const c5 = caseOf(5, 8); // A escalates early; S summons W and U; W reports in and answers; U stays silent, breaches, is released (解除); S resolves; 满意
const c6 = caseOf(6, 17); // A escalates early; S summons W, which reports in late and answers late; S resolves; 基本满意
const c7 = caseOf(7, 18); // dispatched to A, nobody has accepted yet
const c8 = caseOf(8, 20); // A escalates early; S summons U and withdraws it (撤回) before it was due; S resolves; 满意
const rows = [
  rowAfter([c1.registered, c1.dispatched(1, A), c1.accepted(2, A), c1.resolved(3, 'community', A), c1.callback(4, 'community', A, true, 'satisfied')]),
  rowAfter([c2.registered, c2.dispatched(1, A), c2.breached(2, 'acceptance', 'community', A), c2.escalated(3, 'breach'), c2.resolved(4, 'street', S), c2.callback(5, 'street', S, true, 'basically-satisfied')]),
  rowAfter([c3.registered, c3.dispatched(1, A), c3.returned(2, A), c3.dispatched(3, B), c3.accepted(4, B), c3.resolved(5, 'community', B), c3.callback(6, 'community', B, false)]),
  rowAfter([c4.registered, c4.dispatched(1, B), c4.accepted(2, B), c4.resolved(3, 'community', B), c4.callback(4, 'community', B, true, 'unsatisfied'), c4.reopened(5, B),
    c4.resolved(6, 'community', B), c4.callback(7, 'community', B, true, 'basically-satisfied')]),
  rowAfter([c5.registered, c5.dispatched(1, A), c5.accepted(2, A), c5.escalated(3, 'early'), c5.summoned(4, W, U), c5.reportedIn(5, W), c5.answered(6, W),
    c5.breached(7, 'department-report-in', 'department', S, U), c5.ended(8, U, 'released', true), c5.resolved(9, 'street', S), c5.callback(10, 'street', S, true, 'satisfied')]),
  rowAfter([c6.registered, c6.dispatched(1, A), c6.accepted(2, A), c6.escalated(3, 'early'), c6.summoned(4, W), c6.breached(5, 'department-report-in', 'department', S, W),
    c6.reportedIn(6, W), c6.answered(7, W), c6.resolved(8, 'street', S), c6.callback(9, 'street', S, true, 'basically-satisfied')]),
  rowAfter([c7.registered, c7.dispatched(1, A)]),
  rowAfter([c8.registered, c8.dispatched(1, A), c8.accepted(2, A), c8.escalated(3, 'early'), c8.summoned(4, U), c8.ended(5, U, 'withdrawn', false), c8.resolved(6, 'street', S),
    c8.callback(7, 'street', S, true, 'satisfied')]),
];

const V2: ScoringPolicyVersion = {
  version: 2, effectiveFrom: '2026-12-16', note: '按时才算', createdBy: 'admin', createdAt: '2026-12-10T00:00:00.000Z',
  weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 }, basicallySatisfiedWeight: 1, responded: 'accepted-in-window', resolved: 'resolved-on-time',
  validCallbacks: 'all', lists: { size: 1, minCases: 1 },
};
const december = monthPeriod('2026-12')!;
const secondHalf = { from: new Date('2026-12-15T16:00:00.000Z'), to: december.to };

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
