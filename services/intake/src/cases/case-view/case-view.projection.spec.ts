import type { EventEnvelope } from '@civicflow/contracts';
import { caseViewChangeOf } from './case-view.projection';

const CASE = '20261207-000042';
let n = 0;
function event(type: string, data: Record<string, unknown>): EventEnvelope {
  return { id: `${CASE}:${++n}:${type}`, type, version: 1, time: '2026-12-07T02:00:00.000Z', key: CASE, source: 'case-worker', correlationId: 'c', data };
}
const transition = (sequence: number, stage: string, extra: Record<string, unknown> = {}) => ({
  caseNumber: CASE, sequence, occurredAt: `2026-12-07T02:00:0${sequence}.000Z`, stage, level: 'community', unitId: 'bf-d01-s01-c01', sla: null, ...extra,
});

describe('intake’s view of a case, from its events', () => {
  it('starts from the registration; an unrouted case waits for a dispatcher, a routed one is visible along its path', () => {
    const unrouted = caseViewChangeOf(event('case.registered', { caseNumber: CASE, channel: 'hotline', sourceRef: 'c1', requestType: 'complaint', urgency: 'normal', intakeStatus: 'manual-queue', registeredAt: '2026-12-07T02:00:00.000Z' }));
    expect(unrouted).toMatchObject({ kind: 'registered', initial: { lastSequence: 0, stage: 'registered', visibleTo: [] }, effects: [{ type: 'enter-dispatch-queue', reason: 'manual-queue' }, { type: 'enter-open-index' }] });
    const routed = caseViewChangeOf(event('case.registered', { caseNumber: CASE, channel: 'hotline', sourceRef: 'c1', requestType: 'complaint', urgency: 'normal', intakeStatus: 'routed', orgPath: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'g1'], registeredAt: '2026-12-07T02:00:00.000Z' }));
    expect(routed).toMatchObject({ initial: { visibleTo: ['bf', 'bf-d01', 'bf-d01-s01', 'bf-d01-s01-c01', 'g1'] }, effects: [{ type: 'enter-open-index' }] });
    const answered = caseViewChangeOf(event('case.registered', { caseNumber: CASE, channel: 'hotline', sourceRef: 'c1', requestType: 'inquiry', urgency: 'normal', intakeStatus: 'closed', registeredAt: '2026-12-07T02:00:00.000Z' }));
    expect(answered).toMatchObject({ initial: { stage: 'closed' }, effects: [] });
  });

  it('moves with each transition: dispatch takes it out of the queue, a return (退单) clears the route and puts it back', () => {
    expect(caseViewChangeOf(event('case.dispatched', transition(1, 'dispatched', { route: { streetId: 's1', communityId: 'c1' }, assigneeUnitId: 'c1', redispatch: false })))).toMatchObject({
      kind: 'transition', sequence: 1, set: { stage: 'dispatched', route: { streetId: 's1', communityId: 'c1' }, returnedBy: null, updatedAt: new Date('2026-12-07T02:00:01.000Z') },
      effects: [{ type: 'leave-dispatch-queue' }],
    });
    expect(caseViewChangeOf(event('case.returned', transition(2, 'returned', { level: null, unitId: null, fromUnitId: 'c1', reason: '不属本社区' })))).toMatchObject({
      set: { stage: 'returned', route: null, visibleTo: [], returnedBy: 'c1', level: null, unitId: null },
      effects: [{ type: 'enter-dispatch-queue', reason: 'returned', returnedBy: 'c1', returnReason: '不属本社区' }],
    });
  });

  it('takes the case out of the open-case index when it is resolved, closed or merged, and back when it is reopened', () => {
    const resolved = caseViewChangeOf(event('case.resolved', { caseNumber: CASE, resolvedAt: '2026-12-07T03:00:00.000Z', level: 'community', unitId: 'c1', summary: 'done', callbackDueAt: '2026-12-08T03:00:00.000Z', sequence: 5 }));
    expect(resolved).toMatchObject({ set: { stage: 'resolved', updatedAt: new Date('2026-12-07T03:00:00.000Z') }, effects: [{ type: 'leave-open-index' }] });
    expect(caseViewChangeOf(event('case.reopened', transition(6, 'in-handling', { reopenCount: 1 })))).toMatchObject({ effects: [{ type: 'enter-open-index' }] });
    expect(caseViewChangeOf(event('case.closed', transition(7, 'closed', { reason: 'callback-completed' })))).toMatchObject({
      set: { stage: 'closed', closureReason: 'callback-completed' }, effects: [{ type: 'leave-dispatch-queue' }, { type: 'leave-open-index' }],
    });
    expect(caseViewChangeOf(event('case.merged', transition(3, 'merged', { masterCaseNumber: '20261207-000001' })))).toMatchObject({ set: { masterCaseNumber: '20261207-000001' } });
  });

  it('keeps the running deadline and whether it is 暂定 (Open311\'s expected_datetime), until a recompute makes it official', () => {
    const clock = { window: 'community-handling', startedAt: '2026-12-24T02:00:00.000Z', status: 'on-track', paused: false, deadline: '2027-01-05T09:00:00.000Z', warningAt: null };
    expect(caseViewChangeOf(event('case.accepted', transition(2, 'in-handling', { sla: { ...clock, provisional: true } })))).toMatchObject({
      set: { deadline: new Date('2027-01-05T09:00:00.000Z'), deadlineProvisional: true },
    });
    const recomputed = transition(3, 'in-handling', { sla: { ...clock, deadline: '2027-01-06T09:00:00.000Z' }, year: 2027, calendarVersion: 2, reason: '时限已按2027年放假安排重算', clocks: [] });
    expect(caseViewChangeOf(event('case.deadlines-recomputed', recomputed))).toMatchObject({ set: { deadline: new Date('2027-01-06T09:00:00.000Z'), deadlineProvisional: false } });
  });

  it('remembers the departments summoned (their liaisons read the case)', () => {
    const summoned = caseViewChangeOf(event('case.departments-summoned', transition(4, 'in-handling', { summonses: [{ departmentId: 'dept-water', summonsId: 'x', sla: null }, { departmentId: 'dept-power', summonsId: 'y', sla: null }] })));
    expect(summoned).toMatchObject({ addDepartments: ['dept-water', 'dept-power'] });
  });

  it('ignores what is not a case event', () => {
    expect(caseViewChangeOf(event('intake.duplicate-merged', { masterCaseNumber: CASE }))).toBeUndefined();
  });
});
