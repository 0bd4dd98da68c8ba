import { type CaseEventEnvelope, parseCaseEvent } from '@civicflow/contracts';
import { type ScoringPolicyVersion } from '@civicflow/domain';
import { applyFactEvent, CaseFactDoc } from './case-fact';
import { FactRow, rowOf } from './case-fact-days';
import { monthPeriod } from './period';

/**
 * A fixed month of cases through every path (figures.spec.ts computes their figures by hand; the monthly report
 * spec renders them): two communities A and B of street S, departments W and U, eight cases in December 2026, and
 * a second policy version from 2026-12-16.
 */
export const A = 'bf-d01-s01-c01';
export const B = 'bf-d01-s01-c02';
export const S = 'bf-d01-s01';
export const W = 'dept-water';
export const U = 'dept-urban-management';
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
export const rows = [
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

export const V2: ScoringPolicyVersion = {
  version: 2, effectiveFrom: '2026-12-16', note: '按时才算', createdBy: 'admin', createdAt: '2026-12-10T00:00:00.000Z',
  weights: { response: 0.2, resolution: 0.4, satisfaction: 0.4 }, basicallySatisfiedWeight: 1, responded: 'accepted-in-window', resolved: 'resolved-on-time',
  validCallbacks: 'all', lists: { size: 1, minCases: 1 },
};
export const december = monthPeriod('2026-12')!;
export const secondHalf = { from: new Date('2026-12-15T16:00:00.000Z'), to: december.to };

