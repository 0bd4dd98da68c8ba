import { parseCaseEvent } from '@civicflow/contracts';
import { applyFactEvent, CaseFactDoc, emptyFact } from './case-fact';
import { FactRow, rowOf } from './case-fact-days';
import { attributedRows, casesBehind, groupRows, rankGroups, ratesOf, ratio } from './rates';

let n = 0;
/** The day-bucket row of a case fact with these fields (stored before attribution: its figures go to its current units). */
function fact(fields: Partial<CaseFactDoc>): FactRow {
  n += 1;
  return rowOf({ ...emptyFact(`20261128-${String(n).padStart(6, '0')}`, new Date('2026-11-28T01:00:00Z')), registeredAt: new Date('2026-11-28T01:00:00Z'), units: undefined, ...fields })!;
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
      cases: 5, responded: 4, responseRate: 0.8, respondedOnTime: 0, respondedOnTimeRate: 0, resolved: 3, resolutionRate: 0.6,
      // 满意率: satisfied + 0.9 × basically satisfied over callbacks that reached the citizen (unreached ones are not callbacks)
      callbacks: 3, satisfied: 2, basicallySatisfied: 1, satisfactionRate: 1.9 / 3,
      // 综合得分: 10 % × 0.8 + 50 % × 0.6 + 40 % × 1.9/3
      composite: 0.1 * 0.8 + 0.5 * 0.6 + 0.4 * (1.9 / 3),
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
      ['c', 1, 'red'], ['d', 1, null], ['a', 3, 'red'], ['b', 4, 'red'], ['e', 4, 'red'], ['f', 6, 'black'], ['g', 7, 'black'], ['h', 8, null],
    ]);
    // e ties with b at the third place among the listed groups: both are honoured (d has too few cases to be listed)
    expect(ranked.find((r) => r.key === 'e')!.value).toBe(0.5);
    expect(ranked.find((r) => r.key === 'h')!.value).toBeNull();
  });

  it('ranks lowest first where fewer is better', () => {
    const ranked = rankGroups([group('x', 4, 4, 2), group('y', 4, 4, 0), group('z', 4, 4, 1)], 'reopenRate');
    expect(ranked.map((r) => r.key)).toEqual(['y', 'z', 'x']);
    // the worst of three is not honoured: it is the black list
    expect(ranked.map((r) => r.list)).toEqual(['red', 'red', 'black']);
  });

  it('never honours 0 %, and lists a tie at the bottom whole', () => {
    // every street at 0 %: nobody on the red list, all of them on the black list
    const allZero = rankGroups([group('s1', 4, 0), group('s2', 5, 0), group('s3', 3, 0), group('s4', 6, 0)], 'resolutionRate');
    expect(allZero.map((r) => [r.key, r.list])).toEqual([['s4', 'black'], ['s2', 'black'], ['s1', 'black'], ['s3', 'black']]);
    // one street resolves something: it alone is red; the four tied at 0 % are all black
    const oneGood = rankGroups([group('s1', 4, 0), group('s2', 5, 0), group('s3', 3, 0), group('s4', 6, 0), group('s5', 4, 1)], 'resolutionRate');
    expect(oneGood.filter((r) => r.list === 'red').map((r) => r.key)).toEqual(['s5']);
    expect(oneGood.filter((r) => r.list === 'black').map((r) => r.key).sort()).toEqual(['s1', 's2', 's3', 's4']);
    // everyone perfect: all honoured, nobody shamed
    const allPerfect = rankGroups([group('s1', 4, 4), group('s2', 3, 3)], 'resolutionRate');
    expect(allPerfect.map((r) => r.list)).toEqual(['red', 'red']);
  });
});

describe('attribution: every act counts for the unit that did it', () => {
  const A = 'bf-d01-s01-c01';
  const B = 'bf-d01-s01-c02';
  const OTHER = 'bf-d01-s02-c01';
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 28, 1, minute)).toISOString();
  const sla = (window: string) => ({ window, startedAt: at(0), status: 'on-track', paused: false, deadline: at(59), warningAt: null });
  let cases = 0;
  /** A case's row after its events (sequence numbered in order). */
  function caseRow(steps: Array<[string, Record<string, unknown>]>): FactRow {
    cases += 1;
    const caseNumber = `20261128-${String(900 + cases).padStart(6, '0')}`;
    // as the transport hands them over: validated against their contracts
    const events = [
      { id: `${caseNumber}:registered`, type: 'case.registered', version: 1, time: at(0), key: caseNumber, source: 'workflows', correlationId: 'c',
        data: { caseNumber, channel: 'hotline', sourceRef: 's', requestType: 'complaint', urgency: 'normal', categoryCode: '0208', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', A], registeredAt: at(0) } },
      ...steps.map(([type, data], i) => ({
        id: `${caseNumber}:${i + 1}:${type}`, type, version: 1, time: at(i + 1), key: caseNumber, source: 'workflows', correlationId: 'c',
        data: { caseNumber, sequence: i + 1, occurredAt: at(i + 1), ...data },
      })),
    ].map(parseCaseEvent);
    return rowOf(events.reduce<CaseFactDoc | null>((fact, e) => applyFactEvent(fact, e) ?? fact, null)!)!;
  }
  const dispatchTo = (communityId: string, streetId = 'bf-d01-s01'): [string, Record<string, unknown>] =>
    ['case.dispatched', { stage: 'dispatched', level: 'community', unitId: communityId, sla: sla('acceptance'), route: { streetId, communityId }, assigneeUnitId: communityId, redispatch: false }];
  const returnedBy = (communityId: string): [string, Record<string, unknown>] =>
    ['case.returned', { stage: 'returned', level: null, unitId: null, sla: null, fromUnitId: communityId, reason: '不属本社区' }];
  const acceptedBy = (unitId: string, level = 'community'): [string, Record<string, unknown>] => ['case.accepted', { stage: 'in-handling', level, unitId, sla: sla(`${level}-handling`) }];
  const resolvedBy = (unitId: string, level = 'community'): [string, Record<string, unknown>] =>
    ['case.resolved', { stage: 'resolved', level, unitId, sla: sla('callback'), resolvedAt: at(20), summary: 's', callbackDueAt: at(59) }];

  it('charges a 退单 to the community that returned the case; the one it went to next answers for what it did', () => {
    const row = caseRow([dispatchTo(A), returnedBy(A), dispatchTo(OTHER, 'bf-d01-s02'), acceptedBy(OTHER), resolvedBy(OTHER)]);
    const byCommunity = groupRows([row], 'community');
    expect(ratesOf(byCommunity.get(A)!)).toMatchObject({ cases: 1, returned: 1, responded: 0, resolved: 0 });
    expect(ratesOf(byCommunity.get(OTHER)!)).toMatchObject({ cases: 1, returned: 0, responded: 1, resolved: 1 });
    const byStreet = groupRows([row], 'street');
    expect(ratesOf(byStreet.get('bf-d01-s01')!)).toMatchObject({ cases: 1, returned: 1, resolved: 0 });
    expect(ratesOf(byStreet.get('bf-d01-s02')!)).toMatchObject({ cases: 1, returned: 0, resolved: 1 });
    // the drill-down lists the same case behind A's 退单 and not behind B's
    expect(attributedRows(row, 'community').filter(([, r]) => casesBehind('returned')(r)).map(([key]) => key)).toEqual([A]);
    // the case as a whole: returned once, resolved
    expect(ratesOf([row])).toMatchObject({ cases: 1, returned: 1, resolved: 1 });
  });

  it('puts a breach to the unit whose window ran out and the resolution to the street that resolved after escalation', () => {
    const row = caseRow([
      dispatchTo(B), acceptedBy(B),
      ['case.sla-breached', { stage: 'in-handling', level: 'community', unitId: B, sla: sla('community-handling'), window: 'community-handling', deadline: at(3), action: 'escalated' }],
      ['case.escalated', { stage: 'in-handling', level: 'street', unitId: 'bf-d01-s01', sla: sla('street-handling'), trigger: 'breach', from: 'community', to: 'street' }],
      ['case.departments-summoned', { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'), summonses: [{ departmentId: 'dept-water', summonsId: 'x', sla: sla('department-report-in') }] }],
      ['case.department-reported-in', { stage: 'in-handling', level: 'department', unitId: 'bf-d01-s01', sla: sla('street-handling'), departmentId: 'dept-water', summonsId: 'x', departmentSla: sla('department-answer') }],
      resolvedBy('bf-d01-s01', 'street'),
      ['case.callback-recorded', { stage: 'called-back', level: 'street', unitId: 'bf-d01-s01', sla: null, reached: true, satisfaction: 'satisfied', attempt: 1 }],
    ]);
    expect(ratesOf(groupRows([row], 'community').get(B)!)).toMatchObject({ cases: 1, responded: 1, resolved: 0, escalated: 1, callbacks: 0 });
    expect(casesBehind('breached')(groupRows([row], 'community').get(B)![0])).toBe(true);
    expect(ratesOf(groupRows([row], 'department').get('dept-water')!)).toMatchObject({ cases: 1, responded: 1, resolved: 0 });
    // the street: its community's acts and its own — resolved on time (its own window held), the citizen satisfied
    expect(ratesOf(groupRows([row], 'street').get('bf-d01-s01')!)).toMatchObject({ cases: 1, responded: 1, resolved: 1, satisfied: 1, escalated: 1 });
    expect(row.units!.find((u) => u.unitId === 'bf-d01-s01')).toMatchObject({ level: 'street' });
    expect(casesBehind('onTime')({ ...row, outcome: row.units!.find((u) => u.unitId === 'bf-d01-s01')!.outcome })).toBe(true);
  });
});
